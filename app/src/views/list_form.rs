//! The form that makes a list or changes one: its name, which replies it
//! shows, and whether its posts leave the home timeline. Fields carry the
//! API's parameter names.

use leptos::prelude::*;

use super::in_view::ViewTasks;
use super::moderation::paged::Problem;
use super::tr;
use crate::api::UserList;
use crate::api::list_edit::{ListDraft, RepliesPolicy, create_list, update_list};
use crate::i18n::moderation::ModerationWords;
use crate::state::session::session;

#[component]
pub fn ListForm(saved: Option<UserList>, done: Callback<()>) -> impl IntoView {
    let session = StoredValue::new(session());
    let tasks = StoredValue::new(ViewTasks::here());
    let start = saved.as_ref().map(ListDraft::of).unwrap_or_default();
    let editing = saved.as_ref().map(|list| list.id.clone());
    let creating = editing.is_none();
    let editing = StoredValue::new(editing);
    let title = RwSignal::new(start.title);
    let policy = RwSignal::new(start.replies_policy);
    let exclusive = RwSignal::new(start.exclusive);
    let problem = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = ListDraft {
            title: title.get_untracked(),
            replies_policy: policy.get_untracked(),
            exclusive: exclusive.get_untracked(),
        };
        if draft.title.trim().is_empty() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let (session, editing) = (session.get_value(), editing.get_value());
        tasks.get_value().spawn(async move {
            let outcome = match editing {
                None => session.ask(&create_list(&draft)).await,
                Some(id) => session.ask(&update_list(&id, &draft)).await,
            };
            busy.try_set(false);
            match outcome {
                Ok(_) => {
                    if creating {
                        title.try_set(String::new());
                    }
                    done.run(());
                }
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    let heading = if creating {
        ModerationWords::NewList
    } else {
        ModerationWords::Edit
    };
    view! {
        <form class="list-form" class:new-list=creating on:submit=submit aria-label=tr(heading)>
            <label>{tr(ModerationWords::ListTitle)}" "
                <input type="text" name="title" required prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
            </label>
            <label>{tr(ModerationWords::RepliesPolicy)}" "
                <select name="replies_policy" on:change=move |ev| {
                    if let Some(chosen) = RepliesPolicy::from_name(&event_target_value(&ev)) {
                        policy.set(chosen);
                    }
                }>
                    {RepliesPolicy::ALL.into_iter().map(|choice| view! {
                        <option value=choice.name() selected=move || policy.get() == choice>{tr(policy_words(choice))}</option>
                    }).collect_view()}
                </select>
            </label>
            <label>
                <input type="checkbox" name="exclusive" prop:checked=move || exclusive.get() on:change=move |ev| exclusive.set(event_target_checked(&ev)) />
                {tr(ModerationWords::Exclusive)}
            </label>
            <button type="submit" class="save-list" disabled=move || busy.get()>
                {tr(if creating { ModerationWords::Create } else { ModerationWords::Save })}
            </button>
            <Problem problem=problem />
        </form>
    }
}

fn policy_words(policy: RepliesPolicy) -> ModerationWords {
    match policy {
        RepliesPolicy::Followed => ModerationWords::RepliesFollowed,
        RepliesPolicy::List => ModerationWords::RepliesList,
        RepliesPolicy::None => ModerationWords::RepliesNone,
    }
}
