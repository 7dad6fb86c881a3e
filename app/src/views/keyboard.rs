//! Keyboard navigation: j and k move between posts, Enter opens one, ?
//! lists the shortcuts, Escape closes the list.

use leptos::prelude::*;

use super::tr;
use crate::i18n::Text;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, KeyboardEvent};

const POSTS: &str = "[role=feed] article[data-status-id]";

/// Whether the key went to something the reader is typing into.
fn typing(event: &KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<HtmlElement>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                || element.is_content_editable()
        })
}

fn move_focus(step: i32) {
    let Ok(posts) = document().query_selector_all(POSTS) else {
        return;
    };
    let count = posts.length() as i32;
    if count == 0 {
        return;
    }
    let active = document().active_element();
    let current = (0..count).find(|&index| {
        posts
            .item(index as u32)
            .map(|node| node.unchecked_into::<Element>())
            == active
    });
    let next = match current {
        Some(index) => (index + step).clamp(0, count - 1),
        None if step > 0 => 0,
        None => count - 1,
    };
    if let Some(post) = posts
        .item(next as u32)
        .and_then(|node| node.dyn_into::<HtmlElement>().ok())
    {
        let _ = post.focus();
        post.scroll_into_view_with_bool(false);
    }
}

fn open_focused_post() -> bool {
    let Some(active) = document().active_element() else {
        return false;
    };
    if !active.matches(POSTS).unwrap_or(false) {
        return false;
    }
    match active
        .query_selector("a.when")
        .ok()
        .flatten()
        .and_then(|link| link.dyn_into::<HtmlElement>().ok())
    {
        Some(link) => {
            link.click();
            true
        }
        None => false,
    }
}

/// Listens for the shortcuts; returns whether the list of them is open.
pub fn install() -> RwSignal<bool> {
    let open = RwSignal::new(false);
    let _ = window_event_listener(leptos::ev::keydown, move |event: KeyboardEvent| {
        if event.ctrl_key() || event.meta_key() || event.alt_key() || typing(&event) {
            return;
        }
        let handled = match event.key().as_str() {
            "j" => {
                move_focus(1);
                true
            }
            "k" => {
                move_focus(-1);
                true
            }
            "Enter" => open_focused_post(),
            "?" => {
                open.update(|open| *open = !*open);
                true
            }
            "Escape" if open.get_untracked() => {
                open.set(false);
                true
            }
            _ => false,
        };
        if handled {
            event.prevent_default();
        }
    });
    open
}

/// The list of shortcuts, whose code loads the first time it is opened.
#[component]
pub fn ShortcutsHelp(open: RwSignal<bool>) -> impl IntoView {
    move || open.get().then(|| super::later_part(help(open)))
}

#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
async fn help(open: RwSignal<bool>) -> AnyView {
    view! {
        <section class="shortcuts" role="dialog" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">{tr(Text::KeyboardShortcuts)}</h2>
            <dl>
                <dt><kbd>"j"</kbd></dt><dd>{tr(Text::NextPost)}</dd>
                <dt><kbd>"k"</kbd></dt><dd>{tr(Text::PreviousPost)}</dd>
                <dt><kbd>"Enter"</kbd></dt><dd>{tr(Text::OpenPost)}</dd>
                <dt><kbd>"?"</kbd></dt><dd>{tr(Text::ToggleShortcuts)}</dd>
            </dl>
            <button type="button" on:click=move |_| open.set(false)>{tr(Text::Close)}</button>
        </section>
    }
    .into_any()
}
