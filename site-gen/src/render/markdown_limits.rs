//! Markdown nested far deeper than any article: a hundred thousand
//! levels of list, quote and raw HTML render without overflowing the
//! stack, within a bound the test states.

use std::time::{Duration, Instant};

use super::live_vectors::live_vectors;
use super::markdown::{markdown_to_html, sanitize_comment_html, sanitize_html};
use crate::config::SiteConfig;

const DEPTH: usize = 100_000;

/// Each case renders in well under a second in a release build; the
/// bound leaves room for a debug build on a busy machine.
const BOUND: Duration = Duration::from_secs(5);

fn render_within_bound(source: &str) -> String {
    let started = Instant::now();
    let html = markdown_to_html(source, &SiteConfig::default(), "en");
    let elapsed = started.elapsed();
    assert!(
        elapsed < BOUND,
        "{} bytes of Markdown took {elapsed:?}",
        source.len()
    );
    html
}

#[test]
fn a_hundred_thousand_nested_lists_and_quotes_render_in_bounded_time() {
    for opener in ["> ", "- ", "1. ", "> - "] {
        let html = render_within_bound(&format!("{}deep\n", opener.repeat(DEPTH)));
        assert!(html.contains("deep"), "{opener}");
    }
    let html = render_within_bound(&format!("{}deep{}\n", "*".repeat(DEPTH), "*".repeat(DEPTH)));
    assert!(html.contains("deep"));
}

#[test]
fn raw_html_nested_too_deep_to_sanitize_is_shown_as_text() {
    // Each used to take minutes in the sanitizer's parser: the time it
    // spends on an element grows with the depth it stands at.
    for source in [
        format!("x\n\n{}deep\n", "<div>".repeat(DEPTH)),
        format!("{}deep <b onclick=alert(1)>x</b>\n", "> ".repeat(DEPTH)),
        format!(
            "{}<script>alert(1)</script>\n",
            "<blockquote>".repeat(DEPTH)
        ),
    ] {
        let html = render_within_bound(&source);
        assert!(
            html.contains("deep") || html.contains("&lt;script"),
            "{html:.200}"
        );
        assert!(live_vectors(&html).is_empty(), "{:?}", live_vectors(&html));
    }
    // Nesting an article may have is still sanitized as HTML.
    let html = render_within_bound(&format!("x\n\n{}<b>deep</b>\n", "<div>".repeat(50)));
    assert!(
        html.contains("<div><div>") && html.contains("<b>deep</b>"),
        "{html}"
    );
}

#[test]
fn a_comment_nested_too_deep_is_shown_as_text_in_bounded_time() {
    let html = format!("{}<img src=x onerror=alert(1)>", "<div>".repeat(DEPTH));
    for sanitize in [sanitize_html, sanitize_comment_html] {
        let started = Instant::now();
        let clean = sanitize(&html);
        assert!(started.elapsed() < BOUND);
        assert!(live_vectors(&clean).is_empty(), "{clean:.200}");
        assert!(clean.contains("&lt;img"), "{clean:.200}");
    }
}
