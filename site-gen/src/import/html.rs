//! HTML from a source, as Markdown an archive keeps: sanitized as `build`
//! sanitizes raw HTML first, so nothing hostile survives into the archive,
//! then converted, so the publisher edits Markdown rather than tags.

use std::sync::LazyLock;

use crate::render::markdown::{sanitize_html, sanitize_html_with_base};

static CONVERTER: LazyLock<htmd::HtmlToMarkdown> = LazyLock::new(|| {
    htmd::HtmlToMarkdown::builder()
        .skip_tags(vec!["script", "style", "noscript", "template"])
        .build()
});

/// Markdown for `html`. What Markdown cannot say (a table's alignment, a
/// figure) stays as sanitized HTML, which `build` keeps.
pub fn to_markdown(html: &str) -> String {
    convert(sanitize_html(html))
}

/// As [`to_markdown`], with relative links made absolute against `base`,
/// so that an article taken from another site keeps pointing at it.
pub fn to_markdown_with_base(html: &str, base: &url::Url) -> String {
    convert(sanitize_html_with_base(html, base))
}

fn convert(clean: String) -> String {
    // The converter fails only when it cannot read its input, which
    // sanitized HTML always is; the sanitized HTML is kept if it does.
    let markdown = CONVERTER.convert(&clean).unwrap_or(clean);
    markdown.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_common_markup_and_drops_what_runs() {
        let markdown = to_markdown(
            "<p>Hello <strong>world</strong> and <a href=\"https://example.org/\">a link</a>.</p><script>alert(1)</script><p><img src=\"x.jpg\" alt=\"A cat\" onerror=\"alert(2)\"></p><ul><li>one</li><li>two</li></ul>",
        );
        assert!(markdown.contains("Hello **world**"), "{markdown}");
        assert!(
            markdown.contains("[a link](https://example.org/)"),
            "{markdown}"
        );
        assert!(markdown.contains("![A cat](x.jpg)"), "{markdown}");
        assert!(!markdown.contains("alert"), "{markdown}");
        assert!(
            markdown.contains("one") && markdown.contains("two"),
            "{markdown}"
        );
    }

    #[test]
    fn a_javascript_link_does_not_survive() {
        let markdown = to_markdown("<a href=\"javascript:alert(1)\">x</a>");
        assert!(!markdown.contains("javascript"), "{markdown}");
    }

    #[test]
    fn relative_links_are_made_absolute_against_the_base() {
        let base = url::Url::parse("https://old.example/blog/post/").unwrap();
        let markdown = to_markdown_with_base(
            "<p><a href=\"../other/\">other</a> <img src=\"/media/a.png\" alt=\"a\"> <a href=\"https://x.example/\">x</a></p>",
            &base,
        );
        assert!(
            markdown.contains("[other](https://old.example/blog/other/)"),
            "{markdown}"
        );
        assert!(
            markdown.contains("![a](https://old.example/media/a.png)"),
            "{markdown}"
        );
        assert!(markdown.contains("[x](https://x.example/)"), "{markdown}");
    }
}
