//! The Mastodon client API as Samizdat speaks it: pure Rust, no browser.
//!
//! Parsing is tolerant by design, because Mastodon, Pleroma/Akkoma,
//! GoToSocial and others each send their own dialect of the same JSON.

mod account;
mod custom_emoji;
mod error;
mod filter;
mod instance;
mod lenient;
mod link_header;
mod list;
mod media;
mod notification;
pub mod oauth;
mod search;
mod server;
mod status;
mod streaming;
mod timeline;

pub use account::Account;
pub use custom_emoji::CustomEmoji;
pub use error::{ApiError, error_from_response};
pub use filter::{Verdict, verdict};
pub use instance::{ServerInfo, detect, nodeinfo_url};
pub use link_header::{Page, parse_link_header};
pub use list::{UserList, list_path, lists_from};
pub use notification::{NotificationGroup, NotificationKind, parse_grouped, parse_single};
pub use search::{SearchResults, search_path};
pub use server::{ServerAddr, ServerAddrError};
pub use status::{Card, MediaAttachment, MediaKind, Mention, Poll, Status, Tag};
pub use streaming::{StreamEvent, parse_stream_message, reconnect_delay_secs, stream_url};
pub use timeline::{Posts, Timeline};
