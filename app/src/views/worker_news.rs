//! What the service worker tells the reader: a file it refused from the
//! mirror (the last verified version keeps running), and a verified
//! release ready to load, and, when this copy's host is silent, the
//! publisher's other mirrors. The page's script keeps the worker's news in
//! `samizdatWorkerNews` (app/release.html); the code that shows it loads
//! only once there is some.

use leptos::prelude::*;
use serde::Deserialize;
use wasm_bindgen::JsValue;

use super::{later_part, tr};
use crate::i18n::worker::WorkerWords as W;

/// Listens for the worker's news and shows it over every page.
#[component]
pub fn WorkerNews() -> impl IntoView {
    let news = RwSignal::new(latest());
    // Lives as long as the page: the worker may speak at any time.
    let _ = window_event_listener_untyped("samizdat-worker", move |_| news.set(latest()));
    move || news.get().map(|json| later_part(shown(json)))
}

fn latest() -> Option<String> {
    js_sys::Reflect::get(&window(), &JsValue::from_str("samizdatWorkerNews"))
        .ok()?
        .as_string()
}

#[derive(Deserialize)]
struct News {
    integrity: Option<Refusal>,
    update: Option<Update>,
    #[serde(default)]
    mirrors: Vec<super::mirror_offer::Mirror>,
}

#[derive(Deserialize)]
struct Refusal {
    file: String,
    mirror: String,
    kind: String,
    reason: String,
}

#[derive(Deserialize)]
struct Update {
    serial: u64,
}

#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn shown(json: String) -> AnyView {
    let Ok(news) = serde_json::from_str::<News>(&json) else {
        return ().into_any();
    };
    let warning = news.integrity.map(|refusal| {
        let words = tr(W::for_kind(&refusal.kind));
        let (file, mirror) = (refusal.file.clone(), refusal.mirror.clone());
        let text = move || {
            words()
                .replace("{file}", &file)
                .replace("{mirror}", &mirror)
        };
        view! {
            <p class="integrity-warning" role="alert" data-integrity-warning=refusal.file data-kind=refusal.kind>
                {text}" "<small>{refusal.reason}</small>
            </p>
        }
    });
    let update = news.update.map(|update| {
        view! {
            <p class="update-ready" role="status" data-update-ready=update.serial.to_string()>
                {tr(W::UpdateReady)}" "
                <button type="button" data-action="apply-update" on:click=|_| {
                    // The page's script asks the worker to switch, then reloads.
                    if let Ok(event) = web_sys::Event::new("samizdat-apply-update") {
                        let _ = window().dispatch_event(&event);
                    }
                }>{tr(W::ApplyUpdate)}</button>
            </p>
        }
    });
    let mirrors = super::mirror_offer::offer(news.mirrors);
    view! { {warning} {update} {mirrors} }.into_any()
}
