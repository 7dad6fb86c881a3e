//! The "edited" marker of an edited status, which opens the list of its
//! versions as the server keeps them.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::status_card::short_time;
use super::status_toggle::failed;
use super::tr;
use crate::api::CustomEmoji;
use crate::api::actions::{self, StatusEdit};
use crate::i18n::Text;
use crate::i18n::actions::ActionWords;
use crate::sanitize::emoji::name_html;
use crate::sanitize::sanitize_html;
use crate::state::session::session;

/// The edited marker and its history, loaded with the first edited post.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn edit_history(status_id: String, emojis: Vec<CustomEmoji>) -> AnyView {
    view! { <EditHistory status_id=status_id emojis=emojis /> }.into_any()
}

#[component]
pub fn EditHistory(status_id: String, emojis: Vec<CustomEmoji>) -> impl IntoView {
    let state = crate::state::app_state();
    let session = StoredValue::new(session());
    let open = RwSignal::new(false);
    let versions = RwSignal::new(None::<Vec<StatusEdit>>);
    let emojis = StoredValue::new(emojis);
    let toggle = move |_| {
        let now = !open.get_untracked();
        open.set(now);
        if !now || versions.with_untracked(Option::is_some) {
            return;
        }
        let Some(session) = session.try_get_value() else {
            return;
        };
        let id = status_id.clone();
        spawn_local(async move {
            match session.ask(&actions::history(&id)).await {
                Ok(list) => {
                    versions.try_set(Some(list));
                }
                Err(error) => {
                    open.try_set(false);
                    failed(state, error);
                }
            }
        });
    };
    let list = move || {
        open.get().then(|| match versions.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
            Some(list) if list.is_empty() => {
                view! { <p>{tr(ActionWords::NoHistory)}</p> }.into_any()
            }
            Some(list) => {
                // Newest first, as readers look for what changed last.
                let items = list
                    .into_iter()
                    .rev()
                    .map(|version| emojis.with_value(|emojis| version_view(version, emojis)))
                    .collect_view();
                view! { <ol class="edit-history" aria-label=tr(ActionWords::History)>{items}</ol> }
                    .into_any()
            }
        })
    };
    view! {
        <button type="button" class="edited" aria-expanded=move || open.get().to_string() title=tr(ActionWords::History) on:click=toggle>
            {tr(Text::Edited)}
        </button>
        {list}
    }
}

fn version_view(version: StatusEdit, emojis: &[CustomEmoji]) -> impl IntoView + use<> {
    let content = sanitize_html(&version.content, emojis, &|_| None);
    let spoiler = (!version.spoiler_text.trim().is_empty()).then(
        || view! { <p class="version-cw" inner_html=name_html(&version.spoiler_text, emojis)></p> },
    );
    let when = version.created_at.clone();
    view! {
        <li class="version">
            <p class="version-time">{tr(ActionWords::Version)}" "<time datetime=when.clone()>{short_time(&when)}</time></p>
            {spoiler}
            <div class="content" inner_html=content></div>
        </li>
    }
}
