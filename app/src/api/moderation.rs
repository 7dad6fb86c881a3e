//! The reader's own moderation lists: the accounts they muted or blocked,
//! the domains they blocked, the hashtags they follow, and the members of
//! their lists. Each reads one page at a time, skipping entries this
//! client cannot read rather than losing the page.

use std::marker::PhantomData;

use serde::de::{DeserializeOwned, IgnoredAny};
use serde::{Deserialize, Deserializer};

use super::ApiError;
use super::lenient::{id, null_default};
use super::request::{Call, Method, Request, json, segment};

/// An account as the moderation pages show it: who, and until when a mute
/// lasts where the server says (`mute_expires_at`, Mastodon 4.x).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ListedAccount {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub acct: String,
    #[serde(default, deserialize_with = "null_default")]
    pub display_name: String,
    /// `None` when the server does not say; `Some(None)` for a mute
    /// without end.
    #[serde(default, deserialize_with = "present")]
    pub mute_expires_at: Option<Option<String>>,
}

/// When a mute ends, from `/api/v1/accounts/relationships`, for servers
/// whose list of mutes leaves it out.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct MuteEnd {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "present")]
    pub muting_expires_at: Option<Option<String>>,
}

/// A field that is there, even as `null`, as against one left out.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Option<String>>, D::Error> {
    Ok(Some(Option::deserialize(deserializer)?))
}

impl ListedAccount {
    /// The display name, else the handle.
    pub fn name(&self) -> &str {
        if self.display_name.trim().is_empty() {
            &self.acct
        } else {
            &self.display_name
        }
    }
}

/// A hashtag as `/api/v1/followed_tags` and `/api/v1/tags/:name` give it.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct FollowedTag {
    pub name: String,
    #[serde(default, deserialize_with = "null_default")]
    pub following: bool,
}

/// One page of a list the server keeps for the reader. The next page, if
/// any, is in the answer's `Link` header; `Listing::at` follows it.
pub struct Listing<T> {
    path: String,
    item: PhantomData<fn() -> T>,
}

impl<T> Listing<T> {
    /// The page at `path_or_url`, such as a `Link` header's `next`.
    pub fn at(path_or_url: String) -> Self {
        Self {
            path: path_or_url,
            item: PhantomData,
        }
    }
}

impl<T: DeserializeOwned> Request for Listing<T> {
    type Answer = Vec<T>;
    fn path(&self) -> String {
        self.path.clone()
    }
    fn read(&self, body: &str) -> Result<Vec<T>, ApiError> {
        let entries: Vec<Box<serde_json::value::RawValue>> = json(body)?;
        Ok(entries
            .iter()
            .filter_map(|entry| serde_json::from_str(entry.get()).ok())
            .collect())
    }
}

pub fn mutes() -> Listing<ListedAccount> {
    Listing::at("/api/v1/mutes".into())
}

pub fn blocks() -> Listing<ListedAccount> {
    Listing::at("/api/v1/blocks".into())
}

/// The blocked domains, as plain names.
pub fn domain_blocks() -> Listing<String> {
    Listing::at("/api/v1/domain_blocks".into())
}

pub fn followed_tags() -> Listing<FollowedTag> {
    Listing::at("/api/v1/followed_tags".into())
}

/// `GET /api/v1/lists/:id/accounts`.
pub fn list_members(list_id: &str) -> Listing<ListedAccount> {
    Listing::at(format!("/api/v1/lists/{}/accounts", segment(list_id)))
}

/// `GET /api/v1/accounts/relationships?id[]=…`, for when mutes end.
pub fn mute_ends(ids: &[&str]) -> Listing<MuteEnd> {
    let query = ids
        .iter()
        .map(|id| format!("id[]={}", segment(id)))
        .collect::<Vec<_>>()
        .join("&");
    Listing::at(format!("/api/v1/accounts/relationships?{query}"))
}

/// `GET /api/v1/tags/:name`: whether the reader follows it.
pub fn tag(name: &str) -> Call<FollowedTag> {
    Call::new(Method::Get, format!("/api/v1/tags/{}", segment(name)))
}

pub fn follow_tag(name: &str) -> Call<IgnoredAny> {
    Call::new(
        Method::Post,
        format!("/api/v1/tags/{}/follow", segment(name)),
    )
}

pub fn unfollow_tag(name: &str) -> Call<IgnoredAny> {
    Call::new(
        Method::Post,
        format!("/api/v1/tags/{}/unfollow", segment(name)),
    )
}

