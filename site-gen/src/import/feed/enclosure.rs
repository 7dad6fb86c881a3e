//! The files an entry points at (a podcast episode, a photo), which stay
//! on the old site: linked from the article, listed in the report.

use feed_rs::model::Entry;
use url::Url;

use super::address::{absolute, media_name};
use crate::import::{Media, MediaSource};

/// A file the entry points at: a podcast episode, a photo.
pub struct Enclosure {
    pub url: Url,
    pub media_type: String,
    pub title: Option<String>,
}

/// RSS enclosures, Atom `rel="enclosure"` links, JSON Feed attachments and
/// Media RSS contents, each once.
pub fn enclosures(entry: &Entry, base: Option<&Url>) -> Vec<Enclosure> {
    let mut found: Vec<Enclosure> = Vec::new();
    let mut add = |href: &str, media_type: Option<String>, title: Option<String>| {
        if let Some(url) = absolute(href, base)
            && !found.iter().any(|known| known.url == url)
        {
            found.push(Enclosure {
                url,
                media_type: media_type.unwrap_or_default(),
                title: title.filter(|title| !title.trim().is_empty()),
            });
        }
    };
    for link in &entry.links {
        let is_enclosure = link.rel.as_deref() == Some("enclosure")
            || (link.rel.is_none() && link.media_type.is_some());
        if is_enclosure {
            add(&link.href, link.media_type.clone(), link.title.clone());
        }
    }
    for object in &entry.media {
        let title = object.title.as_ref().map(|title| title.content.clone());
        for content in &object.content {
            if let Some(url) = &content.url {
                let media_type = content.content_type.as_ref().map(ToString::to_string);
                add(url.as_str(), media_type, title.clone());
            }
        }
    }
    found
}

/// Links to the enclosures the body does not show yet: images as
/// images, the rest as links. The files stay on the old site, listed
/// in the report to be fetched.
pub fn append_enclosures(body: &mut String, enclosures: &[Enclosure]) -> Vec<Media> {
    let mut media = Vec::new();
    for (index, enclosure) in enclosures.iter().enumerate() {
        let url = enclosure.url.as_str();
        let name = media_name(&enclosure.url, index + 1);
        if !body.contains(url) {
            let label = enclosure
                .title
                .as_deref()
                .map(|title| title.replace(['[', ']'], ""))
                .unwrap_or_else(|| name.clone());
            let line = if enclosure.media_type.starts_with("image/") {
                format!("![{label}](<{url}>)")
            } else {
                format!("[{label}](<{url}>)")
            };
            if !body.is_empty() {
                body.push_str("\n\n");
            }
            body.push_str(&line);
        }
        media.push(Media {
            name,
            source: MediaSource::Missing {
                url: url.to_string(),
            },
        });
    }
    media
}
