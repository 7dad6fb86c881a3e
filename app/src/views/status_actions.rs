//! The bar under each status: reply, boost, favourite, bookmark and the
//! rest. Each toggle flips at once and goes back, with a word in the
//! notice bar, when the server refuses; what the server answers then
//! settles the flag and its count.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::status_own::{OwnActions, hand_over};
use super::status_share::ShareButtons;
use super::tr;
use crate::api::actions::{self, Toggle};
use crate::api::compose::ComposeDraft;
use crate::api::{ApiError, Request, Status, Visibility};
use crate::i18n::Message;
use crate::i18n::actions::ActionWords;
use crate::state::session::{Session, session};
use crate::state::{AppState, SignedInAccount, app_state};

/// A flag the reader sets on a status, with the count it moves.
#[derive(Clone, Copy)]
struct Flag {
    on: RwSignal<bool>,
    count: Option<RwSignal<u64>>,
}

impl Flag {
    fn new(on: bool, count: Option<u64>) -> Self {
        Self {
            on: RwSignal::new(on),
            count: count.map(RwSignal::new),
        }
    }

    fn snapshot(self) -> (bool, Option<u64>) {
        (
            self.on.get_untracked(),
            self.count.map(|count| count.get_untracked()),
        )
    }

    fn restore(self, (on, count): (bool, Option<u64>)) {
        self.on.try_set(on);
        if let (Some(signal), Some(count)) = (self.count, count) {
            signal.try_set(count);
        }
    }

    /// Flips the flag at once, moving its count along; returns the new state.
    fn flip(self) -> bool {
        let now = !self.on.get_untracked();
        self.on.set(now);
        if let Some(count) = self.count {
            count.update(|count| {
                *count = if now {
                    count.saturating_add(1)
                } else {
                    count.saturating_sub(1)
                }
            });
        }
        now
    }

    fn pressed(self) -> impl Fn() -> String + Copy {
        move || self.on.get().to_string()
    }
}

/// What a status answer says of one flag: whether it is set, and its count.
type Reading = fn(&Status) -> (bool, u64);

/// Everything a toggle's click needs once the view is built.
#[derive(Clone)]
struct Context {
    state: AppState,
    session: Session,
    id: String,
}

impl Context {
    /// Sends `request`, already shown as done by `flag`: the answer settles
    /// the flag, a failure puts `before` back.
    fn settle<R>(&self, flag: Flag, before: (bool, Option<u64>), request: R, read: Reading)
    where
        R: Request<Answer = Status> + 'static,
    {
        let Context { state, session, id } = self.clone();
        spawn_local(async move {
            match session.ask(&request).await {
                Ok(answer) => {
                    let shown = answer.shown();
                    if shown.id == id {
                        let (on, count) = read(shown);
                        flag.restore((on, Some(count)));
                    }
                }
                Err(error) => {
                    flag.restore(before);
                    failed(state, error);
                }
            }
        });
    }

    /// The click of a toggle whose request `request` builds.
    fn toggle<R>(
        &self,
        flag: Flag,
        request: fn(&str, Toggle) -> R,
        read: Reading,
    ) -> impl Fn(leptos::ev::MouseEvent) + use<R>
    where
        R: Request<Answer = Status> + 'static,
    {
        let context = self.clone();
        move |_| {
            let before = flag.snapshot();
            let how = if flag.flip() {
                Toggle::Do
            } else {
                Toggle::Undo
            };
            context.settle(flag, before, request(&context.id, how), read);
        }
    }
}

/// Tells the reader, in the notice bar, why an action did not happen.
pub fn failed(state: AppState, error: ApiError) {
    state.notice.try_set(Some(Message::ServerError(error)));
}

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
        view! { <AccountActions status=shown.clone() me=me own=own context=context removed=removed /> }
    });
    view! {
        <div class="status-actions" role="group" aria-label=tr(ActionWords::Actions)>
            {signed_in}
            <ShareButtons status=shown />
        </div>
    }
}

