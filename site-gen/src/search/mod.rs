//! Search without a server: an index split into small script files, so a
//! query downloads only the few it needs, and `search.js` on the search
//! page to read them.
//!
//! # Words
//! Text is split into runs of letters and digits, lower-cased, and each
//! word is stemmed in its article's language (Snowball: English, French
//! and a dozen others; any other language is only folded), then folded:
//! accents dropped, so `élection` and `Election` meet. The stemmer reads
//! the accents first, since French suffixes carry them.
//!
//! # Files, under `search/`
//! - `entry`: the first word of each words fragment, the first stem of each
//!   postings fragment, and the page sizes.
//! - `w/N`: folded words as articles spell them, in order, each with the
//!   stems it was read as. The reader's words are looked up here, so the
//!   client needs no stemmer: a word the archive holds in any form brings
//!   its stems in every language it was read in (`keepers` → `keeper`,
//!   `élections` → `elect`). While the reader types, the last word also
//!   matches the words it starts. A word no article holds falls back to
//!   the longest stem that starts it, itself or at most four letters
//!   shorter (Snowball's stems are prefixes of their words but for a few
//!   endings): `keeper`, which no article spells, finds the stem of
//!   `keepers`.
//! - `p/N`: stems, in order, each with its id, its article count and its
//!   first page of articles, `[doc, score, …]`, best first, then newest:
//!   a one-word query needs this page alone. Further pages are `m/ID-K`,
//!   fetched only when a query of several words or a filter needs them.
//! - `d/N`: the articles numbered `N * 8` to `N * 8 + 7`, each with its
//!   URL, title, date, language, tags, authors and the start of its text,
//!   from which the client cuts an excerpt and marks the words; written by
//!   the job of whichever of its articles comes last.
//! - `filters` and `f/KIND-N`: tag, author and year values, and each
//!   value's articles.
//!
//! Each file is a script calling `__samizdatSearch(name, data)`: script
//! elements load from `file://`, where browsers refuse `fetch`, as they do
//! over HTTP, so one format serves both. Articles are numbered by their
//! place in the site (newest first).

mod document;
mod filters;
mod fold;
mod fragments;
mod hash;
mod index;
mod metadata;
mod packed;
mod script;
mod stem;
mod text;

pub use fold::{fold, lower, words};
pub use fragments::{FIRST_PAGE, MORE_PAGE, write};
pub use index::{Document, SearchIndex, is_metadata_path};
pub use script::FOLDER;
pub use stem::LanguageStemmer;

/// The client, served as a fingerprinted asset.
pub const SEARCH_JS: &str = include_str!("../templates/search.js");
