//! Making, changing and removing the reader's lists, and removing their
//! members. (Members are added from a profile.)

use serde::de::IgnoredAny;
use serde::{Deserialize, Deserializer};
use serde_json::json;

use super::list::UserList;
use super::oauth::form;
use super::request::{Body, Call, Method, segment};

/// Which replies a list shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RepliesPolicy {
    /// Replies to anyone the reader follows: Mastodon's default.
    Followed,
    /// Replies to the list's own members; what a server that names no
    /// policy does.
    #[default]
    List,
    None,
}

impl RepliesPolicy {
    pub const ALL: [Self; 3] = [Self::Followed, Self::List, Self::None];

    pub fn name(self) -> &'static str {
        match self {
            Self::Followed => "followed",
            Self::List => "list",
            Self::None => "none",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|policy| policy.name() == name)
    }
}

impl<'de> Deserialize<'de> for RepliesPolicy {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let name: Option<String> = Option::deserialize(deserializer)?;
        Ok(name
            .as_deref()
            .and_then(Self::from_name)
            .unwrap_or_default())
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListDraft {
    pub title: String,
    pub replies_policy: RepliesPolicy,
    pub exclusive: bool,
}

impl ListDraft {
    pub fn of(list: &UserList) -> Self {
        Self {
            title: list.title.clone(),
            replies_policy: list.replies_policy,
            exclusive: list.exclusive,
        }
    }

    fn body(&self) -> Body {
        Body::Json(json!({
            "title": self.title.trim(),
            "replies_policy": self.replies_policy.name(),
            "exclusive": self.exclusive,
        }))
    }
}

pub fn create_list(draft: &ListDraft) -> Call<UserList> {
    Call::new(Method::Post, "/api/v1/lists".into()).with_body(draft.body())
}

pub fn update_list(id: &str, draft: &ListDraft) -> Call<UserList> {
    Call::new(Method::Put, list_path(id)).with_body(draft.body())
}

pub fn delete_list(id: &str) -> Call<IgnoredAny> {
    Call::new(Method::Delete, list_path(id))
}

/// `DELETE /api/v1/lists/:id/accounts`, the accounts named both in the
/// query and in a form body: servers differ in which they read on a DELETE.
pub fn remove_members(list_id: &str, account_ids: &[&str]) -> Call<IgnoredAny> {
    let fields: Vec<(&str, &str)> = account_ids
        .iter()
        .map(|id| ("account_ids[]", *id))
        .collect();
    let query = form(&fields);
    Call::new(
        Method::Delete,
        format!("{}/accounts?{query}", list_path(list_id)),
    )
    .with_body(Body::Form(query))
}

fn list_path(id: &str) -> String {
    format!("/api/v1/lists/{}", segment(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn lists_are_made_and_changed_as_json() {
        let draft = ListDraft {
            title: " Harbour ".into(),
            replies_policy: RepliesPolicy::Followed,
            exclusive: true,
        };
        let created = create_list(&draft);
        assert_eq!(
            (created.method(), created.path().as_str()),
            (Method::Post, "/api/v1/lists")
        );
        assert_eq!(
            created.body().unwrap().text(),
            r#"{"exclusive":true,"replies_policy":"followed","title":"Harbour"}"#
        );
        let updated = update_list("7", &draft);
        assert_eq!(
            (updated.method(), updated.path().as_str()),
            (Method::Put, "/api/v1/lists/7")
        );
        let list = created
            .read(r#"{"id":"7","title":"Harbour","replies_policy":"none","exclusive":true}"#)
            .unwrap();
        assert_eq!(
            ListDraft::of(&list),
            ListDraft {
                title: "Harbour".into(),
                replies_policy: RepliesPolicy::None,
                exclusive: true,
            }
        );
        let deleted = delete_list("7");
        assert_eq!(
            (deleted.method(), deleted.path().as_str()),
            (Method::Delete, "/api/v1/lists/7")
        );
    }

    #[test]
    fn members_are_removed_by_id() {
        let request = remove_members("7", &["3", "4"]);
        assert_eq!(request.method(), Method::Delete);
        assert_eq!(
            request.path(),
            "/api/v1/lists/7/accounts?account_ids%5B%5D=3&account_ids%5B%5D=4"
        );
        assert_eq!(
            request.body(),
            Some(Body::Form("account_ids%5B%5D=3&account_ids%5B%5D=4".into()))
        );
    }

    #[test]
    fn an_unknown_or_missing_policy_reads_as_the_default() {
        let list: UserList = serde_json::from_str(
            r#"{"id":"1","title":"a","replies_policy":"odd","exclusive":null}"#,
        )
        .unwrap();
        assert_eq!(list.replies_policy, RepliesPolicy::List);
        assert!(!list.exclusive);
        let bare: UserList = serde_json::from_str(r#"{"id":"1"}"#).unwrap();
        assert_eq!(bare.replies_policy, RepliesPolicy::List);
    }
}
