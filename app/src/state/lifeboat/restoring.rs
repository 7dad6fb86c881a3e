//! Restoring a backup into the active account on a new server: one run
//! at a time, saved before every request, resumed by itself on a later
//! visit when the server's daily cap on follows made it wait.

use std::cell::Cell;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::driver::{Engine, drive, now_ms};
use super::{RestoreShown, store};
use crate::api::lifeboat::exchange::{Answer, Next, Outcome};
use crate::api::lifeboat::export::read_backup_file;
use crate::api::lifeboat::restore::{BulkImport, Options, Restore, Target};
use crate::state::server_info::server_info;
use crate::state::session::Session;
use crate::state::{AppState, SignedInAccount};

/// A restore and the backup it reads, whose files its steps may upload.
#[derive(Serialize, Deserialize)]
struct RestoreJob {
    source: String,
    engine: Restore,
}

impl Engine for RestoreJob {
    fn next(&mut self, now_ms: f64) -> Next {
        self.engine.next(now_ms)
    }
    fn absorb(&mut self, outcome: Outcome<Answer>, now_ms: f64) {
        self.engine.absorb(outcome, now_ms);
    }
    fn absorb_download(&mut self, _: Result<Option<String>, String>, _: f64) {}
    fn saved_before_sending(&self) -> bool {
        true
    }
}

thread_local! {
    static RUNNING: Cell<bool> = const { Cell::new(false) };
}

fn shown(job: &RestoreJob, running: bool) -> RestoreShown {
    RestoreShown {
        source: job.source.clone(),
        report: job.engine.report(),
        finished: job.engine.finished(),
        waiting_until: job.engine.waiting_until(),
        follows_csv: job.engine.follows_csv_left(),
        halted: job.engine.halted().map(str::to_string),
        running,
    }
}

fn show(state: AppState, target: &str, shown: RestoreShown) {
    state.lifeboat.update(|accounts| {
        accounts.entry(target.to_string()).or_default().restore = Some(shown);
    });
}

/// What restoring `source` into `target` would do, before anything is
/// sent.
pub async fn preview(
    state: AppState,
    source: &str,
    target: &SignedInAccount,
) -> Option<crate::api::lifeboat::restore::Preview> {
    Some(new_restore(state, source, target).await?.preview())
}

/// A restore of `source` into `target`, for what the new server offers
/// and the files the backup kept.
async fn new_restore(state: AppState, source: &str, target: &SignedInAccount) -> Option<Restore> {
    let backup = store::backup(source).await?;
    let bulk = server_info(state, &target.server)
        .await
        .map(|info| BulkImport::of(&info.software))
        .unwrap_or_default();
    let options = Options {
        avatar_stored: store::file(source, "avatar").await.is_some(),
        header_stored: store::file(source, "header").await.is_some(),
        ..Options::default()
    };
    Some(Restore::new(
        &backup,
        Target::new(&target.server.to_string(), bulk),
        options,
    ))
}

/// Keeps a picked backup file in this browser, as a backup of the
/// account it names; gives the key it is kept under. The browser's own
/// backup of that account, if any, is kept too: the file may be older.
/// The readers' code loads on the first file picked.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn import_file(bytes: Vec<u8>) -> Result<String, String> {
    let imported = read_backup_file(&bytes).map_err(|error| error.to_string())?;
    let address = imported.backup.account.address.clone();
    let account = if store::backup(&address).await.is_some() {
        format!("{address} (file)")
    } else {
        address
    };
    for (key, bytes) in &imported.media {
        let blob = blob_of(bytes)?;
        store::put_file(&account, key, &blob)
            .await
            .map_err(|error| error.to_string())?;
    }
    store::save("backup", &account, &imported.backup)
        .await
        .map_err(|error| error.to_string())?;
    Ok(account)
}

fn blob_of(bytes: &[u8]) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts)
        .map_err(|_| "the browser could not keep the file".to_string())
}

/// Restores `source` into `target`, going on with a restore of the same
/// backup that stopped midway rather than starting again.
pub async fn restore(state: AppState, target: SignedInAccount, source: String) {
    let key = target.key();
    let job = match store::load::<RestoreJob>("restore", &key).await {
        // A finished restore is run afresh: it then finds what is there.
        Some(mut job) if job.source == source && !job.engine.finished() => {
            // The reader asked again: a restore stopped by a refused
            // token goes on with the account's new one.
            job.engine.resume();
            job
        }
        _ => {
            let Some(engine) = new_restore(state, &source, &target).await else {
                return;
            };
            RestoreJob { engine, source }
        }
    };
    run(state, &target, job).await;
}

/// Goes on with a restore that waited, once its time has come.
pub async fn resume(state: AppState, target: SignedInAccount) {
    let Some(job) = store::load::<RestoreJob>("restore", &target.key()).await else {
        return;
    };
    show(state, &target.key(), shown(&job, false));
    let due = job
        .engine
        .waiting_until()
        .is_none_or(|until| until <= now_ms());
    if !job.engine.finished() && due {
        run(state, &target, job).await;
    }
}

async fn run(state: AppState, target: &SignedInAccount, mut job: RestoreJob) {
    if RUNNING.replace(true) {
        return;
    }
    let key = target.key();
    let session = Session {
        server: target.server.clone(),
        token: Some(target.token.clone()),
    };
    let source = job.source.clone();
    let progress = |job: &RestoreJob| show(state, &key, shown(job, true));
    // However it stopped, the report says where it stands.
    drive(&mut job, &session, &source, ("restore", &key), &progress).await;
    show(state, &key, shown(&job, false));
    RUNNING.set(false);
}
