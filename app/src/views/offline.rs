//! The "Offline reading" section of the start and Lifeboat pages: what
//! is kept, and the cap on the media previews kept with it. It comes
//! with those pages' code.

use leptos::prelude::*;

use super::tr;
use crate::api::offline::parse_cap_mb;
use crate::browser::offline::{cap_mb, set_cap};
use crate::i18n::offline::OfflineWords as W;

pub fn settings() -> AnyView {
    let problem = RwSignal::new(false);
    let on_change = move |ev: leptos::ev::Event| match parse_cap_mb(&event_target_value(&ev)) {
        Ok(megabytes) => {
            problem.set(false);
            leptos::task::spawn_local(set_cap(megabytes));
        }
        Err(_) => problem.set(true),
    };
    view! {
        <section class="offline-settings" aria-labelledby="offline-reading">
            <h2 id="offline-reading">{tr(W::OfflineReading)}</h2>
            <p>{tr(W::Intro)}</p>
            <label>
                {tr(W::MediaCap)}" "
                <input type="number" name="offline-media-cap" min="0" max="100000" step="1" inputmode="numeric" value=cap_mb().to_string() aria-invalid=move || problem.get().to_string() on:change=on_change />
            </label>
            {move || problem.get().then(|| view! { <p class="problem" role="alert">{tr(W::NotACap)}</p> })}
        </section>
    }
    .into_any()
}
