//! Gives an account on one mock everything a Lifeboat backup holds,
//! through the API as another client would.
//!
//! The mock's four dev users are too few for every relationship to have
//! its own account (a block clears follows both ways, so the blocked
//! account must be one not followed), so one more local user is made:
//! [`EXTRA_USERS`]. A test that restores onto a second mock makes them
//! there too with [`add_dev_users`], so that they can be resolved.

use super::http::{Body, send, send_any};
use super::png;
use crate::{MockServer, account_id};

/// Local users made on top of the dev users, on every mock involved.
pub const EXTRA_USERS: &[&str] = &["mallory"];

/// A post made while seeding.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeededPost {
    pub id: String,
    pub uri: String,
    /// The author's username.
    pub author: String,
    pub text: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SeededFollow {
    pub address: String,
    pub reblogs: bool,
    /// Sent with the follow; the mock drops them (see the report).
    pub languages: Vec<String>,
}

/// What [`seed_account`] made; addresses are `user@<server addr>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Seeded {
    pub server: String,
    pub username: String,
    pub address: String,
    pub token: String,
    pub follows: Vec<SeededFollow>,
    pub list_title: String,
    pub list_replies_policy: String,
    pub list_members: Vec<String>,
    pub muted: String,
    pub mute_seconds: u64,
    pub mute_hides_notifications: bool,
    pub blocked: String,
    pub blocked_domain: String,
    pub bookmarked: SeededPost,
    pub tag: String,
    pub filter_title: String,
    pub filter_context: Vec<String>,
    pub filter_keywords: Vec<String>,
    pub display_name: String,
    pub note: String,
    pub fields: Vec<(String, String)>,
    pub locked: bool,
    pub post: SeededPost,
    pub post_spoiler_text: String,
    pub post_language: String,
    pub media_url: String,
    pub reply: SeededPost,
}

