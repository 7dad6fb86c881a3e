//! Comments from any Mastodon-compatible server: an article names the post
//! that announced it, `site-gen comments refresh` keeps a snapshot of the
//! post's replies in the archive, and a build renders that snapshot as
//! static HTML, which a small script refreshes from the server as the page
//! is read.

mod archived;
mod fetch;
mod refresh;
mod render;
mod snapshot;
mod source;
mod thread;

use std::path::PathBuf;

pub use archived::{ARCHIVED_FILE, load_archived, render_archived};
pub use fetch::{AUTHENTICATED_LIMIT, UNAUTHENTICATED_LIMIT, fetch};
pub use refresh::{Outcome, RefreshOptions, RefreshReport, Refreshed, refresh};
pub use render::{Labels, render_section};
pub use snapshot::{SNAPSHOT_DIR, Snapshot, load, save, snapshot_path};
pub use source::{CommentSource, SourceError};

#[derive(Debug, thiserror::Error)]
pub enum CommentsError {
    #[error(
        "{server} refused to show the replies ({status}){}",
        if *with_token { ": the token was not accepted" } else { ": it lets only signed-in readers see them" }
    )]
    NeedsToken {
        server: String,
        status: u16,
        with_token: bool,
    },
    #[error("{server} has no post {id} (deleted, or never public)")]
    PostGone { server: String, id: String },
    #[error("{server} failed to answer ({status})")]
    ServerFailed { server: String, status: u16 },
    #[error("{server} cannot be reached: {reason}")]
    Unreachable { server: String, reason: String },
    #[error("{server} answered something that is not a post and its replies: {reason}")]
    BadAnswer { server: String, reason: String },
    #[error("{path}: cannot read it: {error}")]
    Read {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error("{path}: not a comments snapshot: {reason}")]
    Malformed { path: PathBuf, reason: String },
    #[error("{path}: cannot write it: {error}")]
    Write {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(
        "the articles' comments come from several servers ({servers}): a token belongs to one, so name it with --token-for"
    )]
    TokenForWhichServer { servers: String },
    #[error("--token-for “{0}” is not a server's address, such as https://server.example")]
    NotAServer(String),
    #[error("the archive cannot be read:\n{0}")]
    Archive(crate::Problems),
}

impl CommentsError {
    /// What the publisher can do about it.
    pub fn hint(&self) -> &'static str {
        match self {
            Self::NeedsToken {
                with_token: false, ..
            } => {
                "create an access token on that server (Preferences → Development, scope read:statuses) and give it in SAMIZDAT_COMMENTS_TOKEN, or the variable --token-env names"
            }
            Self::NeedsToken { .. } => {
                "check that the token belongs to that server, is not revoked, and has the read:statuses scope"
            }
            Self::PostGone { .. } => "check the article's `comments` address",
            Self::ServerFailed { .. } | Self::Unreachable { .. } | Self::BadAnswer { .. } => {
                "the last snapshot is kept; refresh again later"
            }
            Self::Malformed { .. } => "remove the file and refresh again",
            _ => "",
        }
    }
}
