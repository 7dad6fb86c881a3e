//! Writing: what a draft weighs against the server's limits, and the key
//! that keeps a retried post from being posted twice.

mod counter;
mod idempotency;
mod limits;

pub use counter::{DEFAULT_URL_WEIGHT, weigh};
pub use idempotency::DraftKey;
pub use limits::{Limits, PollLimits};
