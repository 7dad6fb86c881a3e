//! Which links in a status open inside the client: its mentions and its
//! hashtags. Everything else leaves for the web.
//!
//! A remote post links its hashtags to its own server, and some servers
//! link mentions to a page other than the one in `mentions[].url`; so a
//! link that matches no URL is still recognised by the classes servers put
//! on it (`mention`, `hashtag`, `u-url`) and by its text, but only when the
//! status itself lists that mention or tag.

use crate::api::{Mention, ServerAddr, Status, Timeline};
use crate::route::Route;
use crate::sanitize::Anchor;

/// The client's route for `link` in `status`, or `None` to keep it outside.
pub fn internal_route(server: &ServerAddr, status: &Status, link: &Anchor) -> Option<String> {
    let route = if let Some(mention) = mentioned(status, link) {
        Route::Profile {
            server: server.clone(),
            acct: mention.acct.clone(),
        }
    } else {
        let tag = status.tags.iter().find(|tag| {
            tag.url.eq_ignore_ascii_case(link.href)
                || (has_class(link, "hashtag")
                    && link
                        .text
                        .trim()
                        .strip_prefix('#')
                        .is_some_and(|name| same_tag(name, &tag.name)))
        })?;
        Route::Timeline {
            server: server.clone(),
            timeline: Timeline::Hashtag(tag.name.clone()),
        }
    };
    Some(route.to_fragment())
}

fn mentioned<'a>(status: &'a Status, link: &Anchor) -> Option<&'a Mention> {
    if let Some(mention) = status
        .mentions
        .iter()
        .find(|mention| !mention.url.is_empty() && mention.url == link.href)
    {
        return Some(mention);
    }
    if !(has_class(link, "mention") && has_class(link, "u-url")) {
        return None;
    }
    // `@user`, or `@user@server` where the server writes it out.
    let handle = link.text.trim().strip_prefix('@')?;
    if let Some(mention) = status
        .mentions
        .iter()
        .find(|mention| mention.acct.eq_ignore_ascii_case(handle))
    {
        return Some(mention);
    }
    let (user, _) = handle.split_once('@').unwrap_or((handle, ""));
    let mut same_user = status
        .mentions
        .iter()
        .filter(|mention| mention.username.eq_ignore_ascii_case(user));
    // Two people with one username on different servers cannot be told
    // apart by `@user` alone: such a link leaves the client.
    match (same_user.next(), same_user.next()) {
        (Some(mention), None) => Some(mention),
        _ => None,
    }
}

fn has_class(link: &Anchor, class: &str) -> bool {
    link.class
        .split_ascii_whitespace()
        .any(|name| name == class)
}

/// Hashtags match whatever their case, in any script.
fn same_tag(a: &str, b: &str) -> bool {
    !a.is_empty() && a.to_lowercase() == b.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn server() -> ServerAddr {
        ServerAddr::parse("home.example").unwrap()
    }

    fn status() -> Status {
        serde_json::from_str(
            r#"{"id":"1","account":{"id":"2"},
            "mentions":[
                {"id":"3","username":"ada","acct":"ada@remote.example","url":"https://remote.example/@ada"},
                {"id":"4","username":"lin","acct":"lin@a.example","url":"https://a.example/@lin"},
                {"id":"5","username":"lin","acct":"lin@b.example","url":"https://b.example/@lin"}
            ],
            "tags":[
                {"name":"Café","url":"https://home.example/tags/caf%C3%A9"},
                {"name":"sea","url":"https://home.example/tags/sea"}
            ]}"#,
        )
        .unwrap()
    }

    fn route(href: &str, class: &str, text: &str) -> Option<String> {
        internal_route(&server(), &status(), &Anchor { href, class, text })
    }

    #[test]
    fn mentions_match_by_url_then_by_class_and_handle() {
        let ada = Some("#/home.example/@ada@remote.example".to_string());
        assert_eq!(route("https://remote.example/@ada", "", "whatever"), ada);
        assert_eq!(
            route(
                "https://remote.example/users/ada",
                "u-url mention",
                " @Ada "
            ),
            ada
        );
        assert_eq!(
            route(
                "https://b.example/users/lin",
                "u-url mention",
                "@lin@b.example"
            ),
            Some("#/home.example/@lin@b.example".to_string())
        );
        // Two `lin`s: `@lin` alone names neither.
        assert_eq!(
            route("https://b.example/users/lin", "u-url mention", "@lin"),
            None
        );
        // Without both classes, or with someone the status does not mention.
        assert_eq!(route("https://remote.example/x", "mention", "@ada"), None);
        assert_eq!(route("https://remote.example/x", "u-url", "@ada"), None);
        assert_eq!(
            route("https://x.example/@eve", "u-url mention", "@eve"),
            None
        );
    }

    #[test]
    fn hashtags_match_by_url_then_by_class_and_name() {
        let sea = Some("#/home.example/tags/sea".to_string());
        assert_eq!(route("HTTPS://home.example/tags/SEA", "", "x"), sea);
        assert_eq!(
            route("https://far.example/tags/sea", "hashtag", "#SEA"),
            sea
        );
        assert_eq!(
            route("https://far.example/tags/cafe", "mention hashtag", "#CAFÉ"),
            Some("#/home.example/tags/Caf%C3%A9".to_string())
        );
        // Not a tag of this status, no class, or no `#`.
        assert_eq!(
            route("https://far.example/tags/sky", "hashtag", "#sky"),
            None
        );
        assert_eq!(route("https://far.example/tags/sea", "", "#sea"), None);
        assert_eq!(
            route("https://far.example/tags/sea", "hashtag", "sea"),
            None
        );
        assert_eq!(route("https://far.example/tags/sea", "hashtag", "#"), None);
    }

    #[test]
    fn other_links_stay_outside() {
        assert_eq!(route("https://example.org/article", "", "an article"), None);
        let mut bare = status();
        bare.mentions[0].url.clear();
        assert_eq!(
            internal_route(
                &server(),
                &bare,
                &Anchor {
                    href: "",
                    ..Anchor::default()
                }
            ),
            None,
            "an empty mention URL matches no link"
        );
    }
}
