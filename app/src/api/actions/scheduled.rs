//! Scheduled posts: listed, moved to another time, or cancelled. A post
//! is scheduled by posting with `scheduled_at`; what the server keeps is
//! the post's parameters, which can go back to the composer.

use serde::Deserialize;
use serde_json::Value;

use super::super::compose::{ComposeDraft, PollChoices};
use super::super::lenient::{id, null_default};
use super::super::oauth::form;
use super::super::request::{Body, Call, Method, segment};

/// Mastodon publishes at once anything scheduled sooner than this.
pub const MIN_LEAD_MS: f64 = 5.0 * 60.0 * 1000.0;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ScheduledStatus {
    #[serde(deserialize_with = "id")]
    pub id: String,
    /// ISO 8601.
    #[serde(default, deserialize_with = "null_default")]
    pub scheduled_at: String,
    #[serde(default, deserialize_with = "null_default")]
    pub params: ScheduledParams,
}

/// The post as it was sent. Servers keep what they were given, so each
/// field is read leniently: a number where a string was expected, or a
/// form-encoded flag, must not hide the whole list.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ScheduledParams {
    #[serde(deserialize_with = "loose_text")]
    pub text: String,
    #[serde(deserialize_with = "loose_text")]
    pub spoiler_text: String,
    #[serde(deserialize_with = "loose_text")]
    pub visibility: String,
    #[serde(deserialize_with = "loose_text")]
    pub language: String,
    #[serde(deserialize_with = "loose_text")]
    pub in_reply_to_id: String,
    #[serde(deserialize_with = "loose_flag")]
    pub sensitive: bool,
    pub poll: Option<Value>,
}

fn loose_text<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    Ok(match Value::deserialize(deserializer)? {
        Value::String(text) => text,
        Value::Number(number) => number.to_string(),
        _ => String::new(),
    })
}

fn loose_flag<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
    Ok(flag(&Value::deserialize(deserializer)?))
}

fn flag(value: &Value) -> bool {
    match value {
        Value::Bool(flag) => *flag,
        Value::String(text) => matches!(text.as_str(), "true" | "1" | "on"),
        Value::Number(number) => number.as_u64() == Some(1),
        _ => false,
    }
}

impl ScheduledParams {
    /// The poll, if it reads as one: options, duration, multiple choice.
    pub fn poll_choices(&self) -> Option<PollChoices> {
        let poll = self.poll.as_ref()?;
        let options: Vec<String> = poll
            .get("options")?
            .as_array()?
            .iter()
            .filter_map(|option| option.as_str().map(str::to_string))
            .collect();
        let expires_in = match poll.get("expires_in") {
            Some(Value::Number(number)) => number.as_u64(),
            Some(Value::String(text)) => text.parse().ok(),
            _ => None,
        };
        Some(PollChoices {
            options,
            expires_in: expires_in.unwrap_or_default(),
            multiple: poll.get("multiple").is_some_and(flag),
        })
    }
}

impl ScheduledStatus {
    /// A draft for the composer with everything this post says, for the
    /// reader to change and schedule again. Its media stay with the
    /// scheduled post, which the server does not hand back for reuse.
    pub fn to_draft(&self, draft_id: String) -> ComposeDraft {
        let params = &self.params;
        let some = |text: &str| (!text.is_empty()).then(|| text.to_string());
        ComposeDraft {
            id: draft_id,
            text: params.text.clone(),
            spoiler_text: params.spoiler_text.clone(),
            sensitive: params.sensitive,
            visibility: some(&params.visibility),
            language: some(&params.language),
            in_reply_to_id: some(&params.in_reply_to_id),
            poll: params.poll_choices(),
            scheduled_at: some(&self.scheduled_at),
            ..ComposeDraft::default()
        }
    }
}

/// `GET /api/v1/scheduled_statuses`, the soonest first as servers send it.
pub fn scheduled_statuses() -> Call<Vec<ScheduledStatus>> {
    Call::new(Method::Get, "/api/v1/scheduled_statuses?limit=40".into())
}

