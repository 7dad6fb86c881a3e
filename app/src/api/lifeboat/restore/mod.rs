//! Rebuilding a backed-up account on a new server, as a pure engine the
//! browser drives: `next` says what to send, `absorb` takes what came of
//! it. The whole state is plain data, saved after every step, so a reload
//! goes on where it stopped; what the new server already has is read
//! before anything is written, so running it twice creates nothing twice.
//!
//! Order: accounts are resolved on the new server, then follows, lists
//! (and their members, once followed), mutes, blocks, domain blocks,
//! bookmarks, followed hashtags, filters and the profile.
//!
//! The runner saves the engine after `next` hands out a `Send` (before
//! sending it) as well as after each `absorb`: a reload then finds the
//! step still out, and checks what a lost create made before making it
//! again. Follows, mutes, blocks, bookmarks and the rest are idempotent
//! on the server, so those simply go again.

mod absorb;
mod asks;
mod bulk;
mod clock;
mod current_profile;
mod export;
mod kind;
mod pacing;
mod plan;
mod report;
mod settle;
mod steps;

#[cfg(test)]
mod tests;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::backup::Backup;
pub use export::announcement;
pub use kind::Kind;
pub use plan::{BulkImport, MASTODON_FOLLOW_CAP, Options, Preview, Target};
pub use report::{EntryOutcome, ReportEntry};

use plan::{Entry, ListPlan};

/// A restore of one backup onto one server, from start to report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Restore {
    target: Target,
    options: Options,
    entries: Vec<Entry>,
    lists: Vec<ListPlan>,
    /// Addresses (lower case) as found on the new server, each resolved
    /// once however many entries name it.
    accounts: BTreeMap<String, Found>,
    /// How the new account stands towards others, by their id there.
    relations: BTreeMap<String, Relation>,
    /// The new server's lists, `(title, id)`, once read.
    target_lists: Option<Vec<(String, String)>>,
    domain_blocks: Read,
    followed_tags: Read,
    /// Titles (lower case) of the new server's filters.
    filters: Read,
    /// Bookmarked status URIs as found on the new server.
    statuses: BTreeMap<String, FoundStatus>,
    /// When this engine's follows went, newest last; only the latest
    /// `follow_cap_per_day` are kept.
    follow_times: Vec<f64>,
    /// A failed step goes again no earlier than this.
    retry_at: Option<f64>,
    /// The step sent and not yet answered. Found set by `next`, it means
    /// the answer was lost (a reload): creates are checked again first.
    sent: Option<Step>,
    /// Bulk imports the new server refused; their entries go one by one.
    bulk_refused: Vec<Batch>,
    /// Why the restore stopped (the session on the new server ended).
    halted: Option<String>,
    /// The new account's profile was read (or could not be).
    #[serde(default)]
    profile_read: bool,
}

/// An account or status as searched for on the new server.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Found {
    At(String),
    Missing(String),
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum FoundStatus {
    At {
        id: String,
        bookmarked: bool,
    },
    /// A local URI whose last segment is not the status's id here (such
    /// as Pleroma's `/objects/…`): searched for instead.
    NotById,
    Missing(String),
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct Relation {
    following: bool,
    requested: bool,
    muting: bool,
    blocking: bool,
}

/// A set read from the new server, possibly over several pages.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
enum Read {
    #[default]
    NotYet,
    Partial {
        have: BTreeSet<String>,
        next: String,
    },
    Done(BTreeSet<String>),
}

impl Read {
    fn done(&self) -> Option<&BTreeSet<String>> {
        match self {
            Self::Done(have) => Some(have),
            _ => None,
        }
    }

    /// Where to read next: the first page, or the one the last named.
    fn next_page(&self, first: &str) -> Option<String> {
        match self {
            Self::NotYet => Some(first.to_string()),
            Self::Partial { next, .. } => Some(next.clone()),
            Self::Done(_) => None,
        }
    }

    fn add(&mut self, items: impl IntoIterator<Item = String>, next: Option<String>) {
        let mut have = match std::mem::take(self) {
            Self::Partial { have, .. } | Self::Done(have) => have,
            Self::NotYet => BTreeSet::new(),
        };
        have.extend(items);
        *self = match next {
            Some(next) => Self::Partial { have, next },
            None => Self::Done(have),
        };
    }
}

/// What a bulk import carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Batch {
    Follows,
    Mutes,
    Blocks,
}

