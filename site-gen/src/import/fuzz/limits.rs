//! HTML in a source nested far deeper than any post: converted in bounded
//! time, as text, rather than parsed for minutes.

use std::time::{Duration, Instant};

use crate::config::SiteConfig;
use crate::import::html::to_markdown;
use crate::render::live_vectors::live_vectors;
use crate::render::markdown_to_html;

/// Deep enough that parsing it as HTML took over 20 seconds in a debug
/// build (the parser's time per element grows with its depth); shallow
/// enough that converting it as text stays quick in one.
const DEPTH: usize = 20_000;

#[test]
fn a_post_nested_twenty_thousand_deep_converts_in_bounded_time() {
    let html = format!(
        "{}Deep words<img src=x onerror=alert(1)>",
        "<div>".repeat(DEPTH)
    );
    let started = Instant::now();
    let markdown = to_markdown(&html);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
    assert!(markdown.contains("Deep words"), "{markdown:.200}");
    // Kept as text: escaped, so that building the article shows it.
    let page = markdown_to_html(&markdown, &SiteConfig::default(), "en");
    assert!(live_vectors(&page).is_empty(), "{page:.200}");
    assert!(page.contains("&lt;img"), "{page:.200}");
}
