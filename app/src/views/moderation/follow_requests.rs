//! Who asks to follow the reader, each to accept or reject. The page
//! around it gives the title and asks a signed-out reader to sign in.

use leptos::prelude::*;

use super::super::account_ask::{ask, ask_page};
use super::super::error_notice::ErrorNotice;
use super::super::in_view::ViewTasks;
use super::super::tr;
use crate::api::actions::{authorize_follow_request, follow_requests, reject_follow_request};
use crate::api::{Account, ApiError};
use crate::i18n::{AccountWords as W, Message, Text};
use crate::route::Route;
use crate::sanitize::emoji::name_html;
use crate::state::app_state;
use crate::state::session::session;

#[derive(Clone)]
enum Phase {
    Loading,
    Ready,
    Failed(ApiError),
}

#[component]
pub fn FollowRequestsPage() -> impl IntoView {
    let session = session();
    let server = StoredValue::new(session.server.clone());
    let session = StoredValue::new(session);
    let tasks = StoredValue::new(ViewTasks::here());
    let state = app_state();
    let requests = RwSignal::new(Vec::<Account>::new());
    let next = RwSignal::new(None::<String>);
    let phase = RwSignal::new(Phase::Loading);

    // Loads the page after the ones shown, or the first.
    let load_more = move || {
        phase.set(Phase::Loading);
        let (session, after) = (session.get_value(), next.get_untracked());
        tasks.get_value().spawn(async move {
            match ask_page(&session, &follow_requests(after.as_deref())).await {
                Ok((found, page)) => {
                    requests.try_update(|shown| shown.extend(found));
                    next.try_set(page.next);
                    phase.try_set(Phase::Ready);
                }
                Err(error) => {
                    phase.try_set(Phase::Failed(error));
                }
            }
        });
    };
    load_more();

    // The request leaves the list at once and comes back if the server
    // refuses the answer.
    let answer = move |account: Account, accept: bool| {
        let Some(at) =
            requests.with_untracked(|shown| shown.iter().position(|a| a.id == account.id))
        else {
            return;
        };
        requests.update(|shown| {
            shown.remove(at);
        });
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            let sent = if accept {
                ask(&session, &authorize_follow_request(&account.id))
                    .await
                    .map(drop)
            } else {
                ask(&session, &reject_follow_request(&account.id))
                    .await
                    .map(drop)
            };
            if let Err(error) = sent {
                requests.try_update(|shown| shown.insert(at.min(shown.len()), account));
                state.notice.set(Some(Message::ServerError(error)));
            }
        });
    };

    let entry = move |account: Account| {
        let profile = Route::Profile {
            server: server.get_value(),
            acct: account.acct.clone(),
        }
        .to_fragment();
        let name = name_html(account.name(), &account.emojis);
        let (accepted, rejected) = (account.clone(), account.clone());
        view! {
            <li class="follow-request" data-account-id=account.id.clone()>
                <a href=profile>
                    <span class="name" inner_html=name></span>
                    " "<span class="acct">{format!("@{}", account.acct)}</span>
                </a>
                <button type="button" data-action="authorize" on:click=move |_| answer(accepted.clone(), true)>
                    {tr(W::Accept)}
                </button>
                <button type="button" data-action="reject" on:click=move |_| answer(rejected.clone(), false)>
                    {tr(W::Reject)}
                </button>
            </li>
        }
    };
    let footer = move || {
        match phase.get() {
        Phase::Loading => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
        Phase::Failed(error) => view! {
            <ErrorNotice error=error retry=Callback::new(move |_| load_more()) server=server.get_value() />
        }
        .into_any(),
        Phase::Ready if next.get().is_some() => view! {
            <button type="button" class="more" on:click=move |_| load_more()>{tr(W::More)}</button>
        }
        .into_any(),
        Phase::Ready if requests.with(Vec::is_empty) => {
            view! { <p class="empty">{tr(W::NoFollowRequests)}</p> }.into_any()
        }
        Phase::Ready => ().into_any(),
    }
    };
    view! {
        <ul class="follow-requests" aria-label=tr(W::FollowRequests)>
            {move || requests.get().into_iter().map(entry).collect_view()}
        </ul>
        {footer}
    }
}
