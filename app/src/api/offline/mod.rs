//! What the client keeps for reading offline, as pure data: which answers
//! are kept and where, how a timeline's kept posts are merged and pruned,
//! the media previews they show, and the media cache's size cap.

mod media_cap;
mod previews;
mod shelf;

pub use media_cap::{CapError, DEFAULT_CAP_MB, MediaEntry, MediaIndex, cap_bytes, parse_cap_mb};
pub use previews::preview_urls;
pub use shelf::{
    KEPT_POSTS, KeptDocument, KeptPost, KeptPosts, PagePosition, Shelf, page_posts, shelf_for,
};
