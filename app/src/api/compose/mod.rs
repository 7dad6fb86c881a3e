//! Writing: the draft as the composer keeps it, what it weighs against
//! the server's limits, and the key that keeps a retried post from being
//! posted twice.

mod counter;
mod draft;
mod emoji_list;
mod idempotency;
mod limits;
mod suggest;

pub use counter::{DEFAULT_URL_WEIGHT, weigh};
pub use draft::{AttachmentDraft, ComposeDraft, PollChoices};
pub use emoji_list::{
    EmojiCatalog, EmojiGroup, PickerEmoji, custom_emojis, emoji_suggestions, picker_groups,
};
pub use idempotency::DraftKey;
pub use limits::{Limits, PollLimits};
pub use suggest::{
    Edited, SUGGESTIONS_SHOWN, Suggestion, Token, TokenKind, from_search, insert_at, replace_token,
    suggestion_search, token_at,
};
