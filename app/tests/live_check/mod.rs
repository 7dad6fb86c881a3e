//! What "safe in the page" means for sanitized HTML, checked in the live
//! document: nothing ran, and nothing is left that could run, load code or
//! send the reader elsewhere. Shared by the sanitizer's tests and its fuzzer.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, Url};

/// Elements that run or load code, change where the page goes or what it
/// submits, or parse their content by other rules.
const DENIED: &[&str] = &[
    "script",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "portal",
    "base",
    "form",
    "meta",
    "link",
    "style",
    "svg",
    "math",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "textarea",
    "title",
    "input",
    "button",
    "select",
    "option",
    "video",
    "audio",
    "source",
    "track",
    "picture",
    "canvas",
    "img",
    "image",
    "head",
    "body",
    "html",
];

/// Attributes that hold a URL the browser may follow or load.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "xlink:href",
    "srcset",
    "poster",
    "data",
    "background",
    "ping",
    "cite",
    "codebase",
    "lowsrc",
    "longdesc",
    "manifest",
];

/// Schemes a kept link may use: none of them runs script.
const LINK_SCHEMES: &[&str] = &[
    "http:", "https:", "mailto:", "xmpp:", "gemini:", "gopher:", "ipfs:", "ipns:", "dat:", "dweb:",
    "magnet:",
];

const XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Records every way a payload could make itself known: writing
/// `window.__pwned`, or calling `alert` and its kind.
pub fn install_guards() {
    let install = js_sys::Function::new_no_args(
        r#"
if (window.__ran) return;
const ran = [];
window.__ran = ran;
Object.defineProperty(window, '__pwned', {
  get: () => ran.length ? ran.join(', ') : undefined,
  set: value => ran.push(String(value)),
});
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = (...args) => ran.push(name + '(' + args.join(',') + ')');
}"#,
    );
    install
        .call0(&JsValue::NULL)
        .expect("the guards install in the test page");
}

/// What ran since the guards were installed or last cleared.
pub fn ran() -> Vec<String> {
    let ran =
        js_sys::Reflect::get(&js_sys::global(), &"__ran".into()).expect("the guards are installed");
    js_sys::Array::from(&ran)
        .iter()
        .map(|value| value.as_string().unwrap_or_default())
        .collect()
}

pub fn clear_ran() {
    let ran =
        js_sys::Reflect::get(&js_sys::global(), &"__ran".into()).expect("the guards are installed");
    ran.unchecked_into::<js_sys::Array>().set_length(0);
}

/// Lets the page run what a payload would have queued: error and load
/// handlers, timers.
pub async fn settle(milliseconds: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .expect("a window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds)
            .expect("a timer");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("the timer fires");
}

/// A fresh element in the live document to insert sanitized HTML into.
pub fn holder_in(parent: &Element) -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let holder = document.create_element("div").unwrap();
    parent.append_child(&holder).unwrap();
    holder
}

/// Every live vector below `root`: denied elements, anything outside the
/// HTML namespace, handlers and styles, and URLs that after the browser's
/// own parsing use a scheme no link may use, or are relative where the
/// client's own `#/` routes are the only relative links allowed.
pub fn live_vectors(root: &Element) -> Vec<String> {
    let all = root.query_selector_all("*").unwrap();
    let mut found = Vec::new();
    for index in 0..all.length() {
        let Some(element) = all
            .item(index)
            .and_then(|node| node.dyn_into::<Element>().ok())
        else {
            continue;
        };
        let tag = element.local_name();
        let namespace = element.namespace_uri().unwrap_or_default();
        if namespace != XHTML {
            found.push(format!("<{tag}> in {namespace}"));
        }
        if DENIED.contains(&tag.as_str()) && !is_custom_emoji(&element) {
            found.push(format!("<{tag}>"));
        }
        let attributes = element.attributes();
        for index in 0..attributes.length() {
            let Some(attribute) = attributes.item(index) else {
                continue;
            };
            let name = attribute.name().to_ascii_lowercase();
            let value = attribute.value();
            if name.starts_with("on")
                || ["style", "srcdoc", "formaction", "http-equiv"].contains(&name.as_str())
            {
                found.push(format!("<{tag} {name}={value:?}>"));
            } else if URL_ATTRIBUTES.contains(&name.as_str())
                && let Some(why) = unsafe_url(&tag, &name, &value)
            {
                found.push(format!("<{tag} {name}={value:?}>: {why}"));
            }
        }
    }
    found
}

/// The sanitizer's custom emoji: an `img` with the emoji class and an
/// http(s) source, nothing else that loads.
fn is_custom_emoji(element: &Element) -> bool {
    element.local_name() == "img"
        && element.get_attribute("class").as_deref() == Some("emoji")
        && element
            .get_attribute("src")
            .and_then(|src| Url::new(&src).ok())
            .is_some_and(|url| ["http:", "https:"].contains(&url.protocol().as_str()))
}

fn unsafe_url(tag: &str, name: &str, value: &str) -> Option<String> {
    let candidates: Vec<&str> = if name == "srcset" {
        value
            .split(',')
            .filter_map(|candidate| candidate.split_whitespace().next())
            .collect()
    } else {
        vec![value]
    };
    for candidate in candidates {
        if tag == "a" && name == "href" && candidate.starts_with("#/") {
            continue;
        }
        // Resolved as on the client's page, served over https or http: a
        // URL that stays on the client's origin is relative, however it is
        // spelled (`https:path` is); one that resolves nowhere goes nowhere.
        for base in ["https://client.invalid/", "http://client.invalid/"] {
            let Ok(url) = Url::new_with_base(candidate, base) else {
                continue;
            };
            if url.host() == "client.invalid" {
                return Some("relative URL".to_string());
            }
            let scheme = url.protocol();
            let allowed = if tag == "img" {
                &LINK_SCHEMES[..2]
            } else {
                LINK_SCHEMES
            };
            if !allowed.contains(&scheme.as_str()) {
                return Some(format!("scheme {scheme}"));
            }
        }
    }
    None
}
