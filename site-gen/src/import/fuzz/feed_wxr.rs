//! The WordPress and feed importers, fed their fixtures damaged at the
//! element level (hostile values in the elements that name files,
//! slugs, dates and media) and then at the byte level.

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestRunner;

use super::Workspace;
use crate::fuzzing::{config, mutate, mutations};
use crate::import::{Format, ImportOptions};

const WXR: &[&str] = &[
    include_str!("../../../tests/fixtures/import/wxr/export-1.2.xml"),
    include_str!("../../../tests/fixtures/import/wxr/export-1.0.xml"),
    include_str!("../../../tests/fixtures/import/wxr/doctype-attack.xml"),
];

const FEEDS: &[(&str, &str)] = &[
    (
        "feed.xml",
        include_str!("../../../tests/fixtures/import/feed/rss2.xml"),
    ),
    (
        "atom.xml",
        include_str!("../../../tests/fixtures/import/feed/atom.xml"),
    ),
    (
        "feed.rdf",
        include_str!("../../../tests/fixtures/import/feed/rss1.rdf"),
    ),
    (
        "feed.json",
        include_str!("../../../tests/fixtures/import/feed/feed.json"),
    ),
];

/// Elements (and JSON Feed keys) whose values become names, paths,
/// slugs, dates or HTML in the archive.
const ELEMENTS: &[&str] = &[
    "title",
    "link",
    "guid",
    "pubDate",
    "wp:post_name",
    "wp:post_type",
    "wp:status",
    "wp:post_date_gmt",
    "wp:attachment_url",
    "wp:post_parent",
    "wp:meta_value",
    "content:encoded",
    "dc:creator",
    "category",
    "id",
    "updated",
    "published",
    "content",
    "enclosure",
    "\"url\"",
    "\"id\"",
    "\"content_html\"",
    "\"date_published\"",
    "\"image\"",
];

pub(super) const VALUES: &[&str] = &[
    "../../secret.txt",
    "https://example.org/wp-content/uploads/../../secret.txt",
    "https://example.org/wp-content/uploads/2021/01/..%2f..%2f..%2fsecret.txt",
    "https://example.org/wp-content/uploads/%2e%2e/%2e%2e/secret.txt",
    "https://example.org/wp-content/uploads/2021/01/\0.jpg",
    "https://example.org/wp-content/uploads/2021/01/.htaccess",
    "https://example.org/wp-content/uploads/2021/01/index.md",
    "https://example.org/wp-content/uploads/2021/01/",
    "file:///etc/passwd",
    "/etc/passwd",
    "C:\\Windows\\win.ini",
    "\\\\server\\share\\x",
    "．．／．．／secret.txt",
    "attachment",
    "page",
    "publish",
    "draft",
    "0000-00-00 00:00:00",
    "9999-99-99 99:99:99",
    "Sat, 31 Feb 2021 25:61:61 +9999",
    "<script>alert(1)</script>",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "&amp;#x2F;&amp;#x2E;&amp;#x2E;",
    "&xxe;",
    "🦀🦀🦀",
    "",
];

/// `text` with the first `<element>`'s content, or the first value of a
/// JSON `"key"`, replaced by `value`.
pub(super) fn replace_element(
    text: &str,
    element: &str,
    value: &str,
    occurrence: &Index,
) -> String {
    let (open, close) = if element.starts_with('"') {
        (format!("{element}: \""), "\"".to_string())
    } else {
        (format!("<{element}>"), format!("</{element}>"))
    };
    let starts: Vec<usize> = text.match_indices(&open).map(|(at, _)| at).collect();
    if starts.is_empty() {
        return text.to_string();
    }
    let start = starts[occurrence.index(starts.len())] + open.len();
    let Some(length) = text[start..].find(&close) else {
        return text.to_string();
    };
    let value = if element.starts_with('"') {
        value.replace('\\', "\\\\").replace('"', "\\\"")
    } else {
        value.to_string()
    };
    format!("{}{value}{}", &text[..start], &text[start + length..])
}

fn damaged(sources: Vec<&'static str>) -> impl Strategy<Value = (usize, Vec<u8>)> {
    let count = sources.len();
    let edit = (select(ELEMENTS), select(VALUES), any::<Index>());
    (
        0..count,
        proptest::collection::vec(edit, 0..6),
        mutations(3),
    )
        .prop_map(move |(which, edits, damage)| {
            let mut text = sources[which].to_string();
            for (element, value, occurrence) in edits {
                text = replace_element(&text, element, value, &occurrence);
            }
            (which, mutate(text.into_bytes(), &damage))
        })
}

#[test]
fn fuzz_wxr_import() {
    let workspace = Workspace::new();
    let source = workspace.path().join("export.xml");
    let options = ImportOptions {
        uploads: Some(workspace.path().join("uploads")),
        ..ImportOptions::default()
    };
    let mut runner = TestRunner::new(config(96));
    runner
        .run(&damaged(WXR.to_vec()), |(_, bytes)| {
            std::fs::write(&source, &bytes).unwrap();
            workspace.check_import(Format::Wxr, &source, &options);
            Ok(())
        })
        .unwrap();
}

#[test]
fn fuzz_feed_import() {
    let workspace = Workspace::new();
    let texts = FEEDS.iter().map(|(_, text)| *text).collect();
    let mut runner = TestRunner::new(config(96));
    runner
        .run(&damaged(texts), |(which, bytes)| {
            let source = workspace.path().join(FEEDS[which].0);
            std::fs::write(&source, &bytes).unwrap();
            workspace.check_import(Format::Feed, &source, &ImportOptions::default());
            std::fs::remove_file(&source).unwrap();
            Ok(())
        })
        .unwrap();
}

// Regressions the targets found, minimized.

#[test]
fn an_attribute_after_a_character_of_several_bytes_is_read_whole() {
    // Finding the attribute's name once cut `\u{2028}` in two: a panic.
    let workspace = Workspace::new();
    let source = workspace.path().join("export.xml");
    let content = "<![CDATA[<img alt=\"x\"\u{2028}width=\"1\" src=\"https://example.org/wp-content/uploads/2021/01/lighthouse.jpg\">é=\"y\"]]>";
    let start = WXR[0].find("<content:encoded>").unwrap() + "<content:encoded>".len();
    let end = WXR[0].find("</content:encoded>").unwrap();
    let text = format!("{}{content}{}", &WXR[0][..start], &WXR[0][end..]);
    std::fs::write(&source, text).unwrap();
    let options = ImportOptions {
        uploads: Some(workspace.path().join("uploads")),
        ..ImportOptions::default()
    };
    assert!(workspace.check_import(Format::Wxr, &source, &options));
}
