//! Applies the allowlist to the browser's inert parse of status HTML.
//!
//! `DOMParser` builds a document with no browsing context: nothing in it
//! runs or loads. The output is rebuilt from scratch, with element names
//! from the allowlist and every text and attribute value escaped, so no
//! markup from the server ever reaches the page as it was sent.

use wasm_bindgen::JsCast;
use web_sys::{DomParser, Element, Node, SupportedType};

use super::Anchor;
use super::emoji::emojify;
use super::policy::{ElementAction, LINK_REL, allowed_attribute, element_action, escape};
use crate::api::CustomEmoji;

/// Nesting deeper than this is flattened to text: hostile HTML can nest
/// deep enough to exhaust the stack.
const MAX_DEPTH: usize = 48;

const BODY_CONTEXT: &str = "<!DOCTYPE html><body>";

/// Sanitizes `html`. `internal_link` maps a link to a route inside the
/// client (mentions, hashtags), or `None` to keep it as an outside link.
pub fn sanitize_html(
    html: &str,
    emojis: &[CustomEmoji],
    internal_link: &dyn Fn(&Anchor) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(html.len());
    let Ok(parser) = DomParser::new() else {
        escape(html, &mut out);
        return out;
    };
    // Parsed as the page will parse the output: in standards mode (the
    // client's page has a doctype) and from inside `<body>`, where leading
    // whitespace is text and `<title>` or `<style>` stay in place rather
    // than move to a `<head>` the walk never sees.
    let framed = format!("{BODY_CONTEXT}{html}");
    let Ok(document) = parser.parse_from_string(&framed, SupportedType::TextHtml) else {
        escape(html, &mut out);
        return out;
    };
    if let Some(body) = document.body() {
        write_children(
            &body,
            Place::default(),
            &Context {
                emojis,
                internal_link,
            },
            &mut out,
        );
    }
    out
}

/// What the walk carries from node to node.
struct Context<'a> {
    emojis: &'a [CustomEmoji],
    internal_link: &'a dyn Fn(&Anchor) -> Option<String>,
}

/// Where the walk is: how deep, and whether inside a kept link.
#[derive(Clone, Copy, Default)]
struct Place {
    depth: usize,
    in_link: bool,
}

impl Place {
    fn inside(self, tag: &str) -> Place {
        Place {
            depth: self.depth + 1,
            in_link: self.in_link || tag == "a",
        }
    }
}

fn write_children(parent: &Node, place: Place, context: &Context, out: &mut String) {
    let children = parent.child_nodes();
    for index in 0..children.length() {
        if let Some(child) = children.item(index) {
            write_node(&child, place, context, out);
        }
    }
}

fn write_node(node: &Node, place: Place, context: &Context, out: &mut String) {
    match node.node_type() {
        Node::TEXT_NODE => emojify(
            &node.text_content().unwrap_or_default(),
            context.emojis,
            out,
        ),
        Node::ELEMENT_NODE => {
            let Some(element) = node.dyn_ref::<Element>() else {
                return;
            };
            let tag = element.local_name();
            if place.depth >= MAX_DEPTH {
                if element_action(&tag) != ElementAction::Drop {
                    escape(&node.text_content().unwrap_or_default(), out);
                }
                return;
            }
            let action = match element_action(&tag) {
                // A link inside a link (the parser builds one through table
                // cells) would come apart when the page parses the output.
                ElementAction::Keep if tag == "a" && place.in_link => ElementAction::Unwrap,
                action => action,
            };
            match action {
                ElementAction::Drop => {}
                ElementAction::Unwrap => write_children(node, place.inside(""), context, out),
                ElementAction::Keep => {
                    write_start_tag(element, &tag, context.internal_link, out);
                    if tag == "pre" {
                        // The parser drops one newline right after `<pre>`:
                        // this one, so that the text's own first newline stays.
                        out.push('\n');
                    }
                    if tag != "br" {
                        write_children(node, place.inside(&tag), context, out);
                        out.push_str("</");
                        out.push_str(&tag);
                        out.push('>');
                    }
                }
            }
        }
        // Comments, processing instructions and the rest carry no text.
        _ => {}
    }
}

fn write_start_tag(
    element: &Element,
    tag: &str,
    internal_link: &dyn Fn(&Anchor) -> Option<String>,
    out: &mut String,
) {
    out.push('<');
    out.push_str(tag);
    let attributes = element.attributes();
    for index in 0..attributes.length() {
        let Some(attribute) = attributes.item(index) else {
            continue;
        };
        let name = attribute.local_name();
        let Some(mut value) = allowed_attribute(tag, &name, &attribute.value()) else {
            continue;
        };
        let mut external = false;
        if tag == "a" && name == "href" {
            let class = element.get_attribute("class").unwrap_or_default();
            let text = element.text_content().unwrap_or_default();
            let anchor = Anchor {
                href: &value,
                class: &class,
                text: &text,
            };
            match internal_link(&anchor) {
                Some(route) => value = route,
                None => external = true,
            }
        }
        out.push(' ');
        out.push_str(&name);
        out.push_str("=\"");
        escape(&value, out);
        out.push('"');
        if external {
            out.push_str(" target=\"_blank\"");
        }
    }
    if tag == "a" {
        out.push_str(" rel=\"");
        out.push_str(LINK_REL);
        out.push('"');
    }
    out.push('>');
}
