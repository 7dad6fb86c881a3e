//! A whole restore: what goes in which order, and what the report says.

use serde_json::json;

use super::fake::{Stop, drive};
use super::{NOW, backup, engine, server};
use crate::api::Method;
use crate::api::lifeboat::restore::{EntryOutcome, Kind, announcement};

fn position(writes: &[String], fragment: &str) -> usize {
    writes
        .iter()
        .position(|write| write.contains(fragment))
        .unwrap_or_else(|| panic!("no write to {fragment} in {writes:#?}"))
}

#[test]
fn accounts_resolve_before_anything_is_written_and_kinds_go_in_order() {
    let mut fake = server();
    let mut restore = engine(&backup());
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);
    assert!(restore.finished());

    let first_write = fake.log.iter().position(|ask| ask.method != Method::Get);
    let last_resolution = fake.log.iter().rposition(|ask| {
        ask.path.contains("/accounts/lookup") || ask.path.contains("type=accounts")
    });
    assert!(last_resolution < first_write, "{:#?}", fake.log);

    let writes = fake.writes();
    let carol = fake.id_of("carol@b.example");
    let follow_carol = position(&writes, &format!("/accounts/{carol}/follow"));
    let list = position(&writes, "Post /api/v1/lists");
    let member = position(&writes, "/api/v1/lists/L1/accounts");
    let mute = position(&writes, "/mute");
    let block = position(&writes, "/block");
    let domain = position(&writes, "/domain_blocks");
    let bookmark = position(&writes, "/bookmark");
    let tag = position(&writes, "/tags/rust/follow");
    let filter = position(&writes, "/api/v2/filters");
    let profile = position(&writes, "update_credentials");
    let order = [
        follow_carol,
        list,
        member,
        mute,
        block,
        domain,
        bookmark,
        tag,
        filter,
        profile,
    ];
    assert!(
        order.windows(2).all(|pair| pair[0] < pair[1]),
        "{writes:#?}"
    );
}

#[test]
fn the_new_server_ends_up_with_the_backup_and_the_report_says_what_could_not() {
    let mut fake = server();
    let mut restore = engine(&backup());
    drive(&mut restore, &mut fake, NOW);

    let carol = fake.id_of("carol@b.example");
    let dan = fake.id_of("dan@c.example");
    let lock = fake.id_of("lock@b.example");
    assert!(fake.following.contains(&carol) && fake.following.contains(&dan));
    assert!(!fake.following.contains(&fake.id_of("dan@b.example")));
    assert!(fake.requested.contains(&lock));
    assert_eq!(fake.lists.len(), 1);
    assert_eq!(fake.lists[0].2, [carol.clone(), dan.clone()].into());
    let mutt = fake.id_of("mutt@b.example");
    assert_eq!(
        fake.muting[&mutt],
        json!({"duration": 3600, "notifications": true})
    );
    assert!(!fake.muting.contains_key(&fake.id_of("old@b.example")));
    assert!(fake.blocking.contains(&fake.id_of("troll@c.example")));
    assert_eq!(fake.domain_blocks, ["spam.example"]);
    assert!(fake.statuses.iter().all(|(_, _, bookmarked)| *bookmarked));
    assert!(fake.tags.contains("rust"));
    assert_eq!(fake.filters.len(), 1);
    assert_eq!(
        fake.filters[0]["keywords_attributes"],
        json!([{"keyword": "finale", "whole_word": true}])
    );
    let profile: Vec<(&str, &str)> = fake
        .profile
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    assert_eq!(
        profile,
        [
            ("display_name", "Me"),
            ("note", "Moved here"),
            ("locked", "false"),
            ("bot", "true"),
            ("fields_attributes[0][name]", "Site"),
            ("fields_attributes[0][value]", "https://me.example"),
        ]
    );

    let report = restore.report();
    let outcome = |kind: Kind, subject: &str| {
        report
            .iter()
            .find(|entry| entry.kind == kind && entry.subject == subject)
            .map(|entry| entry.outcome.clone())
            .unwrap_or_else(|| panic!("no {kind:?} {subject}"))
    };
    let gone = EntryOutcome::Impossible {
        why: "not found on b.example".into(),
    };
    assert_eq!(
        outcome(Kind::Follow, "carol@b.example"),
        EntryOutcome::Restored
    );
    assert_eq!(outcome(Kind::Follow, "eve@a.example"), gone);
    assert_eq!(outcome(Kind::ListMember, "eve@a.example"), gone);
    assert_eq!(outcome(Kind::Bookmark, "https://a.example/@eve/1"), gone);
    assert_eq!(outcome(Kind::Follow, "lock@b.example").name(), "waiting");
    assert_eq!(
        outcome(Kind::ListMember, "lock@b.example").name(),
        "waiting"
    );
    assert_eq!(
        outcome(Kind::ListMember, "Dan@C.example"),
        EntryOutcome::Restored
    );
    assert_eq!(outcome(Kind::Mute, "old@b.example"), EntryOutcome::Present);
    assert_eq!(outcome(Kind::Profile, "profile"), EntryOutcome::Restored);
    let kinds: Vec<Kind> = report.iter().map(|entry| entry.kind).collect();
    assert!(kinds.windows(2).all(|pair| pair[0] <= pair[1]), "{kinds:?}");
}

