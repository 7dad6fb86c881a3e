//! Payloads: each, if it ever runs, sets `window.__pwned` to the case's
//! label.

use super::rng::Rng;
use super::spelling::{cased, entity_encode, script_url};
use super::tree::{Attribute, Node, Quote, attribute, element, text};

/// Script that names the case when it runs, in one of the ways a page's
/// globals can be reached.
pub fn script(label: &str, rng: &mut Rng) -> String {
    let target = rng.pick(&["", "window.", "top.", "parent.", "self."]);
    format!("{target}__pwned='{label}'")
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
