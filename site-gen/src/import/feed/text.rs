//! Feed text in the forms an article needs: HTML for the body, plain text
//! for a title or a description.

use feed_rs::model::Text;

use crate::import::text::{TITLE_CHARS, first_words};

/// Whether a feed's text is markup (HTML or XHTML) rather than plain text.
pub fn is_markup(text: &Text) -> bool {
    let kind = text.content_type.to_string();
    kind.contains("html")
}

/// Whether plain text is in fact HTML, as RSS 0.9x and 1.0 descriptions
/// often are though those formats cannot say so.
pub fn looks_like_html(text: &str) -> bool {
    ["</", "<p>", "<p ", "<br", "<img ", "<a "]
        .iter()
        .any(|mark| text.contains(mark))
}

/// `text` as HTML: markup as it is, plain text escaped, in paragraphs.
pub fn as_html(content: &str, markup: bool) -> String {
    if markup {
        return content.to_string();
    }
    content
        .split("\n\n")
        .map(str::trim)
        .filter(|paragraph| !paragraph.is_empty())
        .map(|paragraph| format!("<p>{}</p>", escape(paragraph)))
        .collect::<Vec<_>>()
        .join("\n")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Tags that separate words, where dropping the tag must leave a space.
const BREAKING_TAGS: &[&str] = &[
    "p",
    "br",
    "div",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "section",
    "article",
    "img",
];

/// The words of `html` without its tags, on one line.
pub fn plain_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut tag: Option<String> = None;
    for c in html.chars() {
        match (&mut tag, c) {
            (None, '<') => tag = Some(String::new()),
            (Some(name), '>') => {
                let name = name
                    .trim_start_matches('/')
                    .split(|c: char| c.is_whitespace() || c == '/')
                    .next()
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if BREAKING_TAGS.contains(&name.as_str()) {
                    text.push(' ');
                }
                tag = None;
            }
            (Some(name), _) => name.push(c),
            (None, _) => text.push(c),
        }
    }
    let text = quick_xml::escape::unescape(&text)
        .map(|text| text.into_owned())
        .unwrap_or(text);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A title for an entry that has none: its first words, cut at a word.
pub fn title_from(plain: &str) -> String {
    if plain.chars().count() <= TITLE_CHARS {
        return plain.to_string();
    }
    format!("{}…", first_words(plain, TITLE_CHARS))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_drops_tags_and_decodes_entities() {
        assert_eq!(
            plain_text("<p>Fish &amp; <em>chips</em>.</p><p>&lt;3&#33;<br/>x</p>"),
            "Fish & chips. <3! x"
        );
    }

    #[test]
    fn html_in_an_untyped_description_is_told_from_plain_text() {
        assert!(looks_like_html("Hello <a href=\"/x\">x</a>"));
        assert!(looks_like_html("one<br/>two"));
        assert!(!looks_like_html("a < b and c > d"));
    }

    #[test]
    fn plain_content_is_escaped_into_paragraphs() {
        assert_eq!(
            as_html("a < b\n\nand <script>", false),
            "<p>a &lt; b</p>\n<p>and &lt;script&gt;</p>"
        );
        assert_eq!(as_html("<p>kept</p>", true), "<p>kept</p>");
    }

    #[test]
    fn a_long_text_gives_a_title_cut_at_a_word() {
        let title = title_from(
            "The harbour council met on Tuesday night to decide the fate of the old lighthouse keeper's cottage",
        );
        assert_eq!(
            title,
            "The harbour council met on Tuesday night to decide the fate…"
        );
        assert_eq!(title_from("Short note"), "Short note");
    }
}
