//! Putting an account in or out of the reader's lists from its profile.

use leptos::prelude::*;
use serde::de::IgnoredAny;

use super::account_ask::ask;
use super::in_view::{ViewTasks, load};
use super::tr;
use crate::api::actions::{add_to_list, lists_holding, remove_from_list};
use crate::api::{ApiError, Lists, UserList};
use crate::i18n::{AccountWords as W, Message};
use crate::state::app_state;
use crate::state::session::{Session, session};

/// The reader's lists, and the IDs of those that hold the account.
async fn lists_and_members(
    session: Session,
    account_id: String,
) -> Result<(Vec<UserList>, Vec<String>), ApiError> {
    let lists = ask(&session, &Lists).await?;
    let holding = ask(&session, &lists_holding(&account_id)).await?;
    Ok((lists, holding.into_iter().map(|list| list.id).collect()))
}

#[component]
pub fn AccountLists(account_id: String) -> impl IntoView {
    let id = StoredValue::new(account_id);
    let loaded = load(move |session| lists_and_members(session, id.get_value()));
    let holding = RwSignal::new(Vec::<String>::new());
    let busy = RwSignal::new(false);
    let tasks = StoredValue::new(ViewTasks::here());
    let session = StoredValue::new(session());
    let state = app_state();
    Effect::new(move || {
        if let Some(Ok((_, members))) = loaded.get() {
            holding.set(members);
        }
    });
    let toggle = move |list_id: String, add: bool| {
        if busy.get_untracked() {
            return;
        }
        let before = holding.get_untracked();
        holding.update(|ids| {
            ids.retain(|id| *id != list_id);
            if add {
                ids.push(list_id.clone());
            }
        });
        busy.set(true);
        let account = id.get_value();
        let request = if add {
            add_to_list(&list_id, &account)
        } else {
            remove_from_list(&list_id, &account)
        };
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            let answer: Result<IgnoredAny, ApiError> = ask(&session, &request).await;
            if let Err(error) = answer {
                holding.try_set(before);
                state.notice.set(Some(Message::ServerError(error)));
            }
            busy.try_set(false);
        });
    };
    let entries = move || {
        match loaded.get() {
        Some(Ok((lists, _))) if lists.is_empty() => {
            Some(view! { <p class="no-lists">{tr(W::NoListsYet)}</p> }.into_any())
        }
        Some(Ok((lists, _))) => Some(
            lists
                .into_iter()
                .map(|list| {
                    let list_id = StoredValue::new(list.id.clone());
                    view! {
                        <label class="account-list">
                            <input type="checkbox" name="list" value=list.id.clone() data-list-id=list.id
                                prop:checked=move || holding.with(|ids| ids.contains(&list_id.get_value()))
                                disabled=move || busy.get()
                                on:change=move |ev| toggle(list_id.get_value(), event_target_checked(&ev)) />
                            {list.title}
                        </label>
                    }
                })
                .collect_view()
                .into_any(),
        ),
        // A reader without lists, or a server without them, loses nothing
        // else on the profile: the rest stays usable.
        Some(Err(_)) | None => None,
    }
    };
    view! {
        <fieldset class="account-lists">
            <legend>{tr(W::InYourLists)}</legend>
            {entries}
        </fieldset>
    }
}