/// One request's purpose, kept while it is out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
enum Step {
    Resolve(String),
    Relationships(Vec<String>),
    Bulk {
        batch: Batch,
        entries: Vec<usize>,
    },
    ReadLists,
    ReadMembers(usize),
    ReadDomainBlocks,
    ReadTags,
    ReadFilters,
    /// The new account's profile, before its text is written.
    ReadProfile,
    FindStatus(String),
    /// The entry at this index, written.
    Write(usize),
}

impl Restore {
    pub fn new(backup: &Backup, target: Target, options: Options) -> Self {
        let (entries, lists) = plan::entries(backup, &options);
        Self {
            target,
            options,
            entries,
            lists,
            accounts: BTreeMap::new(),
            relations: BTreeMap::new(),
            target_lists: None,
            domain_blocks: Read::NotYet,
            followed_tags: Read::NotYet,
            filters: Read::NotYet,
            statuses: BTreeMap::new(),
            follow_times: Vec::new(),
            retry_at: None,
            sent: None,
            bulk_refused: Vec::new(),
            halted: None,
            profile_read: false,
        }
    }

    /// Whether a bookmarked status is looked for by the id its URI ends
    /// with: a URI of the new server's own, not yet tried that way.
    fn status_by_id(&self, uri: &str) -> bool {
        let local = asks::uri_host_and_id(uri)
            .is_some_and(|(host, _)| host.eq_ignore_ascii_case(&self.target.server));
        local && self.statuses.get(uri) != Some(&FoundStatus::NotById)
    }

    pub fn target(&self) -> &Target {
        &self.target
    }

    pub fn options(&self) -> &Options {
        &self.options
    }

    /// What will happen, before anything is sent.
    pub fn preview(&self) -> Preview {
        let counts = Kind::ALL
            .into_iter()
            .map(|kind| {
                let count = self.entries.iter().filter(|e| e.kind == kind).count();
                (kind, count)
            })
            .filter(|(_, count)| *count > 0)
            .collect();
        let follows = self.follows_one_by_one().count();
        let cap = self.target.follow_cap_per_day as usize;
        Preview {
            counts,
            follows_now: follows.min(cap),
            follows_later: follows.saturating_sub(cap),
            bulk: self.target.bulk,
        }
    }

    /// Every entry in order, with what came of it so far.
    pub fn report(&self) -> Vec<ReportEntry> {
        let paced = self.paced_until();
        (0..self.entries.len())
            .filter_map(|index| {
                let entry = self.entries.get(index)?;
                let outcome = match &entry.done {
                    Some(outcome) => outcome.clone(),
                    None => self.pending_outcome(index, paced),
                };
                Some(ReportEntry {
                    kind: entry.kind,
                    subject: entry.subject.clone(),
                    outcome,
                })
            })
            .collect()
    }

    fn pending_outcome(&self, index: usize, paced: Option<f64>) -> EntryOutcome {
        if let Some(why) = &self.halted {
            return EntryOutcome::waiting(why);
        }
        match (paced, self.waits_for_a_follow(index)) {
            (Some(until), true) => EntryOutcome::Waiting {
                until_ms: Some(until),
                why: match self.entries.get(index).map(|entry| entry.kind) {
                    Some(Kind::ListMember) => report::MEMBER_AFTER_FOLLOW.into(),
                    _ => report::FOLLOW_CAP.into(),
                },
            },
            _ => EntryOutcome::waiting(report::NOT_YET),
        }
    }

    /// Whether every entry has its final outcome.
    pub fn finished(&self) -> bool {
        self.halted.is_none() && self.entries.iter().all(|entry| entry.done.is_some())
    }

    /// When the follows held back by the daily cap will go, while some are.
    pub fn waiting_until(&self) -> Option<f64> {
        self.paced_until()
    }

    /// Why the restore stopped before the end, if it did.
    pub fn halted(&self) -> Option<&str> {
        self.halted.as_deref()
    }

    /// Goes on after the reader signed in to the new server again.
    pub fn resume(&mut self) {
        self.halted = None;
    }

    /// The follows not yet made, as Mastodon's `following_accounts.csv`,
    /// for the new server's own import page, which has no daily cap.
    pub fn follows_csv_left(&self) -> Option<String> {
        let left: Vec<&Entry> = self
            .entries
            .iter()
            .filter(|entry| entry.kind == Kind::Follow && entry.done.is_none())
            .collect();
        (!left.is_empty()).then(|| export::following_csv(&left))
    }
}
