//! The bar under each status: reply, boost, favourite, bookmark and the
//! rest. Each toggle flips at once and goes back, with a word in the
//! notice bar, when the server refuses; what the server answers then
//! settles the flag and its count.

use leptos::prelude::*;

use super::status_button::{ActionButton, Click};
use super::status_own::{hand_over, own_actions};
use super::status_share::share_buttons;
use super::status_toggle::{Context, Flag, Reading};
use super::tr;
use crate::api::actions::{self, Toggle};
use crate::api::compose::ComposeDraft;
use crate::api::{Request, ServerAddr, Status, Visibility};
use crate::i18n::actions::ActionWords;
use crate::state::session::{Session, session};
use crate::state::{AppState, SignedInAccount, app_state};
/// The signed-in account whose token the view's session carries.
pub fn reader(state: AppState, session: &Session) -> Option<SignedInAccount> {
    let token = session.token.as_ref()?;
    state.accounts.with_untracked(|accounts| {
        accounts
            .iter()
            .find(|account| account.server == session.server && &account.token == token)
            .cloned()
    })
}

/// Boosting a private post is for its author alone; a direct one, never.
fn can_boost(status: &Status, own: bool) -> bool {
    match status.visibility {
        Visibility::Direct => false,
        Visibility::Private => own,
        _ => true,
    }
}

/// A status's action bar, loaded once, after the first post shows.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn bar(status: Status, removed: RwSignal<bool>) -> AnyView {
    view! { <StatusActions status=status removed=removed /> }.into_any()
}

#[component]
pub fn StatusActions(status: Status, removed: RwSignal<bool>) -> impl IntoView {
    let state = app_state();
    let session = session();
    let shown = status.shown().clone();
    let signed_in = reader(state, &session).map(|me| {
        let own = me.id == shown.account.id;
        let context = Context {
            state,
            session: session.clone(),
            id: shown.id.clone(),
        };
        account_actions(&shown, &me, own, &context, removed)
    });
    view! {
        <div class="status-actions" role="group" aria-label=tr(ActionWords::Actions)>
            {signed_in}
            {share_buttons(&shown)}
        </div>
    }
}

/// Hands `draft` to the composer when clicked.
fn compose(draft: ComposeDraft, server: &ServerAddr) -> Click {
    let server = server.clone();
    Box::new(move || hand_over(draft.clone(), &server))
}

/// The actions that need an account.
fn account_actions(
    status: &Status,
    me: &SignedInAccount,
    own: bool,
    context: &Context,
    removed: RwSignal<bool>,
) -> Vec<AnyView> {
    let server = &context.session.server;
    let state = context.state;
    let my_acct = me.key();
    let favourite = Flag::new(status.favourited, Some(status.favourites_count));
    let boost = Flag::new(status.reblogged, Some(status.reblogs_count));
    let bookmark = Flag::new(status.bookmarked, None);
    let mut buttons = Vec::new();
    let mut reply = ActionButton::new(
        "reply",
        "↩",
        ActionWords::Reply,
        compose(ComposeDraft::reply_to(status, &my_acct), server),
    );
    reply.count = Some(RwSignal::new(status.replies_count));
    buttons.push(reply.view());
    let boostable = can_boost(status, own);
    let read_boost: Reading = |status| (status.reblogged, status.reblogs_count);
    buttons.push(
        ActionButton {
            pressed: Some(boost.on),
            count: boost.count,
            disabled: Signal::stored(!boostable),
            ..ActionButton::new(
                "reblog",
                "🔁",
                ActionWords::Boost,
                context.toggle(boost, reblog_or_undo, read_boost),
            )
        }
        .view(),
    );
    if boostable {
        buttons.push(boost_menu(context, boost));
    }
    buttons.push(
        ActionButton {
            pressed: Some(favourite.on),
            count: favourite.count,
            ..ActionButton::new(
                "favourite",
                "★",
                ActionWords::Favourite,
                context.toggle(favourite, actions::favourite, |status| {
                    (status.favourited, status.favourites_count)
                }),
            )
        }
        .view(),
    );
    buttons.push(
        ActionButton {
            pressed: Some(bookmark.on),
            ..ActionButton::new(
                "bookmark",
                "🔖",
                ActionWords::Bookmark,
                context.toggle(bookmark, actions::bookmark, |status| (status.bookmarked, 0)),
            )
        }
        .view(),
    );
    let public = matches!(status.visibility, Visibility::Public | Visibility::Unlisted);
    if public {
        // The server's features may arrive after the card is built.
        let (draft, server) = (ComposeDraft::quoting(status, &my_acct), server.clone());
        let quote = move || {
            let takes_quotes = state.servers.with(|servers| {
                servers
                    .get(&server)
                    .is_some_and(|info| info.accepts_quotes())
            });
            takes_quotes.then(|| {
                let click = compose(draft.clone(), &server);
                ActionButton::new("quote", "❝", ActionWords::Quote, click).view()
            })
        };
        buttons.push(quote.into_any());
    }
    let mentioned = status.mentions.iter().any(|mention| mention.id == me.id);
    if own || mentioned {
        let mute = Flag::new(status.muted, None);
        let click = context.toggle(mute, actions::mute_conversation, |status| (status.muted, 0));
        buttons.push(
            ActionButton {
                pressed: Some(mute.on),
                ..ActionButton::new(
                    "mute-conversation",
                    "🔕",
                    ActionWords::MuteConversation,
                    click,
                )
            }
            .view(),
        );
    }
    if own {
        if public {
            let pin = Flag::new(status.pinned, None);
            let click = context.toggle(pin, actions::pin, |status| (status.pinned, 0));
            buttons.push(
                ActionButton {
                    pressed: Some(pin.on),
                    ..ActionButton::new("pin", "📌", ActionWords::Pin, click)
                }
                .view(),
            );
        }
        buttons.push(own_actions(status.clone(), my_acct, removed));
    }
    buttons
}

/// Boosting to a chosen audience, where the server allows it.
fn boost_menu(context: &Context, boost: Flag) -> AnyView {
    let choices = [
        (Visibility::Public, ActionWords::BoostPublic),
        (Visibility::Unlisted, ActionWords::BoostUnlisted),
        (Visibility::Private, ActionWords::BoostFollowers),
    ]
    .into_iter()
    .map(|(visibility, words)| {
        let context = context.clone();
        let click = move |_| {
            if boost.on.get_untracked() {
                return;
            }
            let before = boost.snapshot();
            boost.flip();
            let request = actions::reblog(&context.id, Some(&visibility));
            context.settle(boost, before, request, |status| {
                (status.reblogged, status.reblogs_count)
            });
        };
        view! { <button type="button" class="boost-to" on:click=click>{tr(words)}</button> }
    })
    .collect_view();
    view! {
        <details class="boost-menu">
            <summary aria-label=tr(ActionWords::BoostAudience) title=tr(ActionWords::BoostAudience)>"▾"</summary>
            {choices}
        </details>
    }
    .into_any()
}

fn reblog_or_undo(id: &str, how: Toggle) -> impl Request<Answer = Status> + use<> {
    match how {
        Toggle::Do => actions::reblog(id, None),
        Toggle::Undo => actions::unreblog(id),
    }
}
