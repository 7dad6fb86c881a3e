//! Payloads: each, if it ever runs, sets `window.__pwned` to the case's
//! label; and the many spellings of a script URL that parsers accept.

use super::rng::Rng;
use super::tree::{Attribute, Node, Quote, attribute, element, text};

/// Script that names the case when it runs, in one of the ways a page's
/// globals can be reached.
pub fn script(label: &str, rng: &mut Rng) -> String {
    let target = rng.pick(&["", "window.", "top.", "parent.", "self."]);
    format!("{target}__pwned='{label}'")
}

/// A URL that runs `script` when followed or loaded, spelled the way
/// filters miss.
pub fn script_url(label: &str, rng: &mut Rng) -> String {
    let run = script(label, rng);
    let top = format!("top.__pwned='{label}'");
    match rng.below(12) {
        0 => format!("javascript:{run}"),
        1 => format!("{}:{run}", mixed_case("javascript", rng)),
        2 => format!("{}javascript:{run}", control_characters(rng)),
        3 => {
            let inside = rng.pick(&["\t", "\n", "\r", "\u{0}"]);
            format!("java{inside}script:{run}")
        }
        4 => format!("vbscript:msgbox(\"{label}\")"),
        5 => format!("data:text/html,<script>{top}</script>"),
        6 => format!(
            "data:text/html;base64,{}",
            base64(format!("<script>{top}</script>").as_bytes())
        ),
        7 => {
            format!("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload=\"{top}\"/>")
        }
        8 => format!("javascript://%0a{run}"),
        9 => format!("javascript&colon;{run}"),
        10 => format!("&#x6A;avascript&#58;{run}"),
        _ => format!("jav&#x09;ascript:{run}"),
    }
}

/// Links a status may legitimately carry, and relative ones it may not.
pub fn plain_url(rng: &mut Rng) -> String {
    rng.pick(&[
        "https://remote.example/@ada",
        "https://home.example/tags/sea",
        "http://example.org/a?b=c&amp;d=e",
        "mailto:ada@remote.example",
        "xmpp:ada@remote.example",
        "magnet:?xt=urn:btih:x",
        "/relative/path",
        "//evil.example/x",
        "#fragment",
        "https:javascript:x",
        "",
    ])
    .to_string()
}

/// Writes some characters of an attribute value as character references.
pub fn entity_encode(value: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|c| c.is_ascii_hexdigit());
        if !rng.chance(25) {
            out.push(c);
            continue;
        }
        let named = match c {
            ':' => Some("&colon;"),
            '\t' => Some("&Tab;"),
            '\n' => Some("&NewLine;"),
            '(' => Some("&lpar;"),
            ')' => Some("&rpar;"),
            _ => None,
        };
        match (rng.below(4), named) {
            (0, Some(named)) => out.push_str(named),
            (1, _) => out.push_str(&format!("&#x{:x};", c as u32)),
            (2, _) if !next_is_digit => out.push_str(&format!("&#{}", c as u32)),
            (3, _) => out.push_str(&format!("&#x0000{:X};", c as u32)),
            _ => out.push_str(&format!("&#{};", c as u32)),
        }
    }
    out
}

