//! A draft as the composer holds it and the drafts store keeps it: every
//! choice the reader made, and each attachment with its alt text and
//! focal point, so that nothing typed is lost to a reload or a crash.

use serde::{Deserialize, Serialize};

use super::super::actions::{Draft, PollDraft};
use super::super::status::Visibility;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComposeDraft {
    /// Unique to the draft; also the stem of its `Idempotency-Key`.
    pub id: String,
    /// The account it is written from (`user@server`).
    pub account: String,
    /// Milliseconds since the epoch, when it last changed.
    pub updated_at: f64,
    pub text: String,
    pub spoiler_text: String,
    pub sensitive: bool,
    /// The API's name (`public`, `unlisted`, `private`, `direct`, or a
    /// dialect's own); `None` leaves the account's default.
    pub visibility: Option<String>,
    pub language: Option<String>,
    pub in_reply_to_id: Option<String>,
    pub quoted_status_id: Option<String>,
    pub poll: Option<PollChoices>,
    /// An ISO 8601 time, for a scheduled post.
    pub scheduled_at: Option<String>,
    pub attachments: Vec<AttachmentDraft>,
    /// The status this draft edits, when it is an edit: an edit is sent
    /// with `PUT` and never posts anew.
    pub editing: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PollChoices {
    pub options: Vec<String>,
    /// Seconds.
    pub expires_in: u64,
    pub multiple: bool,
}

/// One picked file. Until the server has it, its bytes are kept beside
/// the draft under `local_id`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct AttachmentDraft {
    pub local_id: String,
    pub file_name: String,
    pub mime: String,
    /// The server's id, once uploaded.
    pub media_id: Option<String>,
    /// The server's preview, once uploaded.
    pub preview_url: Option<String>,
    /// True while the server is still processing it (a `202`).
    pub processing: bool,
    /// The alt text.
    pub description: String,
    /// The focal point, each from -1.0 to 1.0 as Mastodon counts.
    pub focus: Option<(f64, f64)>,
}

impl AttachmentDraft {
    /// Ready to be posted: uploaded and processed.
    pub fn ready(&self) -> bool {
        self.media_id.is_some() && !self.processing
    }
}

/// Poll durations offered, in seconds: five minutes to a week.
const POLL_DURATIONS: [u64; 8] = [300, 1800, 3600, 21_600, 43_200, 86_400, 259_200, 604_800];

/// What a new poll lasts unless the reader says otherwise: a day.
const DEFAULT_POLL_DURATION: u64 = 86_400;

impl PollChoices {
    /// A new poll: two empty choices, lasting a day or as near to it as
    /// the server allows.
    pub fn fresh(min_seconds: u64, max_seconds: u64) -> Self {
        let durations = poll_durations(min_seconds, max_seconds);
        let expires_in = durations
            .iter()
            .copied()
            .min_by_key(|seconds| seconds.abs_diff(DEFAULT_POLL_DURATION))
            .unwrap_or(DEFAULT_POLL_DURATION);
        Self {
            options: vec![String::new(), String::new()],
            expires_in,
            multiple: false,
        }
    }
}

/// The durations a server with these bounds accepts, shortest first; its
/// bounds themselves when none of the usual ones fit between them.
pub fn poll_durations(min_seconds: u64, max_seconds: u64) -> Vec<u64> {
    let fitting: Vec<u64> = POLL_DURATIONS
        .into_iter()
        .filter(|seconds| (min_seconds..=max_seconds).contains(seconds))
        .collect();
    if !fitting.is_empty() {
        return fitting;
    }
    let mut bounds = vec![min_seconds.min(max_seconds)];
    if max_seconds > min_seconds {
        bounds.push(max_seconds);
    }
    bounds
}

impl ComposeDraft {
    /// Moves the attachment `local_id` by `steps` places (negative is
    /// earlier), stopping at either end.
    pub fn move_attachment(&mut self, local_id: &str, steps: isize) {
        let Some(from) = self
            .attachments
            .iter()
            .position(|attachment| attachment.local_id == local_id)
        else {
            return;
        };
        let last = self.attachments.len() - 1;
        let to = from.saturating_add_signed(steps).min(last);
        let attachment = self.attachments.remove(from);
        self.attachments.insert(to, attachment);
    }

    pub fn attachment_mut(&mut self, local_id: &str) -> Option<&mut AttachmentDraft> {
        self.attachments
            .iter_mut()
            .find(|attachment| attachment.local_id == local_id)
    }

    /// Whether every attachment can be posted.
    pub fn media_ready(&self) -> bool {
        self.attachments.iter().all(AttachmentDraft::ready)
    }
}

