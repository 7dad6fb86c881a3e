//! The Lifeboat harness against the real mock, without a browser: seeding
//! gives server A everything a backup holds, a fresh server B holds none
//! of it, a backup is carried from A to B as the restore tests need, and
//! the export checks tell Mastodon's formats from others.

use std::collections::{BTreeMap, BTreeSet};

use e2e::MockServer;
use e2e::lifeboat::{
    AccountState, Body, FilterState, MuteState, Rewrite, account_state, add_dev_users, all_pages,
    check_mastodon_csvs, differences, expected_on_b, mirror_bookmarks, recreate_state,
    rewrite_backup_for, rewrite_backup_with, seed_account, send, state_of_backup,
    unfollow_everyone, unreported_impossible, unzip,
};

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|item| item.to_string()).collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn seeding_gives_server_a_everything_a_backup_holds_and_b_none_of_it() -> anyhow::Result<()> {
    let a = MockServer::start_self_named().await?;
    let b = MockServer::start_self_named().await?;
    let seeded = seed_account(&a, "ada").await?;
    let on_a = account_state(&a, &seeded.token).await?;
    let at_a = |name: &str| format!("{name}@{}", a.addr());

    assert_eq!(
        on_a.follows.keys().cloned().collect::<BTreeSet<_>>(),
        set(&[&at_a("alan"), &at_a("grace")])
    );
    assert!(!on_a.follows[&at_a("alan")].reblogs, "{on_a:#?}");
    assert!(on_a.follows[&at_a("grace")].reblogs, "{on_a:#?}");
    let list = &on_a.lists[&seeded.list_title];
    assert_eq!(list.replies_policy, "list");
    assert_eq!(list.members, set(&[&at_a("alan"), &at_a("grace")]));
    let mute = MuteState {
        hides_notifications: true,
        ends: true,
    };
    assert_eq!(on_a.mutes, BTreeMap::from([(at_a("katherine"), mute)]));
    assert_eq!(on_a.blocks, set(&[&at_a("mallory")]));
    assert_eq!(on_a.domain_blocks, set(&["spam.example"]));
    assert_eq!(on_a.bookmarks, set(&[&seeded.bookmarked.uri]));
    assert_eq!(on_a.followed_tags, set(&["lifeboat"]));
    let filter = FilterState {
        context: set(&["home", "public"]),
        action: "warn".into(),
        keywords: BTreeSet::from([("spoiler".into(), true), ("finale".into(), false)]),
    };
    assert_eq!(
        on_a.filters,
        BTreeMap::from([(seeded.filter_title.clone(), filter)])
    );
    assert_eq!(on_a.profile.display_name, seeded.display_name);
    assert_eq!(on_a.profile.note, seeded.note);
    assert_eq!(on_a.profile.fields, seeded.fields);
    assert!(on_a.profile.locked && !on_a.profile.bot);

    // The post carries its image, CW and language; the reply points to it.
    let status = |id: &str| format!("{}/api/v1/statuses/{id}", a.origin());
    let post = send(
        "GET",
        &status(&seeded.post.id),
        Some("ada_token"),
        Body::Empty,
    )
    .await?
    .json()?;
    assert_eq!(post["spoiler_text"], seeded.post_spoiler_text.as_str());
    assert_eq!(post["language"], seeded.post_language.as_str());
    assert_eq!(post["media_attachments"][0]["type"], "image");
    let reply = send(
        "GET",
        &status(&seeded.reply.id),
        Some("ada_token"),
        Body::Empty,
    )
    .await?
    .json()?;
    assert_eq!(reply["in_reply_to_id"], seeded.post.id.as_str());

    // Paged collections are read through their Link headers.
    let path = format!(
        "/api/v1/accounts/{}/following?limit=1",
        e2e::account_id(&a, "ada").await?
    );
    let one_by_one = all_pages(&a, "ada_token", &path).await?;
    assert_eq!(one_by_one.len(), on_a.follows.len(), "{one_by_one:#?}");

    // A fresh server: the same account, following only whom the mock's
    // demo data makes it follow, then nobody.
    let on_b = account_state(&b, "ada_token").await?;
    let demo = format!("alan@{}", b.addr());
    assert!(on_b.follows.contains_key(&demo), "{on_b:#?}");
    unfollow_everyone(&b, "ada_token").await?;
    let on_b = account_state(&b, "ada_token").await?;
    assert_eq!(on_b, on_b.only_profile());
    assert_ne!(on_b.profile, on_a.profile);

    // What B should hold once a backup of A, carried over with grace left
    // on A, is restored there.
    add_dev_users(&b, e2e::lifeboat::EXTRA_USERS).await?;
    let rewrite = Rewrite::new(&a.addr(), &b.addr(), &["grace"])
        .with_statuses(mirror_bookmarks(&b, &seeded).await?);
    let expected = expected_on_b(&on_a, &rewrite);
    let at_b = |name: &str| format!("{name}@{}", b.addr());
    assert_eq!(expected.impossible, set(&[&at_a("grace")]));
    assert_eq!(
        expected
            .state
            .follows
            .keys()
            .cloned()
            .collect::<BTreeSet<_>>(),
        set(&[&at_b("alan")])
    );
    assert_eq!(
        expected.state.lists[&seeded.list_title].members,
        set(&[&at_b("alan")])
    );
    assert_eq!(expected.state.blocks, set(&[&at_b("mallory")]));
    let copy = expected
        .state
        .bookmarks
        .iter()
        .next()
        .cloned()
        .unwrap_or_default();
    assert!(
        copy.starts_with(&format!("http://{}/@katherine/", b.addr())),
        "a self-named mock's status URIs name it as the client does: {copy}"
    );
    let copy_id = copy.rsplit('/').next().unwrap_or_default();
    let on_b_copy = format!("{}/api/v1/statuses/{copy_id}", b.origin());
    let found = send("GET", &on_b_copy, Some("ada_token"), Body::Empty)
        .await?
        .json()?;
    assert_eq!(
        found["uri"],
        copy.as_str(),
        "the mapped bookmark is a status on B"
    );
    assert_eq!(expected.state.profile, on_a.profile);

    // The expectation can be met on the mock: made by hand through B's
    // API, B's state equals it, and the report check finds what is missing.
    recreate_state(&b, "ada_token", &expected.state).await?;
    let restored = account_state(&b, "ada_token").await?;
    let differences = differences(&expected.state, &restored);
    assert!(differences.is_empty(), "{differences:#?}");
    let report = vec![(
        format!("{} cannot come back", at_a("grace")),
        "impossible".to_string(),
    )];
    assert!(unreported_impossible(&expected, &report).is_empty());
    assert_eq!(unreported_impossible(&expected, &[]), vec![at_a("grace")]);
    Ok(())
}

