//! Signed-in accounts, kept in localStorage: several, on several servers.

use serde::{Deserialize, Serialize};

use crate::api::ServerAddr;
use crate::api::oauth::AppRegistration;
use crate::browser::storage;

const ACCOUNTS_KEY: &str = "samizdat.accounts";
const ACTIVE_KEY: &str = "samizdat.active";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedInAccount {
    /// The server, stored as `host[:port]`.
    pub server: ServerAddr,
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub avatar: String,
    pub token: String,
    /// The app registration the token was issued to, to revoke it.
    pub app: AppRegistration,
}

impl SignedInAccount {
    /// `user@server`: unique across servers.
    pub fn key(&self) -> String {
        format!("{}@{}", self.username, self.server)
    }
}

pub fn load() -> Vec<SignedInAccount> {
    storage::load(ACCOUNTS_KEY).unwrap_or_default()
}

pub fn save(accounts: &[SignedInAccount]) {
    storage::save(ACCOUNTS_KEY, &accounts);
}

pub fn load_active() -> Option<String> {
    storage::load(ACTIVE_KEY)
}

pub fn save_active(key: Option<&str>) {
    storage::save(ACTIVE_KEY, &key);
}