/// A domain as a reader may type it (`https://spam.example/`, ` Spam.Example `),
/// reduced to the bare host a domain block names; `None` if nothing is left.
pub fn domain_to_block(typed: &str) -> Option<String> {
    let typed = typed.trim();
    let without_scheme = typed
        .split_once("://")
        .map_or(typed, |(_, rest)| rest)
        .trim_start_matches('@');
    let host = without_scheme
        .split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .rsplit('@')
        .next()
        .unwrap_or_default()
        .to_lowercase();
    let valid = !host.is_empty()
        && host.contains('.')
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':'));
    valid.then_some(host)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listings_go_to_their_paths_and_skip_odd_entries() {
        assert_eq!(mutes().path(), "/api/v1/mutes");
        assert_eq!(blocks().path(), "/api/v1/blocks");
        assert_eq!(domain_blocks().path(), "/api/v1/domain_blocks");
        assert_eq!(followed_tags().path(), "/api/v1/followed_tags");
        assert_eq!(list_members("4/x").path(), "/api/v1/lists/4%2Fx/accounts");
        assert_eq!(mutes().method(), Method::Get);
        let next = Listing::<String>::at("https://x.example/api/v1/blocks?max_id=3".into());
        assert_eq!(next.path(), "https://x.example/api/v1/blocks?max_id=3");

        let muted = mutes()
            .read(
                r#"[{"id":"1","acct":"bea@far.example","display_name":"","mute_expires_at":"2026-12-02T10:00:00Z"},
                    {"id":2,"acct":"cy","display_name":"Cy","mute_expires_at":null},
                    {"acct":"no id"}, 7]"#,
            )
            .unwrap();
        assert_eq!(muted.len(), 2);
        assert_eq!(muted[0].name(), "bea@far.example");
        assert_eq!(
            muted[0].mute_expires_at,
            Some(Some("2026-12-02T10:00:00Z".into()))
        );
        assert_eq!((muted[1].id.as_str(), muted[1].name()), ("2", "Cy"));
        assert_eq!(muted[1].mute_expires_at, Some(None));
        assert!(mutes().read("{}").is_err());

        // Where the list leaves the end out, relationships may say.
        let unknown = mutes().read(r#"[{"id":"3","acct":"dee"}]"#).unwrap();
        assert_eq!(unknown[0].mute_expires_at, None);
        let ends = mute_ends(&["3", "4&x"]);
        assert_eq!(
            ends.path(),
            "/api/v1/accounts/relationships?id[]=3&id[]=4%26x"
        );
        let ends = ends
            .read(r#"[{"id":"3","muting":true,"muting_expires_at":"2026-12-02T10:00:00Z"},{"id":"4","muting":true}]"#)
            .unwrap();
        assert_eq!(
            ends[0].muting_expires_at,
            Some(Some("2026-12-02T10:00:00Z".into()))
        );
        assert_eq!(ends[1].muting_expires_at, None);

        let domains = domain_blocks().read(r#"["spam.example", 3, "b.example"]"#);
        assert_eq!(domains.unwrap(), ["spam.example", "b.example"]);
    }

    #[test]
    fn hashtags_are_followed_and_unfollowed_by_name() {
        let tags = followed_tags()
            .read(
                r#"[{"name":"Rust","following":true,"history":[]},{"name":"x","following":null}]"#,
            )
            .unwrap();
        assert_eq!(tags[0].name, "Rust");
        assert!(tags[0].following && !tags[1].following);
        for (request, path) in [
            (follow_tag("café"), "/api/v1/tags/caf%C3%A9/follow"),
            (unfollow_tag("a/b"), "/api/v1/tags/a%2Fb/unfollow"),
        ] {
            assert_eq!(
                (request.method(), request.path().as_str()),
                (Method::Post, path)
            );
            assert!(request.body().is_none());
        }
        assert_eq!(tag("rust").method(), Method::Get);
        assert_eq!(tag("rust").path(), "/api/v1/tags/rust");
    }

    #[test]
    fn a_typed_domain_is_reduced_to_its_host() {
        assert_eq!(
            domain_to_block(" https://Spam.Example/about "),
            Some("spam.example".into())
        );
        assert_eq!(
            domain_to_block("@bot@spam.example"),
            Some("spam.example".into())
        );
        assert_eq!(domain_to_block("spam.example"), Some("spam.example".into()));
        assert_eq!(domain_to_block(""), None);
        assert_eq!(domain_to_block("localhost"), None);
        assert_eq!(domain_to_block("a b.example"), None);
    }
}
