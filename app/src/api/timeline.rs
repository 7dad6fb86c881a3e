//! The timelines a reader can open, and where each one lives on a server.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};
use serde::{Deserialize, Deserializer};

use super::Status;
use super::request::Get;

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Timeline {
    /// Everything the server knows of: `/public`.
    Federated,
    /// Only this server's own accounts.
    Local,
    Hashtag(String),
    /// The signed-in account's home timeline.
    Home,
    List(String),
}

impl Timeline {
    /// The API path of the timeline's first page.
    pub fn path(&self) -> String {
        match self {
            Self::Federated => "/api/v1/timelines/public".into(),
            Self::Local => "/api/v1/timelines/public?local=true".into(),
            Self::Hashtag(tag) => format!(
                "/api/v1/timelines/tag/{}",
                utf8_percent_encode(tag, NON_ALPHANUMERIC)
            ),
            Self::Home => "/api/v1/timelines/home".into(),
            Self::List(id) => format!(
                "/api/v1/timelines/list/{}",
                utf8_percent_encode(id, NON_ALPHANUMERIC)
            ),
        }
    }

    /// Whether a server can serve it without a signed-in account.
    pub fn needs_account(&self) -> bool {
        matches!(self, Self::Home | Self::List(_))
    }
}

/// A page of a timeline: its first page at `Timeline::path`, or one a
/// `Link` header points to.
pub fn timeline_page(at: &str) -> Get<Posts> {
    Get::new(at.to_string())
}

/// A page of posts. A post this client cannot read is counted and
/// skipped, so that one odd post does not cost the reader the whole page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Posts {
    pub statuses: Vec<Status>,
    pub unreadable: usize,
}

impl Posts {
    /// Whether the server sent any post at all, read or not: an empty
    /// page is the end of a timeline.
    pub fn is_empty(&self) -> bool {
        self.statuses.is_empty() && self.unreadable == 0
    }
}

impl<'de> Deserialize<'de> for Posts {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let entries = Vec::<Box<serde_json::value::RawValue>>::deserialize(deserializer)?;
        let mut posts = Posts::default();
        for entry in entries {
            match serde_json::from_str::<Status>(entry.get()) {
                Ok(status) => posts.statuses.push(status),
                Err(_) => posts.unreadable += 1,
            }
        }
        Ok(posts)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn an_unreadable_post_is_skipped_and_counted() {
        let page = r#"[
            {"id":"1","account":{"id":"9","username":"ada","acct":"ada"}},
            {"id":"2","account":null},
            "not a post",
            {"id":"3","account":{"id":"9","username":"ada","acct":"ada"}}
        ]"#;
        let posts = timeline_page("/api/v1/timelines/home").read(page).unwrap();
        let ids: Vec<&str> = posts.statuses.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["1", "3"]);
        assert_eq!(posts.unreadable, 2);
        let unreadable_only: Posts =
            serde_json::from_str(r#"[{"id":"2","account":null}]"#).unwrap();
        assert!(unreadable_only.statuses.is_empty());
        assert!(
            !unreadable_only.is_empty(),
            "a page of posts this client cannot read is not the timeline's end"
        );
        let empty: Posts = serde_json::from_str("[]").unwrap();
        assert!(empty.is_empty());
        assert!(serde_json::from_str::<Posts>(r#"{"error":"x"}"#).is_err());
    }

    #[test]
    fn paths_follow_the_mastodon_api() {
        assert_eq!(Timeline::Federated.path(), "/api/v1/timelines/public");
        assert_eq!(
            Timeline::Local.path(),
            "/api/v1/timelines/public?local=true"
        );
        assert_eq!(
            Timeline::Hashtag("café".into()).path(),
            "/api/v1/timelines/tag/caf%C3%A9"
        );
        assert_eq!(
            Timeline::Hashtag("a/../b".into()).path(),
            "/api/v1/timelines/tag/a%2F%2E%2E%2Fb"
        );
        assert_eq!(Timeline::Home.path(), "/api/v1/timelines/home");
        assert!(Timeline::Home.needs_account());
        assert!(!Timeline::Local.needs_account());
    }
}
