//! The views: one file per page, small components beside them.

mod account_acting;
mod account_actions;
mod account_ask;
mod account_lists;
mod account_mute;
mod account_note;
mod compose;
mod crash_notice;
mod drafts;
mod error_notice;
mod in_view;
mod keyboard;
mod lifeboat;
mod list_form;
mod list_members;
mod lists;
mod live;
mod media;
mod mirror_offer;
mod moderation;
mod notifications;
mod offline;
mod painted;
mod profile;
mod report_dialog;
mod scheduled;
mod search;
mod server_about;
mod start;
mod status_actions;
mod status_button;
mod status_card;
mod status_history;
mod status_open;
mod status_own;
mod status_poll;
mod status_share;
mod status_toggle;
mod thread;
mod timeline;
mod worker_news;

use leptos::prelude::*;

use crate::i18n::Text;
use crate::i18n::moderation::ModerationWords;

use crate::api::Timeline;
use crate::browser::location::{navigate, route_signal};
use crate::route::Route;
use crate::state::session::{Session, provide_session};
use crate::state::{AppState, SignedInAccount, load_host_config, provide_app_state, sign_in};

/// Mounts the client on the page's body.
pub fn start() {
    crash_notice::install();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = provide_app_state();
    crate::state::outbox::install(state);
    crate::state::lifeboat::install(state);
    let route = route_signal();
    let show_shortcuts = keyboard::install();
    let notifications_live = live::watch_notifications(state);
    leptos::task::spawn_local(async move {
        if sign_in::returning()
            && let Some(next) = sign_in::finish(state).await
        {
            navigate(&next);
        }
        let config = load_host_config().await;
        // A host's default server applies only to a visitor who arrives with
        // no route, so that links and the back button keep their meaning.
        if route.get_untracked() == Route::Start
            && window().location().hash().unwrap_or_default().len() <= 2
            && let Some(server) = config.default_server()
        {
            navigate(&Route::Timeline {
                server,
                timeline: Timeline::Local,
            });
        }
        state.host_config.set(config);
    });
    view! {
        <a class="skip-link" href="#main" on:click=|ev| {
            ev.prevent_default();
            if let Some(main) = document().get_element_by_id("main") {
                main.scroll_into_view();
            }
        }>{tr(Text::SkipToContent)}</a>
        <Header route=route state=state notifications_live=notifications_live />
        {move || state.notice.get().map(|notice| view! {
            <div class="notice-bar" role="status">
                <span>{crate::i18n::message(state.lang.get(), &notice)}</span>
                <button type="button" on:click=move |_| state.notice.set(None)>{tr(Text::Dismiss)}</button>
            </div>
        })}
        <worker_news::WorkerNews />
        <keyboard::ShortcutsHelp open=show_shortcuts />
        <main id="main">
            {move || {
                let route = route.get();
                // Every view of a server asks it through this one session.
                if let Some(server) = route.server() {
                    provide_session(Session::for_server(state, server.clone()));
                }
                match route {
                    Route::Start => later(start::page()),
                    Route::Timeline { timeline, .. } => {
                        view! { <timeline::TimelineView timeline=timeline /> }.into_any()
                    }
                    Route::Thread { status_id, .. } => later(thread::page(status_id)),
                    Route::Profile { acct, .. } => later(profile::page(acct)),
                    Route::Notifications { .. } => later(notifications::page()),
                    Route::Lists { .. } => later(lists::page()),
                    Route::Search { query, .. } => later(search::page(query)),
                    Route::Compose { draft, .. } => later(compose::page(draft)),
                    Route::Drafts { .. } => later(drafts::page()),
                    Route::Scheduled { .. } => later(scheduled::page()),
                    Route::Moderation { page, .. } => later(moderation::page(page)),
                    Route::Lifeboat => later(lifeboat::page()),
                    Route::NotFound(fragment) => view! {
                        <section class="notice">
                            <h1>{tr(Text::NothingHere)}</h1>
                            <p>{move || crate::i18n::message(state.lang.get(), &crate::i18n::Message::NoPageAt(fragment.clone()))}</p>
                            <a href="#/">{tr(Text::PickAServer)}</a>
                        </section>
                    }.into_any(),
                }
            }}
        </main>
    }
}

