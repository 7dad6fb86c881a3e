//! The accounts the reader muted or blocked, each with the way to undo it.

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use super::paged::{Paged, PagedEnd, Problem};
use crate::api::actions::{unblock, unmute};
use crate::api::moderation::{ListedAccount, blocks, mute_ends as api_mute_ends, mutes};
use crate::i18n::moderation::ModerationWords;
use crate::i18n::{Lang, relative_time};
use crate::route::Route;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Undone {
    Mute,
    Block,
}

#[component]
pub fn AccountsPage(kind: Undone) -> impl IntoView {
    let paged = Paged::new(match kind {
        Undone::Mute => mutes(),
        Undone::Block => blocks(),
    });
    let problem = RwSignal::new(None);
    let ends = RwSignal::new(HashMap::new());
    if kind == Undone::Mute {
        ask_when_mutes_end(paged, ends);
    }
    let (class, empty) = match kind {
        Undone::Mute => ("muted-accounts", ModerationWords::NoMutes),
        Undone::Block => ("blocked-accounts", ModerationWords::NoBlocks),
    };
    view! {
        <Problem problem=problem />
        <ul class=format!("moderated {class}")>
            {move || paged.items.get().into_iter().map(move |account| view! {
                <AccountRow account=account kind=kind paged=paged problem=problem ends=ends />
            }).collect_view()}
        </ul>
        <PagedEnd paged=paged empty=empty />
    }
}

#[component]
fn AccountRow(
    account: ListedAccount,
    kind: Undone,
    paged: Paged<ListedAccount>,
    problem: RwSignal<Option<crate::api::ApiError>>,
    ends: RwSignal<HashMap<String, Option<String>>>,
) -> impl IntoView {
    let session = session();
    let lang = crate::state::app_state().lang;
    let profile = Route::Profile {
        server: session.server.clone(),
        acct: account.acct.clone(),
    }
    .to_fragment();
    let until = (kind == Undone::Mute).then(|| {
        let (listed, id) = (account.mute_expires_at.clone(), account.id.clone());
        let end = move || listed.clone().or_else(|| ends.with(|ends| ends.get(&id).cloned()));
        view! { <span class="mute-ends">{move || end().map(|end| mute_ends(lang.get(), end.as_deref()))}</span> }
    });
    let busy = RwSignal::new(false);
    let tasks = ViewTasks::here();
    let id = account.id.clone();
    let undo = move |_| {
        let (session, id) = (session.clone(), id.clone());
        busy.set(true);
        problem.set(None);
        tasks.spawn(async move {
            let done = match kind {
                Undone::Mute => session.ask(&unmute(&id)).await,
                Undone::Block => session.ask(&unblock(&id)).await,
            };
            match done {
                Ok(_) => paged.forget(|account| account.id == id),
                Err(error) => {
                    problem.try_set(Some(error));
                    busy.try_set(false);
                }
            }
        });
    };
    let (button_class, label) = match kind {
        Undone::Mute => ("unmute", ModerationWords::Unmute),
        Undone::Block => ("unblock", ModerationWords::Unblock),
    };
    view! {
        <li data-account-id=account.id.clone()>
            <a href=profile>{account.name().to_string()}</a>" "
            <span class="acct">{format!("@{}", account.acct)}</span>" "
            {until}
            <button type="button" class=button_class disabled=move || busy.get() on:click=undo>{tr(label)}</button>
        </li>
    }
}

/// Asks when the listed mutes end where the list does not say, once for
/// each page that comes.
fn ask_when_mutes_end(
    paged: Paged<ListedAccount>,
    ends: RwSignal<HashMap<String, Option<String>>>,
) {
    let session = StoredValue::new(session());
    let tasks = StoredValue::new(ViewTasks::here());
    let asked = StoredValue::new(HashSet::<String>::new());
    Effect::new(move |_| {
        let unknown: Vec<String> = paged.items.with(|items| {
            items
                .iter()
                .filter(|account| account.mute_expires_at.is_none())
                .filter(|account| !asked.with_value(|asked| asked.contains(&account.id)))
                .map(|account| account.id.clone())
                .collect()
        });
        if unknown.is_empty() {
            return;
        }
        asked.update_value(|asked| asked.extend(unknown.iter().cloned()));
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            let ids: Vec<&str> = unknown.iter().map(String::as_str).collect();
            if let Ok(found) = session.ask(&api_mute_ends(&ids)).await {
                ends.try_update(|ends| {
                    for found in found {
                        if let Some(end) = found.muting_expires_at {
                            ends.insert(found.id, end);
                        }
                    }
                });
            }
        });
    });
}

/// When a mute ends, as far as the server says.
fn mute_ends(lang: Lang, expires_at: Option<&str>) -> String {
    let words = |key: ModerationWords| crate::i18n::Words::in_lang(key, lang);
    let Some(expires_at) = expires_at else {
        return words(ModerationWords::MutedForEver).to_string();
    };
    let at = js_sys::Date::parse(expires_at);
    if at.is_nan() {
        return String::new();
    }
    let seconds = (at - js_sys::Date::now()) / 1000.0;
    if seconds < 60.0 {
        return words(ModerationWords::MuteEndsSoon).to_string();
    }
    match relative_time(lang, seconds) {
        Some(left) => format!("{} {left}", words(ModerationWords::MuteEndsIn)),
        None => format!(
            "{} {}",
            words(ModerationWords::MuteEndsOn),
            expires_at.get(..10).unwrap_or(expires_at)
        ),
    }
}
