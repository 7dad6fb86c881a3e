//! Whole runs: what a backup holds, paging, incremental posts, resuming.

use super::FakeServer;
use super::fixtures::*;
use crate::api::lifeboat::collect::Collect;
use crate::api::lifeboat::collect::clock::rfc3339;
use crate::api::lifeboat::{Backup, BackupFilter, BackupFilterKeyword, BackupFollow, BackupMute};

fn run(server: &mut FakeServer, previous: Option<Backup>) -> Backup {
    let mut now = 1_796_197_244_000.0;
    let mut engine = Collect::new(account(), previous, now);
    server.run(&mut engine, &mut now);
    assert_eq!(engine.progress().failure, None);
    let backup = engine.finished().expect("the run completes").clone();
    assert_eq!(backup.completed_at, Some(rfc3339(now)));
    backup
}

fn follow(address: &str, reblogs: bool, notify: bool, requested: bool) -> BackupFollow {
    let (user, host) = address.split_once('@').unwrap();
    BackupFollow {
        address: address.into(),
        url: format!("https://{host}/@{user}"),
        reblogs,
        notify,
        languages: None,
        requested,
    }
}

#[test]
fn a_whole_run_keeps_every_kind() {
    let mut server = mastodon();
    let backup = run(&mut server, None);

    assert_eq!(backup.account.address, "ada@a.example");
    assert_eq!(backup.account.url, "https://a.example/@ada");
    // The bio and fields as typed, not as rendered.
    assert_eq!(backup.profile.display_name, "Ada L.");
    assert_eq!(backup.profile.note, "Counting #engines");
    assert_eq!(
        backup.profile.fields,
        [("Site".into(), "https://ada.example".into())]
    );
    assert!(backup.profile.locked && !backup.profile.bot);

    assert_eq!(backup.followers[0].address, "eve@b.example");
    assert_eq!(backup.lists[0].title, "Looms");
    assert_eq!(backup.lists[0].replies_policy, "followed");
    assert!(backup.lists[0].exclusive);
    assert_eq!(backup.lists[0].members, ["bea@b.example", "cy@a.example"]);
    assert_eq!(
        backup.mutes,
        [
            BackupMute {
                address: "fay@b.example".into(),
                url: "https://b.example/@fay".into(),
                expires_at: Some("2026-12-03T10:00:00.000Z".into()),
                notifications: false,
            },
            BackupMute {
                address: "gus@a.example".into(),
                url: "https://a.example/@gus".into(),
                expires_at: None,
                notifications: true,
            },
        ]
    );
    assert_eq!(backup.blocks[0].address, "spam@d.example");
    assert_eq!(backup.domain_blocks, ["bad.example", "worse.example"]);
    assert_eq!(
        backup.bookmarks,
        ["https://b.example/users/bea/statuses/555"]
    );
    assert_eq!(backup.followed_tags, ["rust"]);
    assert_eq!(
        backup.filters,
        [BackupFilter {
            title: "Spoilers".into(),
            context: vec!["home".into(), "public".into()],
            filter_action: "hide".into(),
            expires_at: None,
            keywords: vec![BackupFilterKeyword {
                keyword: "finale".into(),
                whole_word: true
            }],
        }]
    );

    let ids: Vec<&str> = backup.posts.iter().map(|post| post.id.as_str()).collect();
    assert_eq!(ids, ["103", "102", "101"]);
    let [reply, boost, poll] = &backup.posts[..] else {
        panic!("three posts")
    };
    assert_eq!(reply.in_reply_to_uri.as_deref(), Some(poll.uri.as_str()));
    assert_eq!(
        (reply.spoiler_text.as_str(), reply.visibility.as_str()),
        ("engines", "unlisted")
    );
    assert!(reply.sensitive);
    assert_eq!(reply.mentions, ["bea@b.example", "cy@a.example"]);
    assert_eq!(reply.tags, ["engines"]);
    assert_eq!(reply.media[0].description.as_deref(), Some("a loom"));
    assert_eq!(reply.media[0].kind, "image");
    assert!(reply.media[0].stored);
    assert_eq!(reply.media[0].media_type.as_deref(), Some("image/png"));
    assert_eq!(
        boost.reblog_of.as_deref(),
        Some("https://b.example/users/bea/statuses/777")
    );
    assert_eq!(poll.poll_options, ["yes", "no"]);
    assert_eq!(poll.in_reply_to_uri, None);

    // The default header is no picture of the account's.
    assert_eq!(server.downloaded, ["avatar", "media/901"]);
    // Every kind once.
    let mut asked = server.asked.clone();
    asked.dedup();
    assert_eq!(asked.len(), server.asked.len(), "{:?}", server.asked);
}

