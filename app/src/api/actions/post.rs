//! Posting, editing and deleting a status. Bodies are JSON, because
//! polls only arrive whole that way.

use serde::Deserialize;
use serde_json::{Map, Value, json};

use super::super::lenient::null_default;
use super::super::request::{Body, Call, Method, segment};
use super::super::status::{Status, Visibility};

/// A status as written, before the server has it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    pub text: String,
    pub spoiler_text: String,
    pub sensitive: bool,
    /// `None` leaves the account's default.
    pub visibility: Option<Visibility>,
    pub language: Option<String>,
    pub in_reply_to_id: Option<String>,
    pub media_ids: Vec<String>,
    pub poll: Option<PollDraft>,
    /// An ISO 8601 time, for a scheduled post.
    pub scheduled_at: Option<String>,
    pub quoted_status_id: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct PollDraft {
    pub options: Vec<String>,
    /// Seconds.
    pub expires_in: u64,
    pub multiple: bool,
}

impl Draft {
    fn to_json(&self) -> Value {
        let mut body = Map::new();
        body.insert("status".into(), json!(self.text));
        body.insert("spoiler_text".into(), json!(self.spoiler_text));
        body.insert("sensitive".into(), json!(self.sensitive));
        if let Some(visibility) = &self.visibility {
            body.insert("visibility".into(), json!(visibility.name()));
        }
        let optional = [
            ("language", &self.language),
            ("in_reply_to_id", &self.in_reply_to_id),
            ("scheduled_at", &self.scheduled_at),
            ("quoted_status_id", &self.quoted_status_id),
        ];
        for (name, value) in optional {
            if let Some(value) = value {
                body.insert(name.into(), json!(value));
            }
        }
        if !self.media_ids.is_empty() {
            body.insert("media_ids".into(), json!(self.media_ids));
        }
        if let Some(poll) = &self.poll {
            body.insert(
                "poll".into(),
                json!({"options": poll.options, "expires_in": poll.expires_in, "multiple": poll.multiple}),
            );
        }
        Value::Object(body)
    }
}

/// `POST /api/v1/statuses`. The key lets a retry not post twice. A
/// scheduled post answers with a scheduled status, not a `Status`.
pub fn post(draft: &Draft, idempotency_key: Option<String>) -> Call<Status> {
    Call::new(Method::Post, "/api/v1/statuses".into())
        .with_body(Body::Json(draft.to_json()))
        .with_key(idempotency_key)
}

/// What a status was written as, for editing it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct StatusSource {
    #[serde(default, deserialize_with = "null_default")]
    pub text: String,
    #[serde(default, deserialize_with = "null_default")]
    pub spoiler_text: String,
}

/// `GET /api/v1/statuses/:id/source`.
pub fn source(id: &str) -> Call<StatusSource> {
    Call::new(
        Method::Get,
        format!("/api/v1/statuses/{}/source", segment(id)),
    )
}

/// `PUT /api/v1/statuses/:id`: the draft replaces the status.
pub fn edit(id: &str, draft: &Draft) -> Call<Status> {
    Call::new(Method::Put, format!("/api/v1/statuses/{}", segment(id)))
        .with_body(Body::Json(draft.to_json()))
}

/// One earlier version of a status.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct StatusEdit {
    #[serde(default, deserialize_with = "null_default")]
    pub content: String,
    #[serde(default, deserialize_with = "null_default")]
    pub spoiler_text: String,
    #[serde(default, deserialize_with = "null_default")]
    pub sensitive: bool,
    #[serde(default, deserialize_with = "null_default")]
    pub created_at: String,
}

/// `GET /api/v1/statuses/:id/history`, oldest first.
pub fn history(id: &str) -> Call<Vec<StatusEdit>> {
    Call::new(
        Method::Get,
        format!("/api/v1/statuses/{}/history", segment(id)),
    )
}

/// A deleted status, with the source `text` it was written as, so it
/// can be drafted again.
#[derive(Clone, Debug, PartialEq)]
pub struct Deleted {
    pub status: Status,
    pub text: Option<String>,
}

