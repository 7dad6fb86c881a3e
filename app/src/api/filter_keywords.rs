//! A saved filter's keywords, changed one by one through their own routes
//! (`/api/v2/filters/:id/keywords`, `/api/v2/filters/keywords/:id`):
//! `keywords_attributes` is read only when a filter is created on some
//! servers, mastodon-mock among them.

use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::json;

use super::lenient::{id, null_default};
use super::request::{Body, Call, Method, segment};

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct KeywordRecord {
    #[serde(deserialize_with = "id")]
    pub id: String,
    #[serde(default, deserialize_with = "null_default")]
    pub keyword: String,
    #[serde(default, deserialize_with = "null_default")]
    pub whole_word: bool,
}

/// A keyword in the form: one already saved carries its id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeywordDraft {
    pub id: Option<String>,
    pub keyword: String,
    pub whole_word: bool,
}

/// What must happen to a saved filter's keywords for them to read as in
/// the form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeywordChange {
    Add(KeywordDraft),
    Update(KeywordDraft),
    Remove(String),
}

pub fn keyword_changes(saved: &[KeywordRecord], wanted: &[KeywordDraft]) -> Vec<KeywordChange> {
    let typed = |keyword: &&KeywordDraft| !keyword.keyword.trim().is_empty();
    let mut changes: Vec<KeywordChange> = saved
        .iter()
        .filter(|old| {
            !wanted
                .iter()
                .filter(typed)
                .any(|new| new.id.as_deref() == Some(old.id.as_str()))
        })
        .map(|old| KeywordChange::Remove(old.id.clone()))
        .collect();
    for new in wanted.iter().filter(typed) {
        let old = new
            .id
            .as_deref()
            .and_then(|id| saved.iter().find(|old| old.id == id));
        match old {
            None => changes.push(KeywordChange::Add(KeywordDraft {
                id: None,
                ..new.clone()
            })),
            Some(old) if old.keyword != new.keyword.trim() || old.whole_word != new.whole_word => {
                changes.push(KeywordChange::Update(new.clone()));
            }
            Some(_) => {}
        }
    }
    changes
}

/// The request that makes `change` to the keywords of filter `filter_id`.
pub fn keyword_request(filter_id: &str, change: &KeywordChange) -> Call<IgnoredAny> {
    let body = |keyword: &KeywordDraft| {
        Body::Json(json!({ "keyword": keyword.keyword.trim(), "whole_word": keyword.whole_word }))
    };
    let keyword_path = |id: &str| format!("/api/v2/filters/keywords/{}", segment(id));
    match change {
        KeywordChange::Add(keyword) => Call::new(
            Method::Post,
            format!("/api/v2/filters/{}/keywords", segment(filter_id)),
        )
        .with_body(body(keyword)),
        KeywordChange::Update(keyword) => Call::new(
            Method::Put,
            keyword_path(keyword.id.as_deref().unwrap_or_default()),
        )
        .with_body(body(keyword)),
        KeywordChange::Remove(id) => Call::new(Method::Delete, keyword_path(id)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    #[test]
    fn keyword_edits_become_one_request_each() {
        let saved = [
            KeywordRecord {
                id: "1".into(),
                keyword: "kept".into(),
                whole_word: true,
            },
            KeywordRecord {
                id: "2".into(),
                keyword: "changed".into(),
                whole_word: false,
            },
            KeywordRecord {
                id: "3".into(),
                keyword: "dropped".into(),
                whole_word: false,
            },
        ];
        let keyword = |id: Option<&str>, word: &str, whole_word| KeywordDraft {
            id: id.map(str::to_string),
            keyword: word.into(),
            whole_word,
        };
        let wanted = [
            keyword(Some("1"), "kept", true),
            keyword(Some("2"), "changed", true),
            keyword(Some("3"), "  ", false),
            keyword(None, "new", false),
        ];
        let changes = keyword_changes(&saved, &wanted);
        assert_eq!(
            changes,
            [
                KeywordChange::Remove("3".into()),
                KeywordChange::Update(keyword(Some("2"), "changed", true)),
                KeywordChange::Add(keyword(None, "new", false)),
            ]
        );
        let requests: Vec<(Method, String, Option<String>)> = changes
            .iter()
            .map(|change| keyword_request("9", change))
            .map(|call| {
                (
                    call.method(),
                    call.path(),
                    call.body().map(|body| body.text()),
                )
            })
            .collect();
        assert_eq!(
            requests,
            [
                (Method::Delete, "/api/v2/filters/keywords/3".into(), None),
                (
                    Method::Put,
                    "/api/v2/filters/keywords/2".into(),
                    Some(r#"{"keyword":"changed","whole_word":true}"#.into())
                ),
                (
                    Method::Post,
                    "/api/v2/filters/9/keywords".into(),
                    Some(r#"{"keyword":"new","whole_word":false}"#.into())
                ),
            ]
        );
        assert!(keyword_changes(&saved[..1], &wanted[..1]).is_empty());
    }
}