#[test]
fn an_address_is_resolved_once_however_many_entries_name_it() {
    let mut fake = server();
    let mut backup = backup();
    backup.mutes.push(crate::api::lifeboat::BackupMute {
        address: "carol@b.example".into(),
        ..Default::default()
    });
    let mut restore = engine(&backup);
    drive(&mut restore, &mut fake, NOW);
    let lookups = |acct: &str| {
        fake.log
            .iter()
            .filter(|ask| ask.path.ends_with(&format!("lookup?acct={acct}")))
            .count()
    };
    assert_eq!(lookups("carol"), 1);
    let dan_searches = fake
        .log
        .iter()
        .filter(|ask| ask.path.contains("q=%40dan%40c%2Eexample"))
        .count();
    assert_eq!(dan_searches, 1);
}

#[test]
fn the_preview_counts_before_anything_is_sent() {
    let restore = engine(&backup());
    let preview = restore.preview();
    assert_eq!(preview.counts[0], (Kind::Follow, 4));
    assert!(preview.counts.contains(&(Kind::ListMember, 4)));
    assert!(preview.counts.contains(&(Kind::Bookmark, 3)));
    assert_eq!((preview.follows_now, preview.follows_later), (4, 0));
    assert!(!restore.finished());
}

#[test]
fn the_announcement_names_both_addresses() {
    let text = announcement(&backup(), "@me@b.example");
    assert!(text.starts_with("I have moved: @me@a.example is now @me@b.example."));
}

#[test]
fn a_local_status_whose_uri_does_not_end_in_its_id_is_searched_for() {
    let mut fake = server();
    let uri = "https://b.example/objects/5f1e";
    fake.statuses.push(("502".into(), uri.into(), false));
    let mut backup = backup();
    backup.bookmarks = vec![uri.into()];
    let mut restore = engine(&backup);
    assert_eq!(drive(&mut restore, &mut fake, NOW), Stop::Done);
    let tried: Vec<&str> = fake
        .log
        .iter()
        .map(|ask| ask.path.as_str())
        .filter(|path| path.contains("5f1e") || path.contains("/502/"))
        .collect();
    assert_eq!(
        tried,
        [
            "/api/v1/statuses/5f1e",
            "/api/v2/search?q=https%3A%2F%2Fb%2Eexample%2Fobjects%2F5f1e&type=statuses&resolve=true&limit=1",
            "/api/v1/statuses/502/bookmark",
        ]
    );
    assert!(fake.statuses.last().unwrap().2);
}
