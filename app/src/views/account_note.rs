//! The reader's private note on an account, which only they see.

use leptos::prelude::*;

use super::account_ask::ask;
use super::in_view::ViewTasks;
use super::tr;
use crate::api::actions::note;
use crate::i18n::{AccountWords as W, Message};
use crate::state::app_state;
use crate::state::session::session;

#[component]
pub fn AccountNote(account_id: String, initial: String) -> impl IntoView {
    let text = RwSignal::new(initial);
    let saved = RwSignal::new(false);
    let saving = RwSignal::new(false);
    let tasks = StoredValue::new(ViewTasks::here());
    let session = StoredValue::new(session());
    let id = StoredValue::new(account_id);
    let state = app_state();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if saving.get_untracked() {
            return;
        }
        saving.set(true);
        let (session, request) = (
            session.get_value(),
            note(&id.get_value(), &text.get_untracked()),
        );
        tasks.get_value().spawn(async move {
            match ask(&session, &request).await {
                Ok(answer) => {
                    text.try_set(answer.note);
                    saved.try_set(true);
                }
                Err(error) => state.notice.set(Some(Message::ServerError(error))),
            }
            saving.try_set(false);
        });
    };
    view! {
        <form class="account-note" on:submit=save>
            <label>
                {tr(W::PrivateNote)}
                <textarea name="comment" prop:value=move || text.get()
                    on:input=move |ev| {
                        text.set(event_target_value(&ev));
                        saved.set(false);
                    }></textarea>
            </label>
            <button type="submit" disabled=move || saving.get()>{tr(W::SaveNote)}</button>
            {move || saved.get().then(|| view! { <span class="note-saved" role="status">{tr(W::NoteSaved)}</span> })}
        </form>
    }
}
