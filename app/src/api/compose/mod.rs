//! Writing: the draft as the composer keeps it, what it weighs against
//! the server's limits, and the key that keeps a retried post from being
//! posted twice.

mod counter;
mod draft;
mod idempotency;
mod limits;
mod reply;
mod rewrite;

pub use counter::{DEFAULT_URL_WEIGHT, weigh};
pub use draft::{AttachmentDraft, ComposeDraft, PollChoices};
pub use idempotency::DraftKey;
pub use limits::{Limits, PollLimits};
