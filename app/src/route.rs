//! The client's routes, which live in the URL's fragment so that any static
//! host can serve the client without rewrite rules.
//!
//! - `#/` picks a server;
//! - `#/{server}/public` and `#/{server}/public/local`;
//! - `#/{server}/tags/{tag}`;
//! - `#/{server}/home`, `#/{server}/lists` and `#/{server}/lists/{id}`;
//! - `#/{server}/notifications` and `#/{server}/search/{query}`;
//! - `#/{server}/s/{status_id}`: a thread;
//! - `#/{server}/@{acct}`: a profile;
//! - `#/{server}/compose`, and `#/{server}/compose/{draft_id}` to go on
//!   with a saved draft; `#/{server}/drafts` (drafts and the outbox) and
//!   `#/{server}/scheduled`;
//! - the reader's moderation pages: `#/{server}/mutes`, `/blocks`,
//!   `/domain-blocks`, `/filters`, `/followed-tags` and `/follow-requests`;
//! - `#/lifeboat`: the backups of every account, and restoring one. A
//!   server could not be called `lifeboat`: a server's name has a dot or
//!   a port, or is `localhost`.

use percent_encoding::{AsciiSet, CONTROLS, percent_decode_str, utf8_percent_encode};

use crate::api::{ServerAddr, Timeline};

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// No server chosen yet.
    Start,
    Timeline {
        server: ServerAddr,
        timeline: Timeline,
    },
    Thread {
        server: ServerAddr,
        status_id: String,
    },
    Profile {
        server: ServerAddr,
        acct: String,
    },
    Notifications {
        server: ServerAddr,
    },
    /// The signed-in account's lists.
    Lists {
        server: ServerAddr,
    },
    Search {
        server: ServerAddr,
        query: String,
    },
    /// The composer, empty or going on with a saved draft.
    Compose {
        server: ServerAddr,
        draft: Option<String>,
    },
    /// Saved drafts and the outbox.
    Drafts {
        server: ServerAddr,
    },
    Scheduled {
        server: ServerAddr,
    },
    /// One of the reader's own moderation pages.
    Moderation {
        server: ServerAddr,
        page: ModerationPage,
    },
    /// Backups of every account, and restoring one.
    Lifeboat,
    /// A fragment that names no view; kept so the page can say which.
    NotFound(String),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModerationPage {
    Mutes,
    Blocks,
    DomainBlocks,
    Filters,
    FollowedTags,
    FollowRequests,
}

impl ModerationPage {
    pub const ALL: [Self; 6] = [
        Self::Mutes,
        Self::Blocks,
        Self::DomainBlocks,
        Self::Filters,
        Self::FollowedTags,
        Self::FollowRequests,
    ];

    /// The path segment that names the page.
    pub fn segment(self) -> &'static str {
        match self {
            Self::Mutes => "mutes",
            Self::Blocks => "blocks",
            Self::DomainBlocks => "domain-blocks",
            Self::Filters => "filters",
            Self::FollowedTags => "followed-tags",
            Self::FollowRequests => "follow-requests",
        }
    }

    fn from_segment(segment: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|page| page.segment() == segment)
    }
}

/// What a path segment must escape: the separators and what breaks a URL.
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'/')
    .add(b'#')
    .add(b'?')
    .add(b'%')
    .add(b'"')
    .add(b'<')
    .add(b'>');

impl Route {
    /// Reads a `location.hash` value, with or without its leading `#`.
    pub fn parse(fragment: &str) -> Self {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = path.split('?').next().unwrap_or_default().trim_matches('/');
        if path.is_empty() {
            return Self::Start;
        }
        if path == "lifeboat" {
            return Self::Lifeboat;
        }
        let segments: Vec<String> = path.split('/').map(decode).collect();
        let not_found = || Self::NotFound(format!("#/{path}"));
        let Some((server, rest)) = segments.split_first() else {
            return not_found();
        };
        let Ok(server) = ServerAddr::parse(server) else {
            return not_found();
        };
        let rest: Vec<&str> = rest.iter().map(String::as_str).collect();
        match rest.as_slice() {
            [] | ["public"] => Self::Timeline {
                server,
                timeline: Timeline::Federated,
            },
            ["public", "local"] => Self::Timeline {
                server,
                timeline: Timeline::Local,
            },
            ["home"] => Self::Timeline {
                server,
                timeline: Timeline::Home,
            },
            ["tags", tag] if !tag.is_empty() => Self::Timeline {
                server,
                timeline: Timeline::Hashtag(tag.to_string()),
            },
            ["lists", id] if !id.is_empty() => Self::Timeline {
                server,
                timeline: Timeline::List(id.to_string()),
            },
            ["s", id] if !id.is_empty() => Self::Thread {
                server,
                status_id: id.to_string(),
            },
            ["notifications"] => Self::Notifications { server },
            ["lists"] => Self::Lists { server },
            ["search"] => Self::Search {
                server,
                query: String::new(),
            },
            ["search", query] => Self::Search {
                server,
                query: query.to_string(),
            },
            ["compose"] => Self::Compose {
                server,
                draft: None,
            },
            ["compose", draft] if !draft.is_empty() => Self::Compose {
                server,
                draft: Some(draft.to_string()),
            },
            ["drafts"] => Self::Drafts { server },
            ["scheduled"] => Self::Scheduled { server },
            [single] => match ModerationPage::from_segment(single) {
                Some(page) => Self::Moderation { server, page },
                None => match single.strip_prefix('@') {
                    Some(acct) if !acct.is_empty() => Self::Profile {
                        server,
                        acct: acct.to_string(),
                    },
                    _ => not_found(),
                },
            },
            _ => not_found(),
        }
    }