/// `PUT /api/v1/scheduled_statuses/:id`: moves the post to `at` (ISO 8601).
pub fn reschedule(id: &str, at: &str) -> Call<ScheduledStatus> {
    Call::new(
        Method::Put,
        format!("/api/v1/scheduled_statuses/{}", segment(id)),
    )
    .with_body(Body::Form(form(&[("scheduled_at", at)])))
}

/// `DELETE /api/v1/scheduled_statuses/:id`. The answer is an empty object.
pub fn cancel_scheduled(id: &str) -> Call<Value> {
    Call::new(
        Method::Delete,
        format!("/api/v1/scheduled_statuses/{}", segment(id)),
    )
}

/// Whether a post due at `at_ms` would be scheduled rather than published
/// at once, at `now_ms` (both milliseconds since the epoch).
pub fn far_enough_ahead(at_ms: f64, now_ms: f64) -> bool {
    at_ms.is_finite() && at_ms - now_ms >= MIN_LEAD_MS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Request;

    const LIST: &str = r#"[
      {"id":"3","scheduled_at":"2026-12-03T09:30:00.000Z","media_attachments":[],
       "params":{"text":"Ferry times for tomorrow","spoiler_text":"boats","visibility":"unlisted",
                 "language":"en","sensitive":"true","in_reply_to_id":null,
                 "poll":{"options":["early","late"],"expires_in":"3600","multiple":true},
                 "idempotency":null,"application_id":7}},
      {"id":4,"scheduled_at":null,"params":null}
    ]"#;

    #[test]
    fn scheduled_posts_read_with_their_parameters() {
        let list = scheduled_statuses().read(LIST).unwrap();
        assert_eq!(list.len(), 2);
        let first = &list[0];
        assert_eq!(first.scheduled_at, "2026-12-03T09:30:00.000Z");
        assert_eq!(first.params.text, "Ferry times for tomorrow");
        assert!(first.params.sensitive);
        let poll = first.params.poll_choices().unwrap();
        assert_eq!(poll.options, ["early", "late"]);
        assert_eq!((poll.expires_in, poll.multiple), (3600, true));
        assert_eq!(list[1].id, "4");
        assert_eq!(list[1].params, ScheduledParams::default());
        assert_eq!(list[1].params.poll_choices(), None);
    }

    #[test]
    fn a_scheduled_post_goes_back_to_the_composer_whole() {
        let list = scheduled_statuses().read(LIST).unwrap();
        let draft = list[0].to_draft("d9".into());
        assert_eq!(draft.id, "d9");
        assert_eq!(draft.text, "Ferry times for tomorrow");
        assert_eq!(draft.spoiler_text, "boats");
        assert_eq!(draft.visibility.as_deref(), Some("unlisted"));
        assert_eq!(draft.language.as_deref(), Some("en"));
        assert_eq!(draft.in_reply_to_id, None);
        assert_eq!(
            draft.scheduled_at.as_deref(),
            Some("2026-12-03T09:30:00.000Z")
        );
        assert!(draft.sensitive && draft.poll.is_some());
        assert!(draft.editing.is_none(), "a new post, not an edit");
    }

    #[test]
    fn moving_and_cancelling_follow_the_api() {
        let moving = reschedule("3", "2026-12-03T10:00:00.000Z");
        assert_eq!(
            (moving.method(), moving.path().as_str()),
            (Method::Put, "/api/v1/scheduled_statuses/3")
        );
        assert_eq!(
            moving.body(),
            Some(Body::Form(
                "scheduled_at=2026-12-03T10%3A00%3A00.000Z".into()
            ))
        );
        let cancelling = cancel_scheduled("3/x");
        assert_eq!(
            (cancelling.method(), cancelling.path().as_str()),
            (Method::Delete, "/api/v1/scheduled_statuses/3%2Fx")
        );
        assert_eq!(cancelling.body(), None);
    }

    #[test]
    fn only_five_minutes_ahead_or_more_is_scheduled() {
        let now = 1_000_000_000.0;
        assert!(far_enough_ahead(now + MIN_LEAD_MS, now));
        assert!(far_enough_ahead(now + 3_600_000.0, now));
        assert!(!far_enough_ahead(now + MIN_LEAD_MS - 1.0, now));
        assert!(!far_enough_ahead(now - 60_000.0, now));
        assert!(!far_enough_ahead(f64::NAN, now));
    }
}
