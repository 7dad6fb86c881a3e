//! The signed-in account's lists (`/api/v1/lists`), each a timeline of its
//! own.

use serde::Deserialize;

use super::ApiError;
use super::lenient::{id, null_default};
use super::list_edit::RepliesPolicy;
use super::request::{Get, Request, json, segment};

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct UserList {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub title: String,
    #[serde(default)]
    pub replies_policy: RepliesPolicy,
    /// Its members' posts show here and not on the home timeline.
    #[serde(default, deserialize_with = "null_default")]
    pub exclusive: bool,
}

/// `GET /api/v1/lists/:id`: one list's name and settings.
pub fn list_by_id(id: &str) -> Get<UserList> {
    Get::new(format!("/api/v1/lists/{}", segment(id)))
}

/// `GET /api/v1/lists`: the signed-in account's lists.
pub struct Lists;

impl Request for Lists {
    type Answer = Vec<UserList>;
    fn path(&self) -> String {
        "/api/v1/lists".into()
    }
    fn read(&self, body: &str) -> Result<Vec<UserList>, ApiError> {
        json(body).map(lists_from)
    }
}

/// The lists in the answer to `GET /api/v1/lists`, skipping any entry this
/// client cannot use rather than losing them all, ordered by title as
/// readers look for them.
fn lists_from(entries: Vec<Box<serde_json::value::RawValue>>) -> Vec<UserList> {
    let mut lists: Vec<UserList> = entries
        .iter()
        .filter_map(|entry| serde_json::from_str(entry.get()).ok())
        .collect();
    lists.sort_by_cached_key(|list| list.title.to_lowercase());
    lists
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_is_found_by_its_id_alone() {
        assert_eq!(list_by_id("12").path(), "/api/v1/lists/12");
        assert_eq!(list_by_id("../x").path(), "/api/v1/lists/%2E%2E%2Fx");
        assert_eq!(Lists.path(), "/api/v1/lists");
    }

    #[test]
    fn lists_parse_across_dialects_in_title_order() {
        // Mastodon sends string IDs and more fields; older Pleroma numeric
        // IDs; GoToSocial may leave the title null.
        let json = r#"[
            {"id":"12","title":"Weather","replies_policy":"list","exclusive":false},
            {"id":7,"title":"harbour"},
            {"id":"9","title":null},
            {"title":"no id"},
            {"id":""}
        ]"#;
        let lists = Lists.read(json).unwrap();
        let seen: Vec<(&str, &str)> = lists
            .iter()
            .map(|list| (list.id.as_str(), list.title.as_str()))
            .collect();
        assert_eq!(seen, [("9", ""), ("7", "harbour"), ("12", "Weather")]);
    }
}
