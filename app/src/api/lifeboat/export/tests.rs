//! The export as a whole: the archive's shape against Mastodon's, and
//! the zip read back into the same backup.

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

fn sample() -> Backup {
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

fn file(plan: &ExportPlan, name: &str) -> Value {
    let (_, bytes) = plan.files.iter().find(|(n, _)| n == name).unwrap();
    serde_json::from_slice(bytes).unwrap()
}

fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect()
}

#[test]
fn the_outbox_addresses_each_post_as_mastodon_does() {
    let plan = export_files(&sample());
    let outbox = file(&plan, "outbox.json");
    assert_eq!(outbox["type"], "OrderedCollection");
    assert_eq!(outbox["totalItems"], 6);
    let items = outbox["orderedItems"].as_array().unwrap();
    let by_id = |id: &str| {
        items
            .iter()
            .find(|item| {
                item["published"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("2026-01-0{id}"))
            })
            .unwrap()
    };
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let followers = "https://a.example/users/ada/followers";
    let bob = "https://b.example/users/bob";
    let public_post = by_id("1");
    assert_eq!(public_post["type"], "Create");
    assert_eq!(strings(&public_post["to"]), [public]);
    assert_eq!(strings(&public_post["cc"]), [followers, bob]);
    assert_eq!(strings(&by_id("2")["to"]), [followers]);
    assert_eq!(strings(&by_id("2")["cc"]), [public, bob]);
    assert_eq!(strings(&by_id("6")["to"]), [followers]);
    assert_eq!(strings(&by_id("6")["cc"]), [bob]);
    assert_eq!(strings(&by_id("3")["to"]), [bob]);
    assert!(by_id("3")["cc"].as_array().unwrap().is_empty());
    // Oldest first, as in Mastodon's archive.
    assert_eq!(
        items[0]["object"]["id"],
        "https://a.example/users/ada/statuses/1"
    );
}

#[test]
fn notes_carry_warning_language_tags_and_archived_media() {
    let plan = export_files(&sample());
    let outbox = file(&plan, "outbox.json");
    let items = outbox["orderedItems"].as_array().unwrap();
    let note = &items[0]["object"];
    assert_eq!(note["type"], "Note");
    assert_eq!(note["summary"], "spoilers");
    assert_eq!(note["sensitive"], true);
    assert_eq!(note["contentMap"]["en"], "<p>post 1</p>");
    assert_eq!(note["attributedTo"], "https://a.example/users/ada");
    assert_eq!(note["tag"][0]["name"], "@bob@b.example");
    assert_eq!(note["tag"][1]["href"], "https://a.example/tags/rust");
    assert!(items[1]["object"]["summary"].is_null());
    assert!(items[1]["object"].get("contentMap").is_none());

    let kept = &note["attachment"][0];
    assert_eq!(kept["type"], "Document");
    assert_eq!(kept["mediaType"], "image/jpeg");
    assert_eq!(kept["name"], "A cat");
    let path = kept["url"].as_str().unwrap();
    assert!(path.starts_with("/media_attachments/files/000/000/555/original/"));
    let wanted = StoredFile {
        path: path.trim_start_matches('/').into(),
        key: "media/555".into(),
    };
    assert!(plan.stored.contains(&wanted));
    // A file the backup never got keeps its old address.
    assert_eq!(
        note["attachment"][1]["url"],
        "https://files.a.example/m/lost.png"
    );
    assert!(!plan.stored.iter().any(|s| s.key == "media/556"));
}

#[test]
fn boosts_are_announces_and_polls_are_questions() {
    let plan = export_files(&sample());
    let outbox = file(&plan, "outbox.json");
    let items = outbox["orderedItems"].as_array().unwrap();
    let boost = items
        .iter()
        .find(|item| item["type"] == "Announce")
        .unwrap();
    assert_eq!(boost["object"], "https://b.example/users/bob/statuses/9");
    assert_eq!(
        boost["id"],
        "https://a.example/users/ada/statuses/4/activity"
    );
    let poll = &items.last().unwrap()["object"];
    assert_eq!(poll["type"], "Question");
    assert_eq!(poll["oneOf"][1]["name"], "no");
}

#[test]
fn the_actor_points_at_the_archived_avatar() {
    let plan = export_files(&sample());
    let actor = file(&plan, "actor.json");
    assert_eq!(actor["type"], "Service");
    assert_eq!(actor["preferredUsername"], "ada");
    assert_eq!(actor["summary"], "<p>Counts &amp; computes</p>");
    assert_eq!(actor["attachment"][0]["type"], "PropertyValue");
    assert_eq!(actor["attachment"][0]["value"], "https://ada.example");
    assert_eq!(actor["icon"]["url"], "avatar.png");
    assert!(
        actor.get("image").is_none(),
        "Mastodon's stand-in is left out"
    );
    let avatar = StoredFile {
        path: "avatar.png".into(),
        key: "avatar".into(),
    };
    assert!(plan.stored.contains(&avatar));
    assert_eq!(
        strings(&file(&plan, "bookmarks.json")["orderedItems"]).len(),
        1
    );
}

