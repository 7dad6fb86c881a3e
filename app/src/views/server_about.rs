use leptos::prelude::*;

use crate::api::ServerAddr;
use crate::i18n::{Message, Text, message, text};
use crate::state::app_state;
use crate::state::server_info::server_info;

/// The about box, loaded once a timeline's first page has come: it is
/// never what the reader came for.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn about(server: ServerAddr) -> AnyView {
    view! { <ServerAbout server=server /> }.into_any()
}

/// The server's name, software, rules and limits, folded away until asked.
#[component]
pub fn ServerAbout(server: ServerAddr) -> impl IntoView {
    let state = app_state();
    let server = StoredValue::new(server);
    let info =
        LocalResource::new(move || async move { server_info(state, &server.get_value()).await });
    move || {
        info.get().flatten().map(|info| {
            let lang = state.lang.get();
            let about = text(lang, Text::AboutServer);
            let runs = format!("{} {}", info.software.name(), info.version);
            let limit = info.limits.max_characters.map(|max| message(lang, &Message::CharactersPerPost(max)));
            view! {
                <details class="server-about">
                    <summary>{about}" — "<strong class="server-title">{info.title.clone()}</strong></summary>
                    <p class="server-software">{runs}</p>
                    {limit.map(|limit| view! { <p class="server-limit">{limit}</p> })}
                    <ol class="server-rules">
                        {info.rules.iter().map(|rule| view! { <li>{rule.text.clone()}</li> }).collect_view()}
                    </ol>
                </details>
            }
        })
    }
}
