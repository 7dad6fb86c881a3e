//! The restore's report: one line per entry, with what came of it.

use serde::{Deserialize, Serialize};

use super::kind::Kind;

/// What came of one entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub enum EntryOutcome {
    /// Re-created on the new server by this restore.
    Restored,
    /// The new server already had it (or there was nothing left to do,
    /// such as a mute that has ended since the backup).
    Present,
    /// Not yet: the daily follow cap (`until_ms` says when it goes), a
    /// locked account that has not answered the follow request yet, or
    /// a server that asks us to wait.
    Waiting { until_ms: Option<f64>, why: String },
    /// Cannot be done on the new server: an account that lived on the
    /// dead server, a post it cannot find, a refusal.
    Impossible { why: String },
}

impl EntryOutcome {
    /// The name the report's markup carries (`data-outcome`).
    pub fn name(&self) -> &'static str {
        match self {
            Self::Restored => "restored",
            Self::Present => "present",
            Self::Waiting { .. } => "waiting",
            Self::Impossible { .. } => "impossible",
        }
    }

    pub(super) fn waiting(why: &str) -> Self {
        Self::Waiting {
            until_ms: None,
            why: why.to_string(),
        }
    }

    pub(super) fn impossible(why: &str) -> Self {
        Self::Impossible {
            why: why.to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReportEntry {
    pub kind: Kind,
    /// The account's address, the list's title, the domain, the status
    /// URI, the tag, the filter's title, or the part of the profile.
    pub subject: String,
    pub outcome: EntryOutcome,
}

pub(super) const FOLLOW_CAP: &str = "daily follow limit on the new server";
pub(super) const FOLLOW_REQUESTED: &str = "follow request pending";
pub(super) const MEMBER_AFTER_FOLLOW: &str = "added once the follow goes";
pub(super) const MEMBER_AFTER_REQUEST: &str = "added once the follow request is accepted";
pub(super) const NOT_YET: &str = "not done yet";
pub(super) const LIST_FAILED: &str = "its list could not be made";
