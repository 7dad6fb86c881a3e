//! Gives an account on one mock everything a Lifeboat backup holds,
//! through the API as another client would.
//!
//! The mock's four dev users are too few for every relationship to have
//! its own account (a block clears follows both ways, so the blocked
//! account must be one not followed), so one more local user is made:
//! [`EXTRA_USERS`]. A test that restores onto a second mock makes them
//! there too with [`add_dev_users`], so that they can be resolved.

use serde_json::{Value, json};

use super::mock_calls::{add_dev_users, api, post_as, seeded_post};
use super::png;
use crate::http::Body;
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

/// Calls on one mock as one account.
struct Caller<'a> {
    server: &'a MockServer,
    token: String,
}

impl Caller<'_> {
    async fn call(&self, method: &str, path: &str, body: Body<'_>) -> anyhow::Result<Value> {
        api(self.server, method, path, &self.token, body).await
    }

    async fn post(&self, path: &str, body: &Value) -> anyhow::Result<Value> {
        self.call("POST", path, Body::Json(body)).await
    }
}

/// Seeds `who`'s account on `a` with follows, a list, a mute, a block, a
/// domain block, a bookmark, a followed tag, a filter, a profile and two
/// posts (one with an image and a CW, and a reply to it).
///
/// A mock started with `--demo` already has ada following alan and grace;
/// the follows made here set what the demo does not ("show boosts" off).
pub async fn seed_account(a: &MockServer, who: &str) -> anyhow::Result<Seeded> {
    add_dev_users(a, EXTRA_USERS).await?;
    let server = a.addr();
    let at = |name: &str| format!("{name}@{server}");
    let caller = Caller {
        server: a,
        token: format!("{who}_token"),
    };
    let [alan, grace, katherine, mallory] = [
        account_id(a, "alan").await?,
        account_id(a, "grace").await?,
        account_id(a, "katherine").await?,
        account_id(a, "mallory").await?,
    ];

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
    for (id, follow) in [&alan, &grace].into_iter().zip(&follows) {
        let body = json!({ "reblogs": follow.reblogs, "languages": follow.languages });
        let path = format!("/api/v1/accounts/{id}/follow");
        caller.post(&path, &body).await?;
    }

    // A list of both, showing replies to list members only.
    let list_title = "Lifeboat crew".to_string();
    let body = json!({ "title": list_title, "replies_policy": "list" });
    let list = caller.post("/api/v1/lists", &body).await?;
    let list_id = list["id"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no list id in {list}"))?;
    let path = format!("/api/v1/lists/{list_id}/accounts");
    caller
        .post(&path, &json!({ "account_ids": [alan, grace] }))
        .await?;

    // A mute for an hour, notifications included.
    let mute_seconds = 3600;
    let body = json!({ "duration": mute_seconds, "notifications": true });
    let path = format!("/api/v1/accounts/{katherine}/mute");
    caller.post(&path, &body).await?;

    // A block, of an account that is not followed: a block ends follows.
    let path = format!("/api/v1/accounts/{mallory}/block");
    caller.call("POST", &path, Body::Empty).await?;

    // The mock takes a domain block only form-encoded.
    let blocked_domain = "spam.example".to_string();
    let pairs = [("domain", blocked_domain.as_str())];
    caller
        .call("POST", "/api/v1/domain_blocks", Body::Form(&pairs))
        .await?;

    // A bookmark of someone else's post.
    let bookmarked = post_as(a, "katherine", "Orbit figures, checked twice.").await?;
    let path = format!("/api/v1/statuses/{}/bookmark", bookmarked.id);
    caller.call("POST", &path, Body::Empty).await?;

    let tag = "lifeboat".to_string();
    let path = format!("/api/v1/tags/{tag}/follow");
    caller.call("POST", &path, Body::Empty).await?;

    // A v2 filter; its keywords go in only as a JSON array on create.
    let filter_title = "Spoilers".to_string();
    let filter_context = vec!["home".to_string(), "public".to_string()];
    let filter_keywords = vec!["spoiler".to_string(), "finale".to_string()];
    let body = json!({
        "title": filter_title,
        "context": filter_context,
        "filter_action": "warn",
        "keywords_attributes": [
            { "keyword": "spoiler", "whole_word": true },
            { "keyword": "finale", "whole_word": false },
        ],
    });
    caller.post("/api/v2/filters", &body).await?;

    let display_name = format!("{who} (moving soon)");
    let note = "Writes about engines.\nBacked up, just in case.".to_string();
    let fields = vec![
        ("Home".to_string(), "the old server".to_string()),
        ("Pronouns".to_string(), "she/her".to_string()),
    ];
    set_profile(&caller, &display_name, &note, &fields).await?;

    let (post, media_url, reply) = post_with_image_and_reply(&caller, who).await?;

    Ok(Seeded {
        address: at(who),
        username: who.to_string(),
        token: caller.token,
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
        post_spoiler_text: POST_SPOILER_TEXT.into(),
        post_language: POST_LANGUAGE.into(),
        media_url,
        reply,
        server,
    })
}

/// The profile, locked, form-encoded: the mock ignores a JSON body here.
async fn set_profile(
    caller: &Caller<'_>,
    display_name: &str,
    note: &str,
    fields: &[(String, String)],
) -> anyhow::Result<()> {
    let mut form: Vec<(String, String)> = vec![
        ("display_name".into(), display_name.into()),
        ("note".into(), note.into()),
        ("locked".into(), "true".into()),
    ];
    for (index, (name, value)) in fields.iter().enumerate() {
        form.push((format!("fields_attributes[{index}][name]"), name.clone()));
        form.push((format!("fields_attributes[{index}][value]"), value.clone()));
    }
    let pairs: Vec<(&str, &str)> = form.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
    let path = "/api/v1/accounts/update_credentials";
    caller.call("PATCH", path, Body::Form(&pairs)).await?;
    Ok(())
}

const POST_SPOILER_TEXT: &str = "moving house";
const POST_LANGUAGE: &str = "en";

/// A post with an image, a CW and a language, then a reply to it; the
/// post, its image's URL and the reply.
async fn post_with_image_and_reply(
    caller: &Caller<'_>,
    who: &str,
) -> anyhow::Result<(SeededPost, String, SeededPost)> {
    let image = png::one_pixel([200, 30, 30]);
    let upload = Body::File {
        field: "file",
        name: "pixel.png",
        mime: "image/png",
        bytes: &image,
    };
    let media = caller.call("POST", "/api/v2/media", upload).await?;
    let media_id = media["id"]
        .as_str()
        .ok_or_else(|| anyhow::anyhow!("no media id: {media}"))?;
    let media_url = media["url"].as_str().unwrap_or_default().to_string();
    let text = "Leaving this server soon. #lifeboat";
    let body = json!({
        "status": text,
        "media_ids": [media_id],
        "spoiler_text": POST_SPOILER_TEXT,
        "language": POST_LANGUAGE,
        "visibility": "public",
    });
    let posted = caller.post("/api/v1/statuses", &body).await?;
    let post = seeded_post(&posted, who, text)?;
    let reply_text = "The new address follows.";
    let body = json!({ "status": reply_text, "in_reply_to_id": post.id });
    let replied = caller.post("/api/v1/statuses", &body).await?;
    let reply = seeded_post(&replied, who, reply_text)?;
    Ok((post, media_url, reply))
}
