//! One `Idempotency-Key` per draft: a retry of the same content reuses
//! it, so a post whose answer was lost is not posted twice; a changed
//! draft gets a new one, since the server replays the first post it saw
//! under a key whatever the body says.

use super::super::actions::Draft;

#[derive(Clone, Debug, PartialEq)]
pub struct DraftKey {
    draft_id: String,
    revision: u64,
    last_sent: Option<Draft>,
}

impl DraftKey {
    /// `draft_id` must be unique to the draft, e.g. random or a time.
    pub fn new(draft_id: impl Into<String>) -> Self {
        Self {
            draft_id: draft_id.into(),
            revision: 0,
            last_sent: None,
        }
    }

    /// The key to send `draft` under now.
    pub fn key_for(&mut self, draft: &Draft) -> String {
        match &self.last_sent {
            Some(sent) if sent == draft => {}
            Some(_) => {
                self.revision += 1;
                self.last_sent = Some(draft.clone());
            }
            None => self.last_sent = Some(draft.clone()),
        }
        format!("{}-{}", self.draft_id, self.revision)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Draft {
        Draft {
            text: text.into(),
            ..Draft::default()
        }
    }

    #[test]
    fn a_retry_keeps_the_key_and_a_change_makes_a_new_one() {
        let mut key = DraftKey::new("d1");
        let first = key.key_for(&draft("hello"));
        assert_eq!(key.key_for(&draft("hello")), first);
        let changed = key.key_for(&draft("hello!"));
        assert_ne!(changed, first);
        assert_eq!(key.key_for(&draft("hello!")), changed);
        let mut sensitive = draft("hello!");
        sensitive.sensitive = true;
        assert_ne!(key.key_for(&sensitive), changed);
        // Changing back is a new post too: the first one may exist already.
        assert_ne!(key.key_for(&draft("hello")), first);
    }

    #[test]
    fn different_drafts_never_share_a_key() {
        let same = draft("same");
        assert_ne!(
            DraftKey::new("a").key_for(&same),
            DraftKey::new("b").key_for(&same)
        );
    }
}