#[test]
fn filters_are_written_as_mastodons_json() {
    let filters = file(&export_files(&sample()), "filters.json");
    assert_eq!(filters[0]["title"], "Spoilers");
    assert_eq!(filters[0]["filter_action"], "warn");
    assert_eq!(filters[0]["keywords"][0]["keyword"], "finale");
    assert_eq!(filters[0]["keywords"][0]["whole_word"], true);
}

fn zipped(backup: &Backup) -> Vec<u8> {
    let plan = export_files(backup);
    let mut files = plan.files;
    for stored in plan.stored {
        files.push((stored.path, format!("bytes of {}", stored.key).into_bytes()));
    }
    write_zip(files).unwrap()
}

#[test]
fn the_zip_reads_back_into_the_same_backup_and_media() {
    let backup = sample();
    let zip = zipped(&backup);
    assert_eq!(zip, zipped(&backup), "the same backup gives the same bytes");
    let imported = read_backup_file(&zip).unwrap();
    assert_eq!(imported.backup, backup);
    let mut keys: Vec<_> = imported.media.iter().map(|(key, _)| key.as_str()).collect();
    keys.sort();
    assert_eq!(keys, ["avatar", "media/555"]);
    assert!(
        imported
            .media
            .contains(&("media/555".into(), b"bytes of media/555".to_vec()))
    );
}

#[test]
fn a_bare_backup_json_reads_too() {
    let backup = sample();
    let json = serde_json::to_vec(&backup).unwrap();
    let imported = read_backup_file(&json).unwrap();
    assert_eq!(imported.backup, backup);
    assert!(imported.media.is_empty());
}

#[test]
fn media_missing_from_the_zip_is_no_longer_counted_as_kept() {
    let plan = export_files(&sample());
    let imported = read_backup_file(&write_zip(plan.files).unwrap()).unwrap();
    assert!(imported.media.is_empty());
    assert!(!imported.backup.posts.last().unwrap().media[0].stored);
}

#[test]
fn bad_files_get_errors_a_person_can_act_on() {
    let zip = zipped(&sample());
    let cut = read_backup_file(&zip[..zip.len() - 100]).unwrap_err();
    assert_eq!(cut, ImportError::Zip(ZipError::Damaged));
    assert!(cut.to_string().contains("cut short"));
    assert_eq!(
        read_backup_file(b"GIF89a...").unwrap_err(),
        ImportError::NotABackup
    );
    assert_eq!(read_backup_file(b"").unwrap_err(), ImportError::Empty);
    let newer = read_backup_file(br#"{"format": 99}"#).unwrap_err();
    assert_eq!(
        newer,
        ImportError::NewerFormat {
            found: 99,
            known: 1
        }
    );
    assert!(newer.to_string().contains("newer Samizdat"));
    assert_eq!(
        read_backup_file(br#"{"a": 1}"#).unwrap_err(),
        ImportError::NotABackup
    );
    let unrelated = write_zip(vec![("notes.txt".into(), b"hi".to_vec())]).unwrap();
    assert_eq!(
        read_backup_file(&unrelated).unwrap_err(),
        ImportError::NoBackupInside
    );
    let posts_only = write_zip(
        ["actor.json", "outbox.json"]
            .into_iter()
            .map(|name| (name.to_string(), b"{}".to_vec()))
            .collect(),
    )
    .unwrap();
    assert_eq!(
        read_backup_file(&posts_only).unwrap_err(),
        ImportError::PostsArchiveOnly
    );
}

#[test]
fn a_zip_of_mastodons_csvs_becomes_a_backup() {
    let zip = write_zip(vec![
        (
            "export/following_accounts.csv".into(),
            b"Account address,Show boosts,Notify on new posts,Languages\nbob@b.example,true,false,\n"
                .to_vec(),
        ),
        ("export/lists.csv".into(), b"Friends,bob@b.example\n".to_vec()),
        ("export/blocked_domains.csv".into(), b"spam.example\n".to_vec()),
    ])
    .unwrap();
    let backup = read_backup_file(&zip).unwrap().backup;
    assert_eq!(backup.follows[0].address, "bob@b.example");
    assert_eq!(backup.lists[0].members, ["bob@b.example"]);
    assert_eq!(backup.domain_blocks, ["spam.example"]);
    let broken = write_zip(vec![("muted_accounts.csv".into(), b"nobody\n".to_vec())]).unwrap();
    let error = read_backup_file(&broken).unwrap_err().to_string();
    assert!(error.starts_with("muted_accounts.csv, line 1:"), "{error}");
}