/// Read twice from the same text rather than through `serde(flatten)`,
/// whose buffering cannot hand the status's raw `quote` to its reader.
impl<'de> Deserialize<'de> for Deleted {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Source {
            #[serde(default)]
            text: Option<String>,
        }
        let raw = Box::<serde_json::value::RawValue>::deserialize(deserializer)?;
        let status = serde_json::from_str(raw.get()).map_err(serde::de::Error::custom)?;
        let source: Source = serde_json::from_str(raw.get()).map_err(serde::de::Error::custom)?;
        Ok(Self {
            status,
            text: source.text,
        })
    }
}

/// `DELETE /api/v1/statuses/:id`.
pub fn delete(id: &str) -> Call<Deleted> {
    Call::new(Method::Delete, format!("/api/v1/statuses/{}", segment(id)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    const STATUS: &str = r#"{"id":"9","account":{"id":"1","username":"ada","acct":"ada"},"content":"<p>hi</p>","text":"hi"}"#;

    #[test]
    fn a_post_sends_its_draft_as_json_with_its_key() {
        let draft = Draft {
            text: "hello".into(),
            spoiler_text: "cw".into(),
            visibility: Some(Visibility::Unlisted),
            media_ids: vec!["m1".into()],
            poll: Some(PollDraft {
                options: vec!["a".into(), "b".into()],
                expires_in: 300,
                multiple: true,
            }),
            in_reply_to_id: Some("7".into()),
            ..Draft::default()
        };
        let request = post(&draft, Some("k1".into()));
        assert_eq!(
            (request.method(), request.path().as_str()),
            (Method::Post, "/api/v1/statuses")
        );
        assert_eq!(request.idempotency_key().as_deref(), Some("k1"));
        let Some(Body::Json(body)) = request.body() else {
            panic!("a post is JSON");
        };
        assert_eq!(body["status"], "hello");
        assert_eq!(body["visibility"], "unlisted");
        assert_eq!(body["poll"]["options"], json!(["a", "b"]));
        assert_eq!(body["poll"]["multiple"], true);
        assert_eq!(body["media_ids"], json!(["m1"]));
        assert_eq!(body["in_reply_to_id"], "7");
        assert!(body.get("language").is_none() && body.get("scheduled_at").is_none());
        assert_eq!(request.read(STATUS).unwrap().id, "9");
    }

    #[test]
    fn edit_history_and_delete_follow_the_api() {
        let draft = Draft {
            text: "new".into(),
            ..Draft::default()
        };
        let request = edit("9", &draft);
        assert_eq!(
            (request.method(), request.path().as_str()),
            (Method::Put, "/api/v1/statuses/9")
        );
        assert_eq!(request.idempotency_key(), None);
        let source = source("9");
        assert_eq!(source.path(), "/api/v1/statuses/9/source");
        assert_eq!(
            source
                .read(r#"{"id":"9","text":"hi","spoiler_text":null}"#)
                .unwrap(),
            StatusSource {
                text: "hi".into(),
                spoiler_text: String::new()
            }
        );
        let history = history("9");
        assert_eq!(
            (history.method(), history.path().as_str()),
            (Method::Get, "/api/v1/statuses/9/history")
        );
        let edits = history
            .read(r#"[{"content":"<p>a</p>","created_at":"2026-01-01T00:00:00Z"}]"#)
            .unwrap();
        assert_eq!(edits[0].content, "<p>a</p>");
        let delete = delete("9/x");
        assert_eq!(
            (delete.method(), delete.path().as_str()),
            (Method::Delete, "/api/v1/statuses/9%2Fx")
        );
        let deleted = delete.read(STATUS).unwrap();
        assert_eq!(
            (deleted.status.id.as_str(), deleted.text.as_deref()),
            ("9", Some("hi"))
        );
        let quoting = r#"{"id":"9","account":{"id":"1"},"text":"hi","quote":{"state":"accepted","quoted_status":{"id":"3","account":{"id":"4"}}}}"#;
        let deleted = delete.read(quoting).unwrap();
        assert_eq!(
            deleted.status.quote.map(|quote| quote.id).as_deref(),
            Some("3")
        );
        assert_eq!(deleted.text.as_deref(), Some("hi"));
        let unquoted = r#"{"id":"9","account":{"id":"1"},"text":null,"quote":null}"#;
        assert_eq!(delete.read(unquoted).unwrap().text, None);
    }
}
