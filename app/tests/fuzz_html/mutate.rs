//! Mutations of a generated tree: what a careless or hostile writer does
//! to well-formed markup. End tags dropped, odd separators and quotes,
//! flipped characters, subtrees copied elsewhere.

use super::rng::Rng;
use super::spelling::mixed_case;
use super::tree::{End, Node, Quote, count, nth, nth_mut};

const FLIPS: &[char] = &[
    '<', '>', '"', '\'', '/', '=', '&', '\0', '\n', '`', ';', ':',
];
const SEPARATORS: &[&str] = &[" ", "/", "\t", "\n", "\u{c}", "  ", "\r\n", "/ "];

pub fn mutate(nodes: &mut Vec<Node>, rng: &mut Rng) {
    for _ in 0..1 + rng.below(4) {
        match rng.below(3) {
            0 => splice(nodes, rng),
            _ => each(nodes, rng),
        }
    }
}

/// Visits every node and now and then changes it.
fn each(nodes: &mut [Node], rng: &mut Rng) {
    for node in nodes {
        match node {
            Node::Element(element) => {
                if rng.chance(10) {
                    element.end = *rng.pick(&[&End::Omitted, &End::SelfClosing, &End::Tag]);
                }
                if rng.chance(8) {
                    element.name = mixed_case(&element.name, rng);
                }
                for attribute in &mut element.attributes {
                    if rng.chance(15) {
                        attribute.separator = rng.pick(SEPARATORS);
                    }
                    if rng.chance(10) {
                        attribute.quote =
                            *rng.pick(&[&Quote::Double, &Quote::Single, &Quote::Bare]);
                    }
                    if let Some(value) = &mut attribute.value
                        && rng.chance(10)
                    {
                        flip(value, rng);
                    }
                }
                each(&mut element.children, rng);
            }
            Node::Text(text) | Node::Comment(text) | Node::Cdata(text) | Node::Raw(text) => {
                if rng.chance(10) {
                    flip(text, rng);
                }
            }
        }
    }
}

/// Replaces one character with one that matters to the parser.
fn flip(text: &mut String, rng: &mut Rng) {
    let positions: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    if positions.is_empty() {
        text.push(FLIPS[rng.below(FLIPS.len())]);
        return;
    }
    let at = positions[rng.below(positions.len())];
    let width = text[at..].chars().next().map_or(0, char::len_utf8);
    text.replace_range(at..at + width, &FLIPS[rng.below(FLIPS.len())].to_string());
}

/// Copies a random subtree into a random element (or the top level).
fn splice(nodes: &mut Vec<Node>, rng: &mut Rng) {
    let count = count(nodes);
    if count == 0 {
        return;
    }
    let Some(copy) = nth(nodes, rng.below(count)).cloned() else {
        return;
    };
    let target = rng.below(count + 1);
    if target == count {
        let at = rng.below(nodes.len() + 1);
        nodes.insert(at, copy);
    } else if let Some(Node::Element(element)) = nth_mut(nodes, target) {
        let at = rng.below(element.children.len() + 1);
        element.children.insert(at, copy);
    }
}