pub fn mixed_case(word: &str, rng: &mut Rng) -> String {
    word.chars()
        .map(|c| {
            if rng.chance(50) {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// A name as written: mostly lower case, sometimes mixed.
pub fn cased(name: &str, rng: &mut Rng) -> String {
    if rng.chance(15) {
        mixed_case(name, rng)
    } else {
        name.to_string()
    }
}

/// Whitespace and control characters that URL parsers strip from the start.
fn control_characters(rng: &mut Rng) -> String {
    const CONTROLS: &[char] = &[
        '\u{1}', '\u{8}', '\t', '\n', '\u{c}', '\r', '\u{1b}', ' ', '\u{1f}',
    ];
    (0..1 + rng.below(3))
        .map(|_| CONTROLS[rng.below(CONTROLS.len())])
        .collect()
}

/// Event handler attributes, including the ones only SVG, media or
/// `details` fire.
const HANDLERS: &[&str] = &[
    "onerror",
    "onload",
    "onfocus",
    "onmouseover",
    "onclick",
    "ontoggle",
    "onbegin",
    "onstart",
    "onanimationstart",
    "onpointerenter",
    "onfocusin",
    "onscroll",
    "onend",
    "onbeforetoggle",
];

pub fn handler(label: &str, rng: &mut Rng) -> Attribute {
    let name = cased(rng.pick(HANDLERS), rng);
    let value = script(label, rng);
    let mut attribute = attribute(&name, &value);
    if rng.chance(30) {
        attribute.value = Some(entity_encode(&value, rng));
    }
    attribute.quote = *rng.pick(&[&Quote::Double, &Quote::Single]);
    attribute
}

/// A URL attribute that runs script if it survives.
pub fn url_attribute(name: &str, label: &str, rng: &mut Rng) -> Attribute {
    let mut url = script_url(label, rng);
    if rng.chance(30) {
        url = entity_encode(&url, rng);
    }
    attribute(&cased(name, rng), &url)
}

/// One payload: an element that runs the case's script if it survives.
pub fn payload(label: &str, rng: &mut Rng) -> Node {
    let js = script(label, rng);
    let on = |rng: &mut Rng| handler(label, rng);
    let url = |name: &str, rng: &mut Rng| url_attribute(name, label, rng);
    let tag = |name: &str, rng: &mut Rng| cased(name, rng);
    match rng.below(19) {
        0 => element(
            &tag("img", rng),
            vec![attribute("src", "x:"), on(rng)],
            vec![],
        ),
        1 => element(&tag("script", rng), vec![], vec![text(&js)]),
        2 => element("a", vec![url("href", rng)], vec![text("a link")]),
        3 => {
            let inner = format!("<script>parent.__pwned='{label}'</script>");
            let srcdoc = if rng.chance(50) {
                inner
            } else {
                entity_encode(&inner, rng)
            };
            element(
                &tag("iframe", rng),
                vec![attribute("srcdoc", &srcdoc)],
                vec![],
            )
        }
        4 => element(&tag("iframe", rng), vec![url("src", rng)], vec![]),
        5 => element(&tag("object", rng), vec![url("data", rng)], vec![]),
        6 => element(&tag("embed", rng), vec![url("src", rng)], vec![]),
        7 => element(
            &tag("form", rng),
            vec![url("action", rng)],
            vec![element(
                "button",
                vec![url("formaction", rng)],
                vec![text("go")],
            )],
        ),
        8 => {
            let target = script_url(label, rng);
            let content = format!("9999;url={target}");
            element(
                "meta",
                vec![
                    attribute("http-equiv", "refresh"),
                    attribute("content", &content),
                ],
                vec![],
            )
        }
        9 => element(&tag("svg", rng), vec![on(rng)], vec![]),
        10 => element(
            "svg",
            vec![],
            vec![element(
                "a",
                vec![url("xlink:href", rng)],
                vec![element("text", vec![], vec![text("svg")])],
            )],
        ),
        11 => element(
            "svg",
            vec![],
            vec![element(
                &tag("animate", rng),
                vec![
                    attribute("attributeName", "href"),
                    url("to", rng),
                    attribute("dur", "1s"),
                    on(rng),
                ],
                vec![],
            )],
        ),
        12 => element(
            &tag("style", rng),
            vec![],
            vec![text(&format!("@import '{}';", script_url(label, rng)))],
        ),
        13 => element(
            "details",
            vec![attribute("open", ""), on(rng)],
            vec![element("summary", vec![], vec![text("s")])],
        ),
        14 => element(
            &tag("video", rng),
            vec![],
            vec![element(
                "source",
                vec![attribute("src", "x:"), on(rng)],
                vec![],
            )],
        ),
        15 => {
            let srcset = format!("{} 1x, x: 2x", script_url(label, rng));
            element("img", vec![attribute("srcset", &srcset), on(rng)], vec![])
        }
        16 => element(
            &tag("math", rng),
            vec![url("href", rng)],
            vec![element("mi", vec![], vec![text("x")])],
        ),
        17 if rng.chance(50) => element(&tag("base", rng), vec![url("href", rng)], vec![]),
        17 => {
            let rel = rng.pick(&["stylesheet", "import", "preload", "prefetch"]);
            element(
                &tag("link", rng),
                vec![attribute("rel", rel), url("href", rng), on(rng)],
                vec![],
            )
        }
        _ => {
            let name = rng.pick(&["a", "p", "span", "div", "marquee", "input", "button", "b"]);
            let mut attributes = vec![
                on(rng),
                attribute("autofocus", ""),
                attribute("tabindex", "0"),
            ];
            if rng.chance(30) {
                attributes.push(attribute("style", "animation:x 1s;position:fixed;inset:0"));
            }
            element(&tag(name, rng), attributes, vec![text("x")])
        }
    }
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
