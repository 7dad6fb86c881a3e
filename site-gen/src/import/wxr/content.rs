//! A post's content as WordPress stores it, as Markdown: Gutenberg's block
//! comments removed, shortcodes expanded, URLs alone on a line made links,
//! paragraphs as `wpautop` makes them, uploads pointed at the copied files,
//! then sanitized and converted as every import's HTML is.

use std::collections::BTreeSet;

use super::autop::autop;
use super::media::{PostMedia, rewrite_urls};
use super::shortcodes::{self, Context};
use crate::import::html::to_markdown;

pub fn to_article_markdown(
    content: &str,
    context: &Context,
    media: &mut PostMedia,
    unknown_shortcodes: &mut BTreeSet<String>,
) -> String {
    let html = without_block_comments(content);
    let html = shortcodes::expand(&html, context, unknown_shortcodes);
    let html = link_lone_urls(&html);
    let html = autop(&html);
    let html = rewrite_urls(&html, |url| media.resolve(url));
    to_markdown(&html)
}

/// `text` without `<!-- wp:… -->` and `<!-- /wp:… -->`, which only the
/// block editor reads.
pub fn without_block_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("<!--") {
        let comment = &rest[at + 4..];
        let is_block =
            comment.trim_start().starts_with("wp:") || comment.trim_start().starts_with("/wp:");
        let Some(end) = comment.find("-->") else {
            break;
        };
        out.push_str(&rest[..at]);
        if !is_block {
            out.push_str(&rest[at..at + 4 + end + 3]);
        }
        rest = &comment[end + 3..];
    }
    out.push_str(rest);
    out
}

/// A line that is only a URL is an embed in WordPress: here, a link.
/// Not in a `<pre>`, whose lines are kept as written.
fn link_lone_urls(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_pre = false;
    for line in text.split_inclusive('\n') {
        let lower = line.to_ascii_lowercase();
        if lower.contains("<pre") {
            in_pre = true;
        }
        if lower.contains("</pre>") {
            in_pre = false;
        }
        let trimmed = line.trim();
        let lone_url = !in_pre
            && (trimmed.starts_with("https://") || trimmed.starts_with("http://"))
            && !trimmed.contains(|c: char| c.is_whitespace() || c == '<' || c == '"');
        if lone_url {
            out.push_str(&shortcodes::link_paragraph(trimmed));
            out.push('\n');
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::wxr::media::Attachments;

    #[test]
    fn block_comments_go_and_other_comments_stay() {
        assert_eq!(
            without_block_comments(
                "<!-- wp:paragraph -->\n<p>Hi</p>\n<!-- /wp:paragraph --><!-- note -->"
            ),
            "\n<p>Hi</p>\n<!-- note -->"
        );
    }

    #[test]
    fn a_whole_post_becomes_markdown() {
        let attachments = Attachments::default();
        let context = Context {
            attachments: &attachments,
            post_id: None,
        };
        let mut media = PostMedia::new(None);
        let mut unknown = BTreeSet::new();
        let markdown = to_article_markdown(
            "<!-- wp:paragraph -->\nHello <em>world</em>\nsecond line\n\nhttps://video.example/watch?v=1\n\n[contact-form id=\"3\"]\n<!-- /wp:paragraph -->\n<pre>\nhttps://kept.example/\n</pre>",
            &context,
            &mut media,
            &mut unknown,
        );
        assert!(markdown.contains("Hello *world*"), "{markdown}");
        assert!(
            markdown.contains("[https://video.example/watch?v=1](https://video.example/watch?v=1)"),
            "{markdown}"
        );
        assert!(!markdown.contains("wp:paragraph"), "{markdown}");
        assert!(
            markdown.contains("```\nhttps://kept.example/\n```"),
            "{markdown}"
        );
        assert!(markdown.contains("contact-form"), "{markdown}");
        assert_eq!(unknown.into_iter().collect::<Vec<_>>(), ["contact-form"]);
    }
}