/// The actions that need an account.
#[component]
fn AccountActions(
    status: Status,
    me: SignedInAccount,
    own: bool,
    context: Context,
    removed: RwSignal<bool>,
) -> impl IntoView {
    let server = context.session.server.clone();
    let state = context.state;
    let favourite = Flag::new(status.favourited, Some(status.favourites_count));
    let boost = Flag::new(status.reblogged, Some(status.reblogs_count));
    let bookmark = Flag::new(status.bookmarked, None);
    let mute = Flag::new(status.muted, None);
    let my_acct = me.key();
    let mentioned = status.mentions.iter().any(|mention| mention.id == me.id);
    let reply = {
        let (draft, server) = (ComposeDraft::reply_to(&status, &my_acct), server.clone());
        move |_: leptos::ev::MouseEvent| hand_over(draft.clone(), &server)
    };
    let quote = {
        let (draft, server) = (ComposeDraft::quoting(&status, &my_acct), server.clone());
        let takes_quotes = move || {
            state.servers.with(|servers| {
                servers
                    .get(&server)
                    .is_some_and(|info| info.accepts_quotes())
            })
        };
        let server = context.session.server.clone();
        let public = matches!(status.visibility, Visibility::Public | Visibility::Unlisted);
        move || {
            (public && takes_quotes()).then(|| {
                let (draft, server) = (draft.clone(), server.clone());
                view! {
                    <button type="button" data-action="quote" title=tr(ActionWords::Quote) on:click=move |_| hand_over(draft.clone(), &server)>
                        <span aria-hidden="true">"❝"</span><span class="label">{tr(ActionWords::Quote)}</span>
                    </button>
                }
            })
        }
    };
    let boost_to = {
        let context = context.clone();
        move |visibility: Visibility| {
            let context = context.clone();
            move |_: leptos::ev::MouseEvent| {
                if boost.on.get_untracked() {
                    return;
                }
                let before = boost.snapshot();
                boost.flip();
                let request = actions::reblog(&context.id, Some(&visibility));
                context.settle(boost, before, request, |status| {
                    (status.reblogged, status.reblogs_count)
                });
            }
        }
    };
    let boostable = can_boost(&status, own);
    let replies = status.replies_count;
    view! {
        <button type="button" data-action="reply" title=tr(ActionWords::Reply) on:click=reply>
            <span aria-hidden="true">"↩"</span><span class="label">{tr(ActionWords::Reply)}</span>
            <span class="count">{replies}</span>
        </button>
        <button type="button" data-action="reblog" title=tr(ActionWords::Boost) aria-pressed=boost.pressed() disabled=!boostable
            on:click=context.toggle(boost, reblog_or_undo, |status| (status.reblogged, status.reblogs_count))>
            <span aria-hidden="true">"🔁"</span><span class="label">{tr(ActionWords::Boost)}</span>
            <span class="count">{move || boost.count.map(|count| count.get())}</span>
        </button>
        {boostable.then(|| view! {
            <details class="boost-menu">
                <summary aria-label=tr(ActionWords::BoostAudience) title=tr(ActionWords::BoostAudience)>"▾"</summary>
                <button type="button" data-visibility="public" on:click=boost_to(Visibility::Public)>{tr(ActionWords::BoostPublic)}</button>
                <button type="button" data-visibility="unlisted" on:click=boost_to(Visibility::Unlisted)>{tr(ActionWords::BoostUnlisted)}</button>
                <button type="button" data-visibility="private" on:click=boost_to(Visibility::Private)>{tr(ActionWords::BoostFollowers)}</button>
            </details>
        })}
        <button type="button" data-action="favourite" title=tr(ActionWords::Favourite) aria-pressed=favourite.pressed()
            on:click=context.toggle(favourite, actions::favourite, |status| (status.favourited, status.favourites_count))>
            <span aria-hidden="true">"★"</span><span class="label">{tr(ActionWords::Favourite)}</span>
            <span class="count">{move || favourite.count.map(|count| count.get())}</span>
        </button>
        <button type="button" data-action="bookmark" title=tr(ActionWords::Bookmark) aria-pressed=bookmark.pressed()
            on:click=context.toggle(bookmark, actions::bookmark, |status| (status.bookmarked, 0))>
            <span aria-hidden="true">"🔖"</span><span class="label">{tr(ActionWords::Bookmark)}</span>
        </button>
        {quote}
        {(own || mentioned).then(|| view! {
            <button type="button" data-action="mute-conversation" title=tr(ActionWords::MuteConversation) aria-pressed=mute.pressed()
                on:click=context.toggle(mute, actions::mute_conversation, |status| (status.muted, 0))>
                <span aria-hidden="true">"🔕"</span><span class="label">{tr(ActionWords::MuteConversation)}</span>
            </button>
        })}
        {own.then(|| {
            let pin = Flag::new(status.pinned, None);
            let pinnable = matches!(status.visibility, Visibility::Public | Visibility::Unlisted);
            let pin_button = pinnable.then(|| view! {
                <button type="button" data-action="pin" title=tr(ActionWords::Pin) aria-pressed=pin.pressed()
                    on:click=context.toggle(pin, actions::pin, |status| (status.pinned, 0))>
                    <span aria-hidden="true">"📌"</span><span class="label">{tr(ActionWords::Pin)}</span>
                </button>
            });
            view! {
                {pin_button}
                <OwnActions status=status.clone() my_acct=my_acct.clone() removed=removed />
            }
        })}
    }
}

fn reblog_or_undo(id: &str, how: Toggle) -> impl Request<Answer = Status> + use<> {
    match how {
        Toggle::Do => actions::reblog(id, None),
        Toggle::Undo => actions::unreblog(id),
    }
}
