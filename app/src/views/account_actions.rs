//! What the reader can do about an account from its profile: follow, mute,
//! block, block its server, report, keep a note and put it in lists. Each
//! change shows at once and is put back, with a notice, if the server
//! refuses it.

use leptos::prelude::*;
use serde::de::IgnoredAny;

use super::account_acting::Acting;
use super::account_ask::ask;
use super::account_lists::AccountLists;
use super::account_mute::MuteControls;
use super::account_note::AccountNote;
use super::error_notice::ErrorNotice;
use super::in_view::load;
use super::report_dialog::ReportDialog;
use super::tr;
use crate::api::actions::{
    AccountAction, Follow, Relationship, Standing, block, block_domain, follow, relationships,
    remote_domain, standing, unblock, unblock_domain, unfollow,
};
use crate::api::{Account, Status};
use crate::i18n::AccountWords as W;

/// What the reader can do about an account, loaded on first use: a
/// reader who only reads never downloads it.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn panel(account: Account, statuses: Vec<Status>) -> AnyView {
    view! { <AccountActions account=account statuses=statuses /> }.into_any()
}

/// The actions on `account`, once its relationship with the reader is
/// known. `statuses` are its recent posts, which a report may cite.
#[component]
pub fn AccountActions(account: Account, statuses: Vec<Status>) -> impl IntoView {
    let id = account.id.clone();
    let loaded = load(move |session| {
        let id = id.clone();
        async move { ask(&session, &relationships(&[&id])).await }
    });
    let account = StoredValue::new(account);
    let statuses = StoredValue::new(statuses);
    move || match loaded.get() {
        None => None,
        Some(Err(error)) => Some(
            view! { <ErrorNotice error=error retry=Callback::new(move |_| loaded.reload()) /> }
                .into_any(),
        ),
        Some(Ok(found)) => {
            let account = account.get_value();
            let initial = found
                .into_iter()
                .find(|relationship| relationship.id == account.id)
                .unwrap_or_else(|| Relationship {
                    id: account.id.clone(),
                    ..Relationship::default()
                });
            Some(view! { <Controls account=account statuses=statuses.get_value() initial=initial /> }.into_any())
        }
    }
}

/// What a confirmation is asked for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Risky {
    Block,
    BlockServer,
}

