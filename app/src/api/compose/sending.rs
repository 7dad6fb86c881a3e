//! Sending a finished draft: a new post (`POST`, under its
//! idempotency key), or an edit (`PUT`), and reading what the server
//! made of it, a status or, for a post set for later, a scheduled status.
//! When a send fails, whether and when to try again.

use serde_json::Value;

use super::super::ApiError;
use super::super::request::{Body, Method, Request, json, segment};
use super::ComposeDraft;

/// What the server made of a sent draft.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Posted {
    /// Published (or edited): the status's id and its page, if given.
    Status { id: String, url: Option<String> },
    /// Set for later: the scheduled status's id and when it is due.
    Scheduled { id: String, at: String },
}

/// The request that sends `draft`: an edit when it edits a status,
/// otherwise a new post under `idempotency_key`. Always JSON, since
/// polls only arrive whole that way.
pub struct SendDraft {
    method: Method,
    path: String,
    body: Value,
    key: Option<String>,
}

impl SendDraft {
    pub fn new(draft: &ComposeDraft, idempotency_key: &str) -> Self {
        let request = draft.to_draft();
        match &draft.editing {
            Some(id) => {
                let edit = super::super::actions::edit(id, &request);
                Self {
                    method: Method::Put,
                    path: format!("/api/v1/statuses/{}", segment(id)),
                    body: json_body(edit.body()),
                    key: None,
                }
            }
            None => {
                let post = super::super::actions::post(&request, Some(idempotency_key.into()));
                Self {
                    method: Method::Post,
                    path: post.path(),
                    body: json_body(post.body()),
                    key: post.idempotency_key(),
                }
            }
        }
    }
}

fn json_body(body: Option<Body>) -> Value {
    match body {
        Some(Body::Json(value)) => value,
        _ => Value::Null,
    }
}

impl Request for SendDraft {
    type Answer = Posted;
    fn path(&self) -> String {
        self.path.clone()
    }
    fn method(&self) -> Method {
        self.method
    }
    fn body(&self) -> Option<Body> {
        Some(Body::Json(self.body.clone()))
    }
    fn idempotency_key(&self) -> Option<String> {
        self.key.clone()
    }
    fn read(&self, body: &str) -> Result<Posted, ApiError> {
        read_posted(&json(body)?)
    }
}

fn read_posted(value: &Value) -> Result<Posted, ApiError> {
    let text = |name: &str| value.get(name).and_then(Value::as_str).map(str::to_string);
    let id = text("id")
        .filter(|id| !id.is_empty())
        .ok_or(ApiError::Malformed {
            detail: "the post came back without an id".into(),
        })?;
    // Only a scheduled status carries `params`; a status never does.
    if value.get("params").is_some() {
        let at = text("scheduled_at").unwrap_or_default();
        return Ok(Posted::Scheduled { id, at });
    }
    Ok(Posted::Status {
        id,
        url: text("url"),
    })
}

/// How many times a send is tried in all before the failure is reported.
pub const SEND_ATTEMPTS: u32 = 4;

/// How long to wait before trying a failed send again, in milliseconds,
/// after `attempt` tries (1 after the first); `None` when it should not be
/// tried again now. Only a failure that may pass is retried: the server
/// failing or not answering in time. The key stays the same, so a post
/// the server made before failing to answer is not made twice.
pub fn retry_delay_ms(attempt: u32, error: &ApiError) -> Option<u32> {
    let passing = matches!(
        error,
        ApiError::ServerFailed { .. } | ApiError::Timeout { .. }
    );
    (passing && attempt < SEND_ATTEMPTS).then(|| 1000 * 2u32.pow(attempt.saturating_sub(1)))
}

/// Whether the failure means the server cannot be reached now, so the
/// post should wait in the outbox rather than be reported as refused.
pub fn is_offline(error: &ApiError) -> bool {
    matches!(error, ApiError::Unreachable { .. })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::compose::PollChoices;

    #[test]
    fn a_new_post_goes_as_json_under_its_key() {
        let draft = ComposeDraft {
            text: "hi".into(),
            poll: Some(PollChoices {
                options: vec!["a".into(), "b".into()],
                expires_in: 600,
                multiple: false,
            }),
            ..ComposeDraft::default()
        };
        let send = SendDraft::new(&draft, "d1-0");
        assert_eq!(
            (send.method(), send.path().as_str()),
            (Method::Post, "/api/v1/statuses")
        );
        assert_eq!(send.idempotency_key().as_deref(), Some("d1-0"));
        let Some(Body::Json(body)) = send.body() else {
            panic!("a post is JSON");
        };
        assert_eq!(body["status"], "hi");
        assert_eq!(body["poll"]["options"][1], "b");
    }

    #[test]
    fn an_edit_replaces_the_status_and_never_posts() {
        let draft = ComposeDraft {
            text: "fixed".into(),
            editing: Some("42".into()),
            ..ComposeDraft::default()
        };
        let send = SendDraft::new(&draft, "d1-0");
        assert_eq!(
            (send.method(), send.path().as_str()),
            (Method::Put, "/api/v1/statuses/42")
        );
        assert_eq!(send.idempotency_key(), None);
        let Some(Body::Json(body)) = send.body() else {
            panic!("an edit is JSON");
        };
        assert_eq!(body["status"], "fixed");
    }

    #[test]
    fn a_status_and_a_scheduled_status_read_apart() {
        let send = SendDraft::new(&ComposeDraft::default(), "k");
        assert_eq!(
            send.read(r#"{"id":"9","url":"https://x.org/@a/9","content":"<p>hi</p>"}"#),
            Ok(Posted::Status {
                id: "9".into(),
                url: Some("https://x.org/@a/9".into())
            })
        );
        assert_eq!(
            send.read(
                r#"{"id":"3","scheduled_at":"2030-01-01T00:00:00.000Z","params":{"text":"later"}}"#
            ),
            Ok(Posted::Scheduled {
                id: "3".into(),
                at: "2030-01-01T00:00:00.000Z".into()
            })
        );
        assert!(matches!(
            send.read(r#"{"id":""}"#),
            Err(ApiError::Malformed { .. })
        ));
        assert!(matches!(send.read("[]"), Err(ApiError::Malformed { .. })));
    }

    #[test]
    fn only_passing_failures_are_retried_with_growing_waits() {
        let failed = ApiError::ServerFailed { status: 503 };
        let slow = ApiError::Timeout {
            server: "x.org".into(),
        };
        assert_eq!(retry_delay_ms(1, &failed), Some(1000));
        assert_eq!(retry_delay_ms(2, &slow), Some(2000));
        assert_eq!(retry_delay_ms(3, &failed), Some(4000));
        assert_eq!(retry_delay_ms(SEND_ATTEMPTS, &failed), None);
        let refused = ApiError::Rejected {
            message: "too long".into(),
        };
        assert_eq!(retry_delay_ms(1, &refused), None);
        assert_eq!(
            retry_delay_ms(1, &ApiError::Unreachable { server: "x".into() }),
            None
        );
        assert!(is_offline(&ApiError::Unreachable { server: "x".into() }));
        assert!(!is_offline(&failed));
    }
}
