use leptos::prelude::*;

use crate::api::ServerAddr;
use crate::i18n::Lang;
use crate::state::app_state;
use crate::state::server_info::server_info;

/// The server's name, software, rules and limits, folded away until asked.
#[component]
pub fn ServerAbout(server: ServerAddr) -> impl IntoView {
    let state = app_state();
    let server = StoredValue::new(server);
    let info =
        LocalResource::new(move || async move { server_info(state, &server.get_value()).await });
    move || {
        info.get().flatten().map(|info| {
            let french = state.lang.get() == Lang::Fr;
            let about = if french { "À propos de ce serveur" } else { "About this server" };
            let runs = format!("{} {}", info.software.name(), info.version);
            let limit = info.max_characters.map(|max| if french { format!("{max} caractères par message") } else { format!("{max} characters per post") });
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
