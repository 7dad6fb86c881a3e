//! The draft's poll: its choices, single or multiple, and how long it
//! runs, within the server's limits. A post carries media or a poll,
//! never both, so each is offered only while the other is absent.

use leptos::prelude::*;

use super::super::tr;
use super::media_limits::{
    DEFAULT_MAX_EXPIRATION, DEFAULT_MAX_OPTIONS, DEFAULT_MIN_EXPIRATION, DEFAULT_OPTION_CHARACTERS,
    server_limits,
};
use crate::api::compose::{ComposeDraft, PollChoices, poll_durations};
use crate::i18n::media::{MediaWords, duration_label};
use crate::state::app_state;

/// The draft's poll: options, multiple choice, duration.
#[component]
pub fn PollEditor(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let lang = app_state().lang;
    let limits = server_limits();
    let min_seconds = move || {
        limits
            .with(|limits| limits.poll.min_expiration)
            .unwrap_or(DEFAULT_MIN_EXPIRATION)
    };
    let max_seconds = move || {
        limits
            .with(|limits| limits.poll.max_expiration)
            .unwrap_or(DEFAULT_MAX_EXPIRATION)
    };
    let max_options = move || {
        limits
            .with(|limits| limits.poll.max_options)
            .unwrap_or(DEFAULT_MAX_OPTIONS)
    };
    let option_characters = move || {
        limits
            .with(|limits| limits.poll.max_characters_per_option)
            .unwrap_or(DEFAULT_OPTION_CHARACTERS)
    };
    // Memos, so that typing in the poll re-renders no more than the value
    // typed: a re-rendered input would lose the focus mid-word.
    let has_poll = Memo::new(move |_| draft.with(|draft| draft.poll.is_some()));
    let has_media = Memo::new(move |_| draft.with(|draft| !draft.attachments.is_empty()));
    let edit = move |change: &dyn Fn(&mut PollChoices)| {
        draft.update(|draft| {
            if let Some(poll) = draft.poll.as_mut() {
                change(poll);
            }
        });
    };
    let toggle = move |_| {
        draft.update(|draft| {
            draft.poll = match draft.poll {
                Some(_) => None,
                None => Some(PollChoices::fresh(min_seconds(), max_seconds())),
            };
        });
    };
    // The number of choices changes the list; typing in one does not.
    let count = Memo::new(move |_| {
        draft.with(|draft| draft.poll.as_ref().map_or(0, |poll| poll.options.len()))
    });
    let choice = move |index: usize| {
        let value = move || {
            draft.with(|draft| {
                draft
                    .poll
                    .as_ref()
                    .and_then(|poll| poll.options.get(index).cloned())
                    .unwrap_or_default()
            })
        };
        view! {
            <li class="poll-option">
                <label>
                    <span>{move || format!("{} {}", tr(MediaWords::PollOption)(), index + 1)}</span>
                    <input type="text" name="poll[options][]"
                        maxlength=move || option_characters().to_string()
                        prop:value=value
                        on:input=move |ev| {
                            let text = event_target_value(&ev);
                            edit(&|poll| {
                                if let Some(option) = poll.options.get_mut(index) {
                                    option.clone_from(&text);
                                }
                            });
                        } />
                </label>
                <button type="button" class="remove-option" aria-label=move || format!("{} {}", tr(MediaWords::RemoveOption)(), index + 1)
                    disabled=move || count.get() <= 2
                    on:click=move |_| edit(&|poll| {
                        if poll.options.len() > 2 && index < poll.options.len() {
                            poll.options.remove(index);
                        }
                    })>"×"</button>
            </li>
        }
    };
    let durations = move || {
        let chosen = draft.with(|draft| draft.poll.as_ref().map(|poll| poll.expires_in));
        let mut seconds = poll_durations(min_seconds(), max_seconds());
        // A restored draft keeps its own duration even off the list.
        if let Some(chosen) = chosen.filter(|chosen| !seconds.contains(chosen)) {
            seconds.push(chosen);
            seconds.sort_unstable();
        }
        seconds
            .into_iter()
            .map(|seconds| view! {
                <option value=seconds.to_string() selected=chosen == Some(seconds)>{duration_label(seconds, lang.get())}</option>
            })
            .collect_view()
    };
    let at_most = move || count.get() as u64 >= max_options();
    let editor = move || {
        has_poll.get().then(|| view! {
            <ol class="poll-options">
                {move || (0..count.get()).map(choice).collect_view()}
            </ol>
            <button type="button" class="add-option"
                disabled=at_most
                on:click=move |_| edit(&|poll| poll.options.push(String::new()))>{tr(MediaWords::AddOption)}</button>
            <label class="poll-multiple">
                <input type="checkbox" name="poll[multiple]"
                    prop:checked=move || draft.with(|draft| draft.poll.as_ref().is_some_and(|poll| poll.multiple))
                    on:change=move |ev| {
                        let multiple = event_target_checked(&ev);
                        edit(&|poll| poll.multiple = multiple);
                    } />
                <span>{tr(MediaWords::MultipleChoice)}</span>
            </label>
            <label class="poll-duration">
                <span>{tr(MediaWords::Duration)}</span>
                <select name="poll[expires_in]" on:change=move |ev| {
                    if let Ok(seconds) = event_target_value(&ev).parse::<u64>() {
                        edit(&|poll| poll.expires_in = seconds);
                    }
                }>{durations}</select>
            </label>
        })
    };
    view! {
        <fieldset class="poll-editor">
            <legend>{tr(MediaWords::Poll)}</legend>
            <button type="button" class="poll-toggle" aria-pressed=move || has_poll.get().to_string()
                disabled=move || has_media.get() && !has_poll.get()
                on:click=toggle>
                {move || if has_poll.get() { tr(MediaWords::RemovePoll)() } else { tr(MediaWords::AddPoll)() }}
            </button>
            {move || (has_media.get() && !has_poll.get()).then(|| view! { <p class="media-note">{tr(MediaWords::NoPollWithMedia)}</p> })}
            {editor}
        </fieldset>
    }
}
