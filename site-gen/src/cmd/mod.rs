pub mod build;
pub mod check;
pub mod comments;
pub mod import;
pub mod mirror;
pub mod new;
pub mod serve;
pub mod signing;
