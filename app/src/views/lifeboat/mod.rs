//! The Lifeboat page (`#/lifeboat`): each account's backups, their
//! export, and restoring one onto a new server.

mod accounts;
mod announce;
mod export;
mod restore;
mod words;

use leptos::prelude::*;

use super::tr;
use crate::i18n::lifeboat::LifeboatWords as W;

/// The page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page() -> AnyView {
    view! {
        <section class="lifeboat">
            <h1 class="view-title">{tr(W::Lifeboat)}</h1>
            <p>{tr(W::Intro)}</p>
            <accounts::Accounts />
            <restore::Restore />
            {super::offline::settings()}
        </section>
    }
    .into_any()
}

/// The banner over every page while an account's server has stopped
/// answering, leading to this page.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn banner(down: Vec<String>) -> AnyView {
    let accounts: Vec<String> = down.iter().map(|key| format!("@{key}")).collect();
    view! {
        <p class="server-down-banner" role="alert" data-server-down-banner=down.join(" ")>
            {tr(crate::i18n::Text::ServerStoppedAnswering)}" "{accounts.join(", ")}" "
            <a href=crate::route::Route::Lifeboat.to_fragment()>{tr(W::Lifeboat)}</a>
        </p>
    }
    .into_any()
}
