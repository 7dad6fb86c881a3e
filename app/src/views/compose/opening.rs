//! Which draft the composer opens, and keeping it: saved as the reader
//! types, and not left behind without a word.

use std::time::Duration;

use leptos::prelude::*;

use crate::api::compose::ComposeDraft;
use crate::browser::idb::{self, Store};
use crate::state::{drafts, handoff};

/// How long typing must pause before the draft is saved.
const SAVE_AFTER: Duration = Duration::from_millis(300);

/// Where the composer's draft comes from.
#[derive(Clone, Debug)]
pub enum Opening {
    /// The compose page: a handed-off draft, else `draft_id`, else the
    /// one open last.
    Page { draft_id: Option<String> },
    /// The box on the home timeline: the one open last.
    Box,
}

/// Whether a post from this draft is waiting in the outbox already: then
/// it is not a draft any more.
async fn in_outbox(account: &str, draft_id: &str) -> bool {
    idb::list_json::<crate::api::compose::OutboxEntry>(Store::Outbox, &format!("{account}/"))
        .await
        .unwrap_or_default()
        .iter()
        .any(|(_, entry)| entry.draft.id == draft_id)
}

/// The draft to open for `account`.
pub async fn open(account: &str, opening: Opening) -> ComposeDraft {
    let handed = match &opening {
        Opening::Page { .. } => handoff::take(),
        Opening::Box => None,
    };
    let wanted = match opening {
        Opening::Page { draft_id: Some(id) } => Some(id),
        _ => drafts::current(account),
    };
    let mut saved = None;
    if let (None, Some(id)) = (&handed, wanted)
        && !in_outbox(account, &id).await
    {
        saved = drafts::load(account, &id).await;
    }
    let mut draft = handed.or(saved).unwrap_or_default();
    if draft.id.is_empty() {
        draft.id = drafts::new_id();
    }
    draft.account = account.to_string();
    drafts::set_current(account, Some(&draft.id));
    draft
}

/// A new draft after `sent`, keeping the reader's choices of visibility
/// and language.
pub fn next_draft(sent: &ComposeDraft) -> ComposeDraft {
    let id = drafts::new_id();
    drafts::set_current(&sent.account, Some(&id));
    ComposeDraft {
        id,
        account: sent.account.clone(),
        visibility: sent.visibility.clone(),
        language: sent.language.clone(),
        ..ComposeDraft::default()
    }
}

/// Saves the draft a moment after each change, once `ready`.
pub fn autosave(draft: RwSignal<ComposeDraft>, ready: RwSignal<bool>) {
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        draft.track();
        if !ready.get() {
            return;
        }
        let Some(mine) = generation.try_update_value(|count| {
            *count += 1;
            *count
        }) else {
            return;
        };
        set_timeout(
            move || {
                if generation.try_get_value() != Some(mine) {
                    return;
                }
                let Some(mut latest) = draft.try_get_untracked() else {
                    return;
                };
                latest.updated_at = js_sys::Date::now();
                leptos::task::spawn_local(async move {
                    let _ = drafts::save(&latest).await;
                });
            },
            SAVE_AFTER,
        );
    });
}

/// Asks before the page is left with a draft not yet sent.
pub fn ask_before_leaving(draft: RwSignal<ComposeDraft>) {
    let listener = window_event_listener(leptos::ev::beforeunload, move |event| {
        if draft.try_with_untracked(|draft| !draft.is_blank()) == Some(true) {
            event.prevent_default();
            event.set_return_value("");
        }
    });
    on_cleanup(move || listener.remove());
}
