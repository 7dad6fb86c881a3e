//! The files a post shows: found among the archive's entries however
//! its `url` spells them, put beside the article, and written into its
//! body with their alt text.

use std::collections::HashMap;

use super::container::Container;
use super::link::is_web;
use super::model::Attachment;
use crate::import::{ImportError, Location, Media, MediaSource, Sink};

/// Mastodon keeps every uploaded file below a folder of this name; an
/// attachment's `url` and the archive's entry may each have something
/// before it (`/`, `/system/`, the archive's own folder).
const MEDIA_FOLDER: &str = "media_attachments/";

pub struct MediaIndex {
    /// Entry names, and the same from `media_attachments/` on, to the
    /// entry's name.
    by_name: HashMap<String, String>,
}

impl MediaIndex {
    pub fn new<'a>(names: impl Iterator<Item = &'a str>) -> Self {
        let mut by_name = HashMap::new();
        for name in names {
            if let Some(at) = name.find(MEDIA_FOLDER) {
                by_name
                    .entry(name[at..].to_string())
                    .or_insert_with(|| name.to_string());
            }
            by_name.insert(name.to_string(), name.to_string());
        }
        Self { by_name }
    }

    /// The entry an attachment's `url` names, if the archive holds it.
    pub fn find(&self, url: &str) -> Option<&str> {
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let path = match path.split_once("://") {
            Some((_, rest)) => rest.split_once('/').map_or("", |(_, path)| path),
            None => path,
        };
        let path = path.trim_start_matches('/');
        if let Some(found) = self.by_name.get(path) {
            return Some(found);
        }
        let at = path.find(MEDIA_FOLDER)?;
        self.by_name.get(&path[at..]).map(String::as_str)
    }
}

/// Where a post's media are found: among the archive's entries, else on
/// the account's server.
pub struct MediaSources<'a> {
    pub container: &'a mut Container,
    pub index: &'a MediaIndex,
    /// `https://host` of the account's server, for media the archive
    /// does not hold.
    pub server: Option<String>,
}

/// One attachment as it goes into the article.
pub struct Placed {
    pub media: Media,
    /// Markdown for the body; empty when there is nothing to link to.
    pub markdown: String,
}

/// `name` in the article's folder, its `bytes` or where it was, and how
/// the body shows it.
pub fn place(
    name: String,
    source: MediaSource,
    media_type: Option<&str>,
    alt: Option<&str>,
) -> Placed {
    let target = match &source {
        MediaSource::Missing { url } if is_web(url) => url.clone(),
        MediaSource::Missing { .. } => String::new(),
        _ => name.clone(),
    };
    let alt = alt.map(str::trim).unwrap_or_default();
    let markdown = if target.is_empty() {
        String::new()
    } else if is_image(media_type, &name) {
        format!("![{}](<{target}>)", escape_label(alt))
    } else {
        let label = if alt.is_empty() { name.as_str() } else { alt };
        format!("[{}](<{target}>)", escape_label(label))
    };
    Placed {
        media: Media { name, source },
        markdown,
    }
}

/// The longest media file name an import gives, in bytes.
const MAX_NAME_BYTES: usize = 200;

