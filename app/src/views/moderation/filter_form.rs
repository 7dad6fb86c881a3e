//! The form that makes a new filter or changes a saved one. Fields carry
//! the API's parameter names.

use leptos::prelude::*;

use super::filters::context_words;
use super::paged::Problem;
use crate::api::FilterAction;
use crate::api::filter_edit::{
    CONTEXTS, EXPIRIES, Expiry, FilterDraft, FilterProblem, FilterRecord, KeywordDraft,
    create_filter, keyword_changes, keyword_request, update_filter,
};
use crate::i18n::moderation::ModerationWords;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

/// One keyword row, keyed so that typing in one keeps its focus.
type KeywordRow = (u32, RwSignal<KeywordDraft>);

#[component]
pub fn FilterForm(
    saved: Option<FilterRecord>,
    blur: Signal<bool>,
    done: Callback<()>,
    cancel: Callback<()>,
) -> impl IntoView {
    let session = StoredValue::new(session());
    let tasks = StoredValue::new(ViewTasks::here());
    let start = saved
        .as_ref()
        .map(FilterDraft::from_record)
        .unwrap_or_default();
    let editing = saved.is_some();
    let saved = StoredValue::new(saved);
    let title = RwSignal::new(start.title.clone());
    let context = RwSignal::new(start.context.clone());
    let action = RwSignal::new(start.action.clone());
    let expiry = RwSignal::new(start.expiry);
    let next_key = StoredValue::new(start.keywords.len() as u32);
    let keywords: RwSignal<Vec<KeywordRow>> = RwSignal::new(
        start
            .keywords
            .into_iter()
            .enumerate()
            .map(|(at, keyword)| (at as u32, RwSignal::new(keyword)))
            .collect(),
    );
    let add_keyword = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let keyword = KeywordDraft {
            whole_word: true,
            ..KeywordDraft::default()
        };
        keywords.update(|rows| rows.push((key, RwSignal::new(keyword))));
    };
    let invalid = RwSignal::new(None::<FilterProblem>);
    let problem = RwSignal::new(None);
    let busy = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let draft = FilterDraft {
            title: title.get_untracked(),
            context: context.get_untracked(),
            action: action.get_untracked(),
            expiry: expiry.get_untracked(),
            keywords: keywords.with_untracked(|rows| {
                rows.iter()
                    .map(|(_, keyword)| keyword.get_untracked())
                    .collect()
            }),
        };
        invalid.set(draft.problem());
        if draft.problem().is_some() || busy.get_untracked() {
            return;
        }
        busy.set(true);
        problem.set(None);
        let (session, saved) = (session.get_value(), saved.get_value());
        tasks.get_value().spawn(async move {
            let outcome = match saved {
                None => session.ask(&create_filter(&draft)).await.map(drop),
                Some(saved) => save_changes(&session, &saved, &draft).await,
            };
            busy.try_set(false);
            match outcome {
                Ok(()) => done.run(()),
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    let heading = if editing {
        ModerationWords::EditFilter
    } else {
        ModerationWords::NewFilter
    };
    view! {
        <form class="filter-form" on:submit=submit aria-label=tr(heading)>
            <h2>{tr(heading)}</h2>
            <label>{tr(ModerationWords::FilterTitle)}" "
                <input type="text" name="title" required prop:value=move || title.get() on:input=move |ev| title.set(event_target_value(&ev)) />
            </label>
            <fieldset class="filter-contexts">
                <legend>{tr(ModerationWords::FilterContexts)}</legend>
                {CONTEXTS.into_iter().filter_map(|name| context_words(name).map(|words| (name, words))).map(|(name, words)| view! {
                    <label>
                        <input type="checkbox" name="context[]" value=name
                            prop:checked=move || context.with(|on| on.iter().any(|context| context == name))
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                context.update(|on| {
                                    on.retain(|context| context != name);
                                    if checked {
                                        on.push(name.to_string());
                                    }
                                });
                            } />
                        {tr(words)}
                    </label>
                }).collect_view()}
            </fieldset>
            <fieldset class="filter-action">
                <legend>{tr(ModerationWords::FilterAction)}</legend>
                <ActionChoice action=action value=FilterAction::Warn words=ModerationWords::ActionWarn />
                <ActionChoice action=action value=FilterAction::Hide words=ModerationWords::ActionHide />
                {move || (blur.get() || action.get() == FilterAction::Blur).then(|| view! {
                    <ActionChoice action=action value=FilterAction::Blur words=ModerationWords::ActionBlur />
                })}
            </fieldset>
            <label>{tr(ModerationWords::Expiry)}" "
                <select name="expires_in" on:change=move |ev| expiry.set(expiry_from_value(&event_target_value(&ev)))>
                    {editing.then(|| view! { <option value="keep" selected=true>{tr(ModerationWords::KeepExpiry)}</option> })}
                    {EXPIRIES.into_iter().map(|seconds| view! {
                        <option value=seconds.map(|s| s.to_string()).unwrap_or_default() selected=!editing && seconds.is_none()>{tr(expiry_words(seconds))}</option>
                    }).collect_view()}
                </select>
            </label>
            <fieldset class="filter-keywords">
                <legend>{tr(ModerationWords::Keywords)}</legend>
                {move || keywords.get().into_iter().map(move |(key, keyword)| view! {
                    <div class="keyword-row">
                        <label>{tr(ModerationWords::Keyword)}" "
                            <input type="text" name="keywords_attributes[][keyword]"
                                prop:value=move || keyword.with(|keyword| keyword.keyword.clone())
                                on:input=move |ev| keyword.update(|keyword| keyword.keyword = event_target_value(&ev)) />
                        </label>
                        <label>
                            <input type="checkbox" name="keywords_attributes[][whole_word]"
                                prop:checked=move || keyword.with(|keyword| keyword.whole_word)
                                on:change=move |ev| keyword.update(|keyword| keyword.whole_word = event_target_checked(&ev)) />
                            {tr(ModerationWords::WholeWord)}
                        </label>
                        <button type="button" class="remove-keyword" aria-label=tr(ModerationWords::RemoveKeyword)
                            on:click=move |_| keywords.update(|rows| rows.retain(|(row, _)| *row != key))>"×"</button>
                    </div>
                }).collect_view()}
                <button type="button" class="add-keyword" on:click=add_keyword>{tr(ModerationWords::AddKeyword)}</button>
            </fieldset>
            {move || invalid.get().map(|invalid| view! {
                <p class="problem" role="alert">{tr(match invalid {
                    FilterProblem::NoTitle => ModerationWords::NeedsTitle,
                    FilterProblem::NoContext => ModerationWords::NeedsContext,
                })}</p>
            })}
            <Problem problem=problem />
            <button type="submit" class="save-filter" disabled=move || busy.get()>
                {move || tr(if busy.get() { ModerationWords::Saving } else if editing { ModerationWords::Save } else { ModerationWords::Create })()}
            </button>
            <button type="button" class="cancel" on:click=move |_| cancel.run(())>{tr(ModerationWords::Cancel)}</button>
        </form>
    }
}

#[component]
fn ActionChoice(
    action: RwSignal<FilterAction>,
    value: FilterAction,
    words: ModerationWords,
) -> impl IntoView {
    let name = crate::api::filter_edit::action_name(&value).to_string();
    let chosen = value.clone();
    view! {
        <label>
            <input type="radio" name="filter_action" value=name
                prop:checked=move || action.get() == chosen
                on:change=move |_| action.set(value.clone()) />
            {tr(words)}
        </label>
    }
}

/// Saves the filter's own fields, then each keyword change.
async fn save_changes(
    session: &crate::state::session::Session,
    saved: &FilterRecord,
    draft: &FilterDraft,
) -> Result<(), crate::api::ApiError> {
    session.ask(&update_filter(&saved.id, draft)).await?;
    for change in keyword_changes(&saved.keywords, &draft.keywords) {
        session.ask(&keyword_request(&saved.id, &change)).await?;
    }
    Ok(())
}

fn expiry_from_value(value: &str) -> Expiry {
    match value {
        "keep" => Expiry::Keep,
        seconds => Expiry::In(seconds.parse().ok()),
    }
}

fn expiry_words(seconds: Option<u64>) -> ModerationWords {
    match seconds {
        None => ModerationWords::Never,
        Some(1800) => ModerationWords::In30Minutes,
        Some(3600) => ModerationWords::In1Hour,
        Some(21_600) => ModerationWords::In6Hours,
        Some(43_200) => ModerationWords::In12Hours,
        Some(86_400) => ModerationWords::In1Day,
        Some(_) => ModerationWords::In1Week,
    }
}
