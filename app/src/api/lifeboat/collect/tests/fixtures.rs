//! Pages shaped like Mastodon's answers, for the account `ada` (id 1) on
//! `a.example`.

use super::FakeServer;
use crate::api::lifeboat::BackupAccount;

pub(super) const SERVER: &str = "a.example";
pub(super) const FOLLOWING: &str = "/api/v1/accounts/1/following?limit=80";
/// The second page, as the `Link` header names it: the engine must follow
/// it exactly.
pub(super) const FOLLOWING_2: &str =
    "https://a.example/api/v1/accounts/1/following?limit=80&max_id=7";
pub(super) const STATUSES: &str = "/api/v1/accounts/1/statuses?limit=40";
pub(super) const FOLLOWED_TAGS: &str = "/api/v1/followed_tags?limit=200";

pub(super) fn account() -> BackupAccount {
    BackupAccount {
        server: SERVER.into(),
        id: "1".into(),
        ..BackupAccount::default()
    }
}

pub(super) fn account_json(id: &str, acct: &str) -> String {
    let host = acct.split_once('@').map_or(SERVER, |(_, host)| host);
    let user = acct.split('@').next().unwrap_or(acct);
    format!(
        r#"{{"id":"{id}","username":"{user}","acct":"{acct}","display_name":"","locked":false,"bot":false,"url":"https://{host}/@{user}","avatar":"https://{host}/avatars/original/missing.png","header":"https://{host}/headers/original/missing.png","fields":[],"emojis":[]}}"#
    )
}

pub(super) const CREDENTIALS: &str = r#"{
  "id": "1", "username": "ada", "acct": "ada", "display_name": "Ada L.",
  "locked": true, "bot": false, "url": "https://a.example/@ada",
  "note": "<p>Counting <a href=\"https://a.example/tags/engines\">#engines</a></p>",
  "avatar": "https://files.a.example/accounts/avatars/000/000/001/original/ada.png",
  "header": "https://a.example/headers/original/missing.png",
  "fields": [{"name": "Site", "value": "<a href=\"https://ada.example\">ada.example</a>", "verified_at": null}],
  "source": {"privacy": "public", "sensitive": false, "language": "en",
             "note": "Counting #engines", "fields": [{"name": "Site", "value": "https://ada.example"}],
             "follow_requests_count": 0}
}"#;

fn relationship(id: &str, extra: &str) -> String {
    format!(
        r#"{{"id":"{id}","followed_by":false,"blocking":false,"domain_blocking":false,"endorsed":false,"note":""{extra}}}"#
    )
}

/// A status of `ada`'s; `extra` (`,"field":value…`) overrides its fields.
pub(super) fn status(id: &str, extra: &str) -> String {
    let base = format!(
        r#"{{"id":"{id}","uri":"https://a.example/users/ada/statuses/{id}","url":"https://a.example/@ada/{id}","created_at":"2026-11-01T10:00:00.000Z","edited_at":null,"account":{},"content":"<p>post {id}</p>","spoiler_text":"","sensitive":false,"visibility":"public","language":"en","in_reply_to_id":null,"reblog":null,"media_attachments":[],"mentions":[],"tags":[],"poll":null}}"#,
        account_json("1", "ada")
    );
    let mut status: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(&base).unwrap();
    if let Some(fields) = extra.strip_prefix(',') {
        let fields: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&format!("{{{fields}}}")).unwrap();
        status.extend(fields);
    }
    serde_json::Value::Object(status).to_string()
}

