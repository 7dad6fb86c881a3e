//! How deep an article's HTML nests, counted before the sanitizer parses
//! it: the HTML parser's work for each element grows with the depth it
//! stands at, so ten thousand nested `<div>`s or quotes cost seconds and
//! a hundred thousand cost minutes.

use pulldown_cmark::Event;

/// Deeper than any article is written; shallow enough that sanitizing
/// the largest article stays a matter of milliseconds.
pub const HTML_DEPTH: usize = 512;

/// Elements that never hold others, so never deepen the nesting.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Whether the HTML `events` render to nests deeper than [`HTML_DEPTH`].
/// Markdown's own elements count as they open and close; in raw HTML,
/// each start tag opens and each end tag closes, which over-counts
/// elements the parser closes by itself (`<p>`, `<li>`) and so errs
/// towards caution.
pub fn nests_too_deep(events: &[Event]) -> bool {
    let mut depth = 0usize;
    for event in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Html(html) | Event::InlineHtml(html) => depth = raw_depth(html, depth),
            _ => {}
        }
        if depth > HTML_DEPTH {
            return true;
        }
    }
    false
}

/// Whether raw `html` alone nests deeper than [`HTML_DEPTH`].
pub fn html_nests_too_deep(html: &str) -> bool {
    raw_depth(html, 0) > HTML_DEPTH
}

/// The depth after `html`, starting at `depth`, capped past the limit.
fn raw_depth(html: &str, mut depth: usize) -> usize {
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let closing = rest.starts_with('/');
        let name: String = rest
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let self_closing = rest.find('>').is_some_and(|end| rest[..end].ends_with('/'));
        if closing {
            depth = depth.saturating_sub(1);
        } else if !self_closing && !VOID.contains(&name.as_str()) {
            depth += 1;
            if depth > HTML_DEPTH {
                return depth;
            }
        }
    }
    depth
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::{CowStr, Tag, TagEnd};

    fn raw(html: &'static str) -> Event<'static> {
        Event::Html(CowStr::Borrowed(html))
    }

    #[test]
    fn counts_markdown_and_raw_html_together() {
        let quote = |n| {
            let mut events = vec![Event::Start(Tag::BlockQuote(None)); n];
            events.push(raw("<div><b>x</b><br><img src=x/>"));
            events
        };
        assert!(!nests_too_deep(&quote(HTML_DEPTH - 2)));
        assert!(nests_too_deep(&quote(HTML_DEPTH - 1)));
        let mut balanced = Vec::new();
        for _ in 0..10_000 {
            balanced.push(raw("<div><p>x</p><hr></div>"));
            balanced.push(Event::Start(Tag::Paragraph));
            balanced.push(Event::End(TagEnd::Paragraph));
        }
        assert!(!nests_too_deep(&balanced));
        assert!(nests_too_deep(&[raw(&*"<div>"
            .repeat(HTML_DEPTH + 1)
            .leak())]));
    }
}
