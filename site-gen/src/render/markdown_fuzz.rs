//! Fuzz target for the Markdown renderer and the sanitizer of raw HTML:
//! Markdown structure around the HTML attackers write, rendered as a
//! build renders an untrusted article, must come out with no live vector.

use proptest::prelude::*;
use proptest::sample::select;

use super::live_vectors::live_vectors;
use super::markdown::{markdown_to_html, sanitize_comment_html, sanitize_html};
use crate::config::SiteConfig;
use crate::fuzzing::{config, mutate_text, mutations};

const TAGS: &[&str] = &[
    "script",
    "img",
    "a",
    "svg",
    "math",
    "style",
    "iframe",
    "form",
    "base",
    "meta",
    "object",
    "embed",
    "link",
    "noscript",
    "template",
    "input",
    "button",
    "details",
    "select",
    "textarea",
    "table",
    "td",
    "th",
    "h1",
    "div",
    "p",
    "b",
    "mglyph",
    "malignmark",
    "title",
    "xmp",
    "noembed",
    "plaintext",
    "frameset",
    "video",
    "source",
    "use",
    "animate",
    "set",
    "foreignObject",
    "annotation-xml",
    "desc",
    "mtext",
    "isindex",
    "image",
    "SCRIPT",
    "scr\0ipt",
    "a/",
];

const ATTRIBUTES: &[&str] = &[
    "onclick",
    "onerror",
    "onload",
    "ONMOUSEOVER",
    "onfocus",
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "xlink:href",
    "style",
    "srcdoc",
    "data",
    "poster",
    "background",
    "id",
    "class",
    "title",
    "is",
    "autofocus",
    "type",
    "http-equiv",
    "content",
    "cite",
    "lang",
    "dir",
    "width",
    "checked",
    "encoding",
    "xmlns",
];

const VALUES: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java&#x09;script:alert(1)",
    "java\tscript:alert(1)",
    "java&Tab;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A&#x61&#x76&#x61script:alert(1)",
    "javascript&colon;alert(1)",
    "\u{1}javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2Zz4=",
    "vbscript:msgbox(1)",
    "https://ok.example/a?b=c:d",
    "/root/relative",
    "../up",
    "#frag",
    "alert(1)",
    "position:fixed;top:0;left:0;width:100%;height:100%",
    "background:url(javascript:alert(1))",
    "expression(alert(1))",
    "text-align: center",
    "refresh",
    "0;url=javascript:alert(1)",
    "text/html",
    "image",
    "checkbox",
    "\"><script>alert(1)</script>",
    "' onerror='alert(1)",
    "http://www.w3.org/1999/xhtml",
];

const TEXTS: &[&str] = &[
    "alert(1)",
    "hello",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "</style><img src=x onerror=alert(1)>",
    "</title><script>alert(1)</script>",
    "<!-- --!><script>alert(1)</script> -->",
    "&lt;script&gt;",
    "`code <script>`",
    "*em*",
    "**strong**",
    "~~gone~~",
    "[^1]",
    "\\<script>",
];

/// A link or image written in Markdown, with a hostile or harmless target.
fn markdown_link() -> impl Strategy<Value = String> {
    (select(VALUES), select(TEXTS), 0..5usize).prop_map(|(url, text, form)| match form {
        0 => format!("[{text}]({url})"),
        1 => format!("![{text}]({url} \"{text}\")"),
        2 => format!("<{url}>"),
        3 => format!("[{text}][r]\n\n[r]: {url}\n"),
        _ => format!("[{text}](<{url}>)"),
    })
}

fn attribute() -> impl Strategy<Value = String> {
    (select(ATTRIBUTES), select(VALUES), 0..4usize).prop_map(|(name, value, quote)| match quote {
        0 => format!(" {name}=\"{}\"", value.replace('"', "&quot;")),
        1 => format!(" {name}='{value}'"),
        2 => format!(" {name}={}", value.replace(' ', "")),
        _ => format!("/{name}={value}"),
    })
}

