use leptos::prelude::*;

use super::tr;
use crate::i18n::{Message, Text, message};

use crate::api::{ServerAddr, Timeline};
use crate::browser::location::navigate;
use crate::route::Route;
use crate::state::app_state;

/// Where a visitor picks the server to read from.
/// The start page, loaded on first use: a reader who arrives on a
/// timeline never needs it.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page() -> AnyView {
    view! { <StartView /> }.into_any()
}

#[component]
pub fn StartView() -> impl IntoView {
    let state = app_state();
    let input = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<Message>);
    Effect::new(move |_| {
        if let Some(server) = state.host_config.get().default_server
            && input.get_untracked().is_empty()
        {
            input.set(server);
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match ServerAddr::parse_user_input(&input.get_untracked()) {
            Ok(server) => {
                problem.set(None);
                navigate(&Route::Timeline {
                    server,
                    timeline: Timeline::Local,
                });
            }
            Err(error) => problem.set(Some(Message::BadAddress(error))),
        }
    };
    view! {
        <section class="start">
            <h1>{tr(Text::ReadAnyServer)}</h1>
            <p>{tr(Text::Intro)}</p>
            <form on:submit=submit>
                <label for="server">{tr(Text::Server)}</label>
                <input id="server" name="server" type="text" inputmode="url" autocomplete="url" placeholder="mastodon.social"
                    prop:value=move || input.get()
                    on:input=move |ev| input.set(event_target_value(&ev))
                    aria-invalid=move || problem.with(Option::is_some).to_string()
                    aria-describedby="server-problem" />
                <button type="submit">{tr(Text::Open)}</button>
                <button type="button" class="sign-in" on:click=move |_| {
                    match ServerAddr::parse_user_input(&input.get_untracked()) {
                        Ok(server) => {
                            problem.set(None);
                            leptos::task::spawn_local(async move {
                                if let Err(why) = crate::state::sign_in::start(server).await {
                                    problem.try_set(Some(why));
                                }
                            });
                        }
                        Err(error) => problem.set(Some(Message::BadAddress(error))),
                    }
                }>{tr(Text::SignIn)}</button>
                <p id="server-problem" class="problem" role="alert">{move || problem.with(|problem| problem.as_ref().map(|problem| message(state.lang.get(), problem)))}</p>
            </form>
            {super::offline::settings()}
        </section>
    }
}

/// The sign-in prompt, with the sign-in flow's code loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn sign_in_prompt(server: ServerAddr) -> AnyView {
    view! { <SignInPrompt server=server /> }.into_any()
}

/// Asks the visitor to sign in, for views that need an account.
#[component]
pub fn SignInPrompt(server: ServerAddr) -> impl IntoView {
    let lang = app_state().lang;
    let problem = RwSignal::new(None::<Message>);
    let asked = server.clone();
    view! {
        <section class="sign-in-prompt">
            <p>{move || message(lang.get(), &Message::SignInToSee(asked.clone()))}</p>
            <button type="button" class="sign-in" on:click=move |_| {
                let server = server.clone();
                leptos::task::spawn_local(async move {
                    if let Err(why) = crate::state::sign_in::start(server).await {
                        problem.try_set(Some(why));
                    }
                });
            }>{tr(Text::SignIn)}</button>
            <p class="problem" role="alert">{move || problem.with(|problem| problem.as_ref().map(|problem| message(lang.get(), problem)))}</p>
        </section>
    }
}
