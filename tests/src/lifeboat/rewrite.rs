//! mastodon-mock does not federate: server B can resolve only its own
//! accounts and statuses. So a backup taken on server A is rewritten
//! before it is restored onto B: every account it names is moved to the
//! account of the same username on B (the same dev users exist on every
//! mock), except the usernames kept on A, which stand for the accounts
//! that lived on the dead server and cannot come back. Bookmarked statuses
//! are mapped to copies made on B. What B should then hold is A's state
//! put through the same rewrite: [`expected_on_b`].

use std::collections::{BTreeMap, BTreeSet};

use super::mock_calls::post_as;
use super::seed::Seeded;
use super::state::AccountState;
use crate::MockServer;

/// How a backup from one mock is carried to another.
#[derive(Clone, Debug, Default)]
pub struct Rewrite {
    /// Server A's address (`host:port`).
    pub from: String,
    /// Server B's address.
    pub to: String,
    /// Usernames left on A: their accounts cannot be restored.
    pub keep_on_a: BTreeSet<String>,
    /// Status URIs on A to the URIs of statuses that exist on B.
    pub statuses: BTreeMap<String, String>,
}

impl Rewrite {
    pub fn new(from: &str, to: &str, keep_on_a: &[&str]) -> Self {
        Self {
            from: from.to_string(),
            to: to.to_string(),
            keep_on_a: keep_on_a.iter().map(|name| name.to_string()).collect(),
            statuses: BTreeMap::new(),
        }
    }

    pub fn with_statuses(mut self, statuses: BTreeMap<String, String>) -> Self {
        self.statuses = statuses;
        self
    }

    /// `user@B` for an address on A whose user is not kept there; `None`
    /// for an account that cannot come back; other servers' addresses
    /// unchanged.
    pub fn address(&self, address: &str) -> Option<String> {
        match address.trim_start_matches('@').split_once('@') {
            Some((user, server)) if server == self.from => {
                (!self.keep_on_a.contains(user)).then(|| format!("{user}@{}", self.to))
            }
            _ => Some(address.to_string()),
        }
    }

    /// The profile URL on B (`scheme://B/@user`) of one on A. The mock
    /// writes its own links with `localhost:port` where the client names
    /// it `127.0.0.1:port`: both are taken as A, and the host is kept in
    /// the style it came in.
    fn profile_url(&self, url: &str) -> Option<String> {
        let (scheme, rest) = url.split_once("://")?;
        let (host, user) = rest.split_once("/@")?;
        let to = same_server(host, &self.from)?.then(|| moved_host(host, &self.to))?;
        self.address(&format!("{user}@{}", self.from))
            .map(|_| format!("{scheme}://{to}/@{user}"))
    }

    /// A bookmarked URI as B knows it, `None` when B has no copy.
    pub fn status(&self, uri: &str) -> Option<String> {
        self.statuses.get(uri).cloned()
    }
}

/// Whether `host` (from a URL) is the server the client calls `addr`;
/// `None` when it is not a loopback name the mock might use.
fn same_server(host: &str, addr: &str) -> Option<bool> {
    if host == addr {
        return Some(true);
    }
    let (name, port) = host.rsplit_once(':')?;
    let (addr_name, addr_port) = addr.rsplit_once(':')?;
    let loopback = |name: &str| name == "localhost" || name == "127.0.0.1";
    Some(port == addr_port && loopback(name) && loopback(addr_name))
}

/// `to`, written as `host` was (`localhost:port` or `127.0.0.1:port`).
fn moved_host(host: &str, to: &str) -> String {
    match (host.split_once(':'), to.rsplit_once(':')) {
        (Some((name, _)), Some((_, port))) => format!("{name}:{port}"),
        _ => to.to_string(),
    }
}

/// [`rewrite_backup_with`] without any status mapping: bookmarks stay as
/// they were, statuses B cannot find.
pub fn rewrite_backup_for(
    backup_json: &serde_json::Value,
    from: &str,
    to: &str,
    keep_on_a: &[&str],
) -> serde_json::Value {
    rewrite_backup_with(backup_json, &Rewrite::new(from, to, keep_on_a))
}

