//! Raw HTML made safe to publish: an article's, when the publisher does
//! not trust it, an imported post's, and a reply from a comment server.

use std::sync::LazyLock;

use super::html_depth::html_nests_too_deep;

/// What may stay of an article's HTML when raw HTML is not trusted: what
/// Markdown itself produces, and common safe formatting.
pub(super) static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(sanitizer);

fn sanitizer() -> ammonia::Builder<'static> {
    let mut builder = ammonia::Builder::default();
    builder
        .add_generic_attributes(["id", "class", "lang", "dir", "title"])
        .add_tags([
            "input",
            "figure",
            "figcaption",
            "details",
            "summary",
            "mark",
            "section",
            "abbr",
        ])
        // A task list's checkbox, and no other input: a text or password
        // box in an article would pass for the page's own.
        .add_tag_attributes("input", ["checked", "disabled"])
        .add_tag_attribute_values("input", "type", ["checkbox"])
        .add_tag_attributes("img", ["loading", "width", "height"])
        .add_tag_attributes("ol", ["start"])
        .add_tag_attributes("th", ["style"])
        .add_tag_attributes("td", ["style"])
        // A table cell's alignment, as Markdown writes it; other styles
        // could lay a cell over the whole page.
        .filter_style_properties(["text-align"].into())
        .link_rel(Some("noopener"));
    builder
}

/// Keeps of `html` only what a build would keep of an article's raw HTML.
/// HTML nested too deep to parse in good time is kept as text.
pub fn sanitize_html(html: &str) -> String {
    if html_nests_too_deep(html) {
        return ammonia::clean_text(html);
    }
    SANITIZER.clean(html).to_string()
}

/// What may stay of a reply from a comment server: what an article's raw
/// HTML may keep, less images (a hostile server's tracking pixels) and ids
/// (which could shadow the page's own anchors), its links marked as the
/// readers' and not the publisher's.
static COMMENT_SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = sanitizer();
    builder
        .rm_tags(["img", "input"])
        .rm_generic_attributes(["id"])
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("nofollow ugc noopener"));
    builder
});

/// Keeps of a reply's `html` what a page may show of it.
pub fn sanitize_comment_html(html: &str) -> String {
    if html_nests_too_deep(html) {
        return ammonia::clean_text(html);
    }
    COMMENT_SANITIZER.clean(html).to_string()
}

/// As [`sanitize_html`], with relative links made absolute against `base`:
/// HTML taken from another site keeps pointing at that site.
pub fn sanitize_html_with_base(html: &str, base: &url::Url) -> String {
    if html_nests_too_deep(html) {
        return ammonia::clean_text(html);
    }
    let mut builder = sanitizer();
    builder.url_relative(ammonia::UrlRelative::RewriteWithBase(base.clone()));
    builder.clean(html).to_string()
}
