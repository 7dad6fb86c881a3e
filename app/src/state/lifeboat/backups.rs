//! Keeping every signed-in account backed up while the client is open:
//! a while after start, then whenever a backup is due, one account at a
//! time, resuming a run a reload cut short.

use std::cell::RefCell;
use std::collections::HashSet;

use leptos::prelude::*;

use super::driver::{Engine, Stopped, drive, now_ms};
use super::store;
use crate::api::lifeboat::collect::Collect;
use crate::api::lifeboat::exchange::{Answer, Next, Outcome};
use crate::api::lifeboat::{BackupAccount, full_address};
use crate::state::session::Session;
use crate::state::{AppState, SignedInAccount};

/// The first background backup waits this long after start (s), so that
/// it never competes with the reader's first minute.
const START_AFTER_SECS: u64 = 60;
/// How often due backups are looked for (s).
const LOOK_EVERY_SECS: u64 = 600;

thread_local! {
    /// Accounts whose backup is running now: one run per account.
    static RUNNING: RefCell<HashSet<String>> = RefCell::default();
}

impl Engine for Collect {
    fn next(&mut self, now_ms: f64) -> Next {
        Collect::next(self, now_ms)
    }
    fn absorb(&mut self, outcome: Outcome<Answer>, now_ms: f64) {
        self.absorb_answer(outcome, now_ms);
    }
    fn absorb_download(&mut self, outcome: Result<Option<String>, String>, now_ms: f64) {
        Collect::absorb_download(self, outcome, now_ms);
    }
}

/// Starts the background schedule. What each account's backup last did
/// is shown as soon as the page has settled.
pub fn install(state: AppState) {
    crate::views::after_seconds(3, move || {
        leptos::task::spawn_local(async move {
            super::load_health(state).await;
        });
    });
    crate::views::after_seconds(START_AFTER_SECS, move || look(state));
}

fn look(state: AppState) {
    leptos::task::spawn_local(async move {
        back_up_due(state).await;
        crate::views::after_seconds(LOOK_EVERY_SECS, move || look(state));
    });
}

/// Backs up, one after another, the accounts whose backup is due, then
/// goes on with any restore whose wait is over. Its code loads then.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
async fn back_up_due(state: AppState) {
    for account in state.accounts.get_untracked() {
        let health = store::health(&account.key()).await;
        if health.due(now_ms()) {
            back_up(state, account.clone()).await;
        }
        super::restoring::resume(state, account).await;
    }
}

/// Backs `account` up now, unless a backup of it is running already.
pub async fn back_up(state: AppState, account: SignedInAccount) {
    let key = account.key();
    if !RUNNING.with_borrow_mut(|running| running.insert(key.clone())) {
        return;
    }
    run(state, &account).await;
    RUNNING.with_borrow_mut(|running| running.remove(&key));
}

fn backup_account(account: &SignedInAccount) -> BackupAccount {
    let server = account.server.to_string();
    BackupAccount {
        address: full_address(&account.username, &server),
        url: String::new(),
        id: account.id.clone(),
        username: account.username.clone(),
        server,
    }
}

async fn run(state: AppState, account: &SignedInAccount) {
    let key = account.key();
    let mut health = store::health(&key).await;
    health.started(now_ms());
    let previous = store::backup(&key).await;
    let mut engine = match store::load::<Collect>("run", &key).await {
        Some(engine) => engine,
        None => Collect::new(backup_account(account), previous, now_ms()),
    };
    let session = Session {
        server: account.server.clone(),
        token: Some(account.token.clone()),
    };
    let shown_key = key.clone();
    let progress = move |engine: &Collect| {
        let progress = engine.progress();
        state.lifeboat.update(|accounts| {
            accounts.entry(shown_key.clone()).or_default().running =
                Some((progress.phase, progress.counts));
        });
    };
    let stopped = drive(&mut engine, &session, &key, ("run", &key), &progress).await;
    match stopped {
        Stopped::Done => match engine.finished() {
            Some(backup) => {
                if store::save("backup", &key, backup).await.is_ok() {
                    health.completed(now_ms());
                    let _ = store::forget("run", &key).await;
                } else {
                    health.failed("the browser refused to store the backup".into());
                }
            }
            None => health.failed(
                engine
                    .progress()
                    .failure
                    .map(|failure| failure.to_string())
                    .unwrap_or_default(),
            ),
        },
        Stopped::WaitingUntil(_) => health.answered(),
        Stopped::Unreachable(_) => health.unreachable(now_ms()),
    }
    let _ = store::save("health", &key, &health).await;
    state.lifeboat.update(|accounts| {
        let shown = accounts.entry(key).or_default();
        shown.health = health;
        shown.running = None;
    });
}
