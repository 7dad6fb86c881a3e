//! The signed-in account's scheduled posts: each can move to another
//! time, be cancelled, or go back to the composer as a copy to edit.

use std::collections::HashMap;

use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::error_notice::ErrorNotice;
use super::in_view::{ViewTasks, load};
use super::start::SignInPrompt;
use super::tr;
use crate::api::ApiError;
use crate::api::actions::{
    ScheduledStatus, cancel_scheduled, far_enough_ahead, reschedule, scheduled_statuses,
};
use crate::browser::crypto::random_token;
use crate::browser::location::navigate;
use crate::i18n::media::{MediaWords, duration_label};
use crate::i18n::{Text, error_text};
use crate::route::Route;
use crate::state::handoff::hand_to_composer;
use crate::state::{app_state, session::session};

/// Why an action on a scheduled post did not happen.
#[derive(Clone, Debug, PartialEq)]
enum Problem {
    TooSoon,
    Failed(ApiError),
}

/// The scheduled posts page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page() -> AnyView {
    view! { <ScheduledView /> }.into_any()
}

/// The signed-in account's scheduled posts, to edit or cancel.
#[component]
pub fn ScheduledView() -> impl IntoView {
    let session = session();
    if !session.signed_in() {
        return view! { <h1 class="view-title">{tr(MediaWords::ScheduledPosts)}</h1><SignInPrompt server=session.server /> }
            .into_any();
    }
    let server = StoredValue::new(session.server.clone());
    let session = StoredValue::new(session);
    let tasks = StoredValue::new(ViewTasks::here());
    let list = load(|session| async move { session.ask(&scheduled_statuses()).await });
    let problems = RwSignal::new(HashMap::<String, Problem>::new());
    let settle = move |id: String, answer: Result<(), Problem>| {
        match answer {
            Ok(()) => {
                problems.update(|problems| {
                    problems.remove(&id);
                });
                list.reload();
            }
            Err(problem) => problems.update(|problems| {
                problems.insert(id, problem);
            }),
        };
    };
    let move_to = Callback::new(move |(id, local_time): (String, String)| {
        let at = js_sys::Date::new(&JsValue::from_str(&local_time));
        if !far_enough_ahead(at.get_time(), js_sys::Date::now()) {
            return settle(id, Err(Problem::TooSoon));
        }
        let iso = String::from(at.to_iso_string());
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            let answer = session.ask(&reschedule(&id, &iso)).await;
            settle(id, answer.map(drop).map_err(Problem::Failed));
        });
    });
    let cancel = Callback::new(move |id: String| {
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            let answer = session.ask(&cancel_scheduled(&id)).await;
            settle(id, answer.map(drop).map_err(Problem::Failed));
        });
    });
    let edit = Callback::new(move |status: ScheduledStatus| {
        let draft_id = format!(
            "scheduled-{}",
            random_token(9).unwrap_or_else(|| status.id.clone())
        );
        hand_to_composer(&status.to_draft(draft_id));
        navigate(&Route::Compose {
            server: server.get_value(),
            draft: None,
        });
    });
    view! {
        <h1 class="view-title">{tr(MediaWords::ScheduledPosts)}</h1>
        {move || match list.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
            Some(Ok(statuses)) if statuses.is_empty() => view! { <p class="empty">{tr(MediaWords::NothingScheduled)}</p> }.into_any(),
            Some(Ok(statuses)) => view! {
                <p class="scheduled-note">{tr(MediaWords::EditNote)}</p>
                <ul class="scheduled-list" aria-label=tr(MediaWords::ScheduledPosts)>
                    {statuses.into_iter().map(|status| {
                        let problem = Signal::derive({
                            let id = status.id.clone();
                            move || problems.with(|problems| problems.get(&id).cloned())
                        });
                        view! { <ScheduledItem status=status problem=problem move_to=move_to cancel=cancel edit=edit /> }
                    }).collect_view()}
                </ul>
            }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error=error retry=Callback::new(move |_| list.reload()) server=server.get_value() /> }.into_any(),
        }}
    }
    .into_any()
}

/// `iso` as the browser's `datetime-local` value, in the reader's zone.
fn local_input_value(iso: &str) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return String::new();
    }
    super::compose::local_input_value(&date)
}

/// `iso` in the reader's words for a date and time.
fn local_time_text(iso: &str, lang: crate::i18n::Lang) -> String {
    let date = js_sys::Date::new(&JsValue::from_str(iso));
    if date.get_time().is_nan() {
        return iso.to_string();
    }
    String::from(date.to_locale_string(lang.tag(), &JsValue::UNDEFINED))
}

#[component]
fn ScheduledItem(
    status: ScheduledStatus,
    problem: Signal<Option<Problem>>,
    move_to: Callback<(String, String)>,
    cancel: Callback<String>,
    edit: Callback<ScheduledStatus>,
) -> impl IntoView {
    let lang = app_state().lang;
    let time: NodeRef<Input> = NodeRef::new();
    let id = StoredValue::new(status.id.clone());
    let at = status.scheduled_at.clone();
    let shown_at = at.clone();
    let params = status.params.clone();
    let poll = params.poll_choices().map(|poll| {
        let expires_in = poll.expires_in;
        view! {
            <p class="scheduled-poll">
                {tr(MediaWords::Poll)}": "{poll.options.join(" / ")}
                " ("{move || duration_label(expires_in, lang.get())}")"
            </p>
        }
    });
    let warning = (!params.spoiler_text.is_empty()).then(|| {
        let spoiler = params.spoiler_text.clone();
        view! { <p class="scheduled-cw">{tr(MediaWords::ContentWarning)}" "{spoiler}</p> }
    });
    let status = StoredValue::new(status);
    view! {
        <li class="scheduled" data-scheduled-id=id.get_value()>
            <p class="scheduled-at">
                {tr(MediaWords::ScheduledFor)}" "
                <time datetime=at.clone()>{move || local_time_text(&shown_at, lang.get())}</time>
            </p>
            {warning}
            <p class="scheduled-text">{params.text.clone()}</p>
            {poll}
            <div class="scheduled-actions">
                <label>
                    <span>{tr(MediaWords::NewTime)}</span>
                    <input type="datetime-local" name="scheduled_at" node_ref=time value=local_input_value(&at) />
                </label>
                <button type="button" class="reschedule" on:click=move |_| {
                    if let Some(input) = time.get() {
                        move_to.run((id.get_value(), input.value()));
                    }
                }>{tr(MediaWords::ChangeTime)}</button>
                <button type="button" class="edit-scheduled" on:click=move |_| edit.run(status.get_value())>{tr(MediaWords::EditInComposer)}</button>
                <button type="button" class="cancel-scheduled" on:click=move |_| cancel.run(id.get_value())>{tr(MediaWords::CancelPost)}</button>
            </div>
            {move || problem.get().map(|problem| view! {
                <p class="error" role="alert">{move || match &problem {
                    Problem::TooSoon => tr(MediaWords::TooSoon)().to_string(),
                    Problem::Failed(error) => error_text(lang.get(), error),
                }}</p>
            })}
        </li>
    }
}