    /// The fragment for this route, starting with `#`.
    pub fn to_fragment(&self) -> String {
        match self {
            Self::Start => "#/".into(),
            Self::Timeline { server, timeline } => match timeline {
                Timeline::Federated => format!("#/{server}/public"),
                Timeline::Local => format!("#/{server}/public/local"),
                Timeline::Home => format!("#/{server}/home"),
                Timeline::Hashtag(tag) => format!("#/{server}/tags/{}", encode(tag)),
                Timeline::List(id) => format!("#/{server}/lists/{}", encode(id)),
            },
            Self::Thread { server, status_id } => format!("#/{server}/s/{}", encode(status_id)),
            Self::Profile { server, acct } => format!("#/{server}/@{}", encode(acct)),
            Self::Notifications { server } => format!("#/{server}/notifications"),
            Self::Lists { server } => format!("#/{server}/lists"),
            Self::Search { server, query } if query.is_empty() => format!("#/{server}/search"),
            Self::Search { server, query } => format!("#/{server}/search/{}", encode(query)),
            Self::Compose {
                server,
                draft: None,
            } => format!("#/{server}/compose"),
            Self::Compose {
                server,
                draft: Some(draft),
            } => format!("#/{server}/compose/{}", encode(draft)),
            Self::Drafts { server } => format!("#/{server}/drafts"),
            Self::Scheduled { server } => format!("#/{server}/scheduled"),
            Self::Moderation { server, page } => format!("#/{server}/{}", page.segment()),
            Self::Lifeboat => "#/lifeboat".into(),
            Self::NotFound(fragment) => fragment.clone(),
        }
    }

    pub fn server(&self) -> Option<&ServerAddr> {
        match self {
            Self::Timeline { server, .. }
            | Self::Thread { server, .. }
            | Self::Profile { server, .. }
            | Self::Notifications { server }
            | Self::Lists { server }
            | Self::Search { server, .. }
            | Self::Compose { server, .. }
            | Self::Drafts { server }
            | Self::Scheduled { server }
            | Self::Moderation { server, .. } => Some(server),
            Self::Start | Self::Lifeboat | Self::NotFound(_) => None,
        }
    }
}

fn decode(segment: &str) -> String {
    percent_decode_str(segment).decode_utf8_lossy().into_owned()
}

fn encode(segment: &str) -> String {
    utf8_percent_encode(segment, SEGMENT).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server(text: &str) -> ServerAddr {
        ServerAddr::parse(text).unwrap()
    }

    #[test]
    fn parses_every_documented_route() {
        let local = server("127.0.0.1:3000");
        assert_eq!(Route::parse(""), Route::Start);
        assert_eq!(Route::parse("#/"), Route::Start);
        assert_eq!(Route::parse("#/lifeboat/"), Route::Lifeboat);
        assert_eq!(Route::Lifeboat.to_fragment(), "#/lifeboat");
        assert_eq!(
            Route::parse("#/127.0.0.1:3000/public"),
            Route::Timeline {
                server: local.clone(),
                timeline: Timeline::Federated
            }
        );
        assert_eq!(
            Route::parse("#/127.0.0.1:3000/public/local"),
            Route::Timeline {
                server: local.clone(),
                timeline: Timeline::Local
            }
        );
        assert_eq!(
            Route::parse("#/mastodon.social/tags/caf%C3%A9"),
            Route::Timeline {
                server: server("mastodon.social"),
                timeline: Timeline::Hashtag("café".into())
            }
        );
        assert_eq!(
            Route::parse("#/127.0.0.1:3000/s/10987"),
            Route::Thread {
                server: local.clone(),
                status_id: "10987".into()
            }
        );
        assert_eq!(
            Route::parse("#/127.0.0.1:3000/@alice@example.org"),
            Route::Profile {
                server: local,
                acct: "alice@example.org".into()
            }
        );
    }

    #[test]
    fn unknown_paths_and_bad_servers_are_not_found() {
        for fragment in [
            "#/x.org/nope",
            "#/bad host/public",
            "#/x.org/s/",
            "#/x.org/@",
            "#/x.org/tags",
        ] {
            assert!(
                matches!(Route::parse(fragment), Route::NotFound(_)),
                "{fragment}"
            );
        }
    }

    #[test]
    fn fragments_round_trip() {
        for fragment in [
            "#/127.0.0.1:3000/public",
            "#/127.0.0.1:3000/public/local",
            "#/x.org/home",
            "#/x.org/tags/caf%C3%A9",
            "#/x.org/lists/12",
            "#/x.org/lists",
            "#/x.org/s/01HZ2K",
            "#/x.org/@bea@pleroma.example",
            "#/x.org/notifications",
            "#/x.org/search",
            "#/x.org/search/caf%C3%A9%20au%20lait",
            "#/x.org/compose",
            "#/x.org/compose/d-17",
            "#/x.org/drafts",
            "#/x.org/scheduled",
            "#/x.org/mutes",
            "#/x.org/blocks",
            "#/x.org/domain-blocks",
            "#/x.org/filters",
            "#/x.org/followed-tags",
            "#/x.org/follow-requests",
            "#/",
        ] {
            let route = Route::parse(fragment);
            assert!(
                !matches!(route, Route::NotFound(_)),
                "{fragment} names a view"
            );
            assert_eq!(route.to_fragment(), fragment);
        }
        let odd = Route::Timeline {
            server: server("x.org"),
            timeline: Timeline::Hashtag("a/b c".into()),
        };
        assert_eq!(Route::parse(&odd.to_fragment()), odd);
    }
}
