//! Lifeboat in the browser: the background backups, the restore, and
//! what the page shows of them. The engines themselves are pure
//! (`api::lifeboat`); this is where their requests are sent and their
//! state is kept.

mod backups;
mod driver;
mod restoring;
mod store;

use leptos::prelude::*;

use super::AppState;
use crate::api::lifeboat::health::BackupHealth;
pub use backups::{back_up, install};
pub use restoring::{import_file, preview, restore};
pub use store::{accounts_with, backup as stored_backup, file as stored_file};

/// What the page shows of one account's backups.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct AccountLifeboat {
    pub health: BackupHealth,
    /// The phase a running backup is in and what it has kept so far,
    /// while one runs.
    pub running: Option<(&'static str, crate::api::lifeboat::collect::Counts)>,
    /// A restore into this account, under way or done.
    pub restore: Option<RestoreShown>,
}

/// What the page shows of a restore.
#[derive(Clone, Debug, PartialEq)]
pub struct RestoreShown {
    /// The account whose backup is restored.
    pub source: String,
    pub report: Vec<crate::api::lifeboat::restore::ReportEntry>,
    pub finished: bool,
    /// When the paced remainder will go.
    pub waiting_until: Option<f64>,
    /// The follows not yet made, as Mastodon's CSV.
    pub follows_csv: Option<String>,
    /// Why the restore stopped before the end (the new server refused
    /// the account's token), until it is asked to go on.
    pub halted: Option<String>,
    pub running: bool,
}

/// Reads every backed-up account's health into the app's state, shows
/// where each restore stands, and goes on with one a reload cut short.
async fn load_health(state: AppState) {
    for account in store::accounts_with("health").await {
        let health = store::health(&account).await;
        state.lifeboat.update(|accounts| {
            accounts.entry(account).or_default().health = health;
        });
    }
    for account in state.accounts.get_untracked() {
        restoring::resume(state, account).await;
    }
}
