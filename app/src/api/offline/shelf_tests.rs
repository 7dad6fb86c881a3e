use super::*;

fn post(id: &str, at: f64) -> KeptPost {
    let json = format!(r#"{{"id":"{id}","content":"at {at}"}}"#);
    KeptPost {
        id: id.into(),
        fetched_at: at,
        json: RawValue::from_string(json).unwrap(),
    }
}

fn ids(kept: &KeptPosts) -> Vec<&str> {
    kept.posts.iter().map(|post| post.id.as_str()).collect()
}

#[test]
fn timelines_and_profiles_are_kept_by_timeline_whatever_the_page() {
    let local = Shelf::Posts {
        key: "/api/v1/timelines/public?local=true".into(),
        at: PagePosition::Newest,
    };
    assert_eq!(
        shelf_for("/api/v1/timelines/public?local=true"),
        Some(local)
    );
    let older = shelf_for("/api/v1/timelines/public?max_id=9&local=true&limit=20").unwrap();
    assert_eq!(older.key(), "/api/v1/timelines/public?local=true");
    assert_eq!(
        older,
        Shelf::Posts {
            key: "/api/v1/timelines/public?local=true".into(),
            at: PagePosition::Older
        }
    );
    assert!(!older.answers_offline(), "a kept copy has no second page");
    let newer = shelf_for("/api/v1/timelines/home?min_id=5").unwrap();
    assert_eq!(newer.key(), "/api/v1/timelines/home");
    assert!(matches!(
        newer,
        Shelf::Posts {
            at: PagePosition::Newer,
            ..
        }
    ));
    let profile = shelf_for("/api/v1/accounts/7/statuses").unwrap();
    assert!(profile.answers_offline());
    assert_eq!(profile.key(), "/api/v1/accounts/7/statuses");
}

#[test]
fn threads_accounts_and_notifications_are_kept_whole_and_the_rest_not_at_all() {
    for path in [
        "/api/v1/statuses/7",
        "/api/v1/statuses/7/context",
        "/api/v1/accounts/lookup?acct=ada",
        "/api/v2/notifications",
        "/api/v1/notifications",
        "/api/v2/instance",
        "/.well-known/nodeinfo",
        "/nodeinfo/2.0",
    ] {
        let shelf = shelf_for(path).unwrap_or_else(|| panic!("{path} is kept"));
        assert_eq!(shelf, Shelf::Document { key: path.into() });
        assert!(shelf.answers_offline());
        let about_the_server = path.contains("instance") || path.contains("nodeinfo");
        assert_eq!(shelf.describes_server(), about_the_server, "{path}");
    }
    for path in [
        "/api/v1/statuses/7/source",
        "/api/v1/statuses/7/history",
        "/api/v1/accounts/relationships?id[]=1",
        "/api/v2/search?q=x",
        "/api/v2/notifications?max_id=3",
        "/oauth/token",
    ] {
        assert_eq!(shelf_for(path), None, "{path} is not kept");
    }
}

#[test]
fn a_page_keeps_its_posts_with_an_id_as_sent() {
    let page = page_posts(
        r#"[{"id":"3","content":"<p>x</p>"},{"id":4},{"content":"no id"},{"id":""}]"#,
        10.0,
    )
    .unwrap();
    let ids: Vec<&str> = page.iter().map(|post| post.id.as_str()).collect();
    assert_eq!(ids, ["3", "4"]);
    assert_eq!(page[0].json.get(), r#"{"id":"3","content":"<p>x</p>"}"#);
    assert_eq!(page[1].fetched_at, 10.0);
    assert!(page_posts(r#"{"error":"gone"}"#, 1.0).is_err());
}

#[test]
fn newer_pages_go_first_older_ones_last_and_a_fresh_copy_wins() {
    let mut kept = KeptPosts::default();
    kept.merge(
        vec![post("5", 1.0), post("4", 1.0)],
        PagePosition::Newest,
        10,
    );
    kept.merge(
        vec![post("3", 2.0), post("2", 2.0)],
        PagePosition::Older,
        10,
    );
    assert_eq!(ids(&kept), ["5", "4", "3", "2"]);
    kept.merge(
        vec![post("7", 3.0), post("6", 3.0), post("5", 3.0)],
        PagePosition::Newest,
        10,
    );
    assert_eq!(ids(&kept), ["7", "6", "5", "4", "3", "2"]);
    assert_eq!(
        kept.posts[2].fetched_at, 3.0,
        "the fresh copy of 5 replaced the old"
    );
    assert_eq!(kept.fetched_at, 3.0);
    kept.merge(
        vec![post("8", 4.0), post("8", 4.0)],
        PagePosition::Newer,
        10,
    );
    assert_eq!(
        ids(&kept),
        ["8", "7", "6", "5", "4", "3", "2"],
        "no post twice"
    );
    assert_eq!(
        kept.answer(),
        format!(
            "[{}]",
            kept.posts
                .iter()
                .map(|post| post.json.get())
                .collect::<Vec<_>>()
                .join(",")
        )
    );
    assert!(serde_json::from_str::<Vec<serde_json::Value>>(&kept.answer()).is_ok());
}

#[test]
fn only_the_newest_posts_stay() {
    let mut kept = KeptPosts::default();
    let page: Vec<KeptPost> = (0..KEPT_POSTS + 50)
        .rev()
        .map(|n| post(&n.to_string(), 1.0))
        .collect();
    kept.merge(page, PagePosition::Newest, KEPT_POSTS);
    assert_eq!(kept.posts.len(), KEPT_POSTS);
    assert_eq!(kept.posts[0].id, (KEPT_POSTS + 49).to_string());
    assert_eq!(kept.posts[KEPT_POSTS - 1].id, "50");
    kept.merge(vec![post("older", 2.0)], PagePosition::Older, KEPT_POSTS);
    assert_eq!(kept.posts.len(), KEPT_POSTS);
    assert!(
        kept.posts.iter().all(|post| post.id != "older"),
        "an older page past the limit is pruned at once"
    );
    let empty = KeptPosts::default();
    assert_eq!(empty.answer(), "[]");
}
