//! The timelines a reader can open, and where each one lives on a server.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

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

#[cfg(test)]
mod tests {
    use super::*;

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
