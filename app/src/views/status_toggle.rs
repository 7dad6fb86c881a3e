//! Toggles that flip at once: the request goes out after, and a refusal
//! puts the flag and its count back, with a word in the notice bar. What
//! the server answers settles both.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::status_button::Click;
use crate::api::actions::Toggle;
use crate::api::{ApiError, Request, Status};
use crate::i18n::Message;
use crate::state::AppState;
use crate::state::session::Session;

/// A flag the reader sets on a status, with the count it moves.
#[derive(Clone, Copy)]
pub struct Flag {
    pub on: RwSignal<bool>,
    pub count: Option<RwSignal<u64>>,
}

impl Flag {
    pub fn new(on: bool, count: Option<u64>) -> Self {
        Self {
            on: RwSignal::new(on),
            count: count.map(RwSignal::new),
        }
    }

    pub fn snapshot(self) -> (bool, Option<u64>) {
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
    pub fn flip(self) -> bool {
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
pub type Reading = fn(&Status) -> (bool, u64);

/// Everything a toggle's click needs once the view is built.
#[derive(Clone)]
pub struct Context {
    pub state: AppState,
    pub session: Session,
    pub id: String,
}

impl Context {
    /// Sends `request`, already shown as done by `flag`: the answer settles
    /// the flag, a failure puts `before` back.
    pub fn settle<R>(&self, flag: Flag, before: (bool, Option<u64>), request: R, read: Reading)
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
    pub fn toggle<R>(&self, flag: Flag, request: fn(&str, Toggle) -> R, read: Reading) -> Click
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

/// Tells the reader, in the notice bar, why an action did not happen.
pub fn failed(state: AppState, error: ApiError) {
    state.notice.try_set(Some(Message::ServerError(error)));
}
