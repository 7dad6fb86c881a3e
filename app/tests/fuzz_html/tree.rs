//! A generated case as a tree, so that the minimizer can delete nodes and
//! attributes and still write well-formed-enough HTML. Every random choice
//! (case, quotes, separators) is stored in the tree: writing it is pure.

#[derive(Clone, Debug)]
pub enum Node {
    Element(Element),
    Text(String),
    Comment(String),
    Cdata(String),
    /// Markup fragments written as they are: stray end tags, comment
    /// openers, truncated tags.
    Raw(String),
}

#[derive(Clone, Debug)]
pub struct Element {
    /// As written, case and all.
    pub name: String,
    pub attributes: Vec<Attribute>,
    pub children: Vec<Node>,
    pub end: End,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// `</name>` after the children.
    Tag,
    /// No end tag: the parser decides where the element ends.
    Omitted,
    /// `<name/>`, children written after it as siblings.
    SelfClosing,
}

#[derive(Clone, Debug)]
pub struct Attribute {
    pub name: String,
    pub value: Option<String>,
    pub quote: Quote,
    /// What comes before the name: a space, a slash, a tab, a newline.
    pub separator: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Quote {
    Double,
    Single,
    Bare,
}

/// A case: its nodes, and where to cut the written HTML (a truncated
/// document), if anywhere.
#[derive(Clone, Debug)]
pub struct Case {
    pub nodes: Vec<Node>,
    pub cut: Option<usize>,
}

impl Case {
    pub fn html(&self) -> String {
        let mut out = String::new();
        write_nodes(&self.nodes, &mut out);
        if let Some(cut) = self.cut {
            let at = (0..=cut.min(out.len()))
                .rev()
                .find(|&at| out.is_char_boundary(at))
                .unwrap_or(0);
            out.truncate(at);
        }
        out
    }
}

pub fn element(name: &str, attributes: Vec<Attribute>, children: Vec<Node>) -> Node {
    Node::Element(Element {
        name: name.to_string(),
        attributes,
        children,
        end: End::Tag,
    })
}

pub fn attribute(name: &str, value: &str) -> Attribute {
    Attribute {
        name: name.to_string(),
        value: Some(value.to_string()),
        quote: Quote::Double,
        separator: " ",
    }
}

pub fn text(text: &str) -> Node {
    Node::Text(text.to_string())
}

fn write_nodes(nodes: &[Node], out: &mut String) {
    for node in nodes {
        write_node(node, out);
    }
}

fn write_node(node: &Node, out: &mut String) {
    match node {
        Node::Element(element) => write_element(element, out),
        Node::Text(text) | Node::Raw(text) => out.push_str(text),
        Node::Comment(text) => {
            out.push_str("<!--");
            out.push_str(text);
            out.push_str("-->");
        }
        Node::Cdata(text) => {
            out.push_str("<![CDATA[");
            out.push_str(text);
            out.push_str("]]>");
        }
    }
}

fn write_element(element: &Element, out: &mut String) {
    out.push('<');
    out.push_str(&element.name);
    for attribute in &element.attributes {
        out.push_str(attribute.separator);
        out.push_str(&attribute.name);
        if let Some(value) = &attribute.value {
            out.push('=');
            match attribute.quote {
                Quote::Double => {
                    out.push('"');
                    out.push_str(value);
                    out.push('"');
                }
                Quote::Single => {
                    out.push('\'');
                    out.push_str(value);
                    out.push('\'');
                }
                Quote::Bare => out.push_str(value),
            }
        }
    }
    if element.end == End::SelfClosing {
        out.push_str("/>");
    } else {
        out.push('>');
    }
    write_nodes(&element.children, out);
    if element.end == End::Tag {
        out.push_str("</");
        out.push_str(&element.name);
        out.push('>');
    }
}

/// How many nodes the tree holds.
pub fn count(nodes: &[Node]) -> usize {
    nodes
        .iter()
        .map(|node| match node {
            Node::Element(element) => 1 + count(&element.children),
            _ => 1,
        })
        .sum()
}

/// The `n`th node in document order.
pub fn nth(nodes: &[Node], n: usize) -> Option<&Node> {
    let mut n = n;
    fn walk<'a>(nodes: &'a [Node], n: &mut usize) -> Option<&'a Node> {
        for node in nodes {
            if *n == 0 {
                return Some(node);
            }
            *n -= 1;
            if let Node::Element(element) = node
                && let Some(found) = walk(&element.children, n)
            {
                return Some(found);
            }
        }
        None
    }
    walk(nodes, &mut n)
}

pub fn nth_mut(nodes: &mut [Node], n: usize) -> Option<&mut Node> {
    let mut n = n;
    fn walk<'a>(nodes: &'a mut [Node], n: &mut usize) -> Option<&'a mut Node> {
        for node in nodes {
            if *n == 0 {
                return Some(node);
            }
            *n -= 1;
            if let Node::Element(element) = node
                && let Some(found) = walk(&mut element.children, n)
            {
                return Some(found);
            }
        }
        None
    }
    walk(nodes, &mut n)
}

/// The list holding the `n`th node, and its index there.
pub fn parent_of(nodes: &mut Vec<Node>, n: usize) -> Option<(&mut Vec<Node>, usize)> {
    let mut n = n;
    fn walk<'a>(nodes: &'a mut Vec<Node>, n: &mut usize) -> Option<(&'a mut Vec<Node>, usize)> {
        let mut at = 0;
        while at < nodes.len() {
            if *n == 0 {
                return Some((nodes, at));
            }
            *n -= 1;
            let size = match &nodes[at] {
                Node::Element(element) => count(&element.children),
                _ => 0,
            };
            if *n < size {
                let Node::Element(element) = &mut nodes[at] else {
                    return None;
                };
                return walk(&mut element.children, n);
            }
            *n -= size;
            at += 1;
        }
        None
    }
    walk(nodes, &mut n)
}
