//! What a restore will do, worked out from a backup before anything is
//! sent: one entry per thing to re-create, in the order they go.

use serde::{Deserialize, Serialize};

use super::super::backup::{Backup, BackupFilter, BackupProfile};
use super::kind::Kind;
use super::report::EntryOutcome;
use crate::api::instance::Software;

/// Mastodon's cap on follows made through its API, per rolling day.
pub const MASTODON_FOLLOW_CAP: u32 = 400;

/// A bulk import the new server offers, which takes many entries in one
/// request and has no daily cap.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BulkImport {
    #[default]
    None,
    /// `POST /api/v1/import` with a CSV in Mastodon's format.
    GoToSocial,
    /// `/api/pleroma/{follow,blocks,mutes}_import` with one address a line
    /// (Pleroma and Akkoma).
    Pleroma,
}

impl BulkImport {
    /// The bulk import the server's software offers, if any.
    pub fn of(software: &Software) -> Self {
        match software {
            Software::GoToSocial => Self::GoToSocial,
            Software::Pleroma | Software::Akkoma => Self::Pleroma,
            _ => Self::None,
        }
    }
}

/// The server the backup is restored onto.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// `host[:port]`, as the client names servers.
    pub server: String,
    pub bulk: BulkImport,
    /// Follows sent one by one per rolling 24 hours.
    pub follow_cap_per_day: u32,
}

impl Target {
    pub fn new(server: &str, bulk: BulkImport) -> Self {
        Self {
            server: server.to_string(),
            bulk,
            follow_cap_per_day: MASTODON_FOLLOW_CAP,
        }
    }

    /// Whether `address` (`user@server`) lives on this server.
    pub(super) fn is_local(&self, address: &str) -> bool {
        address
            .rsplit_once('@')
            .is_some_and(|(_, server)| server.eq_ignore_ascii_case(&self.server))
    }
}

/// What the reader chose before confirming.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Re-create the profile's text (name, bio, fields, flags).
    pub profile: bool,
    /// The backup keeps the avatar's bytes under the key `avatar`.
    pub avatar_stored: bool,
    /// The backup keeps the header's bytes under the key `header`.
    pub header_stored: bool,
    /// The reader wants a post announcing the move drafted at the end;
    /// the engine only carries the choice, it posts nothing.
    pub announce_move: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            profile: true,
            avatar_stored: false,
            header_stored: false,
            announce_move: false,
        }
    }
}

/// One thing to re-create. `done` stays `None` until its outcome is final.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(super) struct Entry {
    pub kind: Kind,
    /// An address, a list title, a domain, a status URI, a tag, a filter
    /// title, or the part of the profile.
    pub subject: String,
    pub work: Work,
    pub done: Option<EntryOutcome>,
}

/// What an entry needs to be written, beyond its subject.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(super) enum Work {
    Follow {
        reblogs: bool,
        notify: bool,
        languages: Option<Vec<String>>,
    },
    List {
        list: usize,
    },
    ListMember {
        list: usize,
    },
    Mute {
        expires_at: Option<String>,
        notifications: bool,
    },
    Plain,
    Filter(BackupFilter),
    ProfileText(BackupProfile),
    /// `avatar` or `header`, also the key its bytes are stored under.
    Image,
}

/// A list from the backup and what the new server has of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(super) struct ListPlan {
    pub title: String,
    pub replies_policy: String,
    pub exclusive: bool,
    /// The list's id on the new server, once made or found.
    pub target_id: Option<String>,
    pub members: super::Read,
}

fn entry(kind: Kind, subject: &str, work: Work) -> Entry {
    Entry {
        kind,
        subject: subject.to_string(),
        work,
        done: None,
    }
}

/// The entries and lists for `backup`, in the order they go.
pub(super) fn entries(backup: &Backup, options: &Options) -> (Vec<Entry>, Vec<ListPlan>) {
    let mut entries: Vec<Entry> = backup
        .follows
        .iter()
        .map(|follow| {
            let work = Work::Follow {
                reblogs: follow.reblogs,
                notify: follow.notify,
                languages: follow.languages.clone(),
            };
            entry(Kind::Follow, &follow.address, work)
        })
        .collect();
    let mut lists = Vec::new();
    for (list, saved) in backup.lists.iter().enumerate() {
        lists.push(ListPlan {
            title: saved.title.clone(),
            replies_policy: saved.replies_policy.clone(),
            exclusive: saved.exclusive,
            ..ListPlan::default()
        });
        entries.push(entry(Kind::List, &saved.title, Work::List { list }));
        entries.extend(
            saved
                .members
                .iter()
                .map(|member| entry(Kind::ListMember, member, Work::ListMember { list })),
        );
    }
    entries.extend(backup.mutes.iter().map(|mute| {
        let work = Work::Mute {
            expires_at: mute.expires_at.clone(),
            notifications: mute.notifications,
        };
        entry(Kind::Mute, &mute.address, work)
    }));
    entries.extend(
        backup
            .blocks
            .iter()
            .map(|block| entry(Kind::Block, &block.address, Work::Plain)),
    );
    let plain = |kind, subjects: &[String]| -> Vec<Entry> {
        subjects
            .iter()
            .map(|subject| entry(kind, subject, Work::Plain))
            .collect()
    };
    entries.extend(plain(Kind::DomainBlock, &backup.domain_blocks));
    entries.extend(plain(Kind::Bookmark, &backup.bookmarks));
    entries.extend(plain(Kind::Tag, &backup.followed_tags));
    entries.extend(
        backup
            .filters
            .iter()
            .map(|filter| entry(Kind::Filter, &filter.title, Work::Filter(filter.clone()))),
    );
    if options.profile {
        let work = Work::ProfileText(backup.profile.clone());
        entries.push(entry(Kind::Profile, "profile", work));
    }
    for (stored, field) in [
        (options.avatar_stored, "avatar"),
        (options.header_stored, "header"),
    ] {
        if stored {
            entries.push(entry(Kind::Profile, field, Work::Image));
        }
    }
    (entries, lists)
}

/// What the reader sees before confirming.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Preview {
    /// How many entries of each kind will be restored, in order; kinds
    /// with none are left out.
    pub counts: Vec<(Kind, usize)>,
    /// Follows that can go now, one by one, within the daily cap.
    pub follows_now: usize,
    /// Follows that must wait for later days (or the new server's own
    /// import page).
    pub follows_later: usize,
    pub bulk: BulkImport,
}
