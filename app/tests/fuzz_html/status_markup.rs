//! What real statuses carry, as Mastodon writes it.

use super::payloads::url_attribute;
use super::rng::Rng;
use super::tree::{Node, attribute, element, text};

/// What real statuses carry: mentions, hashtags, shortened links, custom
/// emoji, quotes, lists and code; now and then with a hostile target.
pub fn status_paragraph(label: &str, rng: &mut Rng) -> Node {
    let mut children = Vec::new();
    for _ in 0..1 + rng.below(4) {
        children.push(match rng.below(9) {
            0 => element(
                "span",
                vec![attribute("class", "h-card"), attribute("translate", "no")],
                vec![mention(rng)],
            ),
            1 => element(
                "a",
                vec![
                    attribute("href", "https://home.example/tags/sea"),
                    attribute("class", "mention hashtag"),
                    attribute("rel", "tag"),
                ],
                vec![
                    text("#"),
                    element(
                        "span",
                        vec![],
                        vec![text(rng.pick(&["sea", "Café", "caf%C3%A9"]))],
                    ),
                ],
            ),
            2 => element(
                "a",
                vec![
                    attribute("href", "https://example.org/long/path"),
                    attribute("rel", "nofollow noopener noreferrer"),
                    attribute("target", "_blank"),
                ],
                vec![
                    element(
                        "span",
                        vec![attribute("class", "invisible")],
                        vec![text("https://")],
                    ),
                    element(
                        "span",
                        vec![attribute("class", "ellipsis")],
                        vec![text("example.org/lo")],
                    ),
                    element(
                        "span",
                        vec![attribute("class", "invisible")],
                        vec![text("ng/path")],
                    ),
                ],
            ),
            3 => element("br", vec![], vec![]),
            4 => element(
                "span",
                vec![attribute("class", "quote-inline")],
                vec![
                    text("RE: "),
                    element(
                        "a",
                        vec![attribute("href", "https://remote.example/@ada/1")],
                        vec![text("post")],
                    ),
                ],
            ),
            5 => element(
                rng.pick(&["blockquote", "pre", "code", "del", "strong", "em"]),
                vec![],
                vec![text(rng.pick(TEXTS))],
            ),
            6 => element(
                "ul",
                vec![],
                vec![
                    element("li", vec![], vec![text("one")]),
                    element("li", vec![attribute("value", "5")], vec![text("two")]),
                ],
            ),
            7 => element(
                "a",
                vec![url_attribute("href", label, rng)],
                vec![text("hostile target")],
            ),
            _ => text(rng.pick(TEXTS)),
        });
    }
    element("p", vec![], children)
}

fn mention(rng: &mut Rng) -> Node {
    let (href, name) = *rng.pick(&[
        &("https://remote.example/@ada", "ada"),
        &("https://b.example/users/lin", "lin@b.example"),
        &(
            "https://hostile.example/@x",
            "x\"><img src=x: onerror=__pwned=1>",
        ),
    ]);
    element(
        "a",
        vec![attribute("href", href), attribute("class", "u-url mention")],
        vec![text("@"), element("span", vec![], vec![text(name)])],
    )
}

pub const TEXTS: &[&str] = &[
    "plain words",
    "Hello :blobcat: and :evil: and :data: at 10:30 ::blobcat:: :magnet:",
    "&lt;script&gt;__pwned=1&lt;/script&gt;",
    "&amp;lt;img src=x onerror=__pwned=1&amp;gt;",
    "\u{0}nul\u{202e}rtl\u{feff}",
    "@ada@remote.example #sea",
    "< > & \" ' `",
    "&#0;&#x110000;&#xD800;&notin&notit;",
    "🐱 emoji",
    "\n\nleading newlines",
];