fn hand_made_backup(a: &str) -> serde_json::Value {
    serde_json::json!({
        "format": 1,
        "account": { "server": a, "address": format!("ada@{a}"), "username": "ada" },
        "follows": [
            { "address": format!("alan@{a}"), "url": format!("http://{a}/@alan"), "reblogs": false },
            { "address": format!("grace@{a}"), "url": format!("http://{a}/@grace"), "reblogs": true },
            { "address": "eve@elsewhere.example", "url": "https://elsewhere.example/@eve" },
        ],
        "lists": [{ "title": "Crew", "members": [format!("alan@{a}"), format!("grace@{a}")] }],
        "mutes": [{
            "address": format!("katherine@{a}"),
            "url": "http://localhost:1001/@katherine",
            "notifications": true,
        }],
        "blocks": [{ "address": format!("mallory@{a}") }],
        "bookmarks": [format!("http://{a}/@katherine/1"), format!("http://{a}/@katherine/2")],
        "domain_blocks": ["spam.example"],
        "followed_tags": ["Lifeboat"],
        "filters": [{
            "title": "Spoilers", "context": ["home"], "filter_action": "hide",
            "keywords": [{ "keyword": "finale", "whole_word": true }],
        }],
        "profile": { "display_name": "Ada", "note": "Engines.", "fields": [["Home", "A"]], "locked": true },
    })
}

