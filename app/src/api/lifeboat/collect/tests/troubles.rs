//! What goes wrong on the way: endpoints a server lacks, a revoked token,
//! rate limits, a failing server, failed downloads, other dialects.

use super::fixtures::*;
use crate::api::ApiError;
use crate::api::lifeboat::collect::{Collect, CollectError};
use crate::api::lifeboat::exchange::{Next, RateLimit};

const START: f64 = 1_796_197_244_000.0;

fn engine() -> Collect {
    Collect::new(account(), None, START)
}

#[test]
fn a_server_without_followed_tags_leaves_them_empty() {
    let mut server = mastodon();
    server.fail(FOLLOWED_TAGS, ApiError::NotFound);
    let (mut engine, mut now) = (engine(), START);
    server.run(&mut engine, &mut now);
    let backup = engine.finished().expect("the backup completes");
    assert!(backup.followed_tags.is_empty());
    assert_eq!(backup.filters.len(), 1);
    assert_eq!(backup.posts.len(), 3);
    assert_eq!(engine.progress().skipped, ["followed_tags"]);
}

#[test]
fn a_revoked_token_stops_the_run() {
    let mut server = mastodon();
    server.fail(FOLLOWING_2, ApiError::Unauthorized);
    let (mut engine, mut now) = (engine(), START);
    server.run(&mut engine, &mut now);
    assert_eq!(engine.finished(), None);
    assert_eq!(engine.progress().failure, Some(CollectError::Revoked));
    assert_eq!(server.asked.last().map(String::as_str), Some(FOLLOWING_2));
    assert_eq!(engine.next(now + 1e9), Next::Done);
}

#[test]
fn a_failing_server_is_waited_for_and_the_same_page_asked_again() {
    let mut server = mastodon();
    server.fail(
        FOLLOWING_2,
        ApiError::RateLimited {
            retry_after_secs: 300,
        },
    );
    server.fail(
        FOLLOWING_2,
        ApiError::Unreachable {
            server: SERVER.into(),
        },
    );
    let (mut engine, mut now) = (engine(), START);
    while server.asked.len() < 3 {
        server.step(&mut engine, &mut now);
    }
    // The 429: its `Retry-After`.
    let answered_at = now;
    assert_eq!(
        engine.next(now),
        Next::Wait {
            until_ms: answered_at + 300_000.0
        }
    );
    assert_eq!(engine.progress().unreachable_since_ms, None);
    server.step(&mut engine, &mut now);
    server.step(&mut engine, &mut now);
    let down_since = now;
    assert_eq!(engine.progress().unreachable_since_ms, Some(down_since));
    assert!(matches!(engine.next(now), Next::Wait { until_ms } if until_ms > now));
    server.run(&mut engine, &mut now);
    let following: Vec<&String> = server
        .asked
        .iter()
        .filter(|path| *path == FOLLOWING_2)
        .collect();
    assert_eq!(following.len(), 3);
    assert_eq!(
        engine.finished().map(|backup| backup.follows.len()),
        Some(3)
    );
    assert_eq!(engine.progress().unreachable_since_ms, None);
}

#[test]
fn the_backup_leaves_the_reader_their_share_of_the_rate_limit() {
    let mut server = mastodon();
    let reset_ms = START + 120_000.0;
    server.rate(RateLimit {
        limit: Some(300),
        remaining: Some(140),
        reset_ms: Some(reset_ms),
    });
    let (mut engine, mut now) = (engine(), START);
    // The profile, then its avatar: downloads cost the server's API nothing.
    server.step(&mut engine, &mut now);
    server.step(&mut engine, &mut now);
    assert_eq!((server.asked.len(), server.downloaded.len()), (1, 1));
    assert_eq!(
        engine.next(now + 1_000.0),
        Next::Wait { until_ms: reset_ms }
    );
    server.step(&mut engine, &mut now);
    assert_eq!((server.asked.len(), now), (1, reset_ms));
    // Plenty left: only a short gap between requests.
    server.rate(RateLimit {
        limit: Some(300),
        remaining: Some(290),
        reset_ms: Some(reset_ms),
    });
    server.run(&mut engine, &mut now);
    assert!(engine.finished().is_some());
}

