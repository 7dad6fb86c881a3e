//! A status's poll: a choice to make while it is open and the reader has
//! not voted, its results otherwise, and right after voting.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::status_toggle::failed;
use super::tr;
use crate::api::Poll;
use crate::api::actions;
use crate::i18n::actions::ActionWords;
use crate::state::app_state;
use crate::state::session::session;

/// A poll, with voting, loaded with the first post that carries one.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn poll_view(poll: Poll) -> AnyView {
    view! { <PollView poll=poll /> }.into_any()
}

#[component]
pub fn PollView(poll: Poll) -> impl IntoView {
    let state = app_state();
    let session = StoredValue::new(session());
    let can_vote = session.with_value(|session| session.signed_in()) && poll.id.is_some();
    let poll = RwSignal::new(poll);
    let chosen = RwSignal::new(Vec::<usize>::new());
    let sending = RwSignal::new(false);
    let vote = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        // In the options' order, however they were ticked.
        let count = poll.with_untracked(|poll| poll.options.len());
        let picked = chosen.get_untracked();
        let choices: Vec<usize> = (0..count).filter(|at| picked.contains(at)).collect();
        let (Some(session), Some(Some(id))) = (
            session.try_get_value(),
            poll.try_with_untracked(|poll| poll.id.clone()),
        ) else {
            return;
        };
        if choices.is_empty() {
            return;
        }
        sending.set(true);
        spawn_local(async move {
            match session.ask(&actions::vote(&id, &choices)).await {
                Ok(answer) => {
                    poll.try_set(answer);
                }
                Err(error) => failed(state, error),
            }
            sending.try_set(false);
        });
    };
    move || {
        let current = poll.get();
        if can_vote && !current.expired && !current.voted {
            choice_form(&current, chosen, sending, vote).into_any()
        } else {
            results(&current).into_any()
        }
    }
}

fn choice_form(
    poll: &Poll,
    chosen: RwSignal<Vec<usize>>,
    sending: RwSignal<bool>,
    vote: impl Fn(leptos::ev::SubmitEvent) + 'static,
) -> AnyView {
    let kind = if poll.multiple { "checkbox" } else { "radio" };
    let group = format!("poll-{}", poll.id.clone().unwrap_or_default());
    let multiple = poll.multiple;
    let options = poll
        .options
        .iter()
        .enumerate()
        .map(|(at, option)| {
            let pick = move |event: leptos::ev::Event| {
                let on = event_target_checked(&event);
                chosen.update(|chosen| {
                    if !multiple {
                        chosen.clear();
                    }
                    chosen.retain(|known| *known != at);
                    if on {
                        chosen.push(at);
                    }
                });
            };
            view! {
                <li><label>
                    <input type=kind name=group.clone() value=at.to_string() on:change=pick />
                    " "{option.title.clone()}
                </label></li>
            }
        })
        .collect_view();
    view! {
        <form class="poll poll-vote" on:submit=vote>
            <ul>{options}</ul>
            <button type="submit" class="vote" disabled=move || sending.get() || chosen.with(Vec::is_empty)>{tr(ActionWords::Vote)}</button>
        </form>
    }
    .into_any()
}

fn results(poll: &Poll) -> impl IntoView + use<> {
    let rows = poll
        .options
        .iter()
        .enumerate()
        .zip(poll.percentages())
        .map(|((at, option), percent)| {
            let percent = percent
                .map(|percent| format!("{percent} %"))
                .unwrap_or_else(|| "…".into());
            let mine = poll.own_votes.contains(&at);
            view! {
                <li class:own-vote=mine>
                    <span class="poll-option">{option.title.clone()}</span>" "
                    <span class="poll-share">{percent}</span>
                    {mine.then_some(" ✓")}
                </li>
            }
        })
        .collect_view();
    let state = if poll.expired {
        Some(ActionWords::PollClosed)
    } else if poll.voted {
        Some(ActionWords::Voted)
    } else {
        None
    };
    view! {
        <ul class="poll" data-votes=poll.votes_count>{rows}</ul>
        <p class="poll-summary">
            {poll.votes_count}" "{tr(ActionWords::Votes)}
            {state.map(|state| view! { " · "{tr(state)} })}
        </p>
    }
}
