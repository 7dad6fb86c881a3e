//! The grammar: what a case is made of. Payloads, the markup shapes known
//! to change meaning between parses, elements from HTML, SVG and MathML
//! nested at random, and the formatting Mastodon statuses really carry.

use super::payloads::{cased, entity_encode, handler, payload, plain_url, url_attribute};
use super::rng::Rng;
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

/// A payload written out, to place where the parser may or may not read
/// it as markup: attribute values, comments, raw text.
fn payload_html(label: &str, rng: &mut Rng) -> String {
    Case {
        nodes: vec![payload(label, rng)],
        cut: None,
    }
    .html()
}

/// Markup known to parse one way and re-serialize another (mutation XSS),
/// and the raw-text and foster-parenting contexts it plays with.
fn gadget(label: &str, rng: &mut Rng) -> Vec<Node> {
    const SHAPES: &[(&str, &str)] = &[
        ("<math><mtext><table><mglyph><style>", ""),
        ("<noscript><p title=\"</noscript>", "\">"),
        ("<svg></p><style><a id=\"</style>", "\">"),
        (
            "<form><math><mtext></form><form><mglyph><svg><mtext><style><path id=\"</style>",
            "\">",
        ),
        ("<svg><foreignObject>", "</foreignObject></svg>"),
        (
            "<math><annotation-xml encoding=\"text/html\">",
            "</annotation-xml></math>",
        ),
        ("<svg><style>", "</style></svg>"),
        ("<template><p>", "</template>"),
        ("<textarea><p title=\"</textarea>", "\">"),
        ("<title><a title=\"</title>", "\">"),
        ("<xmp></xmp>", ""),
        ("<noembed><b title=\"</noembed>", "\">"),
        ("<select><template><style>", ""),
        ("<table>", "<tr><td>x</table>"),
        ("<svg><![CDATA[", "]]></svg>"),
        ("<!--<b title=\"-->", "\">"),
        (
            "<math><mi><mglyph><svg><mtext><textarea><path id=\"</textarea>",
            "\">",
        ),
        ("<svg><desc><svg><title>", ""),
        (
            "<a href=\"https://ok.example/\"><table><td><a href=\"https://x.example/\">",
            "",
        ),
        ("<p><table><td><h1>", ""),
        ("<math><mtext><h1><svg><style>", ""),
        ("<svg><p>", "</svg>"),
        ("<iframe><b title=\"</iframe>", "\">"),
        ("<plaintext>", ""),
        ("<pre>\n", "</pre>"),
        ("<svg><title><style><b title=\"</style>", "\">"),
    ];
    let (before, after) = SHAPES[rng.below(SHAPES.len())];
    vec![
        Node::Raw(before.to_string()),
        payload(label, rng),
        Node::Raw(after.to_string()),
    ]
}

/// What real statuses carry: mentions, hashtags, shortened links, custom
/// emoji, quotes, lists and code; now and then with a hostile target.
fn status_paragraph(label: &str, rng: &mut Rng) -> Node {
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

fn comment(label: &str, rng: &mut Rng) -> String {
    let inner = payload_html(label, rng);
    match rng.below(4) {
        0 => inner,
        1 => format!("--><b title=\"{inner}\">"),
        2 => format!("--!>{inner}"),
        _ => format!("<!--{inner}"),
    }
}

const TEXTS: &[&str] = &[
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

const RAW: &[&str] = &[
    "</p>",
    "</noscript>",
    "</style>",
    "</title>",
    "</textarea>",
    "</xmp>",
    "</svg>",
    "</math>",
    "</form>",
    "</template>",
    "</table>",
    "</select>",
    "</a>",
    "<!--",
    "-->",
    "--!>",
    "<![CDATA[",
    "]]>",
    "<?xml x?>",
    "<!doctype html>",
    "</script>",
    "<p",
    "<img src=x:",
    "\"",
    "'",
    ">",
    "<",
    "<//",
    "</ x>",
    "<a/",
    "&",
    "<svg>",
    "<math>",
    "<table>",
    "<select>",
    "<br/>",
    "</br>",
    "<mglyph>",
    "<malignmark>",
    "<mtext>",
    "<foreignObject>",
    "<annotation-xml encoding=text/html>",
];