/// The backup with its accounts and bookmarks moved as `rewrite` says.
/// The backup's own account and its posts are left alone: they are the
/// record of where it came from.
pub fn rewrite_backup_with(
    backup_json: &serde_json::Value,
    rewrite: &Rewrite,
) -> serde_json::Value {
    let mut backup = backup_json.clone();
    for key in ["follows", "followers", "mutes", "blocks"] {
        for entry in array_mut(&mut backup, key) {
            move_account(entry, rewrite);
        }
    }
    for list in array_mut(&mut backup, "lists") {
        for member in array_mut(list, "members") {
            if let Some(address) = member.as_str().and_then(|a| rewrite.address(a)) {
                *member = address.into();
            }
        }
    }
    for bookmark in array_mut(&mut backup, "bookmarks") {
        if let Some(uri) = bookmark.as_str().and_then(|uri| rewrite.status(uri)) {
            *bookmark = uri.into();
        }
    }
    backup
}

fn move_account(entry: &mut serde_json::Value, rewrite: &Rewrite) {
    if let Some(address) = entry["address"].as_str().and_then(|a| rewrite.address(a)) {
        entry["address"] = address.into();
    }
    if let Some(url) = entry["url"]
        .as_str()
        .and_then(|url| rewrite.profile_url(url))
    {
        entry["url"] = url.into();
    }
}

fn array_mut<'a>(
    value: &'a mut serde_json::Value,
    key: &str,
) -> impl Iterator<Item = &'a mut serde_json::Value> {
    value
        .get_mut(key)
        .and_then(|items| items.as_array_mut())
        .into_iter()
        .flatten()
}

/// What server B should hold after the restore, and what the report
/// should call impossible.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ExpectedOnB {
    pub state: AccountState,
    /// Addresses of accounts, and URIs of bookmarks, that cannot come back.
    pub impossible: BTreeSet<String>,
}

/// The impossible entries that no report item names with the outcome
/// `impossible`. `items` are the report's items as (text, `data-outcome`).
pub fn unreported_impossible(expected: &ExpectedOnB, items: &[(String, String)]) -> Vec<String> {
    expected
        .impossible
        .iter()
        .filter(|entry| {
            !items
                .iter()
                .any(|(text, outcome)| outcome == "impossible" && text.contains(entry.as_str()))
        })
        .cloned()
        .collect()
}

/// A's state, read with `account_state`, put through `rewrite`: B's state
/// must equal it after a restore. Built from what A really held rather
/// than from what was asked of it, so whatever the mock drops (see the
/// report on follows' `notify` and languages) is dropped on both sides.
pub fn expected_on_b(state_on_a: &AccountState, rewrite: &Rewrite) -> ExpectedOnB {
    let mut impossible = BTreeSet::new();
    let mut carry = |address: &String| {
        let moved = rewrite.address(address);
        if moved.is_none() {
            impossible.insert(address.clone());
        }
        moved
    };
    let mut state = state_on_a.clone();
    state.follows = state_on_a
        .follows
        .iter()
        .filter_map(|(address, follow)| Some((carry(address)?, follow.clone())))
        .collect();
    state.mutes = state_on_a
        .mutes
        .iter()
        .filter_map(|(address, mute)| Some((carry(address)?, mute.clone())))
        .collect();
    state.blocks = state_on_a.blocks.iter().filter_map(&mut carry).collect();
    for list in state.lists.values_mut() {
        list.members = list.members.iter().filter_map(&mut carry).collect();
    }
    state.bookmarks = BTreeSet::new();
    for uri in &state_on_a.bookmarks {
        match rewrite.status(uri) {
            Some(moved) => state.bookmarks.insert(moved),
            None => impossible.insert(uri.clone()),
        };
    }
    ExpectedOnB { state, impossible }
}

/// Copies the seeded bookmark's status onto `b`, by the same author with
/// the same text, and maps A's URI to the copy's: what `Rewrite::statuses`
/// takes.
pub async fn mirror_bookmarks(
    b: &MockServer,
    seeded: &Seeded,
) -> anyhow::Result<BTreeMap<String, String>> {
    let original = &seeded.bookmarked;
    let copy = post_as(b, &original.author, &original.text).await?;
    Ok(BTreeMap::from([(original.uri.clone(), copy.uri)]))
}