#[component]
fn Header(
    route: ReadSignal<Route>,
    state: AppState,
    notifications_live: ReadSignal<bool>,
) -> impl IntoView {
    let nav = move || {
        route.get().server().cloned().map(|server| {
            let link = |timeline: Timeline| {
                Route::Timeline {
                    server: server.clone(),
                    timeline,
                }
                .to_fragment()
            };
            let signed_in = state.accounts.with(|accounts| {
                accounts
                    .iter()
                    .any(|account| account.server == server)
            });
            view! {
                <nav aria-label=tr(Text::Timelines)>
                    {signed_in.then(|| view! { <a href=link(Timeline::Home)>{tr(Text::Home)}</a> })}
                    <a href=link(Timeline::Local)>{tr(Text::Local)}</a>
                    <a href=link(Timeline::Federated)>{tr(Text::Federated)}</a>
                    {signed_in.then(|| view! { <a href=Route::Lists { server: server.clone() }.to_fragment()>{tr(Text::Lists)}</a> })}
                    {signed_in.then(|| view! {
                        <a href=Route::Notifications { server: server.clone() }.to_fragment() data-live=move || if notifications_live.get() { "stream" } else { "off" }>
                            {tr(Text::Notifications)}
                            {move || {
                                let unread = state.unread_notifications.get();
                                (unread > 0).then(|| view! { " "<span class="unread" aria-label=move || format!("{unread} {}", tr(Text::Unread)())>{unread}</span> })
                            }}
                        </a>
                    })}
                    {signed_in.then(|| view! { <a href=Route::Scheduled { server: server.clone() }.to_fragment()>{tr(crate::i18n::media::MediaWords::Scheduled)}</a> })}
                    <a href=Route::Search { server: server.clone(), query: String::new() }.to_fragment()>{tr(Text::Search)}</a>
                    {signed_in.then(|| view! { <a class="compose-link" href=Route::Compose { server: server.clone(), draft: None }.to_fragment()>{tr(crate::i18n::compose::ComposeWords::Compose)}</a> })}
                    {signed_in.then(|| view! {
                        <a class="moderation" href=Route::Moderation { server: server.clone(), page: crate::route::ModerationPage::Mutes }.to_fragment()>{tr(ModerationWords::Moderation)}</a>
                    })}
                    <span class="server">{server.to_string()}</span>
                </nav>
            }
        })
    };
    let accounts = move || {
        let active = state.active.get();
        state
            .accounts
            .get()
            .into_iter()
            .map(|account| {
                let key = account.key();
                let is_active = active.as_deref() == Some(key.as_str());
                let (switch_key, out_key) = (key.clone(), key.clone());
                let home = Route::Timeline { server: account.server.clone(), timeline: Timeline::Home };
                view! {
                    <li class="account" class:active=is_active data-account=key.clone()>
                        <button type="button" class="switch" aria-pressed=is_active.to_string() on:click=move |_| {
                            sign_in::switch_to(state, switch_key.clone());
                            navigate(&home);
                        }>{format!("@{key}")}</button>
                        <button type="button" class="sign-out" on:click=move |_| {
                            let key = out_key.clone();
                            leptos::task::spawn_local(sign_in::sign_out(state, key));
                        }>{tr(Text::SignOut)}</button>
                    </li>
                }
            })
            .collect_view()
    };
    let lifeboat = move || {
        let signed_in = state.accounts.with(|accounts| !accounts.is_empty());
        signed_in.then(|| view! { <a class="lifeboat-link" href=Route::Lifeboat.to_fragment()>{tr(Text::Lifeboat)}</a> })
    };
    let server_down = move || {
        // In the order of the accounts, so that the banner reads the same
        // from one redraw to the next.
        let down: Vec<String> = state.lifeboat.with(|shown| {
            state.accounts.with(|accounts| {
                accounts
                    .iter()
                    .map(SignedInAccount::key)
                    .filter(|key| {
                        shown
                            .get(key)
                            .is_some_and(|shown| shown.health.server_down())
                    })
                    .collect()
            })
        });
        // The banner's code loads only when a server has gone silent.
        (!down.is_empty()).then(|| later_part(lifeboat::banner(down)))
    };
    view! {
        <header class="top">
            <a class="brand" href="#/">"Samizdat"</a>
            {nav}
            <ul class="accounts" aria-label=tr(Text::Accounts)>{accounts}</ul>
            {lifeboat}
            {server_down}
            <button type="button" class="language" lang=move || state.lang.get().other().tag() on:click=move |_| state.set_lang(state.lang.get_untracked().other())>
                {tr(Text::SwitchLanguage)}
            </button>
        </header>
    }
}

/// A view whose code may load on demand, with a loading line meanwhile.
pub(crate) fn later(view: impl Future<Output = AnyView> + Send + 'static) -> AnyView {
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }>
            {Suspend::new(view)}
        </Suspense>
    }
    .into_any()
}

/// A part of a view whose code may load on demand, showing nothing until
/// it has: a row of buttons or a poll should not announce itself loading.
pub(crate) fn later_part(view: impl Future<Output = AnyView> + Send + 'static) -> AnyView {
    view! { <Suspense>{Suspend::new(view)}</Suspense> }.into_any()
}

/// The words for `key`, following the reader's language.
pub fn tr<W: crate::i18n::Words>(
    key: W,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = crate::state::app_state().lang;
    move || key.in_lang(lang.get())
}

pub use crate::browser::timer::after_seconds;