#[component]
fn Controls(account: Account, statuses: Vec<Status>, initial: Relationship) -> impl IntoView {
    let acting = Acting::here(initial.clone());
    let relationship = acting.relationship;
    let confirming = RwSignal::new(None::<Risky>);
    let reporting = RwSignal::new(false);
    let locked = account.locked;
    let account_id = account.id.clone();
    let id = StoredValue::new(account.id.clone());
    let domain = StoredValue::new(remote_domain(&account.acct).map(str::to_string));

    let follow_button = move || {
        let now = relationship.get();
        // Neither side can follow across a block; unblocking comes first.
        if now.blocking || now.blocked_by {
            ().into_any()
        } else if now.following || now.requested {
            let words = if now.following {
                W::Unfollow
            } else {
                W::CancelRequest
            };
            view! {
                <button type="button" data-action="unfollow"
                    on:click=move |_| acting.send(acting.expect(AccountAction::Unfollow), unfollow(&id.get_value()))>
                    {tr(words)}
                </button>
            }
            .into_any()
        } else {
            view! {
                <button type="button" data-action="follow"
                    on:click=move |_| acting.send(acting.expect(AccountAction::Follow { locked }), follow(&id.get_value(), &Follow::default()))>
                    {tr(W::Follow)}
                </button>
            }
            .into_any()
        }
    };
    let follow_options = move || {
        relationship.get().following.then(|| {
            let toggle = move |reblogs: Option<bool>, notify: Option<bool>| {
                let mut expected = relationship.get_untracked();
                expected.showing_reblogs = reblogs.unwrap_or(expected.showing_reblogs);
                expected.notifying = notify.unwrap_or(expected.notifying);
                let options = Follow { reblogs, notify, ..Follow::default() };
                acting.send(expected, follow(&id.get_value(), &options));
            };
            view! {
                <label class="follow-option">
                    <input type="checkbox" name="reblogs" prop:checked=move || relationship.get().showing_reblogs
                        disabled=move || acting.busy.get()
                        on:change=move |ev| toggle(Some(event_target_checked(&ev)), None) />
                    {tr(W::ShowBoosts)}
                </label>
                <label class="follow-option">
                    <input type="checkbox" name="notify" prop:checked=move || relationship.get().notifying
                        disabled=move || acting.busy.get()
                        on:change=move |ev| toggle(None, Some(event_target_checked(&ev))) />
                    {tr(W::NotifyMe)}
                </label>
            }
        })
    };
    let block_button = move || {
        if relationship.get().blocking {
            view! {
                <button type="button" data-action="unblock"
                    on:click=move |_| acting.send(acting.expect(AccountAction::Unblock), unblock(&id.get_value()))>
                    {tr(W::Unblock)}
                </button>
            }
            .into_any()
        } else {
            view! {
                <button type="button" data-action="block" on:click=move |_| confirming.set(Some(Risky::Block))>
                    {tr(W::Block)}
                </button>
            }
            .into_any()
        }
    };
    let server_button = move || {
        domain.get_value().map(|domain| {
            if relationship.get().domain_blocking {
                let expected = move || {
                    let mut expected = relationship.get_untracked();
                    expected.domain_blocking = false;
                    expected
                };
                view! {
                    <button type="button" data-action="unblock-domain"
                        on:click=move |_| acting.send_then(expected(), unblock_domain(&domain), |_: IgnoredAny| None)>
                        {tr(W::UnblockServer)}
                    </button>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" data-action="block-domain" on:click=move |_| confirming.set(Some(Risky::BlockServer))>
                        {tr(W::BlockServer)}
                    </button>
                }
                .into_any()
            }
        })
    };
    let confirm = move |risky: Risky| {
        confirming.set(None);
        match risky {
            Risky::Block => {
                acting.send(acting.expect(AccountAction::Block), block(&id.get_value()))
            }
            Risky::BlockServer => {
                if let Some(domain) = domain.get_value() {
                    let expected = acting.expect(AccountAction::BlockDomain);
                    acting.send_then(expected, block_domain(&domain), |_: IgnoredAny| None);
                }
            }
        }
    };
    let confirmation = move || {
        confirming.get().map(|risky| {
            let question = match risky {
                Risky::Block => W::ConfirmBlock,
                Risky::BlockServer => W::ConfirmBlockServer,
            };
            view! {
                <div class="confirm" role="alertdialog" aria-label=tr(question)>
                    <p>{tr(question)}</p>
                    <button type="button" data-action="confirm" on:click=move |_| confirm(risky)>{tr(W::Confirm)}</button>
                    <button type="button" data-action="cancel" on:click=move |_| confirming.set(None)>{tr(W::Cancel)}</button>
                </div>
            }
        })
    };
    let report_account = StoredValue::new(account.clone());
    let statuses = StoredValue::new(statuses);
    let report = move || {
        reporting.get().then(|| {
            view! {
                <ReportDialog account=report_account.get_value() statuses=statuses.get_value()
                    close=Callback::new(move |_| reporting.set(false)) />
            }
        })
    };
    view! {
        <div class="account-actions" role="group" aria-label=tr(W::ActionsOnAccount) aria-busy=move || acting.busy.get().to_string()>
            <ul class="standing" aria-label=tr(W::Relationship)>
                {move || standing(&relationship.get()).into_iter().map(|fact| view! {
                    <li data-standing=standing_key(fact)>{tr(standing_word(fact))}</li>
                }).collect_view()}
            </ul>
            <div class="account-buttons">
                {follow_button}
                {follow_options}
                <MuteControls acting=acting account_id=account_id.clone() />
                {block_button}
                {server_button}
                <button type="button" data-action="report" aria-expanded=move || reporting.get().to_string()
                    on:click=move |_| reporting.update(|open| *open = !*open)>
                    {tr(W::Report)}
                </button>
            </div>
            {confirmation}
            {report}
            <AccountNote account_id=account_id.clone() initial=initial.note />
            <AccountLists account_id=account_id />
        </div>
    }
}

fn standing_word(fact: Standing) -> W {
    match fact {
        Standing::Mutual => W::Mutual,
        Standing::FollowsYou => W::FollowsYou,
        Standing::Requested => W::Requested,
        Standing::Blocked => W::Blocked,
        Standing::BlockedYou => W::BlocksYou,
        Standing::Muted => W::Muted,
        Standing::DomainBlocked => W::ServerBlocked,
    }
}

/// A stable name for each fact, for styles and tests.
fn standing_key(fact: Standing) -> &'static str {
    match fact {
        Standing::Mutual => "mutual",
        Standing::FollowsYou => "follows-you",
        Standing::Requested => "requested",
        Standing::Blocked => "blocked",
        Standing::BlockedYou => "blocks-you",
        Standing::Muted => "muted",
        Standing::DomainBlocked => "domain-blocked",
    }
}
