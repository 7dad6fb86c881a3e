use leptos::prelude::*;

use super::error_notice::ErrorNotice;
use super::in_view::{ViewTasks, load};
use super::list_form::ListForm;
use super::list_members::ListMembers;
use super::moderation::paged::Problem;
use super::start::SignInPrompt;
use super::tr;
use crate::api::list_edit::delete_list;
use crate::api::{Lists, Timeline, UserList};
use crate::i18n::Text;
use crate::i18n::moderation::ModerationWords;
use crate::route::Route;
use crate::state::session::session;

/// What a list's row shows under its name.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    Nothing,
    Form,
    Members,
    ConfirmDelete,
}

/// The signed-in account's lists, each opening its own timeline, to make,
/// change and delete.
/// The lists page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page() -> AnyView {
    view! { <ListsView /> }.into_any()
}

#[component]
pub fn ListsView() -> impl IntoView {
    let session = session();
    if !session.signed_in() {
        return view! { <h1 class="view-title">{tr(Text::Lists)}</h1><SignInPrompt server=session.server /> }
            .into_any();
    }
    let server = StoredValue::new(session.server);
    let lists = load(|session| async move { session.ask(&Lists).await });
    let changed = Callback::new(move |_| lists.reload());
    view! {
        <h1 class="view-title">{tr(Text::Lists)}</h1>
        <ListForm saved=None done=changed />
        {move || match lists.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
            Some(Ok(lists)) if lists.is_empty() => view! { <p class="empty">{tr(ModerationWords::NoListsYet)}</p> }.into_any(),
            Some(Ok(lists)) => view! {
                <ul class="lists" aria-label=tr(Text::Lists)>
                    {lists.into_iter().map(|list| view! { <ListRow list=list changed=changed /> }).collect_view()}
                </ul>
            }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error=error retry=Callback::new(move |_| lists.reload()) server=server.get_value() /> }.into_any(),
        }}
    }
    .into_any()
}

#[component]
fn ListRow(list: UserList, changed: Callback<()>) -> impl IntoView {
    let session = session();
    let href = Route::Timeline {
        server: session.server.clone(),
        timeline: Timeline::List(list.id.clone()),
    }
    .to_fragment();
    let title = if list.title.is_empty() {
        format!("#{}", list.id)
    } else {
        list.title.clone()
    };
    let open = RwSignal::new(Open::Nothing);
    let problem = RwSignal::new(None);
    let tasks = ViewTasks::here();
    let id = StoredValue::new(list.id.clone());
    let delete = move |_| {
        let session = session.clone();
        problem.set(None);
        tasks.spawn(async move {
            match session.ask(&delete_list(&id.get_value())).await {
                Ok(_) => changed.run(()),
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    let toggle = move |which: Open| {
        move |_| open.update(|open| *open = if *open == which { Open::Nothing } else { which })
    };
    let saved = StoredValue::new(list.clone());
    view! {
        <li>
            <a href=href data-list-id=list.id.clone()>{title}</a>" "
            <button type="button" class="edit-list" aria-expanded=move || (open.get() == Open::Form).to_string() on:click=toggle(Open::Form)>{tr(ModerationWords::Edit)}</button>
            <button type="button" class="list-members" aria-expanded=move || (open.get() == Open::Members).to_string() on:click=toggle(Open::Members)>{tr(ModerationWords::Members)}</button>
            <button type="button" class="delete-list" on:click=toggle(Open::ConfirmDelete)>{tr(ModerationWords::Delete)}</button>
            {move || match open.get() {
                Open::Nothing => ().into_any(),
                Open::Form => view! { <ListForm saved=Some(saved.get_value()) done=changed /> }.into_any(),
                Open::Members => view! { <ListMembers list_id=id.get_value() /> }.into_any(),
                Open::ConfirmDelete => view! {
                    <span class="confirm" role="group" aria-label=tr(ModerationWords::ReallyDelete)>
                        {tr(ModerationWords::ReallyDelete)}" "
                        <button type="button" class="confirm-delete" on:click=delete.clone()>{tr(ModerationWords::YesDelete)}</button>
                        <button type="button" on:click=move |_| open.set(Open::Nothing)>{tr(ModerationWords::Cancel)}</button>
                    </span>
                }.into_any(),
            }}
            <Problem problem=problem />
        </li>
    }
}