#[test]
fn what_a_carried_backup_names_on_b_is_what_b_should_hold() {
    let (a, b) = ("127.0.0.1:1001", "127.0.0.1:2002");
    let backup = hand_made_backup(a);
    let on_a = state_of_backup(&backup);
    assert!(!on_a.follows[&format!("alan@{a}")].reblogs);
    assert_eq!(on_a.followed_tags, set(&["lifeboat"]));
    assert_eq!(
        on_a.profile.fields,
        vec![("Home".to_string(), "A".to_string())]
    );
    assert_eq!(
        on_a.filters["Spoilers"].keywords,
        BTreeSet::from([("finale".into(), true)])
    );

    let statuses = BTreeMap::from([(
        format!("http://{a}/@katherine/1"),
        format!("http://{b}/@katherine/5"),
    )]);
    let rewrite = Rewrite::new(a, b, &["grace"]).with_statuses(statuses);
    let expected = expected_on_b(&on_a, &rewrite);
    // The carried backup, less what cannot come back, is B's expected state.
    let mut named = state_of_backup(&rewrite_backup_with(&backup, &rewrite));
    let can_come_back = |entry: &String| !expected.impossible.contains(entry);
    named.follows.retain(|address, _| can_come_back(address));
    named.mutes.retain(|address, _| can_come_back(address));
    named.blocks.retain(can_come_back);
    named.bookmarks.retain(can_come_back);
    for list in named.lists.values_mut() {
        list.members.retain(can_come_back);
    }
    let differences = differences(&expected.state, &named);
    assert!(differences.is_empty(), "{differences:#?}");
    assert_eq!(
        expected.impossible,
        set(&[&format!("grace@{a}"), &format!("http://{a}/@katherine/2")])
    );
}

#[test]
fn a_backup_carried_to_b_names_b_accounts_except_those_kept_on_a() {
    let (a, b) = ("127.0.0.1:1001", "127.0.0.1:2002");
    let backup = hand_made_backup(a);

    let carried = rewrite_backup_for(&backup, a, b, &["grace"]);
    assert_eq!(carried["follows"][0]["address"], format!("alan@{b}"));
    assert_eq!(carried["follows"][0]["url"], format!("http://{b}/@alan"));
    // The mock names itself localhost in its own links.
    assert_eq!(
        carried["mutes"][0]["url"],
        "http://localhost:2002/@katherine"
    );
    assert_eq!(
        carried["follows"][1]["address"],
        format!("grace@{a}"),
        "kept on A"
    );
    assert_eq!(carried["follows"][2]["address"], "eve@elsewhere.example");
    assert_eq!(
        carried["lists"][0]["members"],
        serde_json::json!([format!("alan@{b}"), format!("grace@{a}")])
    );
    assert_eq!(carried["mutes"][0]["address"], format!("katherine@{b}"));
    assert_eq!(carried["blocks"][0]["address"], format!("mallory@{b}"));
    assert_eq!(
        carried["account"], backup["account"],
        "whose backup it is stays"
    );
    assert_eq!(
        carried["bookmarks"], backup["bookmarks"],
        "no status mapping given"
    );

    let statuses = BTreeMap::from([(
        format!("http://{a}/@katherine/1"),
        format!("http://{b}/@katherine/9"),
    )]);
    let rewrite = Rewrite::new(a, b, &["grace"]).with_statuses(statuses);
    let carried = rewrite_backup_with(&backup, &rewrite);
    assert_eq!(carried["bookmarks"][0], format!("http://{b}/@katherine/9"));
    assert_eq!(carried["bookmarks"][1], format!("http://{a}/@katherine/2"));

    let mut on_a = AccountState::default();
    on_a.follows.insert(format!("alan@{a}"), Default::default());
    on_a.follows
        .insert(format!("grace@{a}"), Default::default());
    on_a.bookmarks = set(&[
        &format!("http://{a}/@katherine/1"),
        &format!("http://{a}/@katherine/2"),
    ]);
    let expected = expected_on_b(&on_a, &rewrite);
    assert_eq!(
        expected
            .state
            .follows
            .keys()
            .cloned()
            .collect::<BTreeSet<_>>(),
        set(&[&format!("alan@{b}")])
    );
    assert_eq!(
        expected.state.bookmarks,
        set(&[&format!("http://{b}/@katherine/9")])
    );
    assert_eq!(
        expected.impossible,
        set(&[&format!("grace@{a}"), &format!("http://{a}/@katherine/2")])
    );
}

