//! The bar under each status: reply, boost, favourite, bookmark and the
//! rest. Each toggle flips at once and goes back, with a word in the
//! notice bar, when the server refuses; what the server answers then
//! settles the flag and its count.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::status_own::{hand_over, own_actions};
use super::status_share::share_buttons;
use super::tr;
use crate::api::actions::{self, Toggle};
use crate::api::compose::ComposeDraft;
use crate::api::{ApiError, Request, ServerAddr, Status, Visibility};
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
    fn toggle<R>(&self, flag: Flag, request: fn(&str, Toggle) -> R, read: Reading) -> Click
    where
        R: Request<Answer = Status> + 'static,
    {
        let context = self.clone();
        Box::new(move || {
            let before = flag.snapshot();
            let how = if flag.flip() {
                Toggle::Do
            } else {
                Toggle::Undo
            };
            context.settle(flag, before, request(&context.id, how), read);
        })
    }
}

/// What a button does when clicked.
pub type Click = Box<dyn Fn()>;

/// One button of the bar. Every button is built by the one function
/// below, which keeps the client small.
pub struct ActionButton {
    /// The `data-action` that tests and other tools rely on.
    pub action: &'static str,
    pub icon: &'static str,
    pub label: ActionWords,
    /// For a toggle, whether it is on: `aria-pressed`.
    pub pressed: Option<RwSignal<bool>>,
    pub count: Option<RwSignal<u64>>,
    pub disabled: Signal<bool>,
    pub click: Click,
}

impl ActionButton {
    pub fn new(action: &'static str, icon: &'static str, label: ActionWords, click: Click) -> Self {
        Self {
            action,
            icon,
            label,
            pressed: None,
            count: None,
            disabled: Signal::stored(false),
            click,
        }
    }

    pub fn view(self) -> AnyView {
        let Self {
            action,
            icon,
            label,
            pressed,
            count,
            disabled,
            click,
        } = self;
        view! {
            <button type="button" data-action=action title=tr(label) aria-pressed=pressed.map(|on| move || on.get().to_string())
                disabled=move || disabled.get() on:click=move |_| click()>
                <span aria-hidden="true">{icon}</span><span class="label">{tr(label)}</span>
                {count.map(|count| view! { <span class="count">{move || count.get()}</span> })}
            </button>
        }
        .into_any()
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
