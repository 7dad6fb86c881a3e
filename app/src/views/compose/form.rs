//! `<form class="compose">`: the text, content warning, options and the
//! parts siblings fill (media, poll, suggestions, emoji), one draft for
//! all of them.

use leptos::prelude::*;

use super::super::tr;
use super::fields::{Counter, LanguageField, ScheduleField, VisibilityField, scheduled_ms};
use super::opening::{Opening, ask_before_leaving, autosave, open};
use super::submit::{Outcome, Sender};
use crate::api::compose::{ComposeDraft, InstanceLanguages, Limits, NotReady, Posted, check};
use crate::i18n::compose::ComposeWords as W;
use crate::route::Route;
use crate::state::drafts::account_of;
use crate::state::server_info::server_info;
use crate::state::session::session;

#[component]
pub fn ComposeForm(opening: Opening) -> impl IntoView {
    let state = crate::state::app_state();
    let session = session();
    let Some(account) = account_of(state, &session) else {
        return view! { <super::super::start::SignInPrompt server=session.server.clone() /> }
            .into_any();
    };
    let draft = RwSignal::new(ComposeDraft::default());
    let ready = RwSignal::new(false);
    let limits = RwSignal::new(Limits::default());
    let languages = RwSignal::new(Vec::new());
    let sender = Sender::idle();
    let tasks = super::super::in_view::ViewTasks::here();
    {
        let session = session.clone();
        tasks.spawn(async move {
            draft.try_set(open(&account, opening).await);
            ready.try_set(true);
            if let Some(info) = server_info(state, &session.server).await {
                limits.try_set(info.limits);
            }
            if let Ok(known) = session.ask(&InstanceLanguages).await {
                languages.try_set(known);
            }
        });
    }
    autosave(draft, ready);
    ask_before_leaving(draft);
    let blocked = move || {
        draft.with(|draft| {
            limits.with(|limits| check(draft, limits, scheduled_ms(draft), js_sys::Date::now()))
        })
    };
    let waiting_on = move |reason| blocked() == Some(reason);
    let server = session.server.clone();
    let submit_session = session.clone();
    view! {
        <form class="compose" aria-busy=move || sender.sending.get().to_string() on:submit=move |ev| {
            ev.prevent_default();
            if ready.get_untracked() && blocked().is_none() {
                sender.send(submit_session.clone(), draft);
            }
        }>
            <input type="text" name="spoiler_text" class="spoiler" aria-label=tr(W::ContentWarning) placeholder=tr(W::ContentWarning)
                prop:value=move || draft.with(|draft| draft.spoiler_text.clone())
                on:input=move |ev| draft.update(|draft| draft.spoiler_text = event_target_value(&ev)) />
            <textarea name="status" id="compose-status" aria-label=tr(W::WhatsNew) placeholder=tr(W::WhatsNew) rows="4"
                prop:value=move || draft.with(|draft| draft.text.clone())
                on:input=move |ev| draft.update(|draft| draft.text = event_target_value(&ev))></textarea>
            <super::autocomplete::Autocomplete draft=draft />
            <super::emoji_picker::EmojiPicker draft=draft />
            <super::attachments::Attachments draft=draft />
            <super::poll::PollEditor draft=draft />
            <div class="compose-options">
                <label class="sensitive">
                    <input type="checkbox" name="sensitive" prop:checked=move || draft.with(|draft| draft.sensitive)
                        on:change=move |ev| draft.update(|draft| draft.sensitive = event_target_checked(&ev)) />
                    <span>{tr(W::Sensitive)}</span>
                </label>
                <VisibilityField draft=draft />
                <LanguageField draft=draft known=languages />
                <ScheduleField draft=draft />
            </div>
            {move || waiting_on(NotReady::TooSoon).then(|| view! { <p class="compose-hint" role="note">{tr(W::ScheduleTooSoon)}</p> })}
            {move || waiting_on(NotReady::MediaNotReady).then(|| view! { <p class="compose-hint" role="note">{tr(W::MediaNotReady)}</p> })}
            <div class="compose-send">
                <Counter draft=draft limits=limits />
                <button type="submit" class="post" disabled=move || sender.sending.get() || !ready.get() || blocked().is_some()>
                    {move || if sender.sending.get() {
                        tr(W::Sending)()
                    } else if draft.with(|draft| draft.editing.is_some()) {
                        tr(W::Save)()
                    } else {
                        tr(W::Post)()
                    }}
                </button>
            </div>
            {move || sender.outcome.get().map(|outcome| view! { <OutcomeNotice outcome=outcome server=server.clone() /> })}
        </form>
    }
    .into_any()
}

/// What came of the last send, with a link to the post.
#[component]
fn OutcomeNotice(outcome: Outcome, server: crate::api::ServerAddr) -> impl IntoView {
    let lang = crate::state::app_state().lang;
    match outcome {
        Outcome::Posted(Posted::Status { id, .. }) => {
            let link = Route::Thread { server, status_id: id }.to_fragment();
            view! {
                <p class="compose-notice posted" role="status">
                    {tr(W::Posted)}" "<a href=link>{tr(W::SeePost)}</a>
                </p>
            }
            .into_any()
        }
        Outcome::Posted(Posted::Scheduled { .. }) => view! {
            <p class="compose-notice scheduled" role="status">{tr(W::Scheduled)}</p>
        }
        .into_any(),
        Outcome::Queued => view! {
            <p class="compose-notice queued" role="status">{tr(W::Queued)}</p>
        }
        .into_any(),
        Outcome::Failed(error) => view! {
            <p class="compose-notice error" role="alert">{move || crate::i18n::error_text(lang.get(), &error)}</p>
        }
        .into_any(),
    }
}
