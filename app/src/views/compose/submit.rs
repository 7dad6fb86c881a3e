//! Sending the draft: into the outbox first, then to the server, under
//! the draft's one idempotency key. What came of it is told to the
//! reader.

use leptos::prelude::*;

use super::opening::next_draft;
use crate::api::ApiError;
use crate::api::compose::{ComposeDraft, DraftKey, OutboxEntry, Posted, is_offline};
use crate::state::outbox::{online, outbox};
use crate::state::session::Session;

/// What the last send came to.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Posted(Posted),
    /// Waiting in the outbox for the server.
    Queued,
    Failed(ApiError),
}

/// The state of sending, for one form.
#[derive(Clone, Copy)]
pub struct Sender {
    pub sending: RwSignal<bool>,
    pub outcome: RwSignal<Option<Outcome>>,
    /// The key of the draft being written, kept through its retries.
    /// The draft's id beside it, so that another draft gets its own.
    key: StoredValue<Option<(String, DraftKey)>>,
}

impl Sender {
    /// Nothing sent yet.
    pub fn idle() -> Self {
        Self {
            sending: RwSignal::new(false),
            outcome: RwSignal::new(None),
            key: StoredValue::new(None),
        }
    }

    /// The idempotency key for `draft` as it is now: the same while it
    /// does not change, a new one once it does.
    fn key_for(self, draft: &ComposeDraft) -> String {
        let request = draft.to_draft();
        self.key
            .try_update_value(|kept| {
                if kept.as_ref().is_none_or(|(id, _)| id != &draft.id) {
                    *kept = Some((draft.id.clone(), DraftKey::new(draft.id.clone())));
                }
                kept.as_mut().map(|(_, key)| key.key_for(&request))
            })
            .flatten()
            .unwrap_or_else(|| format!("{}-0", draft.id))
    }

    /// Sends `draft`, once: a click while it is sending does nothing.
    pub fn send(self, session: Session, draft: RwSignal<ComposeDraft>) {
        if self.sending.get_untracked() {
            return;
        }
        self.sending.set(true);
        self.outcome.set(None);
        let written = draft.get_untracked();
        let entry = OutboxEntry {
            account: written.account.clone(),
            key: self.key_for(&written),
            queued_at: js_sys::Date::now(),
            draft: written.clone(),
            failure: None,
        };
        // Not tied to the view: a post once started is seen through even
        // if the reader moves on.
        let outbox = outbox();
        leptos::task::spawn_local(async move {
            let _ = outbox.queue(&entry).await;
            let result = if online() {
                outbox.send(&session, &entry).await
            } else {
                None
            };
            let outcome = match result {
                Some(Ok(posted)) => Outcome::Posted(posted),
                Some(Err(error)) if !is_offline(&error) => {
                    outbox.remove(&entry).await;
                    Outcome::Failed(error)
                }
                _ => Outcome::Queued,
            };
            if !matches!(outcome, Outcome::Failed(_)) {
                let _ = crate::state::drafts::discard(&written.account, &written.id).await;
                if draft.try_with_untracked(|open| open.id == written.id) == Some(true) {
                    draft.try_set(next_draft(&written));
                }
            }
            self.outcome.try_set(Some(outcome));
            self.sending.try_set(false);
        });
    }
}
