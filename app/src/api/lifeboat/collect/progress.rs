//! What the Lifeboat page shows of a run under way.

use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::Collect;
use super::step::Step;

/// Why a run stopped before the end.
#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum CollectError {
    /// The token no longer works: the account must sign in again.
    #[error("The server no longer accepts this session: sign in again to back it up.")]
    Revoked,
    #[error("The server refused to give the {step}: {message}")]
    Refused { step: String, message: String },
}

/// Entries kept so far, per kind.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub follows: usize,
    pub followers: usize,
    pub lists: usize,
    pub mutes: usize,
    pub blocks: usize,
    pub domain_blocks: usize,
    pub bookmarks: usize,
    pub followed_tags: usize,
    pub filters: usize,
    pub posts: usize,
    pub media_stored: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Progress {
    /// `profile`, `follows`, …, `posts`, `media`, `done`.
    pub phase: &'static str,
    /// When the run began (ms since the epoch).
    pub started_at_ms: f64,
    pub counts: Counts,
    pub pages_done: u32,
    /// Files still to download in this phase.
    pub downloads_left: usize,
    /// Files that could not be downloaded; tried again next run.
    pub downloads_failed: u32,
    /// The run waits (rate limit, a failing server) until then.
    pub waiting_until_ms: Option<f64>,
    /// Since when the server has not answered (unreachable, timing out
    /// or failing), while it still does not.
    pub unreachable_since_ms: Option<f64>,
    /// Kinds the server lacks or refused, left empty.
    pub skipped: Vec<String>,
    /// Why the run stopped, if it failed.
    pub failure: Option<CollectError>,
}

impl Collect {
    pub fn progress(&self) -> Progress {
        let backup = &self.backup;
        Progress {
            phase: self.step.name(),
            started_at_ms: self.started_at_ms,
            counts: Counts {
                follows: backup.follows.len(),
                followers: backup.followers.len(),
                lists: backup.lists.len(),
                mutes: backup.mutes.len(),
                blocks: backup.blocks.len(),
                domain_blocks: backup.domain_blocks.len(),
                bookmarks: backup.bookmarks.len(),
                followed_tags: backup.followed_tags.len(),
                filters: backup.filters.len(),
                posts: backup.posts.len(),
                media_stored: backup
                    .posts
                    .iter()
                    .flat_map(|post| &post.media)
                    .filter(|media| media.stored)
                    .count(),
            },
            pages_done: self.pages_done,
            downloads_left: match self.step.downloads() {
                true => self.downloads.len(),
                false => 0,
            },
            downloads_failed: self.downloads_failed,
            waiting_until_ms: self.not_before_ms,
            unreachable_since_ms: self.unreachable_since_ms,
            skipped: self.skipped.clone(),
            failure: self.failure.clone(),
        }
    }

    /// Whether the run has ended, well or not.
    pub fn is_over(&self) -> bool {
        self.failure.is_some() || self.step == Step::Done
    }
}
