//! Sharing a status's link, through the system's share sheet where the
//! browser has one or the clipboard where not, and opening the status on
//! its home server. Neither needs an account.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::status_button::ActionButton;
use super::tr;
use crate::api::Status;
use crate::i18n::actions::ActionWords;
use crate::sanitize::policy::http_url;

/// The status's own page, on the server it was written on.
fn home_url(status: &Status) -> Option<String> {
    status
        .url
        .as_deref()
        .and_then(http_url)
        .or_else(|| http_url(&status.uri))
        .map(str::to_string)
}

/// Offers `url` to the share sheet, else copies it; true once copied.
async fn share(url: String) -> bool {
    let navigator = window().navigator();
    let has_sheet = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
    if has_sheet {
        let data = web_sys::ShareData::new();
        data.set_url(&url);
        // A dismissed sheet is the reader's choice, not a failure.
        let _ = JsFuture::from(navigator.share_with_data(&data)).await;
        return false;
    }
    JsFuture::from(navigator.clipboard().write_text(&url))
        .await
        .is_ok()
}

/// The bar under a status for a reader with no account here: sharing
/// alone, in a chunk much smaller than the full bar's.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn bar(status: Status) -> AnyView {
    view! {
        <div class="status-actions" role="group" aria-label=tr(ActionWords::Actions)>
            {share_buttons(status.shown())}
        </div>
    }
    .into_any()
}

/// Share and open-original, for anyone, signed in or not.
pub fn share_buttons(status: &Status) -> Option<AnyView> {
    let url = home_url(status)?;
    let copied = RwSignal::new(false);
    let link = url.clone();
    let click = Box::new(move || {
        let url = url.clone();
        leptos::task::spawn_local(async move {
            if share(url).await {
                copied.try_set(true);
            }
        });
    });
    Some(
        view! {
            {ActionButton::new("share", "🔗", ActionWords::Share, click).view()}
            <a class="original" href=link target="_blank" rel="noopener noreferrer" title=tr(ActionWords::OpenOriginal)>
                <span aria-hidden="true">"↗"</span><span class="label">{tr(ActionWords::OpenOriginal)}</span>
            </a>
            <span class="copied" role="status">{move || copied.get().then(tr(ActionWords::LinkCopied))}</span>
        }
        .into_any(),
    )
}
