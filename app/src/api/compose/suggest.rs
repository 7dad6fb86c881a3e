//! Suggestions while writing: the mention, hashtag or emoji shortcode
//! being typed at the cursor, what may replace it, and the text once it
//! has. Browsers count the cursor in UTF-16 code units and Rust strings
//! count bytes, so every position that crosses that border is converted
//! here, where it can be tested.

mod choice;
mod edit;
mod offsets;
mod token;

pub use choice::{SUGGESTIONS_SHOWN, Suggestion, from_search, suggestion_search};
pub use edit::{Edited, insert_at, replace_token};
pub use token::{Token, TokenKind, token_at};
