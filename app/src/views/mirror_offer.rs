//! When this copy's host stops answering: the publisher's other mirrors
//! (from the signed `config.json`) that the service worker found reachable
//! and validly signed, each opening the same route there.

use leptos::prelude::*;
use serde::Deserialize;

use super::tr;
use crate::i18n::worker::WorkerWords as W;

#[derive(Clone, Deserialize)]
pub struct Mirror {
    pub url: String,
}

/// Nothing when no mirror passed the worker's checks.
pub fn offer(mirrors: Vec<Mirror>) -> Option<impl IntoView> {
    if mirrors.is_empty() {
        return None;
    }
    let links = mirrors
        .into_iter()
        .map(|mirror| {
            let url = mirror.url.clone();
            // The route is read when the reader goes, not when the offer
            // was made: it may have moved since.
            let go = move |event: leptos::ev::MouseEvent| {
                event.prevent_default();
                let location = window().location();
                let hash = location.hash().unwrap_or_default();
                let _ = location.assign(&format!("{url}{hash}"));
            };
            let (href, marker) = (mirror.url.clone(), mirror.url.clone());
            view! { <li><a href=href data-mirror=marker on:click=go>{mirror.url}</a></li> }
        })
        .collect_view();
    Some(view! {
        <nav class="mirror-offer" role="status" data-mirror-offer="">
            <p>{tr(W::HostSilent)}</p>
            <ul>{links}</ul>
        </nav>
    })
}
