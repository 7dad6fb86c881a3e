//! The grammar: what a case is made of. Payloads, the markup shapes known
//! to change meaning between parses, elements from HTML, SVG and MathML
//! nested at random, and the formatting Mastodon statuses really carry.

use super::gadgets::{RAW, comment, gadget, payload_html};
use super::payloads::{handler, payload, url_attribute};
use super::rng::Rng;
use super::spelling::{cased, entity_encode, plain_url};
use super::status_markup::{TEXTS, status_paragraph};
use super::tree::{Attribute, Case, Node, attribute, element, text};

const MAX_DEPTH: usize = 5;

/// Elements containers are drawn from: status formatting, raw text and
/// foster-parenting contexts, and the namespaces' integration points.
const TAGS: &[&str] = &[
    "p",
    "br",
    "span",
    "a",
    "del",
    "pre",
    "code",
    "blockquote",
    "b",
    "strong",
    "i",
    "em",
    "u",
    "ul",
    "ol",
    "li",
    "ruby",
    "rt",
    "rp",
    "sub",
    "sup",
    "h1",
    "div",
    "table",
    "tbody",
    "tr",
    "td",
    "caption",
    "colgroup",
    "select",
    "option",
    "textarea",
    "title",
    "xmp",
    "noscript",
    "noembed",
    "noframes",
    "template",
    "iframe",
    "style",
    "script",
    "form",
    "svg",
    "math",
    "foreignObject",
    "desc",
    "mtext",
    "mi",
    "mglyph",
    "malignmark",
    "annotation-xml",
    "semantics",
    "listing",
    "image",
    "object",
    "head",
    "body",
    "html",
    "button",
    "details",
    "summary",
    "marquee",
    "font",
    "nobr",
    "map",
    "area",
    "keygen",
];

pub fn case(label: &str, rng: &mut Rng) -> Case {
    let mut nodes = nodes(label, rng, 0);
    if rng.chance(3) {
        nodes = deeply_nested(nodes, rng);
    }
    let mut case = Case { nodes, cut: None };
    if rng.chance(8) {
        case.cut = Some(rng.below(case.html().len() + 1));
    }
    case
}

/// `nodes` at the bottom of some forty to sixty elements, around the
/// depth where the sanitizer stops keeping markup.
fn deeply_nested(nodes: Vec<Node>, rng: &mut Rng) -> Vec<Node> {
    let mut nodes = nodes;
    for _ in 0..40 + rng.below(21) {
        let name = rng.pick(&["span", "b", "div", "blockquote", "a", "font", "ul", "li"]);
        nodes = vec![element(name, vec![], nodes)];
    }
    nodes
}

fn nodes(label: &str, rng: &mut Rng, depth: usize) -> Vec<Node> {
    let count = 1 + rng.below(if depth == 0 { 5 } else { 3 });
    let mut out = Vec::new();
    for _ in 0..count {
        out.extend(node(label, rng, depth));
    }
    out
}

fn node(label: &str, rng: &mut Rng, depth: usize) -> Vec<Node> {
    match rng.below(100) {
        0..25 => vec![payload(label, rng)],
        25..40 => vec![status_paragraph(label, rng)],
        40..58 if depth < MAX_DEPTH => vec![container(label, rng, depth)],
        40..70 => gadget(label, rng),
        70..78 => vec![Node::Raw(rng.pick(RAW).to_string())],
        78..83 => vec![Node::Comment(comment(label, rng))],
        83..87 => vec![Node::Cdata(payload_html(label, rng))],
        _ => vec![text(rng.pick(TEXTS))],
    }
}

fn container(label: &str, rng: &mut Rng, depth: usize) -> Node {
    let name = cased(rng.pick(TAGS), rng);
    let attributes = (0..rng.below(4))
        .map(|_| any_attribute(label, rng))
        .collect();
    element(&name, attributes, nodes(label, rng, depth + 1))
}

fn any_attribute(label: &str, rng: &mut Rng) -> Attribute {
    match rng.below(14) {
        0 => handler(label, rng),
        1 => url_attribute(
            rng.pick(&[
                "href",
                "src",
                "action",
                "formaction",
                "xlink:href",
                "data",
                "poster",
            ]),
            label,
            rng,
        ),
        2 => attribute("href", &plain_url(rng)),
        3 => attribute(
            "class",
            rng.pick(&[
                "u-url mention",
                "mention hashtag",
                "h-card",
                "invisible",
                "ellipsis",
                "quote-inline",
                "emoji evil",
                "status-link",
            ]),
        ),
        4 => attribute(
            "title",
            &format!("</noscript></style></title>{}", payload_html(label, rng)),
        ),
        5 => attribute("style", "background:url(javascript:x);position:fixed"),
        6 => attribute(
            "encoding",
            rng.pick(&["text/html", "application/xhtml+xml", "TEXT/HTML"]),
        ),
        7 => attribute(
            "xmlns",
            rng.pick(&[
                "http://www.w3.org/1999/xhtml",
                "http://www.w3.org/2000/svg",
                "http://www.w3.org/1998/Math/MathML",
            ]),
        ),
        8 => attribute("lang", rng.pick(&["fr", "en-GB", "x\" onload=\"y", ""])),
        9 => attribute(
            rng.pick(&["start", "value"]),
            rng.pick(&["3", "-1", "3;x", "99999999999999999999"]),
        ),
        10 => attribute(
            "srcset",
            &format!("x: 1x, {} 2x", entity_encode("javascript:x", rng)),
        ),
        11 => attribute(
            "srcdoc",
            &format!("<script>parent.__pwned='{label}'</script>"),
        ),
        12 => attribute(
            rng.pick(&["rel", "target", "id", "name", "is", "open", "autofocus"]),
            rng.pick(&["tag", "_top", "x", ""]),
        ),
        _ => attribute(
            &cased(
                rng.pick(&["translate", "dir", "data-x", "contenteditable"]),
                rng,
            ),
            "no",
        ),
    }
}