impl ComposeDraft {
    /// A draft with nothing in it worth keeping.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
            && self.spoiler_text.trim().is_empty()
            && self.attachments.is_empty()
            && self.poll.is_none()
    }

    pub fn visibility(&self) -> Option<Visibility> {
        self.visibility.as_deref().map(|name| match name {
            "public" => Visibility::Public,
            "unlisted" => Visibility::Unlisted,
            "private" => Visibility::Private,
            "direct" => Visibility::Direct,
            other => Visibility::Other(other.to_string()),
        })
    }

    /// What goes to the server. A poll and media cannot go together, so
    /// media win only when there is no poll.
    pub fn to_draft(&self) -> Draft {
        let poll = self.poll.as_ref().map(|poll| PollDraft {
            options: poll.options.clone(),
            expires_in: poll.expires_in,
            multiple: poll.multiple,
        });
        let media_ids = if poll.is_some() {
            Vec::new()
        } else {
            self.attachments
                .iter()
                .filter_map(|attachment| attachment.media_id.clone())
                .collect()
        };
        Draft {
            text: self.text.clone(),
            spoiler_text: self.spoiler_text.clone(),
            sensitive: self.sensitive,
            visibility: self.visibility(),
            language: self.language.clone(),
            in_reply_to_id: self.in_reply_to_id.clone(),
            media_ids,
            poll,
            scheduled_at: self.scheduled_at.clone(),
            quoted_status_id: self.quoted_status_id.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_draft_round_trips_and_becomes_a_request() {
        let draft = ComposeDraft {
            id: "d1".into(),
            text: "hello".into(),
            visibility: Some("unlisted".into()),
            attachments: vec![AttachmentDraft {
                local_id: "f1".into(),
                media_id: Some("m1".into()),
                description: "a cat".into(),
                focus: Some((0.5, -0.25)),
                ..AttachmentDraft::default()
            }],
            ..ComposeDraft::default()
        };
        let text = serde_json::to_string(&draft).unwrap();
        assert_eq!(serde_json::from_str::<ComposeDraft>(&text).unwrap(), draft);
        let request = draft.to_draft();
        assert_eq!(request.visibility, Some(Visibility::Unlisted));
        assert_eq!(request.media_ids, ["m1"]);
        assert!(!draft.is_blank() && ComposeDraft::default().is_blank());
    }

    #[test]
    fn a_poll_leaves_media_out() {
        let draft = ComposeDraft {
            poll: Some(PollChoices {
                options: vec!["a".into(), "b".into()],
                expires_in: 3600,
                multiple: false,
            }),
            attachments: vec![AttachmentDraft {
                media_id: Some("m1".into()),
                ..AttachmentDraft::default()
            }],
            ..ComposeDraft::default()
        };
        let request = draft.to_draft();
        assert!(request.media_ids.is_empty() && request.poll.is_some());
    }

    #[test]
    fn an_old_saved_draft_with_missing_fields_still_reads() {
        let draft: ComposeDraft = serde_json::from_str(r#"{"id":"x","text":"t"}"#).unwrap();
        assert_eq!((draft.id.as_str(), draft.text.as_str()), ("x", "t"));
        assert!(draft.attachments.is_empty());
    }

    #[test]
    fn attachments_move_within_the_list_and_stop_at_its_ends() {
        let named = |ids: &[&str]| ComposeDraft {
            attachments: ids
                .iter()
                .map(|id| AttachmentDraft {
                    local_id: id.to_string(),
                    ..AttachmentDraft::default()
                })
                .collect(),
            ..ComposeDraft::default()
        };
        let order = |draft: &ComposeDraft| -> Vec<String> {
            draft
                .attachments
                .iter()
                .map(|a| a.local_id.clone())
                .collect()
        };
        let mut draft = named(&["a", "b", "c"]);
        draft.move_attachment("c", -1);
        assert_eq!(order(&draft), ["a", "c", "b"]);
        draft.move_attachment("a", -1);
        assert_eq!(order(&draft), ["a", "c", "b"]);
        draft.move_attachment("a", 5);
        assert_eq!(order(&draft), ["c", "b", "a"]);
        draft.move_attachment("nobody", 1);
        assert_eq!(order(&draft), ["c", "b", "a"]);
        draft.attachment_mut("b").unwrap().description = "alt".into();
        assert_eq!(draft.attachments[1].description, "alt");
        assert!(!draft.media_ready());
        for attachment in &mut draft.attachments {
            attachment.media_id = Some("m".into());
        }
        assert!(draft.media_ready());
        draft.attachments[0].processing = true;
        assert!(!draft.media_ready());
    }

    #[test]
    fn poll_durations_keep_within_the_servers_bounds() {
        // Mastodon: five minutes to a month.
        assert_eq!(
            poll_durations(300, 2_629_746),
            [300, 1800, 3600, 21_600, 43_200, 86_400, 259_200, 604_800]
        );
        assert_eq!(poll_durations(3600, 43_200), [3600, 21_600, 43_200]);
        assert_eq!(poll_durations(4000, 5000), [4000, 5000]);
        assert_eq!(poll_durations(600, 600), [600]);
        assert_eq!(PollChoices::fresh(300, 2_629_746).expires_in, 86_400);
        assert_eq!(PollChoices::fresh(300, 3600).expires_in, 3600);
        let fresh = PollChoices::fresh(300, 604_800);
        assert_eq!(fresh.options, ["", ""]);
        assert!(!fresh.multiple);
    }
}
