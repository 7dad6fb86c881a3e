//! Writing: the draft as the composer keeps it, what it weighs against
//! the server's limits, the key that keeps a retried post from being
//! posted twice, and the outbox a post waits in until it is sent.

mod counter;
mod draft;
mod emoji_list;
mod idempotency;
mod languages;
mod limits;
mod outbox;
mod readiness;
mod reply;
mod rewrite;
mod sending;
mod suggest;

pub use counter::{DEFAULT_URL_WEIGHT, weigh};
pub use draft::{AttachmentDraft, ComposeDraft, PollChoices, poll_durations};
pub use emoji_list::{
    EmojiCatalog, EmojiGroup, PickerEmoji, custom_emojis, emoji_suggestions, picker_groups,
};
pub use idempotency::DraftKey;
pub use languages::{InstanceLanguages, Language, default_language};
pub use limits::{Limits, PollLimits};
pub use outbox::{OutboxEntry, due};
pub use readiness::{MIN_SCHEDULE_AHEAD_MS, NotReady, check, remaining};
pub use sending::{Posted, SendDraft, is_offline, retry_delay_ms};
pub use suggest::{
    Edited, SUGGESTIONS_SHOWN, Suggestion, Token, TokenKind, from_search, insert_at, replace_token,
    suggestion_search, token_at,
};
