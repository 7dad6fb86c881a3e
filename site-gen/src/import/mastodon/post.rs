//! One post of the outbox as an article: a title made from its text or
//! its content warning, a slug from its status id, its body as Markdown
//! with its media, poll and content warning, and what the site needs to
//! thread replies under `extra`.

use jiff::Timestamp;
use serde_json::{Map, json};

use super::link::is_web;
use super::media::{self, MediaSources};
use super::model::{Note, Visibility};
use super::poll;
use super::text::{plain_text, title_from};
use crate::import::html::to_markdown;
use crate::import::text::escape_html;
use crate::import::{ImportError, Item, Location, Sink};

/// What every post of one archive shares.
pub struct Archive<'a> {
    pub media: MediaSources<'a>,
    pub author: Option<String>,
}

pub fn note_item(
    note: &Note,
    published: Option<&str>,
    visibility: Visibility,
    at: &Location,
    archive: &mut Archive,
    sink: &mut dyn Sink,
) -> Result<Item, ImportError> {
    let uri = note.id.clone().unwrap_or_default();
    let content = note.content.as_deref().unwrap_or_default();
    let warning = note
        .summary
        .as_deref()
        .map(str::trim)
        .filter(|cw| !cw.is_empty());
    let sensitive = note.sensitive.unwrap_or(false);
    let mut extra = Map::new();
    extra.insert("uri".into(), json!(uri));
    if let Some(url) = note.url.as_ref().filter(|url| is_web(url)) {
        extra.insert("url".into(), json!(url));
    }
    extra.insert("visibility".into(), json!(visibility.name()));

    let mut parts = vec![to_markdown(content)];
    if let Some((markdown, data)) = poll::poll(note) {
        parts.push(markdown);
        extra.insert("poll".into(), data);
    }
    let shown = media::attachments(&note.attachment, at, &mut archive.media, sink)?;
    if !shown.markdown.is_empty() {
        let gallery = shown.markdown.join("\n\n");
        parts.push(if sensitive && warning.is_none() {
            folded("Sensitive media", &gallery)
        } else {
            gallery
        });
    }
    if sensitive {
        extra.insert("sensitive".into(), json!(true));
    }
    let mut body = parts
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join("\n\n");
    if let Some(warning) = warning {
        extra.insert("content_warning".into(), json!(warning));
        body = folded(warning, &body);
    }
    if let Some(parent) = note.in_reply_to.as_ref().filter(|uri| is_web(uri)) {
        extra.insert("in_reply_to".into(), json!(parent));
    }

    let date = published.and_then(|text| text.parse::<Timestamp>().ok());
    let title = match warning {
        Some(warning) => title_from(warning),
        None => {
            let text = plain_text(content);
            if text.is_empty() {
                shown
                    .first_alt
                    .map_or_else(|| untitled(date), |alt| title_from(&alt))
            } else {
                title_from(&text)
            }
        }
    };
    Ok(Item {
        slug: slug_for(&uri),
        key: uri,
        title,
        date,
        updated: note.updated.as_deref().and_then(|t| t.parse().ok()),
        tags: hashtags(note),
        authors: archive.author.iter().cloned().collect(),
        lang: language(note),
        extra,
        body,
        media: shown.files,
        at: at.clone(),
        ..Item::default()
    })
}

/// A boost: a short post that links to the boosted one.
pub fn boost_item(
    id: Option<&str>,
    boosted: &str,
    published: Option<&str>,
    visibility: Visibility,
    at: &Location,
    author: Option<&String>,
) -> Item {
    let key = id.map_or_else(|| format!("{boosted}#boost"), str::to_string);
    let mut extra = Map::new();
    extra.insert("uri".into(), json!(key));
    extra.insert("boost_of".into(), json!(boosted));
    extra.insert("visibility".into(), json!(visibility.name()));
    Item {
        slug: slug_for(&key),
        title: format!("Boosted: {}", boosted_name(boosted)),
        key,
        date: published.and_then(|text| text.parse().ok()),
        extra,
        body: format!("Boosted: <{boosted}>"),
        authors: author.into_iter().cloned().collect(),
        at: at.clone(),
        ..Item::default()
    }
}

/// `name-id` for `…/users/name/statuses/id`, else `status-` and the
/// URI's last part: stable across imports and unique in one account.
pub fn slug_for(uri: &str) -> String {
    let path = uri.trim_end_matches('/').trim_end_matches("/activity");
    let mut parts = path.rsplit('/');
    let id = parts.next().unwrap_or_default();
    let slug = match (parts.next(), parts.next(), parts.next()) {
        (Some("statuses"), Some(user), Some("users")) => format!("{user}-{id}"),
        _ => format!("status-{id}"),
    };
    crate::content::slugify(&slug)
}

fn boosted_name(uri: &str) -> String {
    let without_scheme = uri.split_once("://").map_or(uri, |(_, rest)| rest);
    let parts: Vec<&str> = without_scheme.split('/').collect();
    match parts.as_slice() {
        [host, "users", user, "statuses", _] => format!("a post by @{user}@{host}"),
        [host, user, _] if user.starts_with('@') => format!("a post by {user}@{host}"),
        _ => without_scheme.to_string(),
    }
}

fn untitled(date: Option<Timestamp>) -> String {
    match date {
        Some(date) => format!("Post of {}", date.strftime("%Y-%m-%d")),
        None => "Post".into(),
    }
}

/// `body` folded under `summary`, as the site shows a content warning.
fn folded(summary: &str, body: &str) -> String {
    format!(
        "<details><summary>{}</summary>\n\n{body}\n\n</details>",
        escape_html(summary)
    )
}

fn hashtags(note: &Note) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in &note.tag {
        if tag.kind.as_deref() != Some("Hashtag") {
            continue;
        }
        let Some(name) = tag
            .name
            .as_deref()
            .map(|n| n.trim_start_matches('#').trim())
        else {
            continue;
        };
        if !name.is_empty() && !tags.iter().any(|t| t.eq_ignore_ascii_case(name)) {
            tags.push(name.to_string());
        }
    }
    tags
}

fn language(note: &Note) -> Option<String> {
    let map = note.content_map.as_ref()?;
    map.keys()
        .find(|tag| {
            !tag.is_empty()
                && tag.len() <= 35
                && tag.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_from_status_ids() {
        assert_eq!(
            slug_for("https://a.example/users/ada/statuses/1090"),
            "ada-1090"
        );
        assert_eq!(
            slug_for("https://a.example/users/ada/statuses/1091/activity"),
            "ada-1091"
        );
        assert_eq!(slug_for("https://b.example/objects/9f-2A"), "status-9f-2a");
    }

    #[test]
    fn boosts_are_named_by_whose_post_they_boost() {
        assert_eq!(
            boosted_name("https://b.example/users/bob/statuses/7"),
            "a post by @bob@b.example"
        );
        assert_eq!(
            boosted_name("https://c.example/notes/x"),
            "c.example/notes/x"
        );
    }
}
