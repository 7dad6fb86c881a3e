//! A post waiting to be sent: made while the server could not be
//! reached, or sent and not yet answered. It keeps the idempotency key it
//! was first sent under, so however many times it goes, it posts once.

use serde::{Deserialize, Serialize};

use super::ComposeDraft;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct OutboxEntry {
    /// The account it is posted from (`user@server`).
    pub account: String,
    /// The `Idempotency-Key` every try of this post carries.
    pub key: String,
    /// Milliseconds since the epoch, when it was queued: the order sent.
    pub queued_at: f64,
    pub draft: ComposeDraft,
    /// Why the server refused it, when it did: it then waits for the
    /// reader, and is not tried again by itself.
    pub failure: Option<String>,
}

impl OutboxEntry {
    /// Where it is stored: by account, then in the order queued.
    pub fn storage_key(&self) -> String {
        outbox_key(&self.account, self.queued_at, &self.draft.id)
    }
}

/// The storage key of an entry; padded so that keys sort as times do.
pub fn outbox_key(account: &str, queued_at: f64, draft_id: &str) -> String {
    let millis = if queued_at.is_finite() && queued_at > 0.0 {
        queued_at as u64
    } else {
        0
    };
    format!("{account}/{millis:015}/{draft_id}")
}

/// The entries to try now, in the order given (the store keeps each
/// account's oldest first): those the server has not refused.
pub fn due(entries: &[OutboxEntry]) -> Vec<OutboxEntry> {
    entries
        .iter()
        .filter(|entry| entry.failure.is_none())
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(account: &str, queued_at: f64, id: &str) -> OutboxEntry {
        OutboxEntry {
            account: account.into(),
            key: format!("{id}-0"),
            queued_at,
            draft: ComposeDraft {
                id: id.into(),
                ..ComposeDraft::default()
            },
            failure: None,
        }
    }

    #[test]
    fn keys_sort_by_account_then_time() {
        let early = entry("ada@x.org", 999.0, "b").storage_key();
        let late = entry("ada@x.org", 1_700_000_000_000.0, "a").storage_key();
        assert_eq!(early, "ada@x.org/000000000000999/b");
        assert!(early < late);
        assert_eq!(outbox_key("a", f64::NAN, "d"), "a/000000000000000/d");
    }

    #[test]
    fn refused_entries_wait_and_the_rest_go_in_order() {
        let mut refused = entry("a", 1.0, "r");
        refused.failure = Some("too long".into());
        let entries = [
            entry("a", 20.0, "first"),
            refused,
            entry("a", 30.0, "second"),
        ];
        let ids: Vec<String> = due(&entries).into_iter().map(|e| e.draft.id).collect();
        assert_eq!(ids, ["first", "second"]);
    }

    #[test]
    fn an_entry_round_trips() {
        let entry = entry("a", 5.0, "d");
        let text = serde_json::to_string(&entry).unwrap();
        assert_eq!(serde_json::from_str::<OutboxEntry>(&text).unwrap(), entry);
    }
}
