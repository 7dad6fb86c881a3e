//! Attachments and the files a post uses: copied from the `uploads` folder
//! into the post's folder when it is given and has them, else left as
//! links and listed as missing.

use std::collections::HashMap;
use std::path::Path;

use crate::import::text::escape_html;
use crate::import::{Media, MediaSource};

/// What is kept of an attachment item: enough for featured images and
/// galleries, small so that a large export's attachments fit.
#[derive(Debug, Clone)]
pub struct Attachment {
    pub url: String,
    pub caption: String,
    pub alt: String,
}

#[derive(Debug, Default)]
pub struct Attachments {
    by_id: HashMap<u64, Attachment>,
    /// Attachment ids by the post they were uploaded to, in export order.
    children: HashMap<u64, Vec<u64>>,
}

impl Attachments {
    pub fn add(&mut self, id: u64, parent: Option<u64>, attachment: Attachment) {
        self.by_id.insert(id, attachment);
        if let Some(parent) = parent {
            self.children.entry(parent).or_default().push(id);
        }
    }

    pub fn get(&self, id: u64) -> Option<&Attachment> {
        self.by_id.get(&id)
    }

    pub fn children_of(&self, post: u64) -> Vec<u64> {
        self.children.get(&post).cloned().unwrap_or_default()
    }
}

/// Names reserved beside an article.
pub const COMMENTS_FILE: &str = "comments.json";

/// The media of one post, gathered as its content names them.
pub struct PostMedia<'a> {
    uploads: Option<&'a Path>,
    pub media: Vec<Media>,
    /// What each URL became in the body: a file name, or itself.
    by_url: HashMap<String, String>,
}

impl<'a> PostMedia<'a> {
    pub fn new(uploads: Option<&'a Path>) -> Self {
        Self {
            uploads,
            media: Vec::new(),
            by_url: HashMap::new(),
        }
    }

    /// What the body should link to for `url`: the copied file's name, or
    /// `url` itself. Uploads are media either way.
    pub fn resolve(&mut self, url: &str) -> String {
        if let Some(known) = self.by_url.get(url) {
            return known.clone();
        }
        let Some(relative) = uploads_path(url) else {
            return url.to_string();
        };
        let local = self
            .uploads
            .map(|dir| {
                relative
                    .iter()
                    .fold(dir.to_path_buf(), |path, part| path.join(part))
            })
            .filter(|path| path.is_file());
        let file_name = relative.last().cloned().unwrap_or_default();
        let name = self.free_name(&file_name, &relative);
        let (reference, source) = match local {
            Some(path) => (name.clone(), MediaSource::File(path)),
            None => (
                url.to_string(),
                MediaSource::Missing {
                    url: url.to_string(),
                },
            ),
        };
        self.media.push(Media { name, source });
        self.by_url.insert(url.to_string(), reference.clone());
        reference
    }

    /// `file_name`, or with its folders in front when another file took it.
    fn free_name(&self, file_name: &str, relative: &[String]) -> String {
        let taken = |name: &str| {
            name == COMMENTS_FILE || name == "index.md" || self.media.iter().any(|m| m.name == name)
        };
        if !taken(file_name) {
            return file_name.to_string();
        }
        let long = relative.join("-");
        let mut candidate = long.clone();
        let mut number = 2;
        while taken(&candidate) {
            candidate = format!("{number}-{long}");
            number += 1;
        }
        candidate
    }
}

/// The path below `wp-content/uploads/` of `url`, in safe parts.
fn uploads_path(url: &str) -> Option<Vec<String>> {
    const MARK: &str = "wp-content/uploads/";
    let at = url.find(MARK)?;
    let path = url[at + MARK.len()..].split(['?', '#']).next()?;
    let parts: Vec<String> = path
        .split('/')
        .map(super::permalinks::percent_decode)
        .collect();
    let safe = parts.iter().all(|part| {
        !part.is_empty() && !part.starts_with('.') && !part.contains(['\\', '/', '\0'])
    });
    (safe && !parts.is_empty()).then_some(parts)
}

/// `html` with the URL of every `src`, `href` and `poster` attribute
/// passed through `rewrite`.
pub fn rewrite_urls(html: &str, mut rewrite: impl FnMut(&str) -> String) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find('=') {
        let (before, after) = rest.split_at(at + 1);
        out.push_str(before);
        rest = after;
        let name_start = before[..at]
            .char_indices()
            .rev()
            .find(|(_, c)| !c.is_ascii_alphanumeric())
            .map_or(0, |(i, c)| i + c.len_utf8());
        let name = before[name_start..at].to_ascii_lowercase();
        let quote = match rest.chars().next() {
            Some(quote @ ('"' | '\'')) => quote,
            _ => continue,
        };
        if !matches!(name.as_str(), "src" | "href" | "poster") {
            continue;
        }
        let Some(end) = rest[1..].find(quote) else {
            continue;
        };
        let url = &rest[1..1 + end];
        out.push(quote);
        out.push_str(&escape_html(&rewrite(&decode_amp(url))));
        out.push(quote);
        rest = &rest[end + 2..];
    }
    out.push_str(rest);
    out
}

/// An attribute's URL as written, with `&amp;` read back.
fn decode_amp(url: &str) -> String {
    url.replace("&amp;", "&").replace("&#038;", "&")
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_attribute_name_after_a_character_of_several_bytes() {
        let html = "<img alt=\"x\"\u{2028}src=\"a.jpg\">é=\"y\"";
        let rewritten = rewrite_urls(html, |url| format!("new-{url}"));
        assert_eq!(rewritten, "<img alt=\"x\"\u{2028}src=\"new-a.jpg\">é=\"y\"");
    }

    use super::*;

    #[test]
    fn an_uploaded_file_is_copied_and_named_by_its_file_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("2021/01")).unwrap();
        std::fs::write(dir.path().join("2021/01/cat.jpg"), b"jpg").unwrap();
        let mut media = PostMedia::new(Some(dir.path()));
        let html = rewrite_urls(
            "<a href=\"https://ex.org/\"><img src=\"https://ex.org/wp-content/uploads/2021/01/cat.jpg\"></a><img src='https://ex.org/wp-content/uploads/2020/05/gone.png'>",
            |url| media.resolve(url),
        );
        assert_eq!(
            html,
            "<a href=\"https://ex.org/\"><img src=\"cat.jpg\"></a><img src='https://ex.org/wp-content/uploads/2020/05/gone.png'>"
        );
        assert_eq!(media.media.len(), 2);
        assert!(matches!(media.media[0].source, MediaSource::File(_)));
        assert!(
            matches!(&media.media[1].source, MediaSource::Missing { url } if url.ends_with("gone.png"))
        );
    }

    #[test]
    fn a_path_that_climbs_out_is_not_media() {
        let mut media = PostMedia::new(None);
        let url = "https://ex.org/wp-content/uploads/../../etc/passwd";
        assert_eq!(media.resolve(url), url);
        assert!(media.media.is_empty());
    }
}
