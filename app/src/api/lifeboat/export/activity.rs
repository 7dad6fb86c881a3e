//! One post as the activity Mastodon's archive writes for it: a
//! `Create` of a `Note` (a `Question` for a poll), or an `Announce` for
//! a boost. Addressing follows Mastodon's rules per visibility.

use serde_json::{Value, json};

use crate::api::lifeboat::BackupPost;

pub const PUBLIC: &str = "https://www.w3.org/ns/activitystreams#Public";

/// Who wrote the posts, and where their files lie in the archive.
pub struct Author<'a> {
    /// The ActivityPub actor's id.
    pub actor: &'a str,
    /// `host[:port]` of the account's server, for hashtag links.
    pub server: &'a str,
}

/// The actor id of an address, by Mastodon's convention (`/users/name`):
/// the backup keeps addresses, and the server that knew better may be
/// gone.
pub fn actor_of(address: &str) -> String {
    match address.trim_start_matches('@').split_once('@') {
        Some((user, server)) => format!("https://{server}/users/{user}"),
        None => address.to_string(),
    }
}

/// `to` and `cc`, as Mastodon addresses a post of this visibility.
pub fn addressing(post: &BackupPost, actor: &str) -> (Vec<String>, Vec<String>) {
    let followers = format!("{actor}/followers");
    let mentioned = || post.mentions.iter().map(|address| actor_of(address));
    match post.visibility.as_str() {
        "public" => (
            vec![PUBLIC.into()],
            std::iter::once(followers).chain(mentioned()).collect(),
        ),
        "unlisted" => (
            vec![followers],
            std::iter::once(PUBLIC.to_string())
                .chain(mentioned())
                .collect(),
        ),
        "direct" | "limited" => (mentioned().collect(), Vec::new()),
        _ => (vec![followers], mentioned().collect()),
    }
}

/// The activity for `post`; `attachment_url` gives where each of its
/// media is to be found (in the archive when its file is kept).
pub fn activity(
    post: &BackupPost,
    author: &Author,
    attachment_url: impl FnMut(usize) -> String,
) -> Value {
    let (to, cc) = addressing(post, author.actor);
    let id = if post.uri.ends_with("/activity") {
        post.uri.clone()
    } else {
        format!("{}/activity", post.uri)
    };
    let object = match &post.reblog_of {
        Some(boosted) => {
            return json!({
                "id": id, "type": "Announce", "actor": author.actor,
                "published": post.created_at, "to": to, "cc": cc, "object": boosted,
            });
        }
        None => note(post, author, &to, &cc, attachment_url),
    };
    json!({
        "id": id, "type": "Create", "actor": author.actor,
        "published": post.created_at, "to": to, "cc": cc, "object": object,
    })
}

fn note(
    post: &BackupPost,
    author: &Author,
    to: &[String],
    cc: &[String],
    mut attachment_url: impl FnMut(usize) -> String,
) -> Value {
    let attachments: Vec<Value> = post
        .media
        .iter()
        .enumerate()
        .map(|(at, media)| {
            let url = attachment_url(at);
            let mut attachment = json!({
                "type": "Document",
                "mediaType": super::media_path::media_type(media.media_type.as_deref(), &url),
                "url": url,
                "name": media.description,
            });
            if let (Some(blurhash), Some(fields)) = (&media.blurhash, attachment.as_object_mut()) {
                fields.insert("blurhash".into(), json!(blurhash));
            }
            attachment
        })
        .collect();
    let mentions = post.mentions.iter().map(|address| {
        let address = address.trim_start_matches('@');
        json!({"type": "Mention", "href": actor_of(address), "name": format!("@{address}")})
    });
    let hashtags = post.tags.iter().map(|tag| {
        json!({
            "type": "Hashtag",
            "href": format!("https://{}/tags/{}", author.server, tag.to_lowercase()),
            "name": format!("#{tag}"),
        })
    });
    let mut note = json!({
        "id": post.uri,
        "type": if post.poll_options.is_empty() { "Note" } else { "Question" },
        "summary": (!post.spoiler_text.is_empty()).then_some(&post.spoiler_text),
        "inReplyTo": post.in_reply_to_uri,
        "published": post.created_at,
        "url": post.url,
        "attributedTo": author.actor,
        "to": to,
        "cc": cc,
        "sensitive": post.sensitive,
        "content": post.content,
        "attachment": attachments,
        "tag": mentions.chain(hashtags).collect::<Vec<_>>(),
    });
    let Some(fields) = note.as_object_mut() else {
        return note;
    };
    if let Some(language) = post.language.as_ref().filter(|l| !l.is_empty()) {
        let mut by_language = serde_json::Map::new();
        by_language.insert(language.clone(), json!(post.content));
        fields.insert("contentMap".into(), Value::Object(by_language));
    }
    if let Some(edited) = &post.edited_at {
        fields.insert("updated".into(), json!(edited));
    }
    if !post.poll_options.is_empty() {
        let options: Vec<Value> = post
            .poll_options
            .iter()
            .map(|option| {
                json!({"type": "Note", "name": option,
                       "replies": {"type": "Collection", "totalItems": 0}})
            })
            .collect();
        fields.insert("oneOf".into(), Value::Array(options));
    }
    note
}
