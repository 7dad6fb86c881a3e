//! A list's members, each to remove from it.

use leptos::prelude::*;

use super::in_view::ViewTasks;
use super::moderation::paged::{Paged, PagedEnd, Problem};
use super::tr;
use crate::api::list_edit::remove_members;
use crate::api::moderation::list_members;
use crate::i18n::moderation::ModerationWords;
use crate::route::Route;
use crate::state::session::session;

#[component]
pub fn ListMembers(list_id: String) -> impl IntoView {
    let paged = Paged::new(list_members(&list_id));
    let session = StoredValue::new(session());
    let list_id = StoredValue::new(list_id);
    let problem = RwSignal::new(None);
    let tasks = StoredValue::new(ViewTasks::here());
    let remove = move |account_id: String| {
        problem.set(None);
        let (session, list_id) = (session.get_value(), list_id.get_value());
        tasks.get_value().spawn(async move {
            match session
                .ask(&remove_members(&list_id, &[account_id.as_str()]))
                .await
            {
                Ok(_) => paged.forget(|member| member.id == account_id),
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    view! {
        <ul class="members" aria-label=tr(ModerationWords::Members)>
            {move || paged.items.get().into_iter().map(move |member| {
                let href = Route::Profile { server: session.get_value().server, acct: member.acct.clone() }.to_fragment();
                let id = member.id.clone();
                view! {
                    <li data-account-id=member.id.clone()>
                        <a href=href>{member.name().to_string()}</a>" "
                        <span class="acct">{format!("@{}", member.acct)}</span>" "
                        <button type="button" class="remove-member" on:click=move |_| remove(id.clone())>{tr(ModerationWords::RemoveMember)}</button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <Problem problem=problem />
        <PagedEnd paged=paged empty=ModerationWords::NoMembers />
    }
}
