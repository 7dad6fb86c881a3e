//! An `<item>` of the export as WordPress wrote it: a post, a page, an
//! attachment or anything else a plugin stores, with its comments.

use super::reader::{Node, Ns};

#[derive(Debug, Default)]
pub struct Post {
    pub id: Option<u64>,
    /// `post`, `page`, `attachment`, `nav_menu_item`…
    pub post_type: String,
    /// `publish`, `draft`, `private`, `inherit`…
    pub status: String,
    pub title: String,
    pub link: Option<String>,
    pub guid: Option<String>,
    pub pub_date: Option<String>,
    pub date: LocalAndGmt,
    pub modified: LocalAndGmt,
    /// `wp:post_name`, percent-encoded as WordPress stores it.
    pub name: String,
    /// The author's login.
    pub creator: Option<String>,
    pub content: String,
    pub excerpt: String,
    pub parent: Option<u64>,
    pub sticky: bool,
    pub has_password: bool,
    pub attachment_url: Option<String>,
    pub terms: Vec<Term>,
    pub meta: Vec<(String, String)>,
    pub comments: Vec<Comment>,
}

/// A time as WordPress stores it twice: in the site's zone and in GMT,
/// `YYYY-MM-DD HH:MM:SS`, the GMT one zeros when unknown.
#[derive(Debug, Default)]
pub struct LocalAndGmt {
    pub local: Option<String>,
    pub gmt: Option<String>,
}

/// A `<category>` of an item: a category, a tag, or another taxonomy's term.
#[derive(Debug)]
pub struct Term {
    pub domain: String,
    pub name: String,
}

#[derive(Debug, Default)]
pub struct Comment {
    pub id: Option<u64>,
    pub parent: Option<u64>,
    pub author: String,
    pub date: LocalAndGmt,
    pub content: String,
    /// `1`, `0` (pending), `spam` or `trash`.
    pub approved: String,
    /// Empty or `comment` for comments; `pingback`, `trackback`.
    pub kind: String,
}

fn number(node: &Node, ns: Ns, name: &str) -> Option<u64> {
    node.text_of(ns, name)
        .and_then(|text| text.parse().ok())
        .filter(|&id| id != 0)
}

fn text(node: &Node, ns: Ns, name: &str) -> String {
    node.text_of(ns, name).unwrap_or_default().to_string()
}

impl Post {
    pub fn from_node(item: &Node) -> Self {
        let terms = item
            .children
            .iter()
            .filter(|child| child.is(Ns::Rss, "category"))
            .filter(|child| !child.text.trim().is_empty())
            .map(|child| Term {
                domain: child.attribute("domain").unwrap_or("category").to_string(),
                name: child.text.trim().to_string(),
            })
            .collect();
        let meta = item
            .children
            .iter()
            .filter(|child| child.is(Ns::Wp, "postmeta"))
            .filter_map(|meta| {
                Some((
                    meta.text_of(Ns::Wp, "meta_key")?.to_string(),
                    text(meta, Ns::Wp, "meta_value"),
                ))
            })
            .collect();
        let comments = item
            .children
            .iter()
            .filter(|child| child.is(Ns::Wp, "comment"))
            .map(Comment::from_node)
            .collect();
        Post {
            id: number(item, Ns::Wp, "post_id"),
            post_type: text(item, Ns::Wp, "post_type"),
            status: text(item, Ns::Wp, "status"),
            title: text(item, Ns::Rss, "title"),
            link: item.text_of(Ns::Rss, "link").map(str::to_string),
            guid: item.text_of(Ns::Rss, "guid").map(str::to_string),
            pub_date: item.text_of(Ns::Rss, "pubDate").map(str::to_string),
            date: LocalAndGmt::read(item, "post_date"),
            modified: LocalAndGmt::read(item, "post_modified"),
            name: text(item, Ns::Wp, "post_name"),
            creator: item.text_of(Ns::Dc, "creator").map(str::to_string),
            content: item
                .child(Ns::Content, "encoded")
                .map(|node| node.text.clone())
                .unwrap_or_default(),
            excerpt: text(item, Ns::Excerpt, "encoded"),
            parent: number(item, Ns::Wp, "post_parent"),
            sticky: item.text_of(Ns::Wp, "is_sticky") == Some("1"),
            has_password: item.text_of(Ns::Wp, "post_password").is_some(),
            attachment_url: item.text_of(Ns::Wp, "attachment_url").map(str::to_string),
            terms,
            meta,
            comments,
        }
    }

    pub fn meta(&self, key: &str) -> Option<&str> {
        self.meta
            .iter()
            .find(|(name, _)| name == key)
            .map(|(_, value)| value.as_str())
            .filter(|value| !value.is_empty())
    }
}

impl LocalAndGmt {
    /// The `wp:NAME` and `wp:NAME_gmt` children of `node`.
    fn read(node: &Node, name: &str) -> Self {
        LocalAndGmt {
            local: node.text_of(Ns::Wp, name).map(str::to_string),
            gmt: node
                .text_of(Ns::Wp, &format!("{name}_gmt"))
                .map(str::to_string),
        }
    }
}

impl Comment {
    fn from_node(node: &Node) -> Self {
        Comment {
            id: number(node, Ns::Wp, "comment_id"),
            parent: number(node, Ns::Wp, "comment_parent"),
            author: text(node, Ns::Wp, "comment_author"),
            date: LocalAndGmt::read(node, "comment_date"),
            content: node
                .child(Ns::Wp, "comment_content")
                .map(|content| content.text.clone())
                .unwrap_or_default(),
            approved: text(node, Ns::Wp, "comment_approved"),
            kind: text(node, Ns::Wp, "comment_type"),
        }
    }
}
