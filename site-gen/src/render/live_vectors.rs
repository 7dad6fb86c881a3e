//! The fuzz targets' judge of rendered HTML: it reads the HTML with the
//! tokenizer a browser's parser is built on and names every way it could
//! still run script or take over the page. A target asserts it finds none.

use html5ever::tokenizer::Tag;

/// Elements an article may hold: ammonia's safe set, and the few the
/// renderer's own sanitizer adds. Anything else (script, style, iframe,
/// form, base, meta, svg, math, template…) is a vector.
const ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "acronym",
    "area",
    "article",
    "aside",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "footer",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "i",
    "img",
    "input",
    "ins",
    "kbd",
    "li",
    "map",
    "mark",
    "nav",
    "ol",
    "p",
    "pre",
    "q",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "span",
    "strike",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "th",
    "thead",
    "time",
    "tr",
    "tt",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Attributes whose value a browser loads or follows as a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "action",
    "formaction",
    "srcset",
    "poster",
    "background",
    "xlink:href",
    "data",
    "longdesc",
    "usemap",
    "codebase",
    "ping",
    "manifest",
];

/// Schemes that cannot run script or stand in for a page.
const SAFE_SCHEMES: &[&str] = &[
    "bitcoin",
    "ftp",
    "ftps",
    "geo",
    "http",
    "https",
    "im",
    "irc",
    "ircs",
    "magnet",
    "mailto",
    "mms",
    "mx",
    "news",
    "nntp",
    "openpgp4fpr",
    "sip",
    "sms",
    "smsto",
    "ssh",
    "tel",
    "url",
    "webcal",
    "wtai",
    "xmpp",
    "gemini",
    "ipfs",
    "ipns",
];

/// Every live vector in `html`, described; empty when it is inert. Should
/// a `<noscript>` slip through, its text is not read as markup either.
pub fn live_vectors(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    crate::html_tags::each_start_tag(html, true, |tag| judge(tag, &mut found));
    found
}

fn judge(tag: &Tag, found: &mut Vec<String>) {
    let name = &*tag.name;
    if !ELEMENTS.contains(&name) {
        found.push(format!("element <{name}>"));
    }
    for attr in &tag.attrs {
        let attribute = &*attr.name.local;
        let value = &*attr.value;
        if attribute.starts_with("on") || matches!(attribute, "srcdoc" | "is" | "http-equiv") {
            found.push(format!("attribute {attribute}=\"{value}\" on <{name}>"));
        }
        if attribute == "style" && !is_alignment(value) {
            found.push(format!("style=\"{value}\" on <{name}>"));
        }
        if name == "input" && attribute == "type" && value != "checkbox" {
            found.push(format!("<input type=\"{value}\">"));
        }
        if URL_ATTRIBUTES.contains(&attribute) && !is_safe_url(value) {
            found.push(format!("{attribute}=\"{value}\" on <{name}>"));
        }
    }
}

/// A table cell's alignment, the only style Markdown writes.
fn is_alignment(style: &str) -> bool {
    style.split(';').map(str::trim).all(|declaration| {
        declaration.is_empty()
            || matches!(
                declaration
                    .split_once(':')
                    .map(|(property, value)| (property.trim(), value.trim())),
                Some(("text-align", "left" | "center" | "right"))
            )
    })
}

/// A URL as a browser reads it (the WHATWG parser drops tabs, newlines
/// and surrounding controls before it looks for a scheme): relative, or
/// with a scheme that runs nothing.
fn is_safe_url(value: &str) -> bool {
    match url::Url::parse(value) {
        Ok(url) => SAFE_SCHEMES.contains(&url.scheme()),
        Err(url::ParseError::RelativeUrlWithoutBase) => true,
        // An absolute URL the parser refuses names its scheme all the same.
        Err(_) => {
            let cleaned: String = value
                .trim_matches(|c: char| c <= ' ')
                .chars()
                .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
                .collect();
            match cleaned.split_once(':') {
                Some((scheme, _)) if is_scheme(scheme) => {
                    SAFE_SCHEMES.contains(&scheme.to_ascii_lowercase().as_str())
                }
                _ => true,
            }
        }
    }
}

fn is_scheme(text: &str) -> bool {
    text.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_judge_finds_each_kind_of_vector() {
        for (html, what) in [
            ("<script>alert(1)</script>", "element <script>"),
            ("<svg><a xlink:href=\"javascript:x\">", "element <svg>"),
            ("<b onclick=\"x\">b</b>", "onclick"),
            ("<a href=\" java&#x09;script:x\">a</a>", "href"),
            ("<a href=\"&#1;javascript:x\">a</a>", "href"),
            ("<img src=\"data:text/html,x\">", "src"),
            ("<td style=\"position:fixed\">", "style"),
            ("<input type=\"image\">", "input type"),
            ("<h1 onmouseover=\"x\">h</h1>", "onmouseover"),
        ] {
            let found = live_vectors(html);
            assert!(
                found.iter().any(|vector| vector.contains(what)),
                "{html}: {found:?}"
            );
        }
    }

    #[test]
    fn the_judge_lets_inert_html_be() {
        let html = "<h1 id=\"x\">T</h1><p><a href=\"../a/\" rel=\"noopener\">a</a> \
            <a href=\"https://x.org/a:b\">b</a> <img src=\"lighthouse.svg\" alt=\"x\"></p>\
            <table><tr><th style=\"text-align: center\">h</th></tr></table>\
            <ul><li><input type=\"checkbox\" checked=\"\" disabled=\"\"> done</li></ul>\
            <p>&lt;script&gt;alert(1)&lt;/script&gt; javascript:x</p>";
        assert_eq!(live_vectors(html), Vec::<String>::new());
    }
}
