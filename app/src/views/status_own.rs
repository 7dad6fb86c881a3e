//! What an author does to their own post: edit it, delete it, or delete
//! it and write it again. Deleting asks first, in the bar itself.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::status_button::{ActionButton, Click};
use super::status_toggle::failed;
use super::tr;
use crate::api::actions;
use crate::api::compose::ComposeDraft;
use crate::api::{ServerAddr, Status};
use crate::browser::location::navigate;
use crate::i18n::actions::ActionWords;
use crate::route::Route;
use crate::state::app_state;
use crate::state::handoff::hand_to_composer;
use crate::state::session::session;

/// Random bytes in a draft's id: enough that two never meet.
const DRAFT_ID_BYTES: usize = 12;

/// Gives `draft` a fresh id and hands it to the composer, which opens.
pub fn hand_over(mut draft: ComposeDraft, server: &ServerAddr) {
    draft.id = crate::browser::crypto::random_token(DRAFT_ID_BYTES)
        .unwrap_or_else(|| format!("d{}", js_sys::Date::now() as u64));
    draft.updated_at = js_sys::Date::now();
    hand_to_composer(&draft);
    navigate(&Route::Compose {
        server: server.clone(),
        draft: None,
    });
}

/// Which deletion the reader is being asked to confirm.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Deleting {
    Delete,
    Redraft,
}

/// Edit, delete and redraft, for the author's own post.
pub fn own_actions(status: Status, my_acct: String, removed: RwSignal<bool>) -> AnyView {
    let state = app_state();
    let session = StoredValue::new(session());
    let asking = RwSignal::new(None::<Deleting>);
    let busy = RwSignal::new(false);
    let status = StoredValue::new(status);
    let my_acct = StoredValue::new(my_acct);
    let edit = move || {
        let (Some(session), Some(status)) = (session.try_get_value(), status.try_get_value())
        else {
            return;
        };
        let my_acct = my_acct.get_value();
        busy.set(true);
        spawn_local(async move {
            match session.ask(&actions::source(&status.id)).await {
                Ok(source) => {
                    let draft = ComposeDraft::edit_of(
                        &status,
                        &source.text,
                        &source.spoiler_text,
                        &my_acct,
                    );
                    hand_over(draft, &session.server);
                }
                Err(error) => failed(state, error),
            }
            busy.try_set(false);
        });
    };
    let confirm = move |_| {
        let (Some(session), Some(status), Some(which)) = (
            session.try_get_value(),
            status.try_get_value(),
            asking.get_untracked(),
        ) else {
            return;
        };
        let my_acct = my_acct.get_value();
        busy.set(true);
        spawn_local(async move {
            match session.ask(&actions::delete(&status.id)).await {
                Ok(deleted) => {
                    removed.try_set(true);
                    if which == Deleting::Redraft {
                        let draft =
                            ComposeDraft::redraft_of(&status, deleted.text.as_deref(), &my_acct);
                        hand_over(draft, &session.server);
                    }
                }
                Err(error) => failed(state, error),
            }
            asking.try_set(None);
            busy.try_set(false);
        });
    };
    let question = move || {
        asking.get().map(|which| {
            let words = match which {
                Deleting::Delete => ActionWords::ConfirmDelete,
                Deleting::Redraft => ActionWords::ConfirmRedraft,
            };
            let yes = match which {
                Deleting::Delete => ActionWords::Delete,
                Deleting::Redraft => ActionWords::Redraft,
            };
            view! {
                <span class="confirm" role="alert">
                    <span>{tr(words)}</span>
                    <button type="button" class="confirm-yes" disabled=move || busy.get() on:click=confirm>{tr(yes)}</button>
                    <button type="button" class="confirm-no" on:click=move |_| asking.set(None)>{tr(ActionWords::Cancel)}</button>
                </span>
            }
        })
    };
    let ask = |which| -> Click { Box::new(move || asking.set(Some(which))) };
    view! {
        {ActionButton {
            disabled: busy.into(),
            ..ActionButton::new("edit", "✎", ActionWords::Edit, Box::new(edit))
        }
        .view()}
        {ActionButton::new("delete", "🗑", ActionWords::Delete, ask(Deleting::Delete)).view()}
        {ActionButton::new("redraft", "♻", ActionWords::Redraft, ask(Deleting::Redraft)).view()}
        {question}
    }
    .into_any()
}
