//! What an importer hands over: one article, already in Samizdat's terms.

use std::fmt;
use std::path::PathBuf;

use jiff::Timestamp;
use serde_json::{Map, Value};

/// A dated article, or a page that stands outside the lists and feeds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ItemKind {
    #[default]
    Post,
    Page,
}

/// One article read from a source.
#[derive(Clone, Debug, Default)]
pub struct Item {
    /// Stable and unique across every source an archive may import: a
    /// GUID or URI where the source has one, else the format, the site
    /// and the item's id. A second import finds the article by it.
    pub key: String,
    pub kind: ItemKind,
    pub title: String,
    /// The slug wanted; the writer adds `-2`, `-3`… if it is taken.
    pub slug: String,
    /// Required for posts; pages may have none.
    pub date: Option<Timestamp>,
    pub updated: Option<Timestamp>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    pub authors: Vec<String>,
    pub lang: Option<String>,
    /// Old paths, relative to the site root, that should redirect here.
    pub aliases: Vec<String>,
    /// A file name among `media`, or a URL.
    pub image: Option<String>,
    /// Everything else worth keeping, under `extra` in the front matter.
    pub extra: Map<String, Value>,
    /// Markdown. Media in `media` are referred to by their bare names.
    pub body: String,
    pub media: Vec<Media>,
    /// Where the item is in the source, for warnings.
    pub at: Location,
}

/// A file that goes beside the article.
#[derive(Clone, Debug)]
pub struct Media {
    /// Its file name in the article's folder: no `/`, not `index.md`.
    pub name: String,
    pub source: MediaSource,
}

#[derive(Clone, Debug)]
pub enum MediaSource {
    /// Copied from this file.
    File(PathBuf),
    /// Written as given (comments, or an entry read from an archive).
    Bytes(Vec<u8>),
    /// Not available: the body links to `url` instead, and the report
    /// lists it so the publisher can fetch it.
    Missing { url: String },
}

/// Facts about the whole site, for a fresh archive's `site.toml`.
#[derive(Clone, Debug, Default)]
pub struct SiteInfo {
    pub title: Option<String>,
    pub description: Option<String>,
    pub language: Option<String>,
    pub base_url: Option<String>,
}

/// Where something is in a source: a file and line, or an item number.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Location {
    pub file: String,
    pub line: Option<usize>,
    /// From 1, in the order the source lists its items.
    pub item: Option<usize>,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(item) = self.item {
            write!(f, " (item {item})")?;
        }
        Ok(())
    }
}
