//! Reads back, through the API, everything of an account that a restore
//! should recreate, in a shape two servers can be compared by.

use std::collections::{BTreeMap, BTreeSet};

use super::reader::{Reader, text};
use crate::{MockServer, plain_text};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountState {
    /// By address.
    pub follows: BTreeMap<String, FollowState>,
    /// By title.
    pub lists: BTreeMap<String, ListState>,
    /// By address.
    pub mutes: BTreeMap<String, MuteState>,
    pub blocks: BTreeSet<String>,
    pub domain_blocks: BTreeSet<String>,
    /// Status URIs.
    pub bookmarks: BTreeSet<String>,
    /// Lowercase names, without `#`.
    pub followed_tags: BTreeSet<String>,
    /// By title.
    pub filters: BTreeMap<String, FilterState>,
    pub profile: ProfileState,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FollowState {
    pub reblogs: bool,
    pub notify: bool,
    pub languages: Option<BTreeSet<String>>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListState {
    pub replies_policy: String,
    pub exclusive: bool,
    pub members: BTreeSet<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MuteState {
    pub hides_notifications: bool,
    /// Whether the mute ends by itself; when exactly depends on the
    /// moment it was made, so is not compared.
    pub ends: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FilterState {
    pub context: BTreeSet<String>,
    pub action: String,
    /// Keyword and whether it matches whole words only.
    pub keywords: BTreeSet<(String, bool)>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProfileState {
    pub display_name: String,
    /// As text, not HTML.
    pub note: String,
    pub fields: Vec<(String, String)>,
    pub locked: bool,
    pub bot: bool,
}

impl AccountState {
    /// The same state with every relation left out: what an account
    /// nobody has touched holds.
    pub fn only_profile(&self) -> Self {
        Self {
            profile: self.profile.clone(),
            ..Self::default()
        }
    }
}

/// What differs between `expected` and `actual`, one line per part, for
/// a failing test to print; empty when they are equal.
pub fn differences(expected: &AccountState, actual: &AccountState) -> Vec<String> {
    fn part<T: std::fmt::Debug + PartialEq>(name: &str, e: &T, a: &T, out: &mut Vec<String>) {
        if e != a {
            out.push(format!("{name}: expected {e:?}, found {a:?}"));
        }
    }
    let mut out = Vec::new();
    part("follows", &expected.follows, &actual.follows, &mut out);
    part("lists", &expected.lists, &actual.lists, &mut out);
    part("mutes", &expected.mutes, &actual.mutes, &mut out);
    part("blocks", &expected.blocks, &actual.blocks, &mut out);
    part(
        "domain blocks",
        &expected.domain_blocks,
        &actual.domain_blocks,
        &mut out,
    );
    part(
        "bookmarks",
        &expected.bookmarks,
        &actual.bookmarks,
        &mut out,
    );
    part(
        "followed tags",
        &expected.followed_tags,
        &actual.followed_tags,
        &mut out,
    );
    part("filters", &expected.filters, &actual.filters, &mut out);
    part("profile", &expected.profile, &actual.profile, &mut out);
    out
}

/// Reads the state of `token`'s account on `server`.
pub async fn account_state(server: &MockServer, token: &str) -> anyhow::Result<AccountState> {
    let reader = Reader::new(server, token);
    let me = reader.get("/api/v1/accounts/verify_credentials").await?;
    let my_id = text(&me, "id");

    let following = reader
        .all(&format!("/api/v1/accounts/{my_id}/following?limit=80"))
        .await?;
    let relations = reader.relationships(&following).await?;
    let mut follows = BTreeMap::new();
    for account in &following {
        let relation = relations
            .get(&text(account, "id"))
            .cloned()
            .unwrap_or_default();
        let languages = relation["languages"].as_array().map(|codes| {
            codes
                .iter()
                .filter_map(|code| code.as_str().map(str::to_string))
                .collect()
        });
        let follow = FollowState {
            reblogs: relation["showing_reblogs"].as_bool().unwrap_or(true),
            notify: relation["notifying"].as_bool().unwrap_or(false),
            languages,
        };
        follows.insert(reader.address(account), follow);
    }

    let mut lists = BTreeMap::new();
    for list in reader.all("/api/v1/lists").await? {
        let id = text(&list, "id");
        let members = reader
            .all(&format!("/api/v1/lists/{id}/accounts?limit=0"))
            .await?;
        let state = ListState {
            replies_policy: text(&list, "replies_policy"),
            exclusive: list["exclusive"].as_bool().unwrap_or(false),
            members: members
                .iter()
                .map(|member| reader.address(member))
                .collect(),
        };
        lists.insert(text(&list, "title"), state);
    }

    let muted = reader.all("/api/v1/mutes?limit=80").await?;
    let relations = reader.relationships(&muted).await?;
    let mutes = muted
        .iter()
        .map(|account| {
            let relation = relations
                .get(&text(account, "id"))
                .cloned()
                .unwrap_or_default();
            let ends =
                !relation["muting_expires_at"].is_null() || !account["mute_expires_at"].is_null();
            let state = MuteState {
                hides_notifications: relation["muting_notifications"].as_bool().unwrap_or(false),
                ends,
            };
            (reader.address(account), state)
        })
        .collect();

    let blocked = reader.all("/api/v1/blocks?limit=80").await?;
    let domains = reader.all("/api/v1/domain_blocks?limit=200").await?;
    let bookmarked = reader.all("/api/v1/bookmarks?limit=40").await?;
    let tags = reader.all("/api/v1/followed_tags?limit=200").await?;
    let filters = reader
        .all("/api/v2/filters")
        .await?
        .iter()
        .map(|filter| (text(filter, "title"), filter_state(filter)))
        .collect();

    Ok(AccountState {
        follows,
        lists,
        mutes,
        blocks: blocked
            .iter()
            .map(|account| reader.address(account))
            .collect(),
        domain_blocks: domains
            .iter()
            .filter_map(|d| d.as_str().map(str::to_string))
            .collect(),
        bookmarks: bookmarked
            .iter()
            .map(|status| text(status, "uri"))
            .collect(),
        followed_tags: tags
            .iter()
            .map(|tag| text(tag, "name").to_lowercase())
            .collect(),
        filters,
        profile: profile_state(&me),
    })
}

fn filter_state(filter: &serde_json::Value) -> FilterState {
    let strings = |value: &serde_json::Value| -> BTreeSet<String> {
        value
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|item| item.as_str().map(str::to_string))
            .collect()
    };
    let keywords = filter["keywords"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|keyword| {
            let whole_word = keyword["whole_word"].as_bool().unwrap_or(false);
            (text(keyword, "keyword"), whole_word)
        })
        .collect();
    FilterState {
        context: strings(&filter["context"]),
        action: text(filter, "filter_action"),
        keywords,
    }
}

/// The profile as its owner wrote it: Mastodon gives the source of the
/// bio and fields beside their HTML; where a server does not, the HTML
/// is read as text.
fn profile_state(me: &serde_json::Value) -> ProfileState {
    let note = me["source"]["note"]
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| html_to_text(&text(me, "note")));
    let source_fields = me["source"]["fields"].as_array().filter(|f| !f.is_empty());
    let fields = source_fields
        .or_else(|| me["fields"].as_array())
        .into_iter()
        .flatten()
        .map(|field| (text(field, "name"), html_to_text(&text(field, "value"))))
        .collect();
    ProfileState {
        display_name: text(me, "display_name"),
        note,
        fields,
        locked: me["locked"].as_bool().unwrap_or(false),
        bot: me["bot"].as_bool().unwrap_or(false),
    }
}

fn html_to_text(html: &str) -> String {
    let broken = html
        .replace("<br>", "\n")
        .replace("<br/>", "\n")
        .replace("<br />", "\n")
        .replace("</p><p>", "\n\n");
    plain_text(&broken).trim().to_string()
}
