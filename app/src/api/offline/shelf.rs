//! Which answers are kept for offline reading, under which key, and how
//! a timeline's pages merge into the few hundred posts kept of it.

use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;

use crate::api::lenient::id;

/// How many posts are kept per timeline (or profile), newest first.
pub const KEPT_POSTS: usize = 400;

/// Query parameters that only say which page: the timeline is the same.
const PAGING: [&str; 4] = ["max_id", "min_id", "since_id", "limit"];

/// Where a page of an answer stands in its timeline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PagePosition {
    /// The first page: the newest posts.
    Newest,
    /// Posts newer than those already shown (`min_id`, `since_id`).
    Newer,
    /// Posts older than those already shown (`max_id`).
    Older,
}

/// Where a GET's answer is kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shelf {
    /// A list of posts, merged with what is kept under `key`.
    Posts { key: String, at: PagePosition },
    /// A whole answer, replaced by each new one: a thread, an account,
    /// notifications, what the server says it is.
    Document { key: String },
}

impl Shelf {
    pub fn key(&self) -> &str {
        match self {
            Self::Posts { key, .. } | Self::Document { key } => key,
        }
    }

    /// Whether the answer says what the server is (its instance and
    /// nodeinfo documents) rather than holding something the reader opened.
    pub fn describes_server(&self) -> bool {
        let key = self.key();
        [
            "/api/v1/instance",
            "/api/v2/instance",
            "/.well-known/",
            "/nodeinfo/",
        ]
        .iter()
        .any(|start| key.starts_with(start))
    }

    /// Whether a kept copy can stand for this request's answer: only the
    /// first page, since a kept copy has no pages beyond it.
    pub fn answers_offline(&self) -> bool {
        matches!(
            self,
            Self::Posts {
                at: PagePosition::Newest,
                ..
            } | Self::Document { .. }
        )
    }
}

/// The shelf for a GET of `path` (with its query) on a server, or `None`
/// for answers not worth keeping.
pub fn shelf_for(path: &str) -> Option<Shelf> {
    let (route, query) = path.split_once('?').unwrap_or((path, ""));
    let mut at = PagePosition::Newest;
    let mut kept_query = Vec::new();
    for pair in query.split('&').filter(|pair| !pair.is_empty()) {
        let name = pair.split_once('=').map_or(pair, |(name, _)| name);
        match name {
            "max_id" => at = PagePosition::Older,
            "min_id" | "since_id" => at = PagePosition::Newer,
            _ if PAGING.contains(&name) => {}
            _ => kept_query.push(pair),
        }
    }
    let key = if kept_query.is_empty() {
        route.to_string()
    } else {
        format!("{route}?{}", kept_query.join("&"))
    };
    let segments: Vec<&str> = route.trim_start_matches('/').split('/').collect();
    match segments.as_slice() {
        ["api", "v1", "timelines", ..] | ["api", "v1", "accounts", _, "statuses"] => {
            Some(Shelf::Posts { key, at })
        }
        _ if at != PagePosition::Newest => None,
        ["api", "v1", "statuses", _]
        | ["api", "v1", "statuses", _, "context"]
        | ["api", "v1", "accounts", "lookup"]
        | ["api", "v1" | "v2", "notifications"]
        | ["api", "v1" | "v2", "instance"]
        | ["api", "v1", "lists", _]
        | [".well-known", "nodeinfo"]
        | ["nodeinfo", ..] => Some(Shelf::Document { key }),
        _ => None,
    }
}

/// One kept post: its JSON as the server sent it, and when it came.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct KeptPost {
    pub id: String,
    pub fetched_at: f64,
    pub json: Box<RawValue>,
}

/// A timeline's kept posts, newest first.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub struct KeptPosts {
    /// When the newest page was last fetched.
    pub fetched_at: f64,
    pub posts: Vec<KeptPost>,
}

/// A kept answer, whole.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct KeptDocument {
    pub fetched_at: f64,
    pub json: Box<RawValue>,
}

#[derive(Deserialize)]
struct IdOnly {
    #[serde(deserialize_with = "id")]
    id: String,
}

/// The posts of a page as the server sent them; entries with no ID are
/// left out, since they could never be told apart.
pub fn page_posts(body: &str, fetched_at: f64) -> Result<Vec<KeptPost>, serde_json::Error> {
    let entries: Vec<Box<RawValue>> = serde_json::from_str(body)?;
    Ok(entries
        .into_iter()
        .filter_map(|json| {
            let IdOnly { id } = serde_json::from_str(json.get()).ok()?;
            Some(KeptPost {
                id,
                fetched_at,
                json,
            })
        })
        .collect())
}

impl KeptPosts {
    /// Takes in a page at `at`: a post in the page replaces its kept
    /// copy; newer pages go before what is kept, older ones after; only
    /// the newest `limit` stay.
    pub fn merge(&mut self, page: Vec<KeptPost>, at: PagePosition, limit: usize) {
        let mut page = dedup(page);
        let kept: Vec<KeptPost> = std::mem::take(&mut self.posts)
            .into_iter()
            .filter(|post| !page.iter().any(|fresh| fresh.id == post.id))
            .collect();
        self.posts = match at {
            PagePosition::Newest | PagePosition::Newer => {
                page.extend(kept);
                page
            }
            PagePosition::Older => kept.into_iter().chain(page).collect(),
        };
        self.posts.truncate(limit);
        if let Some(newest) = self
            .posts
            .iter()
            .map(|post| post.fetched_at)
            .reduce(f64::max)
        {
            self.fetched_at = self.fetched_at.max(newest);
        }
    }

    /// The kept posts as a timeline page's JSON.
    pub fn answer(&self) -> String {
        let mut text = String::from("[");
        for (at, post) in self.posts.iter().enumerate() {
            if at > 0 {
                text.push(',');
            }
            text.push_str(post.json.get());
        }
        text.push(']');
        text
    }
}

/// The first of each ID, in order.
fn dedup(posts: Vec<KeptPost>) -> Vec<KeptPost> {
    let mut seen = std::collections::HashSet::new();
    posts
        .into_iter()
        .filter(|post| seen.insert(post.id.clone()))
        .collect()
}

#[cfg(test)]
#[path = "shelf_tests.rs"]
mod tests;
