//! The outbox: every post goes through it. It is stored before it is
//! sent and removed once the server has it, so a post made offline, or
//! one whose sending a reload cut short, is sent later, in order, under
//! the idempotency key it was first sent with: it is posted once.

use std::collections::HashSet;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use super::AppState;
use super::session::Session;
use crate::api::ApiError;
use crate::api::compose::{OutboxEntry, Posted, SendDraft, due, retry_delay_ms};
use crate::browser::idb::{self, IdbError, Store};

/// How often waiting posts are tried again while the page is open.
const RETRY_EVERY: Duration = Duration::from_secs(15);

#[derive(Clone, Copy)]
pub struct Outbox {
    /// Every waiting post, each account's oldest first.
    pub entries: RwSignal<Vec<OutboxEntry>>,
    /// Keys being sent now, so that no post goes twice at once.
    in_flight: StoredValue<HashSet<String>>,
    state: AppState,
}

/// Starts the outbox for the page: loads what waits, sends it, and sends
/// again when the browser comes back online and on a timer.
pub fn install(state: AppState) -> Outbox {
    let outbox = Outbox {
        entries: RwSignal::new(Vec::new()),
        in_flight: StoredValue::new(HashSet::new()),
        state,
    };
    provide_context(outbox);
    // Only a signed-in reader can have posts waiting, so the sending code
    // loads once there is one: at start, or when a sign-in completes.
    let started = StoredValue::new(false);
    Effect::new(move |_| {
        let signed_in = state.accounts.with(|accounts| !accounts.is_empty());
        if signed_in && !started.get_value() {
            started.set_value(true);
            leptos::task::spawn_local(start(outbox));
        }
    });
    outbox
}

/// Sends what waits, then again whenever the network comes back, and on
/// a timer for servers that were unreachable.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
async fn start(outbox: Outbox) {
    let on_online = Closure::<dyn Fn()>::new(move || {
        leptos::task::spawn_local(outbox.flush());
    });
    let _ = window().add_event_listener_with_callback("online", on_online.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    on_online.forget();
    let _ = set_interval_with_handle(
        move || leptos::task::spawn_local(outbox.flush()),
        RETRY_EVERY,
    );
    outbox.reload().await;
    outbox.flush().await;
}

pub fn outbox() -> Outbox {
    expect_context::<Outbox>()
}

/// Whether the browser believes it has a network.
pub fn online() -> bool {
    window().navigator().on_line()
}

impl Outbox {
    /// Reads the waiting posts again from storage.
    pub async fn reload(self) {
        // Keys put each account's posts in the order they were queued.
        let entries: Vec<OutboxEntry> = idb::list_json::<OutboxEntry>(Store::Outbox, "")
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|(_, entry)| entry)
            .collect();
        self.entries.try_set(entries);
    }

    /// Stores `entry` before it is first sent.
    pub async fn queue(self, entry: &OutboxEntry) -> Result<(), IdbError> {
        idb::put_json(Store::Outbox, &entry.storage_key(), entry).await?;
        self.reload().await;
        Ok(())
    }

    pub async fn remove(self, entry: &OutboxEntry) {
        let _ = idb::delete(Store::Outbox, &entry.storage_key()).await;
        self.reload().await;
    }

    async fn mark_refused(self, entry: &OutboxEntry, error: &ApiError) {
        let mut refused = entry.clone();
        refused.failure = Some(error.to_string());
        let _ = idb::put_json(Store::Outbox, &entry.storage_key(), &refused).await;
        self.reload().await;
    }

    /// Sends `entry` through `session`, trying again while the server
    /// fails or is slow, always under the same key. The entry leaves the
    /// outbox once the server has it; it stays while the server cannot be
    /// reached. `None` when it is being sent already.
    pub async fn send(
        self,
        session: &Session,
        entry: &OutboxEntry,
    ) -> Option<Result<Posted, ApiError>> {
        let fresh = self
            .in_flight
            .try_update_value(|keys| keys.insert(entry.key.clone()))
            .unwrap_or(false);
        if !fresh {
            return None;
        }
        let request = SendDraft::new(&entry.draft, &entry.key);
        let mut attempt = 1;
        let result = loop {
            match session.ask(&request).await {
                Err(error) => match retry_delay_ms(attempt, &error) {
                    Some(wait) => {
                        crate::browser::timer::sleep_ms(wait).await;
                        attempt += 1;
                    }
                    None => break Err(error),
                },
                answer => break answer,
            }
        };
        self.in_flight
            .try_update_value(|keys| keys.remove(&entry.key));
        if result.is_ok() {
            self.remove(entry).await;
            // Sent after a reload, its draft may still be kept: it is
            // not a draft any more.
            let _ = super::drafts::discard(&entry.account, &entry.draft.id).await;
        }
        Some(result)
    }

    /// Sends what waits, oldest first, stopping at the first post the
    /// server cannot take now: the rest wait their turn.
    pub async fn flush(self) {
        if !online() {
            return;
        }
        let waiting = self.entries.with_untracked(|entries| due(entries));
        for entry in waiting {
            let Some(session) = self.session_for(&entry.account) else {
                continue;
            };
            match self.send(&session, &entry).await {
                None | Some(Ok(_)) => {}
                Some(Err(error)) if crate::api::compose::is_offline(&error) => return,
                Some(Err(
                    ApiError::ServerFailed { .. }
                    | ApiError::Timeout { .. }
                    | ApiError::RateLimited { .. },
                )) => return,
                Some(Err(error)) => self.mark_refused(&entry, &error).await,
            }
        }
    }

    fn session_for(self, account: &str) -> Option<Session> {
        self.state.accounts.with_untracked(|accounts| {
            accounts
                .iter()
                .find(|signed_in| signed_in.key() == account)
                .map(|signed_in| Session {
                    server: signed_in.server.clone(),
                    token: Some(signed_in.token.clone()),
                })
        })
    }
}
