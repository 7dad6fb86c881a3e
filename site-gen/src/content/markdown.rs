//! The Markdown dialect articles are written in. Content owns it because
//! reading an article's links and rendering it must parse the same way.

use pulldown_cmark::Options;

/// CommonMark with the extensions publishers expect.
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}
