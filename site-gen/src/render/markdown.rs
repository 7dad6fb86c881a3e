//! Markdown to HTML: CommonMark with the extensions publishers expect.

use pulldown_cmark::{Event, Options, Parser, html};

pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
}

/// Renders an article body. Raw HTML is shown as text unless `trust_html`:
/// an archive imported from elsewhere may carry scripts.
pub fn markdown_to_html(markdown: &str, trust_html: bool) -> String {
    let parser = Parser::new_ext(markdown, options()).map(|event| match event {
        Event::Html(raw) | Event::InlineHtml(raw) if !trust_html => Event::Text(raw),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, parser);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_extensions() {
        let html = markdown_to_html(
            "| a |\n|---|\n| b |\n\n~~x~~ - [x] \"q\"[^1]\n\n[^1]: n\n",
            false,
        );
        assert!(html.contains("<table>"), "{html}");
        assert!(html.contains("<del>x</del>"), "{html}");
        assert!(html.contains("“q”"), "{html}");
        assert!(html.contains("footnote"), "{html}");
    }

    #[test]
    fn raw_html_is_escaped_unless_trusted() {
        let source = "<script>alert(1)</script>\n\nHi <b onclick=x>there</b>";
        let escaped = markdown_to_html(source, false);
        assert!(!escaped.contains("<script"), "{escaped}");
        assert!(!escaped.contains("<b "), "{escaped}");
        assert!(markdown_to_html(source, true).contains("<script>"));
    }
}
