//! Writing: what a draft weighs against the server's limits.

mod counter;
mod limits;

pub use counter::{DEFAULT_URL_WEIGHT, weigh};
pub use limits::{Limits, PollLimits};
