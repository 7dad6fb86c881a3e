//! Replies arranged as a thread: each under the reply it answers, the
//! ones that answer the post (or a reply the snapshot lacks) at the top.

use std::collections::{BTreeMap, BTreeSet};

use super::snapshot::Reply;

/// A reply and the replies to it, in the snapshot's order.
pub struct Node<'a> {
    pub reply: &'a Reply,
    pub children: Vec<Node<'a>>,
}

pub fn arrange(replies: &[Reply]) -> Vec<Node<'_>> {
    let ids: BTreeSet<&str> = replies.iter().map(|reply| reply.id.as_str()).collect();
    let mut children: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    let mut roots = Vec::new();
    for (index, reply) in replies.iter().enumerate() {
        match reply.in_reply_to_id.as_deref() {
            Some(parent) if parent != reply.id && ids.contains(parent) => {
                children.entry(parent).or_default().push(index);
            }
            _ => roots.push(index),
        }
    }
    let mut placed = vec![false; replies.len()];
    let mut thread: Vec<Node> = roots
        .into_iter()
        .filter_map(|index| build(index, replies, &children, &mut placed))
        .collect();
    // A hostile server can make replies answer each other in a circle;
    // they are still shown, at the top, rather than lost.
    for index in 0..replies.len() {
        if let Some(node) = build(index, replies, &children, &mut placed) {
            thread.push(node);
        }
    }
    thread
}

fn build<'a>(
    index: usize,
    replies: &'a [Reply],
    children: &BTreeMap<&str, Vec<usize>>,
    placed: &mut [bool],
) -> Option<Node<'a>> {
    if placed[index] {
        return None;
    }
    placed[index] = true;
    let reply = &replies[index];
    let below = children
        .get(reply.id.as_str())
        .map_or(&[][..], Vec::as_slice)
        .iter()
        .filter_map(|&child| build(child, replies, children, placed))
        .collect();
    Some(Node {
        reply,
        children: below,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::comments::snapshot::tests::reply;

    fn shape(nodes: &[Node]) -> String {
        nodes
            .iter()
            .map(|node| {
                if node.children.is_empty() {
                    node.reply.id.clone()
                } else {
                    format!("{}({})", node.reply.id, shape(&node.children))
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn nests_replies_under_what_they_answer() {
        let replies = vec![
            reply("a", Some("post"), ""),
            reply("b", Some("a"), ""),
            reply("c", Some("post"), ""),
            reply("d", Some("b"), ""),
            reply("e", Some("missing"), ""),
        ];
        assert_eq!(shape(&arrange(&replies)), "a(b(d)) c e");
    }

    #[test]
    fn replies_in_a_circle_are_kept() {
        let replies = vec![reply("a", Some("b"), ""), reply("b", Some("a"), "")];
        assert_eq!(shape(&arrange(&replies)), "a(b)");
    }
}
