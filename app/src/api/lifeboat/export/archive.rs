//! The posts and profile in the layout of Mastodon's "Request your
//! archive" export: `outbox.json`, `actor.json`, `bookmarks.json` and
//! the media under `media_attachments/`. Ids and URIs stay those of the
//! old server, even when it is gone: they are what the posts were.

use std::collections::BTreeSet;

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
    // Oldest first, as Mastodon's archive lists them.
    let items: Vec<Value> = backup
        .posts
        .iter()
        .rev()
        .map(|post| {
            activity(post, &author, |at| match post.media.get(at) {
                Some(media) if media.stored => format!("/{}", media_path(media)),
                Some(media) => media.url.clone(),
                None => String::new(),
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
    Archive {
        outbox: serde_json::to_vec(&outbox).unwrap_or_default(),
        actor: serde_json::to_vec(&actor_document(backup, &actor)).unwrap_or_default(),
        bookmarks: serde_json::to_vec(&bookmarks).unwrap_or_default(),
        stored: stored_files(backup),
    }
}

/// The stored files the archive links to, each once: the profile's
/// images, then the media of the posts (not of boosts, which link to
/// the boosted post only).
pub fn stored_files(backup: &Backup) -> Vec<StoredFile> {
    let profile = &backup.profile;
    let images = [
        ("avatar", &profile.avatar_url),
        ("header", &profile.header_url),
    ]
    .into_iter()
    .filter(|(_, url)| is_real_image(url))
    .map(|(key, url)| StoredFile {
        path: profile_image_path(key, url),
        key: key.to_string(),
    });
    let media = backup
        .posts
        .iter()
        .rev()
        .filter(|post| post.reblog_of.is_none())
        .flat_map(|post| &post.media)
        .filter(|media| media.stored)
        .map(|media| StoredFile {
            path: media_path(media),
            key: format!("media/{}", media.id),
        });
    let mut seen = BTreeSet::new();
    images
        .chain(media)
        .filter(|file| seen.insert(file.path.clone()))
        .collect()
}

/// Mastodon's stand-in for "no image" is not worth keeping.
fn is_real_image(url: &str) -> bool {
    !url.is_empty() && !url.ends_with("/missing.png")
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

fn actor_document(backup: &Backup, actor: &str) -> Value {
    let profile = &backup.profile;
    let image = |key: &str, url: &str| {
        let path = profile_image_path(key, url);
        json!({"type": "Image", "mediaType": media_type(None, &path), "url": path})
    };
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
        for (name, key, url) in [
            ("icon", "avatar", &profile.avatar_url),
            ("image", "header", &profile.header_url),
        ] {
            if is_real_image(url) {
                fields.insert(name.into(), image(key, url));
            }
        }
    }
    document
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
