//! Where Lifeboat keeps things in IndexedDB, by account key
//! (`user@server`):
//! - `backup/{account}`: the last complete backup;
//! - `run/{account}`: a backup under way, to resume after a reload;
//! - `health/{account}`: when it last worked;
//! - `file/{account}/{key}`: media, avatar and header bytes;
//! - `restore/{account}`: a restore into that account, under way or done.

use serde::Serialize;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsValue;

use crate::api::lifeboat::Backup;
use crate::api::lifeboat::health::BackupHealth;
use crate::browser::idb::{self, IdbError, Store};

pub async fn load<T: DeserializeOwned>(kind: &str, account: &str) -> Option<T> {
    idb::get_json(Store::Lifeboat, &format!("{kind}/{account}"))
        .await
        .ok()
        .flatten()
}

pub async fn save<T: Serialize>(kind: &str, account: &str, value: &T) -> Result<(), IdbError> {
    idb::put_json(Store::Lifeboat, &format!("{kind}/{account}"), value).await
}

pub async fn forget(kind: &str, account: &str) -> Result<(), IdbError> {
    idb::delete(Store::Lifeboat, &format!("{kind}/{account}")).await
}

pub async fn backup(account: &str) -> Option<Backup> {
    load("backup", account).await
}

pub async fn health(account: &str) -> BackupHealth {
    load("health", account).await.unwrap_or_default()
}

/// Every account with something of `kind` kept in this browser.
pub async fn accounts_with(kind: &str) -> Vec<String> {
    let prefix = format!("{kind}/");
    idb::keys(Store::Lifeboat, &prefix)
        .await
        .unwrap_or_default()
        .into_iter()
        .filter_map(|key| key.strip_prefix(&prefix).map(str::to_string))
        .collect()
}

fn file_key(account: &str, key: &str) -> String {
    format!("file/{account}/{key}")
}

pub async fn put_file(account: &str, key: &str, blob: &web_sys::Blob) -> Result<(), IdbError> {
    idb::put(Store::Lifeboat, &file_key(account, key), blob).await
}

pub async fn file(account: &str, key: &str) -> Option<web_sys::Blob> {
    use wasm_bindgen::JsCast;
    idb::get(Store::Lifeboat, &file_key(account, key))
        .await
        .ok()
        .flatten()
        .and_then(|value: JsValue| value.dyn_into().ok())
}
