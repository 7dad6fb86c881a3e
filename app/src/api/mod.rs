//! The Mastodon client API as Samizdat speaks it: pure Rust, no browser.
//!
//! Parsing is tolerant by design, because Mastodon, Pleroma/Akkoma,
//! GoToSocial and others each send their own dialect of the same JSON.

mod account;
pub mod actions;
pub mod compose;
mod custom_emoji;
mod discovery;
mod error;
mod filter;
pub mod filter_edit;
mod filter_keywords;
mod instance;
mod lenient;
pub mod lifeboat;
mod link_header;
mod list;
pub mod list_edit;
mod media;
pub mod moderation;
mod nested;
mod notification;
pub mod oauth;
pub mod offline;
mod profile;
mod request;
mod search;
mod server;
mod status;
mod streaming;
mod thread;
mod timeline;

pub use account::{Account, verify_credentials};
pub use custom_emoji::CustomEmoji;
pub use discovery::Discovery;
pub use error::{ApiError, error_from_response};
pub use filter::{FilterAction, Verdict, verdict};
pub use instance::{ServerInfo, detect, nodeinfo_url};
pub use link_header::{Page, parse_link_header};
pub use list::{Lists, UserList, list_by_id};
pub use media::Focus;
pub use notification::{NotificationGroup, NotificationKind, Notifications};
pub use profile::{lookup_account, statuses_of};
pub use request::{Body, Method, Request};
pub use search::{SearchResults, search};
pub use server::{ServerAddr, ServerAddrError};
pub use status::{Card, MediaAttachment, MediaKind, Mention, Poll, Status, Tag, Visibility};
pub use streaming::{StreamEvent, parse_stream_message, reconnect_delay_secs, stream_url};
pub use thread::{context_of, status_by_id};
pub use timeline::{Posts, Timeline, timeline_page};
