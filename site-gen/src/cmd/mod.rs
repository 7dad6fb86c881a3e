pub mod build;
pub mod check;
pub mod mirror;
pub mod new;
pub mod serve;
pub mod signing;
