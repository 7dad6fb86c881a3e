//! Reporting an account to the moderators: why, which of its posts, a
//! comment, and whether its own server should hear of it too.

use leptos::prelude::*;
use serde::de::IgnoredAny;

use super::account_ask::ask;
use super::in_view::{ViewTasks, load};
use super::tr;
use crate::api::actions::{
    Report, RulesInInstance, ServerRule, remote_domain, report, server_rules,
};
use crate::api::{Account, ApiError, Status};
use crate::i18n::{AccountWords as W, Message};
use crate::sanitize::sanitize_html;
use crate::state::app_state;
use crate::state::session::{Session, session};

/// The server's rules, from wherever it lists them.
async fn rules_of(session: Session) -> Vec<ServerRule> {
    match ask(&session, &server_rules()).await {
        Ok(rules) if !rules.is_empty() => rules,
        _ => ask(&session, &RulesInInstance).await.unwrap_or_default(),
    }
}

const CATEGORIES: [(&str, W); 4] = [
    ("spam", W::Spam),
    ("legal", W::Legal),
    ("violation", W::Violation),
    ("other", W::Other),
];

/// Adds `id` to `ids` when `on`, removes it otherwise.
fn choose(ids: RwSignal<Vec<String>>, id: String, on: bool) {
    ids.update(|ids| {
        ids.retain(|kept| *kept != id);
        if on {
            ids.push(id);
        }
    });
}

#[component]
pub fn ReportDialog(account: Account, statuses: Vec<Status>, close: Callback<()>) -> impl IntoView {
    let rules = load(rules_of);
    let category = RwSignal::new("other".to_string());
    let rule_ids = RwSignal::new(Vec::<String>::new());
    let status_ids = RwSignal::new(Vec::<String>::new());
    let comment = RwSignal::new(String::new());
    let forward = RwSignal::new(false);
    let sending = RwSignal::new(false);
    let sent = RwSignal::new(false);
    let tasks = StoredValue::new(ViewTasks::here());
    let session = StoredValue::new(session());
    let account_id = StoredValue::new(account.id.clone());
    let state = app_state();
    let remote = remote_domain(&account.acct).is_some();

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let violation = category.get_untracked() == "violation";
        let filed = Report {
            account_id: account_id.get_value(),
            category: category.get_untracked(),
            rule_ids: if violation {
                rule_ids.get_untracked()
            } else {
                Vec::new()
            },
            status_ids: status_ids.get_untracked(),
            comment: comment.get_untracked(),
            forward: remote && forward.get_untracked(),
        };
        sending.set(true);
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            let answer: Result<IgnoredAny, ApiError> = ask(&session, &report(&filed)).await;
            match answer {
                Ok(_) => {
                    sent.try_set(true);
                }
                Err(error) => state.notice.set(Some(Message::ServerError(error))),
            }
            sending.try_set(false);
        });
    };

    let categories = CATEGORIES
        .into_iter()
        .map(|(value, words)| {
            view! {
                <label>
                    <input type="radio" name="category" value=value prop:checked=move || category.get() == value
                        on:change=move |_| category.set(value.to_string()) />
                    {tr(words)}
                </label>
            }
        })
        .collect_view();
    let rules_view = move || {
        (category.get() == "violation").then(|| {
            let rules = rules.get().unwrap_or_default();
            view! {
                <fieldset class="report-rules">
                    <legend>{tr(W::RulesBroken)}</legend>
                    {rules.into_iter().map(|rule| {
                        let id = StoredValue::new(rule.id.clone());
                        view! {
                            <label title=rule.hint>
                                <input type="checkbox" name="rule_ids[]" value=rule.id
                                    on:change=move |ev| choose(rule_ids, id.get_value(), event_target_checked(&ev)) />
                                {rule.text}
                            </label>
                        }
                    }).collect_view()}
                </fieldset>
            }
        })
    };
    // Only the account's own posts can be cited: a boost is someone else's.
    let posts = statuses
        .into_iter()
        .filter(|status| status.reblog.is_none() && status.account.id == account.id)
        .map(|status| {
            let id = StoredValue::new(status.id.clone());
            let content = sanitize_html(&status.content, &status.emojis, &|_| None);
            view! {
                <label class="report-post">
                    <input type="checkbox" name="status_ids[]" value=status.id
                        on:change=move |ev| choose(status_ids, id.get_value(), event_target_checked(&ev)) />
                    <span class="report-post-text" inner_html=content></span>
                </label>
            }
        })
        .collect_view();
    let forward_view = remote.then(|| {
        view! {
            <label>
                <input type="checkbox" name="forward" prop:checked=move || forward.get()
                    on:change=move |ev| forward.set(event_target_checked(&ev)) />
                {tr(W::ForwardReport)}
            </label>
        }
    });
    view! {
        <section class="report-dialog" role="dialog" aria-labelledby="report-title">
            <h2 id="report-title">{tr(W::ReportAccount)}</h2>
            {move || if sent.get() {
                view! { <p class="report-sent" role="status">{tr(W::ReportSent)}</p> }.into_any()
            } else {
                ().into_any()
            }}
            <form class="report" on:submit=submit hidden=move || sent.get()>
                <fieldset class="report-category">
                    <legend>{tr(W::Why)}</legend>
                    {categories}
                </fieldset>
                {rules_view}
                <fieldset class="report-posts">
                    <legend>{tr(W::PostsToInclude)}</legend>
                    {posts}
                </fieldset>
                <label>
                    {tr(W::Comment)}
                    <textarea name="comment" prop:value=move || comment.get()
                        on:input=move |ev| comment.set(event_target_value(&ev))></textarea>
                </label>
                {forward_view}
                <button type="submit" class="send-report" disabled=move || sending.get()>
                    {move || if sending.get() { tr(W::Sending)() } else { tr(W::SendReport)() }}
                </button>
            </form>
            <button type="button" class="close-report" on:click=move |_| close.run(())>{tr(crate::i18n::Text::Close)}</button>
        </section>
    }
}
