//! Suggestions while writing a status: accounts and hashtags from the
//! server's search, the server's custom emoji for a `:shortcode`.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use leptos::prelude::*;
use web_sys::{Element, EventTarget, HtmlTextAreaElement, KeyboardEvent};

use super::emoji_catalog::emoji_catalog;
use super::suggest_field::{is_status_field, selection, status_field, write};
use super::suggest_option::SuggestionBody;
use crate::api::compose::{
    ComposeDraft, SUGGESTIONS_SHOWN, Suggestion, Token, TokenKind, emoji_suggestions, from_search,
    replace_token, suggestion_search, token_at,
};
use crate::i18n::SuggestWords;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

/// How long typing must pause before the server is asked.
const PAUSE: Duration = Duration::from_millis(250);

static LISTS: AtomicU32 = AtomicU32::new(0);

/// The token at the cursor of `field`, when there is a cursor rather than
/// a selection and enough is typed to ask about.
fn typed_token(field: &HtmlTextAreaElement) -> Option<Token> {
    let (start, end) = selection(field);
    (start == end)
        .then(|| token_at(&field.value(), start))
        .flatten()
        .filter(Token::worth_asking)
}

/// Suggestions for the mention, hashtag or `:shortcode` being typed in
/// the status field: a listbox the field points at, driven from the
/// keyboard (arrows, Enter or Tab, Escape) or the mouse.
#[component]
pub fn Autocomplete(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let list_id = format!(
        "compose-suggestions-{}",
        LISTS.fetch_add(1, Ordering::Relaxed)
    );
    let root = NodeRef::<leptos::html::Div>::new();
    let choices = RwSignal::new(Vec::<Suggestion>::new());
    let active = RwSignal::new(0usize);
    // Each change of the token asks anew; an answer to an older question
    // is dropped.
    let question = StoredValue::new(0u32);
    let asking = StoredValue::new((session(), ViewTasks::here()));

    let ask_anew = move || {
        question
            .try_update_value(|count| {
                *count += 1;
                *count
            })
            .unwrap_or_default()
    };
    let still_asked = move |mine: u32| question.try_get_value() == Some(mine);
    let show = move |mine: u32, found: Vec<Suggestion>| {
        if still_asked(mine) {
            active.try_set(0);
            choices.try_set(found);
        }
    };
    let close = move || {
        ask_anew();
        if choices.with_untracked(|shown| !shown.is_empty()) {
            choices.set(Vec::new());
        }
    };
    let our_field = move |target: Option<EventTarget>| -> Option<HtmlTextAreaElement> {
        let root: Element = root.get_untracked()?.into();
        is_status_field(target, &root)
    };

    let refresh = move |field: HtmlTextAreaElement| {
        let Some(token) = typed_token(&field) else {
            close();
            return;
        };
        let mine = ask_anew();
        // A list for another kind of token would mislead while waiting.
        if choices.with_untracked(|shown| {
            shown
                .first()
                .is_some_and(|first| first.kind() != token.kind)
        }) {
            choices.set(Vec::new());
        }
        let Some((session, tasks)) = asking.try_get_value() else {
            return;
        };
        let Some(search) = suggestion_search(token.kind, &token.query) else {
            tasks.spawn(async move {
                let found = emoji_catalog(&session)
                    .await
                    .map(|catalog| emoji_suggestions(&catalog, &token.query, SUGGESTIONS_SHOWN));
                show(mine, found.unwrap_or_default());
            });
            return;
        };
        set_timeout(
            move || {
                if !still_asked(mine) {
                    return;
                }
                tasks.spawn(async move {
                    let found = session.ask(&search).await;
                    // Suggestions are a help, not a task: a failure shows none.
                    let found = found.map(|results| from_search(token.kind, results));
                    show(mine, found.unwrap_or_default());
                });
            },
            PAUSE,
        );
    };

    let pick = move |index: usize| {
        let Some(field) = root.get_untracked().and_then(|root| status_field(&root)) else {
            return;
        };
        let chosen = choices.with_untracked(|shown| shown.get(index).cloned());
        close();
        let (Some(chosen), Some(token)) = (chosen, typed_token(&field)) else {
            return;
        };
        if chosen.kind() == token.kind {
            let edited = replace_token(&field.value(), &token, &chosen.replacement());
            write(&field, draft, edited);
        }
    };

    let on_keydown = move |event: KeyboardEvent| {
        if event.is_composing() || our_field(event.target()).is_none() {
            return;
        }
        let count = choices.with_untracked(Vec::len);
        if event.key() == "Escape" {
            // Also forgets a question still on its way, so that its
            // answer does not open the list again.
            close();
            if count > 0 {
                // The list closes, not whatever holds the form.
                event.stop_propagation();
                event.prevent_default();
            }
            return;
        }
        let modified = event.shift_key() || event.ctrl_key() || event.meta_key() || event.alt_key();
        match event.key().as_str() {
            _ if count == 0 => return,
            "ArrowDown" => active.update(|at| *at = (*at + 1) % count),
            "ArrowUp" => active.update(|at| *at = (*at + count - 1) % count),
            "Enter" | "Tab" if !modified => pick(active.get_untracked()),
            _ => return,
        }
        event.prevent_default();
    };
    let listeners = [
        window_event_listener(leptos::ev::keydown, on_keydown),
        window_event_listener(leptos::ev::input, move |event| {
            if let Some(field) = our_field(event.target()) {
                refresh(field);
            }
        }),
        // The cursor moved by a click or a key: the token may have changed.
        window_event_listener(leptos::ev::click, move |event| {
            if let Some(field) = our_field(event.target()) {
                refresh(field);
            }
        }),
        window_event_listener(leptos::ev::keyup, move |event| {
            let moves = matches!(
                event.key().as_str(),
                "ArrowLeft" | "ArrowRight" | "Home" | "End"
            );
            if let Some(field) = our_field(event.target()).filter(|_| moves) {
                refresh(field);
            }
        }),
        window_event_listener(leptos::ev::focusout, move |event| {
            if our_field(event.target()).is_some() {
                close();
            }
        }),
    ];
    on_cleanup(move || listeners.into_iter().for_each(|listener| listener.remove()));

    // The field names the list and its active option for assistive
    // technology; it lives in another part of the form, so it is told.
    let id = list_id.clone();
    Effect::new(move |_| {
        let open = choices.with(|shown| !shown.is_empty());
        let current = active.get();
        let Some(field) = root.get().and_then(|root| status_field(&root)) else {
            return;
        };
        let _ = field.set_attribute("aria-autocomplete", "list");
        let _ = field.set_attribute("aria-controls", &id);
        let _ = if open {
            field.set_attribute("aria-activedescendant", &format!("{id}-{current}"))
        } else {
            field.remove_attribute("aria-activedescendant")
        };
    });

    let options = {
        let list_id = list_id.clone();
        move || {
            choices
                .get()
                .into_iter()
                .enumerate()
                .map(|(index, choice)| {
                    let kind = kind_name(choice.kind());
                    view! {
                        <li
                            role="option"
                            id=format!("{list_id}-{index}")
                            class="suggestion"
                            data-kind=kind
                            aria-selected=move || (active.get() == index).to_string()
                            on:mousedown=|event| event.prevent_default()
                            on:mouseenter=move |_| active.set(index)
                            on:click=move |_| pick(index)
                        >
                            <SuggestionBody choice=choice />
                        </li>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <div class="compose-suggestions" node_ref=root>
            <ul
                role="listbox"
                id=list_id
                aria-label=tr(SuggestWords::Suggestions)
                hidden=move || choices.with(Vec::is_empty)
            >
                {options}
            </ul>
        </div>
    }
}

fn kind_name(kind: TokenKind) -> &'static str {
    match kind {
        TokenKind::Mention => "account",
        TokenKind::Hashtag => "hashtag",
        TokenKind::Emoji => "emoji",
    }
}