#[test]
fn follows_page_through_the_link_header_and_carry_their_settings() {
    let mut server = mastodon();
    let backup = run(&mut server, None);
    let mut bea = follow("bea@b.example", false, true, false);
    bea.languages = Some(vec!["de".into(), "en".into()]);
    assert_eq!(
        backup.follows,
        [
            bea,
            follow("cy@a.example", true, false, false),
            follow("dee@c.example", true, false, true),
        ]
    );
    let following: Vec<&String> = server
        .asked
        .iter()
        .filter(|path| path.contains("following"))
        .collect();
    assert_eq!(following, [FOLLOWING, FOLLOWING_2]);
}

#[test]
fn later_runs_stop_at_the_newest_post_already_kept() {
    let first = run(&mut mastodon(), None);

    let mut server = mastodon();
    let edited = status(
        "103",
        r#","content":"<p>post 103, edited</p>","edited_at":"2026-11-05T10:00:00.000Z""#,
    );
    let page_1 = format!("[{},{}]", status("105", ""), status("104", ""));
    let page_2 = format!("[{edited},{}]", status("102", ""));
    let page_2_path = "https://a.example/api/v1/accounts/1/statuses?limit=40&max_id=104";
    let page_3_path = "https://a.example/api/v1/accounts/1/statuses?limit=40&max_id=102";
    server.page(STATUSES, &page_1, Some(page_2_path));
    server.page(page_2_path, &page_2, Some(page_3_path));
    let second = run(&mut server, Some(first.clone()));

    let ids: Vec<&str> = second.posts.iter().map(|post| post.id.as_str()).collect();
    assert_eq!(ids, ["105", "104", "103", "102", "101"]);
    assert!(!server.asked.iter().any(|path| path == page_3_path));
    // The edit is taken from the new page, older posts from the last backup.
    assert_eq!(second.posts[2].content, "<p>post 103, edited</p>");
    assert_eq!(second.posts[2].media, []);
    assert_eq!(second.posts[4], first.posts[2]);
    assert!(
        !server
            .downloaded
            .iter()
            .any(|key| key.starts_with("media/"))
    );
}

#[test]
fn media_already_stored_is_not_downloaded_again() {
    let first = run(&mut mastodon(), None);
    let mut unfinished = first.clone();
    unfinished.completed_at = None;
    let mut server = mastodon();
    let second = run(&mut server, Some(unfinished));
    assert_eq!(second.posts, first.posts);
    assert_eq!(server.downloaded, ["avatar"]);
}

#[test]
fn a_run_resumed_after_a_reload_gives_the_same_backup() {
    let whole = run(&mut mastodon(), None);
    let steps = {
        let mut server = mastodon();
        let mut now = 1_796_197_244_000.0;
        let mut engine = Collect::new(account(), None, now);
        server.run(&mut engine, &mut now);
        server.asked.len() + server.downloaded.len()
    };
    for stop_after in [1, 3, 5, steps - 1] {
        let mut server = mastodon();
        let mut now = 1_796_197_244_000.0;
        let mut engine = Collect::new(account(), None, now);
        for _ in 0..stop_after {
            assert!(server.step(&mut engine, &mut now));
        }
        let saved = serde_json::to_string(&engine).unwrap();
        let mut engine: Collect = serde_json::from_str(&saved).unwrap();
        server.run(&mut engine, &mut now);
        assert_eq!(
            engine.finished(),
            Some(&whole),
            "stopped after {stop_after}"
        );
        let mut asked = server.asked.clone();
        asked.dedup();
        assert_eq!(asked.len(), server.asked.len());
    }
}
