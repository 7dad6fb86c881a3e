//! Drafts made from a published status: an edit of it, which the composer
//! sends back with `PUT`, or a fresh draft of a deleted one.

use super::super::status::{MediaAttachment, Poll, Status};
use super::draft::{AttachmentDraft, ComposeDraft, PollChoices};

/// How long a redrafted or edited poll runs when the old end cannot be
/// read: a day, Mastodon's default.
const DEFAULT_POLL_SECONDS: u64 = 86_400;

impl ComposeDraft {
    /// A draft editing `status`, from the `text` and `spoiler_text` the
    /// server keeps as its source. Visibility cannot change in an edit; it
    /// is kept so the composer shows it.
    pub fn edit_of(status: &Status, text: &str, spoiler_text: &str, my_acct: &str) -> Self {
        Self {
            editing: Some(status.id.clone()),
            ..Self::again(status, text, spoiler_text, my_acct)
        }
    }

    /// A new draft of a status just deleted, from the source `text` the
    /// deletion returned; a server that returns none leaves the text to
    /// be written again rather than showing its HTML.
    pub fn redraft_of(status: &Status, text: Option<&str>, my_acct: &str) -> Self {
        Self::again(
            status,
            text.unwrap_or_default(),
            &status.spoiler_text,
            my_acct,
        )
    }

    fn again(status: &Status, text: &str, spoiler_text: &str, my_acct: &str) -> Self {
        Self {
            account: my_acct.to_string(),
            text: text.to_string(),
            spoiler_text: spoiler_text.to_string(),
            sensitive: status.sensitive,
            visibility: Some(status.visibility.name().to_string()),
            language: status.language.clone(),
            in_reply_to_id: status.in_reply_to_id.clone(),
            poll: status.poll.as_ref().map(poll_choices),
            attachments: status.media_attachments.iter().map(attachment).collect(),
            ..Self::default()
        }
    }
}

fn poll_choices(poll: &Poll) -> PollChoices {
    PollChoices {
        options: poll
            .options
            .iter()
            .map(|option| option.title.clone())
            .collect(),
        expires_in: DEFAULT_POLL_SECONDS,
        multiple: poll.multiple,
    }
}

/// Media already on the server go with the draft by id, with their alt
/// text; Mastodon keeps them for a while after a deletion for this.
fn attachment(media: &MediaAttachment) -> AttachmentDraft {
    AttachmentDraft {
        local_id: media.id.clone(),
        media_id: Some(media.id.clone()),
        preview_url: media
            .preview_url
            .clone()
            .or_else(|| Some(media.url.clone())),
        description: media.description.clone().unwrap_or_default(),
        ..AttachmentDraft::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn published() -> Status {
        serde_json::from_value(serde_json::json!({
            "id": "9",
            "account": {"id": "1", "username": "ada", "acct": "ada"},
            "content": "<p>Engines &amp; numbers</p>",
            "spoiler_text": "maths",
            "sensitive": true,
            "visibility": "unlisted",
            "language": "en",
            "in_reply_to_id": "3",
            "media_attachments": [{"id": "m1", "type": "image", "url": "https://x/m1.png", "description": "a loom"}],
            "poll": {"id": "p", "options": [{"title": "yes"}, {"title": "no"}], "multiple": true}
        }))
        .unwrap()
    }

    #[test]
    fn an_edit_starts_from_the_source_and_names_the_status() {
        let draft = ComposeDraft::edit_of(&published(), "Engines & numbers", "maths!", "ada@x");
        assert_eq!(draft.editing.as_deref(), Some("9"));
        assert_eq!(draft.text, "Engines & numbers");
        assert_eq!(draft.spoiler_text, "maths!");
        assert!(draft.sensitive);
        assert_eq!(draft.visibility.as_deref(), Some("unlisted"));
        assert_eq!(draft.language.as_deref(), Some("en"));
        assert_eq!(draft.attachments[0].media_id.as_deref(), Some("m1"));
        assert_eq!(draft.attachments[0].description, "a loom");
        assert!(draft.attachments[0].ready());
        let poll = draft.poll.unwrap();
        assert_eq!(poll.options, ["yes", "no"]);
        assert!(poll.multiple);
    }

    #[test]
    fn a_redraft_is_a_new_post_with_the_returned_text() {
        let draft = ComposeDraft::redraft_of(&published(), Some("Engines & numbers"), "ada@x");
        assert_eq!(draft.editing, None);
        assert_eq!(draft.text, "Engines & numbers");
        assert_eq!(draft.spoiler_text, "maths");
        assert_eq!(draft.in_reply_to_id.as_deref(), Some("3"));
        let without = ComposeDraft::redraft_of(&published(), None, "ada@x");
        assert_eq!(without.text, "", "HTML is never pasted in as text");
    }
}
