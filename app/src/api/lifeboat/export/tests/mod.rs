//! The export as a whole: the archive's shape against Mastodon's, and
//! the zip read back into the same backup.

mod archive_shape;
mod round_trip;

use serde_json::Value;

use super::*;
use crate::api::lifeboat::{
    BackupAccount, BackupFilter, BackupFilterKeyword, BackupMedia, BackupPost,
};

fn post(id: &str, visibility: &str) -> BackupPost {
    BackupPost {
        id: id.into(),
        uri: format!("https://a.example/users/ada/statuses/{id}"),
        url: Some(format!("https://a.example/@ada/{id}")),
        created_at: format!("2026-01-0{id}T10:00:00.000Z"),
        content: format!("<p>post {id}</p>"),
        visibility: visibility.into(),
        mentions: vec!["bob@b.example".into()],
        ..BackupPost::default()
    }
}

pub(super) fn sample() -> Backup {
    let mut backup = Backup::new(BackupAccount {
        server: "a.example".into(),
        id: "1".into(),
        username: "ada".into(),
        address: "ada@a.example".into(),
        url: "https://a.example/@ada".into(),
    });
    backup.profile.display_name = "Ada".into();
    backup.profile.note = "Counts & computes".into();
    backup.profile.fields = vec![("Site".into(), "https://ada.example".into())];
    backup.profile.avatar_url = "https://files.a.example/avatars/1/original/me.png".into();
    backup.profile.header_url = "https://a.example/headers/original/missing.png".into();
    backup.profile.bot = true;
    let mut first = post("1", "public");
    first.spoiler_text = "spoilers".into();
    first.sensitive = true;
    first.language = Some("en".into());
    first.tags = vec!["Rust".into()];
    first.media = vec![
        BackupMedia {
            id: "555".into(),
            kind: "image".into(),
            url: "https://files.a.example/m/cat.jpg".into(),
            media_type: Some("image/jpeg".into()),
            description: Some("A cat".into()),
            blurhash: Some("LKO2?U%2Tw=w]~RBVZRi};RPxuwH".into()),
            stored: true,
        },
        BackupMedia {
            id: "556".into(),
            url: "https://files.a.example/m/lost.png".into(),
            ..BackupMedia::default()
        },
    ];
    let mut boost = post("4", "public");
    boost.uri = "https://a.example/users/ada/statuses/4/activity".into();
    boost.reblog_of = Some("https://b.example/users/bob/statuses/9".into());
    let mut poll = post("5", "public");
    poll.poll_options = vec!["yes".into(), "no".into()];
    // Newest first, as the backup keeps them.
    backup.posts = vec![
        poll,
        boost,
        post("3", "direct"),
        post("2", "unlisted"),
        post("6", "private"),
        first,
    ];
    backup.bookmarks = vec!["https://b.example/users/bob/statuses/9".into()];
    backup.filters = vec![BackupFilter {
        title: "Spoilers".into(),
        context: vec!["home".into()],
        filter_action: "warn".into(),
        expires_at: None,
        keywords: vec![BackupFilterKeyword {
            keyword: "finale".into(),
            whole_word: true,
        }],
    }];
    backup
}

pub(super) fn file(plan: &ExportPlan, name: &str) -> Value {
    let (_, bytes) = plan.files.iter().find(|(n, _)| n == name).unwrap();
    serde_json::from_slice(bytes).unwrap()
}

pub(super) fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}