#[test]
fn a_failed_download_is_kept_for_the_next_run() {
    let mut server = mastodon();
    server.fail_download("media/901");
    let (mut engine, mut now) = (engine(), START);
    server.run(&mut engine, &mut now);
    let backup = engine.finished().expect("the backup completes").clone();
    assert!(!backup.posts[0].media[0].stored);
    assert_eq!(engine.progress().downloads_failed, 1);

    let mut server = mastodon();
    let mut again = Collect::new(account(), Some(backup), now);
    server.run(&mut again, &mut now);
    assert_eq!(server.downloaded, ["avatar", "media/901"]);
    assert!(
        again
            .finished()
            .is_some_and(|backup| backup.posts[0].media[0].stored)
    );
}

/// Pleroma and GoToSocial: numeric ids, no `source` in the credentials,
/// mutes that do not say when they end (relationships do).
#[test]
fn other_dialects_are_read_too() {
    let mut server = mastodon();
    server.page(
        "/api/v1/accounts/verify_credentials",
        r#"{"id":1,"username":"ada","acct":"ada","display_name":"Ada","note":"<p>Hi</p>",
            "url":"https://a.example/users/ada","avatar":"https://a.example/media/ada.png",
            "header":"","locked":false,"bot":true,"fields":[{"name":"Site","value":"<a>x</a>"}]}"#,
        None,
    );
    let mute = |id: &str, acct: &str| {
        account_json(id, acct).replace(&format!(r#""id":"{id}""#), &format!(r#""id":{id}"#))
    };
    server.page(
        "/api/v1/mutes?limit=80",
        &format!("[{},{}]", mute("31", "fay@b.example"), mute("32", "gus")),
        None,
    );
    server.page(
        "/api/v1/accounts/relationships?id[]=31&id[]=32",
        r#"[{"id":31,"muting":true,"muting_notifications":true,"muting_expires_at":"2026-12-09T00:00:00Z"},
            {"id":32,"muting":true,"muting_notifications":false}]"#,
        None,
    );
    let (mut engine, mut now) = (engine(), START);
    server.run(&mut engine, &mut now);
    let backup = engine.finished().expect("the backup completes");
    assert_eq!(backup.profile.note, "<p>Hi</p>");
    assert_eq!(backup.profile.fields, [("Site".into(), "<a>x</a>".into())]);
    assert!(backup.profile.bot);
    assert_eq!(backup.account.url, "https://a.example/users/ada");
    let mutes: Vec<(&str, Option<&str>, bool)> = backup
        .mutes
        .iter()
        .map(|mute| {
            (
                mute.address.as_str(),
                mute.expires_at.as_deref(),
                mute.notifications,
            )
        })
        .collect();
    assert_eq!(
        mutes,
        [
            ("fay@b.example", Some("2026-12-09T00:00:00Z"), true),
            ("gus@a.example", None, false)
        ]
    );
    assert_eq!(server.downloaded, ["avatar", "media/901"]);
}

#[test]
fn a_list_deleted_meanwhile_loses_only_its_members() {
    let mut server = mastodon();
    server.page(
        "/api/v1/lists",
        r#"[{"id":"5","title":"Looms"},{"id":"6","title":"Gone"},{"id":"7","title":"Paged"}]"#,
        None,
    );
    let second_page = "https://a.example/api/v1/lists/7/accounts?limit=0&max_id=12";
    server.page(
        "/api/v1/lists/7/accounts?limit=0",
        &format!("[{}]", account_json("11", "bea@b.example")),
        Some(second_page),
    );
    server.page(
        second_page,
        &format!("[{}]", account_json("12", "cy")),
        Some(second_page),
    );
    let (mut engine, mut now) = (engine(), START);
    server.run(&mut engine, &mut now);
    let backup = engine.finished().expect("the backup completes");
    let lists: Vec<(&str, Vec<&str>)> = backup
        .lists
        .iter()
        .map(|list| {
            (
                list.title.as_str(),
                list.members.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        lists,
        [
            ("Gone", vec![]),
            ("Looms", vec!["bea@b.example", "cy@a.example"]),
            ("Paged", vec!["bea@b.example", "cy@a.example"]),
        ]
    );
    assert_eq!(engine.progress().skipped, ["lists"]);
    assert_eq!(
        server
            .asked
            .iter()
            .filter(|path| *path == second_page)
            .count(),
        1
    );
}
