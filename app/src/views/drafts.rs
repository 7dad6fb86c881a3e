//! The signed-in account's saved drafts, each to restore or discard, and
//! the posts waiting in the outbox.

use leptos::prelude::*;

use super::compose::{OutboxList, excerpt};
use super::in_view::ViewTasks;
use super::tr;
use crate::api::compose::ComposeDraft;
use crate::i18n::compose::ComposeWords as W;
use crate::route::Route;
use crate::state::drafts::{self, account_of};
use crate::state::session::session;

/// The drafts page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page() -> AnyView {
    view! { <DraftsView /> }.into_any()
}

#[component]
pub fn DraftsView() -> impl IntoView {
    let session = session();
    let Some(account) = account_of(crate::state::app_state(), &session) else {
        return view! { <super::start::SignInPrompt server=session.server.clone() /> }.into_any();
    };
    let saved = RwSignal::new(None::<Vec<ComposeDraft>>);
    let tasks = ViewTasks::here();
    {
        let account = account.clone();
        tasks.spawn(async move {
            saved.try_set(Some(drafts::list(&account).await));
        });
    }
    let server = session.server.clone();
    let list = move || {
        let Some(listed) = saved.get() else {
            return view! { <p class="loading" role="status">{tr(crate::i18n::Text::Loading)}</p> }
                .into_any();
        };
        if listed.is_empty() {
            return view! { <p class="empty">{tr(W::NoDrafts)}</p> }.into_any();
        }
        let items = listed
            .into_iter()
            .map(|draft| {
                let restore = Route::Compose {
                    server: server.clone(),
                    draft: Some(draft.id.clone()),
                }
                .to_fragment();
                let text = excerpt(&draft.spoiler_text, &draft.text);
                let shown = if text.trim().is_empty() { None } else { Some(text) };
                let (account, id) = (draft.account.clone(), draft.id.clone());
                let tasks = tasks.clone();
                let discard = move |_| {
                    let (account, id) = (account.clone(), id.clone());
                    tasks.spawn(async move {
                        let _ = drafts::discard(&account, &id).await;
                        saved.try_update(|saved| {
                            if let Some(saved) = saved {
                                saved.retain(|draft| draft.id != id);
                            }
                        });
                    });
                };
                view! {
                    <li class="draft" data-draft-id=draft.id.clone()>
                        <span class="excerpt">{match shown {
                            Some(text) => text.into_any(),
                            None => tr(W::Untitled).into_any(),
                        }}</span>" "
                        <a class="restore" href=restore>{tr(W::Restore)}</a>" "
                        <button type="button" class="discard" on:click=discard>{tr(W::Discard)}</button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="drafts">{items}</ul> }.into_any()
    };
    view! {
        <h1 class="view-title">{tr(W::Drafts)}</h1>
        {list}
        <OutboxList account=account />
    }
    .into_any()
}