impl Seeded {
    /// Every other account the seeded one relates to, by username.
    pub fn related_usernames(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .follows
            .iter()
            .map(|follow| follow.address.clone())
            .chain(self.list_members.iter().cloned())
            .chain([self.muted.clone(), self.blocked.clone()])
            .filter_map(|address| address.split('@').next().map(str::to_string))
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

/// Makes local users `names` on `server`, each with a token; a name
/// already taken is left as it is.
pub async fn add_dev_users(server: &MockServer, names: &[&str]) -> anyhow::Result<()> {
    for name in names {
        let body = serde_json::json!({ "username": name });
        let url = format!("{}/api/v1/_mock/dev_user", server.origin());
        let answer = send_any("POST", &url, None, Body::Json(&body)).await?;
        anyhow::ensure!(
            answer.status == 200 || answer.status == 422,
            "cannot make {name}: {}",
            answer.status
        );
    }
    Ok(())
}

/// Leaves `token`'s account following nobody. A mock started with
/// `--demo` has its dev users follow each other (ada follows alan and
/// grace), so a fresh server is not an empty one until this has run.
pub async fn unfollow_everyone(server: &MockServer, token: &str) -> anyhow::Result<()> {
    let me = api(
        server,
        "GET",
        "/api/v1/accounts/verify_credentials",
        token,
        Body::Empty,
    )
    .await?;
    let my_id = me["id"].as_str().unwrap_or_default();
    let mut next = Some(format!(
        "{}/api/v1/accounts/{my_id}/following?limit=80",
        server.origin()
    ));
    let mut ids = Vec::new();
    while let Some(url) = next.take() {
        let page = send("GET", &url, Some(token), Body::Empty).await?;
        let accounts = page.json()?;
        let batch = accounts.as_array().cloned().unwrap_or_default();
        ids.extend(
            batch
                .iter()
                .filter_map(|a| a["id"].as_str().map(str::to_string)),
        );
        next = page.next_page().filter(|_| !batch.is_empty());
    }
    for id in ids {
        let path = format!("/api/v1/accounts/{id}/unfollow");
        api(server, "POST", &path, token, Body::Empty).await?;
    }
    Ok(())
}

/// Posts `text` as `author` (a dev user) on `server`.
pub async fn post_as(server: &MockServer, author: &str, text: &str) -> anyhow::Result<SeededPost> {
    let token = format!("{author}_token");
    let body = serde_json::json!({ "status": text, "visibility": "public" });
    let posted = api(
        server,
        "POST",
        "/api/v1/statuses",
        &token,
        Body::Json(&body),
    )
    .await?;
    seeded_post(&posted, author, text)
}

fn seeded_post(posted: &serde_json::Value, author: &str, text: &str) -> anyhow::Result<SeededPost> {
    let field = |name: &str| {
        posted[name]
            .as_str()
            .map(str::to_string)
            .ok_or_else(|| anyhow::anyhow!("no {name} in {posted}"))
    };
    Ok(SeededPost {
        id: field("id")?,
        uri: field("uri")?,
        author: author.to_string(),
        text: text.to_string(),
    })
}

async fn api(
    server: &MockServer,
    method: &str,
    path: &str,
    token: &str,
    body: Body<'_>,
) -> anyhow::Result<serde_json::Value> {
    let url = format!("{}{path}", server.origin());
    send(method, &url, Some(token), body).await?.json()
}

/// Seeds `who`'s account on `a` with follows, a list, a mute, a block, a
/// domain block, a bookmark, a followed tag, a filter, a profile and two
/// posts (one with an image and a CW, and a reply to it).
pub async fn seed_account(a: &MockServer, who: &str) -> anyhow::Result<Seeded> {
    add_dev_users(a, EXTRA_USERS).await?;
    let server = a.addr();
    let token = format!("{who}_token");
    let at = |name: &str| format!("{name}@{server}");

    // Two follows, one without boosts and with languages.
    let follows = vec![
        SeededFollow {
            address: at("alan"),
            reblogs: false,
            languages: vec!["en".into(), "fr".into()],
        },
        SeededFollow {
            address: at("grace"),
            reblogs: true,
            languages: Vec::new(),
        },
    ];
    for (name, follow) in ["alan", "grace"].iter().zip(&follows) {
        let id = account_id(a, name).await?;
        let body = serde_json::json!({ "reblogs": follow.reblogs, "languages": follow.languages });
        api(
            a,
            "POST",
            &format!("/api/v1/accounts/{id}/follow"),
            &token,
            Body::Json(&body),
        )
        .await?;
    }

    // A list of both, showing replies to list members only.
    let list_title = "Lifeboat crew".to_string();
    let list = api(
        a,
        "POST",
        "/api/v1/lists",
        &token,
        Body::Json(&serde_json::json!({ "title": list_title, "replies_policy": "list" })),
    )
    .await?;
    let list_id = list["id"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no list id in {list}"))?;
    let member_ids = [account_id(a, "alan").await?, account_id(a, "grace").await?];
    api(
        a,
        "POST",
        &format!("/api/v1/lists/{list_id}/accounts"),
        &token,
        Body::Json(&serde_json::json!({ "account_ids": member_ids })),
    )
    .await?;

    // A mute for an hour, notifications included.
    let mute_seconds = 3600;
    let katherine = account_id(a, "katherine").await?;
    let body = serde_json::json!({ "duration": mute_seconds, "notifications": true });
    api(
        a,
        "POST",
        &format!("/api/v1/accounts/{katherine}/mute"),
        &token,
        Body::Json(&body),
    )
    .await?;

    // A block, of an account that is not followed: a block ends follows.
    let mallory = account_id(a, "mallory").await?;
    api(
        a,
        "POST",
        &format!("/api/v1/accounts/{mallory}/block"),
        &token,
        Body::Empty,
    )
    .await?;

    // The mock takes a domain block only form-encoded.
    let blocked_domain = "spam.example".to_string();
    let pairs = [("domain", "spam.example")];
    api(
        a,
        "POST",
        "/api/v1/domain_blocks",
        &token,
        Body::Form(&pairs),
    )
    .await?;

    // A bookmark of someone else's post.
    let bookmarked = post_as(a, "katherine", "Orbit figures, checked twice.").await?;
    api(
        a,
        "POST",
        &format!("/api/v1/statuses/{}/bookmark", bookmarked.id),
        &token,
        Body::Empty,
    )
    .await?;

    let tag = "lifeboat".to_string();
    api(
        a,
        "POST",
        &format!("/api/v1/tags/{tag}/follow"),
        &token,
        Body::Empty,
    )
    .await?;

    // A v2 filter; its keywords go in only as a JSON array on create.
    let filter_title = "Spoilers".to_string();
    let filter_context = vec!["home".to_string(), "public".to_string()];
    let filter_keywords = vec!["spoiler".to_string(), "finale".to_string()];
    let body = serde_json::json!({
        "title": filter_title,
        "context": filter_context,
        "filter_action": "warn",
        "keywords_attributes": [
            { "keyword": "spoiler", "whole_word": true },
            { "keyword": "finale", "whole_word": false },
        ],
    });
    api(a, "POST", "/api/v2/filters", &token, Body::Json(&body)).await?;

    // The profile, form-encoded: the mock ignores a JSON body here.
    let display_name = format!("{who} (moving soon)");
    let note = "Writes about engines.\nBacked up, just in case.".to_string();
    let fields = vec![
        ("Home".to_string(), "the old server".to_string()),
        ("Pronouns".to_string(), "she/her".to_string()),
    ];
    let mut profile: Vec<(String, String)> = vec![
        ("display_name".into(), display_name.clone()),
        ("note".into(), note.clone()),
        ("locked".into(), "true".into()),
    ];
    for (index, (name, value)) in fields.iter().enumerate() {
        profile.push((format!("fields_attributes[{index}][name]"), name.clone()));
        profile.push((format!("fields_attributes[{index}][value]"), value.clone()));
    }
    let pairs: Vec<(&str, &str)> = profile
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let path = "/api/v1/accounts/update_credentials";
    api(a, "PATCH", path, &token, Body::Form(&pairs)).await?;

    // A post with an image, a CW and a language, then a reply to it.
    let image = png::one_pixel([200, 30, 30]);
    let upload = Body::File {
        field: "file",
        name: "pixel.png",
        mime: "image/png",
        bytes: &image,
    };
    let media = api(a, "POST", "/api/v2/media", &token, upload).await?;
    let media_id = media["id"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no media id: {media}"))?;
    let media_url = media["url"].as_str().unwrap_or_default().to_string();
    let (post_spoiler_text, post_language) = ("moving house".to_string(), "en".to_string());
    let text = "Leaving this server soon. #lifeboat";
    let body = serde_json::json!({
        "status": text,
        "media_ids": [media_id],
        "spoiler_text": post_spoiler_text,
        "language": post_language,
        "visibility": "public",
    });
    let posted = api(a, "POST", "/api/v1/statuses", &token, Body::Json(&body)).await?;
    let post = seeded_post(&posted, who, text)?;
    let reply_text = "The new address follows.";
    let body = serde_json::json!({ "status": reply_text, "in_reply_to_id": post.id });
    let replied = api(a, "POST", "/api/v1/statuses", &token, Body::Json(&body)).await?;
    let reply = seeded_post(&replied, who, reply_text)?;

    Ok(Seeded {
        address: at(who),
        username: who.to_string(),
        token,
        list_members: vec![at("alan"), at("grace")],
        follows,
        list_title,
        list_replies_policy: "list".into(),
        muted: at("katherine"),
        mute_seconds,
        mute_hides_notifications: true,
        blocked: at("mallory"),
        blocked_domain,
        bookmarked,
        tag,
        filter_title,
        filter_context,
        filter_keywords,
        display_name,
        note,
        fields,
        locked: true,
        post,
        post_spoiler_text,
        post_language,
        media_url,
        reply,
        server,
    })
}
