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

/// The first background backup waits this long after the page has
/// settled (s), so that it never competes with the reader's first minute.
const START_AFTER_SECS: u64 = 57;
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

/// Starts the background schedule once the page has settled. The
/// schedule's code is loaded then, in one piece.
pub fn install(state: AppState) {
    crate::views::after_seconds(3, move || leptos::task::spawn_local(schedule(state)));
}

/// Shows what each account's backup last did, then, a while after start
/// and every few minutes, backs up the accounts whose backup is due and
/// goes on with any restore whose wait is over.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
async fn schedule(state: AppState) {
    super::load_health(state).await;
    let mut wait_secs = START_AFTER_SECS;
    loop {
        super::driver::sleep_ms(wait_secs as f64 * 1000.0).await;
        for account in state.accounts.get_untracked() {
            let health = store::health(&account.key()).await;
            if health.due(now_ms()) {
                back_up(state, account.clone()).await;
            }
            super::restoring::resume(state, account).await;
        }
        wait_secs = LOOK_EVERY_SECS;
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