/// A file name the writer accepts, from an entry's or a URL's last part,
/// distinct from the names already in `taken`.
pub fn file_name(path: &str, taken: &[String]) -> String {
    let last = path
        .split(['?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let mut name: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    // No leading dot (hidden), no trailing one (Windows drops it), and
    // short enough for any file system with a number in front; the end
    // is kept, for the extension.
    let name_trimmed = name.trim_matches('.');
    let name_trimmed = name_trimmed[name_trimmed.len().saturating_sub(MAX_NAME_BYTES)..]
        .trim_start_matches('.')
        .to_string();
    name = if name_trimmed.is_empty() || name_trimmed == "index.md" {
        "media".to_string()
    } else {
        name_trimmed
    };
    let mut candidate = name.clone();
    let mut number = 1;
    while taken.contains(&candidate) {
        number += 1;
        candidate = format!("{number}-{name}");
    }
    candidate
}

fn is_image(media_type: Option<&str>, name: &str) -> bool {
    if let Some(media_type) = media_type {
        return media_type.starts_with("image/");
    }
    let extension = name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase());
    matches!(
        extension.as_deref(),
        Some("png" | "jpg" | "jpeg" | "gif" | "webp" | "avif")
    )
}

/// Text that stays text inside `[…]` or `![…]`.
fn escape_label(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '[' | ']' | '\\' | '*' | '_' | '`' | '<' | '>' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A post's media as they go into its article.
#[derive(Default)]
pub struct Shown {
    pub files: Vec<Media>,
    /// Markdown for each file that can be shown or linked to.
    pub markdown: Vec<String>,
    /// The first alt text: a title for a post of images only.
    pub first_alt: Option<String>,
}

/// The post's media as files beside it, and how its body shows them.
pub fn attachments(
    list: &[Attachment],
    at: &Location,
    sources: &mut MediaSources,
    sink: &mut dyn Sink,
) -> Result<Shown, ImportError> {
    let mut shown = Shown::default();
    let mut names: Vec<String> = Vec::new();
    for attachment in list {
        let Some(url) = attachment.url.as_deref().filter(|url| !url.is_empty()) else {
            sink.warning(
                at.clone(),
                "an attachment without a URL was left out".into(),
            );
            continue;
        };
        let alt = attachment
            .name
            .as_deref()
            .filter(|alt| !alt.trim().is_empty());
        if shown.first_alt.is_none() {
            shown.first_alt = alt.map(str::to_string);
        }
        let (name, source) = match sources.index.find(url).map(str::to_string) {
            Some(entry) => {
                let bytes = sources.container.read(&entry)?;
                (file_name(&entry, &names), MediaSource::Bytes(bytes))
            }
            None => {
                let found_at = where_it_was(url, sources.server.as_deref());
                (
                    file_name(url, &names),
                    MediaSource::Missing { url: found_at },
                )
            }
        };
        names.push(name.clone());
        let placed = place(name, source, attachment.media_type.as_deref(), alt);
        if !placed.markdown.is_empty() {
            shown.markdown.push(placed.markdown);
        }
        shown.files.push(placed.media);
    }
    Ok(shown)
}

/// Where a file the archive lacks was: its URL, on the account's server
/// when the archive gives only a path; the path as given when the
/// server is not known.
fn where_it_was(url: &str, server: Option<&str>) -> String {
    let climbs = url.split('/').any(|part| part == "..");
    match server {
        Some(server) if !is_web(url) && !climbs => {
            format!("{server}/{}", url.trim_start_matches('/'))
        }
        _ => url.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_path_forms_and_a_leading_folder_find_the_same_entry() {
        let index = MediaIndex::new(
            [
                "archive-2023/media_attachments/files/109/original/a.png",
                "outbox.json",
            ]
            .into_iter(),
        );
        let entry = Some("archive-2023/media_attachments/files/109/original/a.png");
        assert_eq!(
            index.find("/media_attachments/files/109/original/a.png"),
            entry
        );
        assert_eq!(
            index.find("media_attachments/files/109/original/a.png"),
            entry
        );
        assert_eq!(
            index.find("https://files.example/system/media_attachments/files/109/original/a.png"),
            entry
        );
        assert_eq!(
            index.find("/media_attachments/files/110/original/b.png"),
            None
        );
    }

    #[test]
    fn file_names_are_plain_and_distinct() {
        let taken = vec!["a.png".to_string()];
        assert_eq!(file_name("/x/a.png", &taken), "2-a.png");
        assert_eq!(file_name("/x/..", &[]), "media");
        assert_eq!(file_name("/x/a b?.png", &[]), "a-b");
        assert_eq!(file_name("/x/notes..", &[]), "notes");
        let long = file_name(&format!("/x/{}.png", "n".repeat(300)), &[]);
        assert!(
            long.len() <= MAX_NAME_BYTES && long.ends_with("n.png"),
            "{long}"
        );
    }

    #[test]
    fn images_show_with_their_alt_text_and_other_files_as_links() {
        let image = place(
            "a.png".into(),
            MediaSource::Bytes(vec![]),
            None,
            Some("A [cat]"),
        );
        assert_eq!(image.markdown, "![A \\[cat\\]](<a.png>)");
        let video = place(
            "v.mp4".into(),
            MediaSource::Bytes(vec![]),
            Some("video/mp4"),
            None,
        );
        assert_eq!(video.markdown, "[v.mp4](<v.mp4>)");
    }
}
