//! The domains the reader blocked, a field to block another, and the way
//! to unblock each.

use leptos::prelude::*;

use super::paged::{Paged, PagedEnd, Problem};
use crate::api::actions::{block_domain, unblock_domain};
use crate::api::moderation::{domain_blocks, domain_to_block};
use crate::i18n::moderation::ModerationWords;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

#[component]
pub fn DomainBlocksPage() -> impl IntoView {
    let paged = Paged::new(domain_blocks());
    let problem = RwSignal::new(None);
    let typed = RwSignal::new(String::new());
    let not_a_domain = RwSignal::new(false);
    let session = StoredValue::new(session());
    let tasks = StoredValue::new(ViewTasks::here());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(domain) = domain_to_block(&typed.get_untracked()) else {
            not_a_domain.set(true);
            return;
        };
        not_a_domain.set(false);
        problem.set(None);
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            match session.ask(&block_domain(&domain)).await {
                Ok(_) => {
                    typed.try_set(String::new());
                    paged.items.try_update(|domains| {
                        if !domains.contains(&domain) {
                            domains.insert(0, domain);
                        }
                    });
                }
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    let unblock = move |domain: String| {
        problem.set(None);
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            match session.ask(&unblock_domain(&domain)).await {
                Ok(_) => paged.forget(|blocked| *blocked == domain),
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    view! {
        <form class="block-domain" on:submit=submit>
            <label for="domain-to-block">{tr(ModerationWords::DomainToBlock)}</label>
            <input id="domain-to-block" name="domain" type="text" inputmode="url" autocomplete="off" placeholder="spam.example"
                prop:value=move || typed.get() on:input=move |ev| typed.set(event_target_value(&ev)) />
            <button type="submit">{tr(ModerationWords::BlockDomain)}</button>
            {move || not_a_domain.get().then(|| view! { <p class="problem" role="alert">{tr(ModerationWords::NotADomain)}</p> })}
        </form>
        <Problem problem=problem />
        <ul class="moderated blocked-domains">
            {move || paged.items.get().into_iter().map(move |domain| {
                let gone = domain.clone();
                view! {
                    <li data-domain=domain.clone()>
                        <span class="domain">{domain.clone()}</span>" "
                        <button type="button" class="unblock-domain" on:click=move |_| unblock(gone.clone())>{tr(ModerationWords::UnblockDomain)}</button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <PagedEnd paged=paged empty=ModerationWords::NoDomainBlocks />
    }
}
