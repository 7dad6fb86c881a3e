//! The posts and profile in the layout of Mastodon's "Request your
//! archive" export: `outbox.json`, `actor.json`, `bookmarks.json` and
//! the media under `media_attachments/`. Ids and URIs stay those of the
//! old server, even when it is gone: they are what the posts were.

use serde_json::{Value, json};

use super::activity::{Author, activity};
use super::media_path::{media_path, media_type, profile_image_path};
use crate::api::lifeboat::Backup;

/// A file kept beside the backup, and where it goes in the archive.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFile {
    /// Its path inside the archive.
    pub path: String,
    /// Its key beside the backup (`media/<id>`, `avatar`, `header`).
    pub key: String,
}

pub struct Archive {
    pub outbox: Vec<u8>,
    pub actor: Vec<u8>,
    pub bookmarks: Vec<u8>,
    /// The stored files the archive links to.
    pub stored: Vec<StoredFile>,
}

const AS: &str = "https://www.w3.org/ns/activitystreams";

/// The JSON-LD context Mastodon's archive declares, for the terms
/// beyond ActivityStreams that the files use.
fn context() -> Value {
    json!([AS, {
        "sensitive": "as:sensitive",
        "Hashtag": "as:Hashtag",
        "manuallyApprovesFollowers": "as:manuallyApprovesFollowers",
        "toot": "http://joinmastodon.org/ns#",
        "blurhash": "toot:blurhash",
        "schema": "http://schema.org#",
        "PropertyValue": "schema:PropertyValue",
        "value": "schema:value",
    }])
}

pub fn archive(backup: &Backup) -> Archive {
    let actor = actor_id(backup);
    let author = Author {
        actor: &actor,
        server: &backup.account.server,
    };
    let mut stored = Vec::new();
    // Oldest first, as Mastodon's archive lists them.
    let items: Vec<Value> = backup
        .posts
        .iter()
        .rev()
        .map(|post| {
            activity(post, &author, |at| {
                let Some(media) = post.media.get(at) else {
                    return String::new();
                };
                if !media.stored {
                    return media.url.clone();
                }
                let path = media_path(media);
                stored.push(StoredFile {
                    path: path.clone(),
                    key: format!("media/{}", media.id),
                });
                format!("/{path}")
            })
        })
        .collect();
    let outbox = json!({
        "@context": context(), "id": "outbox.json", "type": "OrderedCollection",
        "totalItems": items.len(), "orderedItems": items,
    });
    let bookmarks = json!({
        "@context": AS, "id": "bookmarks.json", "type": "OrderedCollection",
        "totalItems": backup.bookmarks.len(), "orderedItems": backup.bookmarks,
    });
    let (actor_json, images) = actor_document(backup, &actor);
    let mut all_stored = images;
    all_stored.extend(stored);
    all_stored.dedup_by(|a, b| a.path == b.path);
    Archive {
        outbox: serde_json::to_vec(&outbox).unwrap_or_default(),
        actor: serde_json::to_vec(&actor_json).unwrap_or_default(),
        bookmarks: serde_json::to_vec(&bookmarks).unwrap_or_default(),
        stored: all_stored,
    }
}

/// The account's ActivityPub id: the prefix of its posts' URIs where
/// they show it (`…/users/name/statuses/1`), else Mastodon's convention.
fn actor_id(backup: &Backup) -> String {
    backup
        .posts
        .iter()
        .find_map(|post| {
            let (actor, _) = post.uri.split_once("/statuses/")?;
            Some(actor.to_string())
        })
        .unwrap_or_else(|| {
            let account = &backup.account;
            format!("https://{}/users/{}", account.server, account.username)
        })
}

fn actor_document(backup: &Backup, actor: &str) -> (Value, Vec<StoredFile>) {
    let profile = &backup.profile;
    let mut stored = Vec::new();
    let mut image = |key: &str, url: &str| {
        // Mastodon's stand-in for "no image" is not worth keeping.
        if url.is_empty() || url.ends_with("/missing.png") {
            return Value::Null;
        }
        let path = profile_image_path(key, url);
        stored.push(StoredFile {
            path: path.clone(),
            key: key.to_string(),
        });
        json!({"type": "Image", "mediaType": media_type(None, &path), "url": path})
    };
    let icon = image("avatar", &profile.avatar_url);
    let header = image("header", &profile.header_url);
    let fields: Vec<Value> = profile
        .fields
        .iter()
        .map(
            |(name, value)| json!({"type": "PropertyValue", "name": name, "value": inline_html(value)}),
        )
        .collect();
    let mut document = json!({
        "@context": context(),
        "id": actor,
        "type": if profile.bot { "Service" } else { "Person" },
        "following": format!("{actor}/following"),
        "followers": format!("{actor}/followers"),
        "inbox": format!("{actor}/inbox"),
        "outbox": "outbox.json",
        "bookmarks": "bookmarks.json",
        "preferredUsername": backup.account.username,
        "name": profile.display_name,
        "summary": as_html(&profile.note),
        "url": backup.account.url,
        "manuallyApprovesFollowers": profile.locked,
        "attachment": fields,
    });
    if let Some(fields) = document.as_object_mut() {
        for (name, image) in [("icon", icon), ("image", header)] {
            if !image.is_null() {
                fields.insert(name.into(), image);
            }
        }
    }
    (document, stored)
}

/// Text as HTML paragraphs, as ActivityPub carries a bio: the backup
/// keeps it as written when the server gave the source, else as HTML.
fn as_html(text: &str) -> String {
    if is_html(text) {
        return text.to_string();
    }
    inline_html(text)
        .split("\n\n")
        .map(|paragraph| format!("<p>{}</p>", paragraph.replace('\n', "<br>")))
        .collect()
}

/// Text as inline HTML, as Mastodon writes a profile field's value.
fn inline_html(text: &str) -> String {
    if is_html(text) {
        return text.to_string();
    }
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn is_html(text: &str) -> bool {
    text.is_empty() || text.trim_start().starts_with('<')
}
