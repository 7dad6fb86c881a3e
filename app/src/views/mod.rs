//! The views: one file per page, small components beside them.

mod error_notice;
mod profile;
mod start;
mod status_card;
mod thread;
mod timeline;

use leptos::prelude::*;

use crate::api::Timeline;
use crate::browser::location::{navigate, route_signal};
use crate::route::Route;
use crate::state::{load_host_config, provide_app_state};

/// Mounts the client on the page's body.
pub fn start() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
}

#[component]
fn App() -> impl IntoView {
    let state = provide_app_state();
    let route = route_signal();
    leptos::task::spawn_local(async move {
        let config = load_host_config().await;
        // A host's default server applies only to a visitor who arrives with
        // no route, so that links and the back button keep their meaning.
        if route.get_untracked() == Route::Start
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
        }>"Skip to content"</a>
        <Header route=route />
        <main id="main">
            {move || match route.get() {
                Route::Start => view! { <start::StartView /> }.into_any(),
                Route::Timeline { server, timeline } => {
                    view! { <timeline::TimelineView server=server timeline=timeline /> }.into_any()
                }
                Route::Thread { server, status_id } => {
                    view! { <thread::ThreadView server=server status_id=status_id /> }.into_any()
                }
                Route::Profile { server, acct } => {
                    view! { <profile::ProfileView server=server acct=acct /> }.into_any()
                }
                Route::NotFound(fragment) => view! {
                    <section class="notice">
                        <h1>"Nothing here"</h1>
                        <p>{format!("This client has no page at {fragment}.")}</p>
                        <a href="#/">"Pick a server"</a>
                    </section>
                }.into_any(),
            }}
        </main>
    }
}

#[component]
fn Header(route: ReadSignal<Route>) -> impl IntoView {
    let nav = move || {
        route.get().server().cloned().map(|server| {
            let link = |timeline: Timeline| {
                Route::Timeline {
                    server: server.clone(),
                    timeline,
                }
                .to_fragment()
            };
            view! {
                <nav aria-label="Timelines">
                    <a href=link(Timeline::Local)>"Local"</a>
                    <a href=link(Timeline::Federated)>"Federated"</a>
                    <span class="server">{server.to_string()}</span>
                </nav>
            }
        })
    };
    view! {
        <header class="top">
            <a class="brand" href="#/">"Samizdat"</a>
            {nav}
        </header>
    }
}
