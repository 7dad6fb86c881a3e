//! One card per signed-in account: when its last good backup was, what a
//! running one is doing, whether its server has gone silent, and buttons
//! to back up now and to download the backup.

use leptos::prelude::*;

use super::super::tr;
use super::export::ExportButton;
use crate::i18n::lifeboat::LifeboatWords as W;
use crate::state::lifeboat::{AccountLifeboat, back_up};
use crate::state::{SignedInAccount, app_state};

#[component]
pub fn Accounts() -> impl IntoView {
    let state = app_state();
    move || {
        let accounts = state.accounts.get();
        if accounts.is_empty() {
            return view! { <p class="empty">{tr(W::NoAccounts)}</p> }.into_any();
        }
        view! {
            <ul class="lifeboat-accounts">
                {accounts.into_iter().map(|account| view! { <AccountCard account=account /> }).collect_view()}
            </ul>
        }
        .into_any()
    }
}

#[component]
fn AccountCard(account: SignedInAccount) -> impl IntoView {
    let state = app_state();
    let key = account.key();
    let shown = {
        let key = key.clone();
        Memo::new(move |_| {
            state
                .lifeboat
                .with(|accounts| accounts.get(&key).cloned().unwrap_or_default())
        })
    };
    let running = move || shown.with(|shown| shown.running.is_some());
    let account = StoredValue::new(account);
    view! {
        <li class="lifeboat-account" data-lifeboat-account=key.clone()
            data-backup-state=move || state_name(&shown.get())>
            <h2>{format!("@{key}")}</h2>
            {move || status(&shown.get())}
            <div class="actions">
                <button type="button" data-action="backup-now" disabled=running
                    on:click=move |_| {
                        leptos::task::spawn_local(back_up(state, account.get_value()));
                    }>{tr(W::BackUpNow)}</button>
                <ExportButton account=key.clone() />
            </div>
        </li>
    }
}

/// `running`, `down`, `failed`, `done` or `none`: for styling and tests.
fn state_name(shown: &AccountLifeboat) -> &'static str {
    let health = &shown.health;
    if shown.running.is_some() {
        "running"
    } else if health.server_down() {
        "down"
    } else if health.failure.is_some() {
        "failed"
    } else if health.last_good_ms.is_some() {
        "done"
    } else {
        "none"
    }
}

fn status(shown: &AccountLifeboat) -> AnyView {
    let health = &shown.health;
    let now = js_sys::Date::now();
    let last_good = match health.last_good_ms {
        Some(at) => {
            let iso = String::from(js_sys::Date::new(&at.into()).to_iso_string());
            let local = String::from(
                js_sys::Date::new(&at.into())
                    .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED),
            );
            view! { <p class="last-good">{tr(W::LastGood)}" "<time datetime=iso.clone() data-last-backup=iso>{local}</time></p> }.into_any()
        }
        None => view! { <p class="last-good">{tr(W::NoBackupYet)}</p> }.into_any(),
    };
    let running = shown.running.clone().map(|(phase, counts)| {
        let figures = [
            (counts.follows, W::Follows),
            (counts.followers, W::Followers),
            (counts.lists, W::Lists),
            (counts.posts, W::Posts),
        ];
        view! {
            <p class="progress" role="status" data-backup-phase=phase>
                {tr(W::BackingUp)}" "
                {figures.into_iter().map(|(count, words)| view! { <span>{count}" "{tr(words)}" "</span> }).collect_view()}
            </p>
        }
    });
    let down = health.server_down().then(|| {
        let age = health
            .hours_since_good(now)
            .map(|hours| view! { <p>{tr(W::BackupAge)}" "<span data-backup-age-hours=hours>{hours}</span></p> });
        view! {
            <div class="server-down" role="alert" data-server-down="">
                <p>{tr(W::ServerDown)}</p>
                {age}
                <button type="button" data-action="go-to-restore" on:click=|_| {
                    // The fragment holds the route, so the section is
                    // reached by scrolling rather than by an anchor.
                    if let Some(section) = document().get_element_by_id("restore") {
                        section.scroll_into_view();
                    }
                }>{tr(W::RestoreTitle)}</button>
            </div>
        }
    });
    let failure = health
        .failure
        .clone()
        .map(|why| view! { <p class="failure" role="alert">{tr(W::LastFailure)}" "{why}</p> });
    view! { {last_good}{running}{down}{failure} }.into_any()
}
