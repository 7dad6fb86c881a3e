//! The posts waiting in the outbox for this account, each marked with
//! `data-outbox`, and a way to drop one the server refused.

use leptos::prelude::*;

use super::super::tr;
use crate::i18n::compose::ComposeWords as W;
use crate::state::outbox::outbox;

/// The first words of a post, to tell it apart in a list.
pub fn excerpt(spoiler: &str, text: &str) -> String {
    let shown = if spoiler.trim().is_empty() {
        text
    } else {
        spoiler
    };
    let mut excerpt: String = shown.chars().take(80).collect();
    if shown.chars().nth(80).is_some() {
        excerpt.push('…');
    }
    excerpt
}

#[component]
pub fn OutboxList(account: String) -> impl IntoView {
    let outbox = outbox();
    let mine = move || {
        outbox.entries.with(|entries| {
            entries
                .iter()
                .filter(|entry| entry.account == account)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let has_any = {
        let mine = mine.clone();
        move || !mine().is_empty()
    };
    move || {
        has_any().then(|| {
            let items = mine()
                .into_iter()
                .map(|entry| {
                    let refused = entry.failure.clone();
                    let text = excerpt(&entry.draft.spoiler_text, &entry.draft.text);
                    let key = entry.key.clone();
                    let drop = refused.is_some().then(|| {
                        let entry = entry.clone();
                        view! {
                            <button type="button" class="discard" on:click=move |_| {
                                let entry = entry.clone();
                                leptos::task::spawn_local(async move { outbox.remove(&entry).await });
                            }>{tr(W::Discard)}</button>
                        }
                    });
                    view! {
                        <li data-outbox=key>
                            <span class="excerpt">{text}</span>" "
                            <span class="state">{match refused {
                                Some(why) => view! { {tr(W::Refused)}": "{why} }.into_any(),
                                None => view! { {tr(W::WaitingToSend)} }.into_any(),
                            }}</span>
                            {drop}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="outbox" aria-label=tr(W::Outbox)>
                    <h2>{tr(W::Outbox)}</h2>
                    <ul>{items}</ul>
                </section>
            }
        })
    }
}
