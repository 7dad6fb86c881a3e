//! The mark over a view showing a kept copy: "Offline: shown as fetched
//! at …", with a `time[data-fetched-at]`. It is written into the page
//! directly, so that the first download carries no view for it, and
//! removed when the route changes: the next view asks its server again. Meanwhile the server is asked again every few
//! seconds, and once it answers, the page loads anew: every part of it,
//! and the timelines kept in memory, then come fresh from the server.

use std::cell::Cell;

use leptos::prelude::*;

use super::{MARK_ID, SHOWN};
use crate::api::ServerAddr;
use crate::i18n::offline::OfflineWords;
use crate::i18n::{Lang, Words};

/// How often a server that did not answer is asked again (ms).
const PROBE_EVERY_MS: u32 = 5000;

thread_local! {
    static PROBING: Cell<bool> = const { Cell::new(false) };
    static WATCHING_ROUTE: Cell<bool> = const { Cell::new(false) };
}

/// Removes the mark whenever the route changes, for the page's life.
fn remove_on_route_change() {
    if WATCHING_ROUTE.replace(true) {
        return;
    }
    // The listener lives as long as the page.
    let _ = window_event_listener_untyped("hashchange", |_| {
        if SHOWN.with_borrow_mut(Option::take).is_some()
            && let Some(mark) = document().get_element_by_id(MARK_ID)
        {
            mark.remove();
        }
    });
}

/// Marks the page as showing a copy of `server`'s answers fetched at
/// `fetched_at`, or earlier when part of it is older.
pub(super) fn show(server: ServerAddr, fetched_at: f64) {
    let fetched_at = SHOWN.with_borrow_mut(|shown| {
        let oldest = match shown.as_ref() {
            Some((known, at)) if *known == server => at.min(fetched_at),
            _ => fetched_at,
        };
        *shown = Some((server, oldest));
        oldest
    });
    write(fetched_at);
    remove_on_route_change();
    if !PROBING.replace(true) {
        leptos::task::spawn_local(probe());
    }
}

fn write(fetched_at: f64) -> Option<()> {
    let document = document();
    let main = document.get_element_by_id("main")?;
    let mark = match document.get_element_by_id(MARK_ID) {
        Some(mark) => mark,
        None => {
            let mark = document.create_element("p").ok()?;
            mark.set_id(MARK_ID);
            mark.set_class_name("offline-note");
            mark.set_attribute("role", "status").ok()?;
            mark.set_attribute("data-offline", "").ok()?;
            main.insert_before(&mark, main.first_child().as_ref())
                .ok()?;
            mark
        }
    };
    let lang = document
        .document_element()
        .map(|root| Lang::from_tag(&root.get_attribute("lang").unwrap_or_default()))
        .unwrap_or_default();
    let date = js_sys::Date::new(&fetched_at.into());
    let iso = String::from(date.to_iso_string());
    let time = document.create_element("time").ok()?;
    time.set_attribute("datetime", &iso).ok()?;
    time.set_attribute("data-fetched-at", &iso).ok()?;
    time.set_text_content(Some(&String::from(
        date.to_locale_string(lang.tag(), &wasm_bindgen::JsValue::UNDEFINED),
    )));
    mark.set_text_content(Some(&format!(
        "{} ",
        OfflineWords::ShownAsFetchedAt.in_lang(lang)
    )));
    mark.append_child(&time).ok()?;
    Some(())
}

/// Asks the server shown again until it answers anything at all, or no
/// kept copy is shown any more.
async fn probe() {
    loop {
        crate::browser::timer::sleep_ms(PROBE_EVERY_MS).await;
        let Some(server) =
            SHOWN.with_borrow(|shown| shown.as_ref().map(|(server, _)| server.clone()))
        else {
            break;
        };
        let url = server.url("/api/v1/instance");
        if gloo_net::http::Request::get(&url).send().await.is_ok() {
            let _ = window().location().reload();
            break;
        }
    }
    PROBING.set(false);
}
