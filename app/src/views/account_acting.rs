//! The relationship a profile shows and the one way it changes: shown at
//! once as expected, then as the server answers, or put back with a notice
//! when the server refuses.

use leptos::prelude::*;

use super::account_ask::ask;
use super::in_view::ViewTasks;
use crate::api::Request;
use crate::api::actions::{AccountAction, Relationship, expected_after};
use crate::i18n::Message;
use crate::state::app_state;
use crate::state::session::{Session, session};

/// The relationship shown, and how to change it.
#[derive(Clone, Copy)]
pub struct Acting {
    pub relationship: RwSignal<Relationship>,
    /// One change at a time, so that answers cannot cross: clicks while a
    /// change is on its way do nothing.
    pub busy: RwSignal<bool>,
    tasks: StoredValue<ViewTasks>,
    session: StoredValue<Session>,
}

impl Acting {
    pub fn here(initial: Relationship) -> Self {
        Self {
            relationship: RwSignal::new(initial),
            busy: RwSignal::new(false),
            tasks: StoredValue::new(ViewTasks::here()),
            session: StoredValue::new(session()),
        }
    }

    /// Shows `expected` and sends `request`, whose answer is the server's
    /// word on the relationship.
    pub fn send<R: Request<Answer = Relationship> + 'static>(
        self,
        expected: Relationship,
        request: R,
    ) {
        self.send_then(expected, request, Some);
    }

    /// Shows `expected` and sends `request`; `adopt` reads the answer into
    /// a relationship when it carries one. A refusal puts back what was
    /// shown before.
    pub fn send_then<R: Request + 'static>(
        self,
        expected: Relationship,
        request: R,
        adopt: fn(R::Answer) -> Option<Relationship>,
    ) {
        if self.busy.get_untracked() {
            return;
        }
        let before = self.relationship.get_untracked();
        self.relationship.set(expected);
        self.busy.set(true);
        let (relationship, busy) = (self.relationship, self.busy);
        let (session, state) = (self.session.get_value(), app_state());
        self.tasks.get_value().spawn(async move {
            match ask(&session, &request).await {
                Ok(answer) => {
                    if let Some(answer) = adopt(answer) {
                        relationship.try_set(answer);
                    }
                }
                Err(error) => {
                    relationship.try_set(before);
                    state.notice.set(Some(Message::ServerError(error)));
                }
            }
            busy.try_set(false);
        });
    }

    pub fn expect(self, action: AccountAction) -> Relationship {
        expected_after(&self.relationship.get_untracked(), action)
    }
}