/// An export as Mastodon would write it, by file name.
fn mastodon_export() -> BTreeMap<String, Vec<u8>> {
    let outbox = serde_json::json!({
        "@context": "https://www.w3.org/ns/activitystreams",
        "id": "outbox.json",
        "type": "OrderedCollection",
        "totalItems": 2,
        "orderedItems": [
            {
                "type": "Create",
                "object": {
                    "type": "Note",
                    "content": "<p>Leaving soon</p>",
                    "summary": "moving house",
                    "attachment": [{
                        "type": "Document",
                        "mediaType": "image/png",
                        "url": "/media_attachments/files/000/000/001/original/pixel.png",
                    }],
                },
            },
            { "type": "Announce", "object": "https://a.example/@grace/7" },
        ],
    });
    let outbox = outbox.to_string();
    let files: [(&str, &[u8]); 8] = [
        (
            "following_accounts.csv",
            b"Account address,Show boosts,Notify on new posts,Languages\nalan@a.example,false,false,\"en, fr\"\ngrace@a.example,true,true,\n",
        ),
        ("muted_accounts.csv", b"Account address,Hide notifications\nkatherine@a.example,true\n"),
        ("blocked_accounts.csv", b"mallory@a.example\n"),
        ("blocked_domains.csv", b"spam.example\n"),
        ("bookmarks.csv", b"https://a.example/@katherine/1\n"),
        ("lists.csv", b"\"Crew, mostly\",alan@a.example\n\"Crew, mostly\",grace@a.example\n"),
        ("outbox.json", outbox.as_bytes()),
        ("media_attachments/files/000/000/001/original/pixel.png", &[1, 2, 3]),
    ];
    files
        .iter()
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .collect()
}

fn zipped(files: &BTreeMap<String, Vec<u8>>) -> Vec<u8> {
    use std::io::Write;
    let mut writer = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in files {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

#[test]
fn an_export_in_mastodons_formats_passes_and_others_do_not() {
    let export = mastodon_export();
    let unzipped = unzip(&zipped(&export)).unwrap();
    assert_eq!(unzipped, export);
    check_mastodon_csvs(&unzipped).unwrap();

    let broken: [(&str, &[u8]); 6] = [
        ("following_accounts.csv", b"Account,Show boosts,Notify on new posts,Languages\nalan@a.example,true,false,\n"),
        ("muted_accounts.csv", b"katherine@a.example,true\n"),
        ("blocked_accounts.csv", b"Account address\nmallory@a.example\n"),
        ("lists.csv", b"Crew,alan@a.example,extra\n"),
        ("following_accounts.csv", b"Account address,Show boosts,Notify on new posts,Languages\nalan,yes,false,\n"),
        ("outbox.json", br#"{"type":"OrderedCollection","orderedItems":[{"type":"Create","object":{"attachment":[{"url":"/media_attachments/files/missing.png"}]}}]}"#),
    ];
    for (name, bytes) in broken {
        let mut files = export.clone();
        files.insert(name.to_string(), bytes.to_vec());
        assert!(
            check_mastodon_csvs(&files).is_err(),
            "{name} {:?} passed",
            String::from_utf8_lossy(bytes)
        );
    }
    let mut missing = export.clone();
    missing.remove("bookmarks.csv");
    assert!(
        check_mastodon_csvs(&missing).is_err(),
        "an export without bookmarks.csv passed"
    );
}
