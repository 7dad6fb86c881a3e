//! Shrinks a failing case while it still fails: first the tree (delete a
//! node, unwrap an element, delete an attribute, halve a text or a value),
//! then the written HTML (delete ever smaller chunks).

use std::future::Future;

use super::tree::{Case, Node, count, nth_mut, parent_of};

/// How many times the minimizer may ask whether a candidate still fails.
const BUDGET: usize = 4000;

pub async fn minimize<F, Fut>(case: &Case, fails: F) -> String
where
    F: Fn(String) -> Fut,
    Fut: Future<Output = bool>,
{
    let mut budget = BUDGET;
    let mut case = case.clone();
    'tree: loop {
        for candidate in candidates(&case) {
            if budget == 0 {
                break 'tree;
            }
            budget -= 1;
            if fails(candidate.html()).await {
                case = candidate;
                continue 'tree;
            }
        }
        break;
    }
    let mut html: Vec<char> = case.html().chars().collect();
    let mut chunk = html.len().div_ceil(2).max(1);
    loop {
        let mut at = 0;
        while at < html.len() && budget > 0 {
            budget -= 1;
            let mut shorter = html.clone();
            shorter.drain(at..(at + chunk).min(html.len()));
            if fails(shorter.iter().collect()).await {
                html = shorter;
            } else {
                at += chunk;
            }
        }
        if chunk == 1 || budget == 0 {
            break;
        }
        chunk /= 2;
    }
    html.into_iter().collect()
}

/// Every one-step simplification of `case`, biggest first.
fn candidates(case: &Case) -> Vec<Case> {
    let mut out = Vec::new();
    if case.cut.is_some() {
        out.push(Case {
            cut: None,
            ..case.clone()
        });
    }
    let size = count(&case.nodes);
    for n in 0..size {
        let mut removed = case.clone();
        if let Some((list, at)) = parent_of(&mut removed.nodes, n) {
            list.remove(at);
            out.push(removed);
        }
    }
    for n in 0..size {
        let mut unwrapped = case.clone();
        if let Some((list, at)) = parent_of(&mut unwrapped.nodes, n)
            && let Node::Element(element) = list[at].clone()
        {
            list.splice(at..=at, element.children);
            out.push(unwrapped);
        }
    }
    for n in 0..size {
        let attributes = match nth_mut(&mut case.clone().nodes, n) {
            Some(Node::Element(element)) => element.attributes.len(),
            _ => 0,
        };
        for index in 0..attributes {
            let mut fewer = case.clone();
            if let Some(Node::Element(element)) = nth_mut(&mut fewer.nodes, n) {
                element.attributes.remove(index);
                out.push(fewer);
            }
        }
        for keep_start in [true, false] {
            let mut shorter = case.clone();
            if let Some(node) = nth_mut(&mut shorter.nodes, n)
                && halve(node, keep_start)
            {
                out.push(shorter);
            }
        }
    }
    out
}

/// Halves a node's text, or its first attribute value longer than a
/// character; false if there is nothing left to halve.
fn halve(node: &mut Node, keep_start: bool) -> bool {
    let text = match node {
        Node::Text(text) | Node::Comment(text) | Node::Cdata(text) | Node::Raw(text) => text,
        Node::Element(element) => {
            let Some(value) = element
                .attributes
                .iter_mut()
                .filter_map(|attribute| attribute.value.as_mut())
                .find(|value| value.chars().count() > 1)
            else {
                return false;
            };
            value
        }
    };
    let chars: Vec<char> = text.chars().collect();
    if chars.len() < 2 {
        return false;
    }
    let half = chars.len() / 2;
    *text = if keep_start {
        chars[..half].iter().collect()
    } else {
        chars[half..].iter().collect()
    };
    true
}
