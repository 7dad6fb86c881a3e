//! Markup that plays with the parser: shapes known to parse one way and
//! re-serialize another, comments, and stray fragments.

use super::payloads::payload;
use super::rng::Rng;
use super::tree::{Case, Node};

/// A payload written out, to place where the parser may or may not read
/// it as markup: attribute values, comments, raw text.
pub fn payload_html(label: &str, rng: &mut Rng) -> String {
    Case {
        nodes: vec![payload(label, rng)],
        cut: None,
    }
    .html()
}

/// Markup known to parse one way and re-serialize another (mutation XSS),
/// and the raw-text and foster-parenting contexts it plays with.
pub fn gadget(label: &str, rng: &mut Rng) -> Vec<Node> {
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

pub fn comment(label: &str, rng: &mut Rng) -> String {
    let inner = payload_html(label, rng);
    match rng.below(4) {
        0 => inner,
        1 => format!("--><b title=\"{inner}\">"),
        2 => format!("--!>{inner}"),
        _ => format!("<!--{inner}"),
    }
}

pub const RAW: &[&str] = &[
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
