//! The reader's filters: each with where it applies, what it does and its
//! keywords, to edit or delete; and a new one.

use leptos::prelude::*;

use super::filter_form::FilterForm;
use super::paged::{Paged, PagedEnd, Problem};
use crate::api::FilterAction;
use crate::api::filter_edit::{FilterRecord, delete_filter, filters};
use crate::api::{ServerAddr, filter_edit};
use crate::i18n::moderation::ModerationWords;
use crate::state::AppState;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

/// Which form is open: none, a new filter's, or a saved one's by id.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Editing {
    Nothing,
    New,
    Saved(String),
}

#[component]
pub fn FiltersPage() -> impl IntoView {
    let state = crate::state::app_state();
    let server = StoredValue::new(session().server);
    let paged = Paged::new(filters());
    let editing = RwSignal::new(Editing::Nothing);
    let blur = offers_blur(state, server.get_value());
    let after_save = Callback::new(move |_| {
        editing.set(Editing::Nothing);
        forget_timelines(state, &server.get_value());
        paged.reload();
    });
    let cancel = Callback::new(move |_| editing.set(Editing::Nothing));
    view! {
        {move || match editing.get() {
            Editing::New => view! { <FilterForm saved=None blur=blur done=after_save cancel=cancel /> }.into_any(),
            _ => view! {
                <button type="button" class="new-filter" on:click=move |_| editing.set(Editing::New)>{tr(ModerationWords::NewFilter)}</button>
            }.into_any(),
        }}
        <ul class="moderated filters">
            {move || paged.items.get().into_iter().map(move |filter| {
                let id = filter.id.clone();
                let record = filter.clone();
                view! {
                    <li data-filter-id=filter.id.clone()>
                        {move || if editing.get() == Editing::Saved(id.clone()) {
                            view! { <FilterForm saved=Some(record.clone()) blur=blur done=after_save cancel=cancel /> }.into_any()
                        } else {
                            view! { <FilterSummary filter=record.clone() editing=editing paged=paged server=server.get_value() /> }.into_any()
                        }}
                    </li>
                }
            }).collect_view()}
        </ul>
        <PagedEnd paged=paged empty=ModerationWords::NoFilters />
    }
}

#[component]
fn FilterSummary(
    filter: FilterRecord,
    editing: RwSignal<Editing>,
    paged: Paged<FilterRecord>,
    server: ServerAddr,
) -> impl IntoView {
    let state = crate::state::app_state();
    let session = session();
    let problem = RwSignal::new(None);
    let confirming = RwSignal::new(false);
    let tasks = ViewTasks::here();
    let id = StoredValue::new(filter.id.clone());
    let server = StoredValue::new(server);
    let delete = move |_| {
        let session = session.clone();
        problem.set(None);
        tasks.spawn(async move {
            match session.ask(&delete_filter(&id.get_value())).await {
                Ok(_) => {
                    forget_timelines(state, &server.get_value());
                    paged.forget(|filter| filter.id == id.get_value());
                }
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    let action = match filter.filter_action {
        FilterAction::Hide => ModerationWords::ActionHide,
        FilterAction::Blur => ModerationWords::ActionBlur,
        FilterAction::Warn | FilterAction::Other(_) => ModerationWords::ActionWarn,
    };
    let contexts = filter
        .context
        .iter()
        .filter_map(|context| context_words(context))
        .map(|words| view! { <li>{tr(words)}</li> })
        .collect_view();
    let keywords = filter
        .keywords
        .iter()
        .map(|keyword| {
            view! { <li class="keyword" class:whole-word=keyword.whole_word>{keyword.keyword.clone()}</li> }
        })
        .collect_view();
    let ends = filter.expires_at.clone().map(|at| {
        view! { <p class="filter-ends">{tr(ModerationWords::Expiry)}" "{at.get(..16).unwrap_or(&at).replace('T', " ")}</p> }
    });
    view! {
        <h2 class="filter-title">{filter.title.clone()}</h2>
        <p class="filter-action">{tr(action)}</p>
        <ul class="filter-contexts" aria-label=tr(ModerationWords::FilterContexts)>{contexts}</ul>
        <ul class="filter-keywords" aria-label=tr(ModerationWords::Keywords)>{keywords}</ul>
        {ends}
        <button type="button" class="edit-filter" on:click=move |_| editing.set(Editing::Saved(id.get_value()))>{tr(ModerationWords::Edit)}</button>
        {move || if confirming.get() {
            view! {
                <span class="confirm" role="group" aria-label=tr(ModerationWords::ReallyDelete)>
                    {tr(ModerationWords::ReallyDelete)}" "
                    <button type="button" class="confirm-delete" on:click=delete.clone()>{tr(ModerationWords::YesDelete)}</button>
                    <button type="button" on:click=move |_| confirming.set(false)>{tr(ModerationWords::Cancel)}</button>
                </span>
            }.into_any()
        } else {
            view! { <button type="button" class="delete-filter" on:click=move |_| confirming.set(true)>{tr(ModerationWords::Delete)}</button> }.into_any()
        }}
        <Problem problem=problem />
    }
}

/// The words for a filter's context, as the API names it.
pub fn context_words(context: &str) -> Option<ModerationWords> {
    Some(match context {
        "home" => ModerationWords::ContextHome,
        "notifications" => ModerationWords::ContextNotifications,
        "public" => ModerationWords::ContextPublic,
        "thread" => ModerationWords::ContextThread,
        "account" => ModerationWords::ContextAccount,
        _ => return None,
    })
}

/// Whether the server takes the `blur` action, once it is known.
fn offers_blur(state: AppState, server: ServerAddr) -> Signal<bool> {
    let offered = RwSignal::new(false);
    ViewTasks::here().spawn(async move {
        if let Some(info) = crate::state::server_info::server_info(state, &server).await {
            offered.try_set(filter_edit::supports_blur(&info));
        }
    });
    offered.into()
}

/// Filters apply as the server sends posts: timelines kept from before a
/// change would show them as the old filters had it, so they load afresh.
fn forget_timelines(state: AppState, server: &ServerAddr) {
    state
        .timelines
        .update_value(|timelines| timelines.retain(|(kept, _), _| kept != server));
}
