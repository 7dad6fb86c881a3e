//! The restore engine driven against a fake new server: order,
//! idempotence, pacing, errors and bulk imports.

mod bulk_imports;
mod errors;
mod fake;
mod idempotence;
mod order;
mod pacing;
mod wire;

use super::super::backup::{
    Backup, BackupAccount, BackupFilter, BackupFilterKeyword, BackupFollow, BackupList, BackupMute,
    KnownAccount,
};
use super::{BulkImport, EntryOutcome, Kind, Options, Restore, Target};
use fake::Fake;

/// 2026-12-02T09:00:00Z.
const NOW: f64 = 1_796_202_000_000.0;
const TARGET: &str = "b.example";

fn follow(address: &str) -> BackupFollow {
    BackupFollow {
        address: address.into(),
        reblogs: true,
        ..BackupFollow::default()
    }
}

fn known(address: &str) -> KnownAccount {
    KnownAccount {
        address: address.into(),
        url: String::new(),
    }
}

/// A backup made on a.example (now dead), restored onto b.example:
/// carol and lock live on b.example, dan on c.example (which b.example
/// can resolve), eve on a.example (which nobody can any more).
fn backup() -> Backup {
    let mut backup = Backup::new(BackupAccount {
        server: "a.example".into(),
        id: "1".into(),
        username: "me".into(),
        address: "me@a.example".into(),
        url: "https://a.example/@me".into(),
    });
    backup.follows = vec![
        follow("carol@b.example"),
        BackupFollow {
            notify: true,
            languages: Some(vec!["en".into(), "fr".into()]),
            ..follow("dan@c.example")
        },
        follow("eve@a.example"),
        follow("lock@b.example"),
    ];
    backup.lists = vec![BackupList {
        title: "Friends".into(),
        replies_policy: "list".into(),
        exclusive: false,
        members: vec![
            "carol@b.example".into(),
            "Dan@C.example".into(),
            "eve@a.example".into(),
            "lock@b.example".into(),
        ],
    }];
    backup.mutes = vec![
        BackupMute {
            address: "mutt@b.example".into(),
            expires_at: Some("2026-12-02T10:00:00Z".into()),
            notifications: true,
            ..BackupMute::default()
        },
        BackupMute {
            address: "old@b.example".into(),
            expires_at: Some("2026-12-01T10:00:00Z".into()),
            ..BackupMute::default()
        },
    ];
    backup.blocks = vec![known("troll@c.example")];
    backup.domain_blocks = vec!["spam.example".into()];
    backup.bookmarks = vec![
        "https://b.example/@carol/500".into(),
        "https://c.example/users/dan/statuses/9".into(),
        "https://a.example/@eve/1".into(),
    ];
    backup.followed_tags = vec!["rust".into()];
    backup.filters = vec![BackupFilter {
        title: "Spoilers".into(),
        context: vec!["home".into()],
        filter_action: "hide".into(),
        expires_at: None,
        keywords: vec![BackupFilterKeyword {
            keyword: "finale".into(),
            whole_word: true,
        }],
    }];
    backup.profile.display_name = "Me".into();
    backup.profile.note = "Moved here".into();
    backup.profile.fields = vec![("Site".into(), "https://me.example".into())];
    backup.profile.bot = true;
    backup
}

/// b.example, knowing every account of the backup but eve's, and a
/// look-alike `dan` of its own that a careless search would take.
fn server() -> Fake {
    let mut fake = Fake::new(TARGET);
    for address in [
        "carol@b.example",
        "dan@b.example",
        "dan@c.example",
        "mutt@b.example",
        "old@b.example",
        "troll@c.example",
    ] {
        fake.account(address, false);
    }
    fake.account("lock@b.example", true);
    fake.statuses = vec![
        ("500".into(), "https://b.example/@carol/500".into(), false),
        (
            "501".into(),
            "https://c.example/users/dan/statuses/9".into(),
            false,
        ),
    ];
    fake
}

fn engine(backup: &Backup) -> Restore {
    Restore::new(
        backup,
        Target::new(TARGET, BulkImport::None),
        Options::default(),
    )
}

/// What the report says of the entry of `kind` about `subject`.
fn outcome(restore: &Restore, kind: Kind, subject: &str) -> EntryOutcome {
    let report = restore.report();
    let entry = report
        .iter()
        .find(|entry| entry.kind == kind && entry.subject == subject);
    entry.unwrap().outcome.clone()
}