/// The account's posts: a reply with a CW, a mention, a tag and an image;
/// a boost; a poll.
pub(super) fn posts_page() -> String {
    let reply = status(
        "103",
        r#","in_reply_to_id":"101","in_reply_to_account_id":"1","spoiler_text":"engines","sensitive":true,"visibility":"unlisted","mentions":[{"id":"11","username":"bea","acct":"bea@b.example","url":"https://b.example/@bea"},{"id":"12","username":"cy","acct":"cy","url":"https://a.example/@cy"}],"tags":[{"name":"engines","url":"https://a.example/tags/engines"}],"media_attachments":[{"id":"901","type":"image","url":"https://files.a.example/media/901.png","preview_url":null,"remote_url":null,"description":"a loom","blurhash":"LEHV6n"}]"#,
    );
    let boosted = status("777", "").replace("a.example/users/ada", "b.example/users/bea");
    let boost = status("102", &format!(r#","content":"","reblog":{boosted}"#));
    let poll = status(
        "101",
        r#","poll":{"id":"3","expires_at":null,"expired":false,"multiple":false,"votes_count":0,"options":[{"title":"yes","votes_count":0},{"title":"no","votes_count":0}]}"#,
    );
    format!("[{reply},{boost},{poll}]")
}

/// A Mastodon server holding a little of everything.
pub(super) fn mastodon() -> FakeServer {
    let mut server = FakeServer::default();
    server.page("/api/v1/accounts/verify_credentials", CREDENTIALS, None);
    server.page(
        FOLLOWING,
        &format!(
            "[{},{}]",
            account_json("11", "bea@b.example"),
            account_json("12", "cy")
        ),
        Some(FOLLOWING_2),
    );
    server.page(
        FOLLOWING_2,
        &format!("[{}]", account_json("13", "dee@c.example")),
        None,
    );
    server.page(
        "/api/v1/accounts/relationships?id[]=11&id[]=12&id[]=13",
        &format!(
            "[{},{},{}]",
            relationship(
                "11",
                r#","showing_reblogs":false,"notifying":true,"languages":["de","en"]"#
            ),
            relationship(
                "12",
                r#","showing_reblogs":true,"notifying":false,"languages":null"#
            ),
            relationship(
                "13",
                r#","showing_reblogs":true,"notifying":false,"requested":true"#
            ),
        ),
        None,
    );
    server.page(
        "/api/v1/accounts/1/followers?limit=80",
        &format!("[{}]", account_json("21", "eve@b.example")),
        None,
    );
    server.page(
        "/api/v1/lists",
        r#"[{"id":"5","title":"Looms","replies_policy":"followed","exclusive":true}]"#,
        None,
    );
    server.page(
        "/api/v1/lists/5/accounts?limit=0",
        &format!(
            "[{},{}]",
            account_json("11", "bea@b.example"),
            account_json("12", "cy")
        ),
        None,
    );
    let muted_for_a_day = account_json("31", "fay@b.example").replace(
        r#""fields""#,
        r#""mute_expires_at":"2026-12-03T10:00:00.000Z","fields""#,
    );
    let muted_forever =
        account_json("32", "gus").replace(r#""fields""#, r#""mute_expires_at":null,"fields""#);
    // Mastodon sends no `Link` on mutes or blocks here: one page is all.
    server.page(
        "/api/v1/mutes?limit=80",
        &format!("[{muted_for_a_day},{muted_forever}]"),
        None,
    );
    server.page(
        "/api/v1/accounts/relationships?id[]=31&id[]=32",
        &format!(
            "[{},{}]",
            relationship("31", r#","muting":true,"muting_notifications":false"#),
            relationship("32", r#","muting":true,"muting_notifications":true"#),
        ),
        None,
    );
    server.page(
        "/api/v1/blocks?limit=80",
        &format!("[{}]", account_json("41", "spam@d.example")),
        None,
    );
    server.page(
        "/api/v1/domain_blocks?limit=200",
        r#"["bad.example","worse.example"]"#,
        None,
    );
    let bookmarked = status("555", "").replace("a.example/users/ada", "b.example/users/bea");
    server.page(
        "/api/v1/bookmarks?limit=40",
        &format!("[{bookmarked}]"),
        None,
    );
    server.page(
        FOLLOWED_TAGS,
        r#"[{"name":"rust","url":"https://a.example/tags/rust","history":[],"following":true}]"#,
        None,
    );
    server.page(
        "/api/v2/filters",
        r#"[{"id":"9","title":"Spoilers","context":["home","public"],"filter_action":"hide","expires_at":null,"keywords":[{"id":"90","keyword":"finale","whole_word":true}],"statuses":[]}]"#,
        None,
    );
    server.page(STATUSES, &posts_page(), None);
    server
}