/// Raw HTML: elements nested in elements, with attributes and text.
fn html() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![select(TEXTS).prop_map(str::to_string), markdown_link()];
    leaf.prop_recursive(4, 24, 4, |inner| {
        (
            select(TAGS),
            proptest::collection::vec(attribute(), 0..3),
            proptest::collection::vec(inner, 0..4),
            any::<bool>(),
        )
            .prop_map(|(tag, attributes, children, closed)| {
                let mut out = format!("<{tag}{}>", attributes.concat());
                out.push_str(&children.concat());
                if closed {
                    out.push_str(&format!("</{tag}>"));
                }
                out
            })
    })
}

/// Markdown blocks around the HTML: headings (with attribute blocks),
/// lists, quotes, code, tables, footnotes, and HTML blocks of their own.
fn block() -> impl Strategy<Value = String> {
    (
        0..10usize,
        html(),
        markdown_link(),
        select(ATTRIBUTES),
        select(VALUES),
    )
        .prop_map(|(form, html, link, name, value)| match form {
            0 => format!(
                "# {link} {html} {{#id .c {name}={}}}",
                value.replace(' ', "")
            ),
            1 => format!("- {html}\n  - {link}\n\n"),
            2 => format!("> {html}\n> > {link}"),
            3 => format!("```\n{html}\n```"),
            4 => format!("| a | b |\n|:-:|--:|\n| {html} | {link} |"),
            5 => format!("Text[^n] {link}\n\n[^n]: {html}"),
            6 => format!("\n{html}\n\n"),
            7 => format!("1. [x] {link}\n2. {html}"),
            8 => format!("Para *with {html}* and {link}."),
            _ => format!("## {link} {{onclick={}}}", value.replace(' ', "")),
        })
}

fn article() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(block(), 1..6),
        mutations(3),
        any::<bool>(),
    )
        .prop_map(|(blocks, damage, crlf)| {
            let text = mutate_text(&blocks.join("\n\n"), &damage);
            if crlf {
                text.replace('\n', "\r\n")
            } else {
                text
            }
        })
}

fn assert_inert(what: &str, source: &str, html: &str) {
    let found = live_vectors(html);
    assert!(
        found.is_empty(),
        "{what} left live vectors {found:?}\nsource: {source:?}\noutput: {html}"
    );
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn fuzz_markdown_with_raw_html(source in article(), french in any::<bool>()) {
        let config = SiteConfig { french_typography: french, ..SiteConfig::default() };
        let lang = if french { "fr" } else { "en" };
        assert_inert("the renderer", &source, &markdown_to_html(&source, &config, lang));
    }

    #[test]
    fn fuzz_html_sanitizers(source in html()) {
        assert_inert("the article sanitizer", &source, &sanitize_html(&source));
        assert_inert("the comment sanitizer", &source, &sanitize_comment_html(&source));
    }
}

// Regressions the targets found, minimized.

#[test]
fn a_heading_attribute_block_adds_no_event_handler() {
    let source = "## [x](javascript:alert(1)) {onclick=alert(1)}";
    let html = markdown_to_html(source, &SiteConfig::default(), "en");
    assert_inert("the renderer", source, &html);
    assert!(html.starts_with("<h2 id=\"x\">"), "{html}");
    let html = markdown_to_html("# T {#top .wide}", &SiteConfig::default(), "en");
    assert_eq!(html, "<h1 id=\"top\" class=\"wide\">T</h1>\n");
}

#[test]
fn raw_html_keeps_only_a_task_list_checkbox() {
    for source in [
        "<input type=\"javascript:alert(1)\">",
        "<input type=\"password\" placeholder=\"Password\">",
        "- [x] <input type=text>",
    ] {
        let html = sanitize_html(source);
        assert_inert("the article sanitizer", source, &html);
    }
    assert_eq!(
        sanitize_html("<input type=\"checkbox\" checked disabled>"),
        "<input type=\"checkbox\" checked=\"\" disabled=\"\">"
    );
}

#[test]
fn a_table_cell_keeps_its_alignment_and_no_other_style() {
    let html = sanitize_html(
        "<table><tr><td style=\"text-align: right; position: fixed; top: 0\">x</td></tr></table>",
    );
    assert_inert("the article sanitizer", "td style", &html);
    assert!(html.contains("style=\"text-align:right\""), "{html}");
}
