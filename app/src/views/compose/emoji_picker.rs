//! The server's custom emoji, to pick from rather than remember.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{KeyboardEvent, Node};

use super::emoji_catalog::emoji_catalog;
use super::suggest_field::{selection, status_field, write};
use crate::api::compose::{ComposeDraft, EmojiCatalog, EmojiGroup, insert_at, picker_groups};
use crate::i18n::SuggestWords;
use crate::i18n::Words;
use crate::sanitize::policy::http_url;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

static PANELS: AtomicU32 = AtomicU32::new(0);

/// What the panel has of the server's emoji: `None` while loading.
type Loading = Option<Result<Arc<EmojiCatalog>, ()>>;

/// A button that opens the server's custom emoji, grouped by category
/// and filtered as the reader types; picking one writes `:shortcode:` at
/// the cursor of the status field.
#[component]
pub fn EmojiPicker(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let panel_id = format!("compose-emoji-{}", PANELS.fetch_add(1, Ordering::Relaxed));
    let root = NodeRef::<leptos::html::Div>::new();
    let button = NodeRef::<leptos::html::Button>::new();
    let filter_field = NodeRef::<leptos::html::Input>::new();
    let open = RwSignal::new(false);
    let filter = RwSignal::new(String::new());
    let catalog = RwSignal::<Loading>::new(None);
    let asking = StoredValue::new((session(), ViewTasks::here()));

    // Asked for on first opening only: most posts need no custom emoji.
    let load = move || {
        let Some((session, tasks)) = asking.try_get_value() else {
            return;
        };
        catalog.set(None);
        tasks.spawn(async move {
            let loaded = emoji_catalog(&session).await.map_err(|_| ());
            catalog.try_set(Some(loaded));
        });
    };
    let close = move || {
        open.set(false);
        if let Some(button) = button.get_untracked() {
            let _ = button.focus();
        }
    };
    // A press anywhere else puts the panel away, as menus do.
    let outside = window_event_listener(leptos::ev::mousedown, move |event| {
        if !open.get_untracked() {
            return;
        }
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<Node>().ok());
        let inside = root
            .get_untracked()
            .zip(target)
            .is_some_and(|(root, target)| root.contains(Some(&target)));
        if !inside {
            open.set(false);
        }
    });
    on_cleanup(move || outside.remove());
    let toggle = move |_| {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening {
            if catalog.with_untracked(|loaded| !matches!(loaded, Some(Ok(_)))) {
                load();
            }
            // The panel shows once the page is drawn again.
            request_animation_frame(move || {
                if let Some(field) = filter_field.get_untracked() {
                    let _ = field.focus();
                }
            });
        }
    };
    let insert = move |shortcode: &str| {
        let Some(field) = root.get_untracked().and_then(|root| status_field(&root)) else {
            return;
        };
        let (start, end) = selection(&field);
        let edited = insert_at(&field.value(), start, end, &format!(":{shortcode}:"));
        open.set(false);
        filter.set(String::new());
        write(&field, draft, edited);
    };
    let on_filter_key = move |event: KeyboardEvent| {
        // Enter in a field would send the form: it takes the first match.
        if event.key() == "Enter" {
            event.prevent_default();
            let first = catalog.with_untracked(|loaded| match loaded {
                Some(Ok(catalog)) => picker_groups(catalog, &filter.get_untracked())
                    .into_iter()
                    .flat_map(|group| group.emojis)
                    .next(),
                _ => None,
            });
            if let Some(emoji) = first {
                insert(&emoji.shortcode);
            }
        }
    };
    let on_panel_key = move |event: KeyboardEvent| {
        if event.key() == "Escape" {
            event.prevent_default();
            event.stop_propagation();
            close();
        }
    };

    // The groups, once loaded, for the filter as it is now.
    let groups = move || match catalog.get() {
        Some(Ok(catalog)) => picker_groups(&catalog, &filter.get()),
        _ => Vec::new(),
    };
    // What the panel says instead of emoji, if anything.
    let lang = crate::state::app_state().lang;
    let status = move || {
        let words = match catalog.get() {
            None => SuggestWords::LoadingEmoji,
            Some(Err(())) => SuggestWords::EmojiUnavailable,
            Some(Ok(catalog)) if catalog.emojis.is_empty() => SuggestWords::NoCustomEmoji,
            Some(Ok(catalog)) if picker_groups(&catalog, &filter.get()).is_empty() => {
                SuggestWords::NoEmojiMatch
            }
            Some(Ok(_)) => return None,
        };
        Some(words.in_lang(lang.get()))
    };
    let failed = move || catalog.with(|loaded| matches!(loaded, Some(Err(()))));

    view! {
        <div class="emoji-picker" node_ref=root>
            <button
                type="button"
                class="emoji-button"
                node_ref=button
                aria-label=tr(SuggestWords::InsertEmoji)
                title=tr(SuggestWords::InsertEmoji)
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=toggle
            >
                "☺"
            </button>
            <div
                class="emoji-panel"
                id=panel_id
                role="dialog"
                aria-label=tr(SuggestWords::CustomEmoji)
                hidden=move || !open.get()
                on:keydown=on_panel_key
            >
                <input
                    type="search"
                    class="emoji-filter"
                    node_ref=filter_field
                    aria-label=tr(SuggestWords::FilterEmoji)
                    placeholder=tr(SuggestWords::FilterEmoji)
                    prop:value=move || filter.get()
                    on:input=move |event| filter.set(event_target_value(&event))
                    on:keydown=on_filter_key
                />
                <p class="emoji-status" role="status" hidden=move || status().is_none()>
                    {status}
                    " "
                    <button type="button" hidden=move || !failed() on:click=move |_| load()>
                        {tr(SuggestWords::TryAgain)}
                    </button>
                </p>
                <div class="emoji-groups">
                    {move || {
                        groups()
                            .into_iter()
                            .map(|group| view! { <EmojiSection group=group insert=insert /> })
                            .collect_view()
                    }}
                </div>
            </div>
        </div>
    }
}

/// One category of emoji, each a button labelled with its shortcode.
#[component]
fn EmojiSection(group: EmojiGroup, insert: impl Fn(&str) + Copy + 'static) -> impl IntoView {
    let uncategorized = tr(SuggestWords::Uncategorized);
    let category = group.category;
    let heading = move || {
        category
            .clone()
            .unwrap_or_else(|| uncategorized().to_string())
    };
    let buttons = group
        .emojis
        .into_iter()
        .map(|emoji| {
            let code = emoji.shortcode.clone();
            let label = format!(":{code}:");
            let image = http_url(emoji.image()).map(str::to_string);
            let text = image.is_none().then(|| label.clone());
            view! {
                <button
                    type="button"
                    class="emoji"
                    data-shortcode=code.clone()
                    aria-label=label.clone()
                    title=label
                    on:click=move |_| insert(&code)
                >
                    {image.map(|src| view! { <img src=src alt="" width="28" height="28" loading="lazy" /> })}
                    {text}
                </button>
            }
        })
        .collect_view();
    view! {
        <section class="emoji-group">
            <h3>{heading}</h3>
            <div class="emoji-grid">{buttons}</div>
        </section>
    }
}
