//! Reads a backup, as the client serializes it (`Backup` in
//! app/src/api/lifeboat/backup.rs), into the same shape as a server's
//! state: a test compares what was backed up with what the server held.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::Value;

use super::state::{AccountState, FilterState, FollowState, ListState, MuteState, ProfileState};

/// The state a backup says its account had. Follows still waiting for a
/// locked account's approval are left out, as a server's list of follows
/// leaves them out.
pub fn state_of_backup(backup: &Value) -> AccountState {
    let follows = items(backup, "follows")
        .filter(|follow| !follow["requested"].as_bool().unwrap_or(false))
        .map(|follow| {
            let languages = follow["languages"].as_array().map(|codes| strings(codes));
            let state = FollowState {
                reblogs: follow["reblogs"].as_bool().unwrap_or(true),
                notify: follow["notify"].as_bool().unwrap_or(false),
                languages,
            };
            (text(follow, "address"), state)
        })
        .collect();
    let lists = items(backup, "lists")
        .map(|list| {
            let state = ListState {
                replies_policy: text(list, "replies_policy"),
                exclusive: list["exclusive"].as_bool().unwrap_or(false),
                members: strings(list["members"].as_array().map_or(&[], Vec::as_slice)),
            };
            (text(list, "title"), state)
        })
        .collect();
    let mutes = items(backup, "mutes")
        .map(|mute| {
            let state = MuteState {
                hides_notifications: mute["notifications"].as_bool().unwrap_or(false),
                ends: !mute["expires_at"].is_null(),
            };
            (text(mute, "address"), state)
        })
        .collect();
    let filters: BTreeMap<String, FilterState> = items(backup, "filters")
        .map(|filter| {
            let keywords = items(filter, "keywords")
                .map(|k| {
                    (
                        text(k, "keyword"),
                        k["whole_word"].as_bool().unwrap_or(false),
                    )
                })
                .collect();
            let state = FilterState {
                context: strings(filter["context"].as_array().map_or(&[], Vec::as_slice)),
                action: text(filter, "filter_action"),
                keywords,
            };
            (text(filter, "title"), state)
        })
        .collect();
    let profile = &backup["profile"];
    let fields = items(profile, "fields")
        .filter_map(|pair| match pair.as_array().map(Vec::as_slice) {
            Some([name, value]) => Some((
                name.as_str().unwrap_or_default().to_string(),
                value.as_str().unwrap_or_default().to_string(),
            )),
            _ => None,
        })
        .collect();
    AccountState {
        follows,
        lists,
        mutes,
        blocks: items(backup, "blocks")
            .map(|b| text(b, "address"))
            .collect(),
        domain_blocks: list_of_strings(backup, "domain_blocks"),
        bookmarks: list_of_strings(backup, "bookmarks"),
        followed_tags: list_of_strings(backup, "followed_tags")
            .into_iter()
            .map(|tag| tag.trim_start_matches('#').to_lowercase())
            .collect(),
        filters,
        profile: ProfileState {
            display_name: text(profile, "display_name"),
            note: text(profile, "note"),
            fields,
            locked: profile["locked"].as_bool().unwrap_or(false),
            bot: profile["bot"].as_bool().unwrap_or(false),
        },
    }
}

fn items<'a>(value: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    value[key].as_array().into_iter().flatten()
}

fn strings(values: &[Value]) -> BTreeSet<String> {
    values
        .iter()
        .filter_map(|value| value.as_str().map(str::to_string))
        .collect()
}

fn list_of_strings(value: &Value, key: &str) -> BTreeSet<String> {
    strings(value[key].as_array().map_or(&[], Vec::as_slice))
}

fn text(value: &Value, key: &str) -> String {
    value[key].as_str().unwrap_or_default().to_string()
}
