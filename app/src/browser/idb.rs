//! A small key-value store over IndexedDB: one database, a few named
//! stores, string keys, and values the browser can clone (JSON text,
//! blobs). Opened once per page; every call is async and fails with an
//! `IdbError` rather than panicking, since storage can be full, blocked
//! or missing (private windows, old browsers).

use std::cell::RefCell;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DATABASE: &str = "samizdat";
/// Raised whenever `STORES` grows, so that opening adds the new stores.
const VERSION: u32 = 3;

/// The named stores.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Store {
    /// Drafts, under `{account}/{draft id}`.
    Drafts,
    /// Posts waiting to be sent, under `{account}/{time}/{draft id}`.
    Outbox,
    /// File bytes of media not yet uploaded, under `{draft id}/{local id}`.
    Media,
    /// Lifeboat's backups, runs and files, under keys its module names.
    Lifeboat,
    /// What the reader opened, kept for reading offline, under
    /// `{server}|{account or -}|{path}`, and the media cache's index.
    Offline,
}

const STORES: [Store; 5] = [
    Store::Drafts,
    Store::Outbox,
    Store::Media,
    Store::Lifeboat,
    Store::Offline,
];

impl Store {
    fn name(self) -> &'static str {
        match self {
            Self::Drafts => "drafts",
            Self::Outbox => "outbox",
            Self::Media => "media",
            Self::Lifeboat => "lifeboat",
            Self::Offline => "offline",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum IdbError {
    #[error("this browser offers no IndexedDB")]
    Unavailable,
    #[error("IndexedDB refused: {0}")]
    Failed(String),
}

impl From<JsValue> for IdbError {
    fn from(value: JsValue) -> Self {
        let text = value
            .dyn_ref::<js_sys::Error>()
            .map(|error| String::from(error.message()))
            .or_else(|| value.as_string())
            .unwrap_or_else(|| "unknown error".into());
        Self::Failed(text)
    }
}

thread_local! {
    static OPEN: RefCell<Option<IdbDatabase>> = const { RefCell::new(None) };
}

/// A request being watched: its handlers are set at once, so that an
/// answer that comes before it is awaited is not missed.
struct Watched {
    request: IdbRequest,
    done: JsFuture,
}

fn watch(request: IdbRequest) -> Watched {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    Watched {
        request,
        done: JsFuture::from(promise),
    }
}

impl Watched {
    /// Waits for the request to succeed, giving its result.
    async fn result(self) -> Result<JsValue, IdbError> {
        self.done.await?;
        self.request.set_onsuccess(None);
        self.request.set_onerror(None);
        Ok(self.request.result()?)
    }
}

async fn settle(request: IdbRequest) -> Result<JsValue, IdbError> {
    watch(request).result().await
}

/// The database, opened on first use and kept.
async fn database() -> Result<IdbDatabase, IdbError> {
    if let Some(db) = OPEN.with(|open| open.borrow().clone()) {
        return Ok(db);
    }
    let factory = web_sys::window()
        .and_then(|window| window.indexed_db().ok().flatten())
        .ok_or(IdbError::Unavailable)?;
    let request = factory.open_with_u32(DATABASE, VERSION)?;
    let upgrading = request.clone();
    let upgrade = Closure::once_into_js(move || {
        if let Ok(result) = upgrading.result()
            && let Ok(db) = result.dyn_into::<IdbDatabase>()
        {
            for store in STORES {
                // A store that exists already refuses to be made again,
                // which is as good as making it.
                let _ = db.create_object_store(store.name());
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
    let db: IdbDatabase = settle(request.clone().into()).await?.dyn_into()?;
    request.set_onupgradeneeded(None);
    OPEN.with(|open| *open.borrow_mut() = Some(db.clone()));
    Ok(db)
}

async fn store(store: Store, mode: IdbTransactionMode) -> Result<IdbObjectStore, IdbError> {
    let db = database().await?;
    let transaction = db.transaction_with_str_and_mode(store.name(), mode)?;
    Ok(transaction.object_store(store.name())?)
}

/// Keeps `value` under `key`, replacing what was there.
pub async fn put(into: Store, key: &str, value: &JsValue) -> Result<(), IdbError> {
    let store = store(into, IdbTransactionMode::Readwrite).await?;
    settle(store.put_with_key(value, &JsValue::from_str(key))?).await?;
    Ok(())
}

/// The value under `key`, if any.
pub async fn get(from: Store, key: &str) -> Result<Option<JsValue>, IdbError> {
    let store = store(from, IdbTransactionMode::Readonly).await?;
    let value = settle(store.get(&JsValue::from_str(key))?).await?;
    Ok((!value.is_undefined()).then_some(value))
}

/// Forgets `key`; forgetting what is not there is no error.
pub async fn delete(from: Store, key: &str) -> Result<(), IdbError> {
    let store = store(from, IdbTransactionMode::Readwrite).await?;
    settle(store.delete(&JsValue::from_str(key))?).await?;
    Ok(())
}

/// All keys from `prefix` up to `prefix` followed by the highest code
/// unit: exactly those that start with it.
fn starting_with(prefix: &str) -> Result<IdbKeyRange, IdbError> {
    Ok(IdbKeyRange::bound(
        &JsValue::from_str(prefix),
        &JsValue::from_str(&format!("{prefix}\u{ffff}")),
    )?)
}

/// Every key starting with `prefix`, without reading the values.
pub async fn keys(from: Store, prefix: &str) -> Result<Vec<String>, IdbError> {
    let store = store(from, IdbTransactionMode::Readonly).await?;
    let range = starting_with(prefix)?;
    let keys: Array = settle(store.get_all_keys_with_key(&range)?)
        .await?
        .dyn_into()?;
    Ok(keys.iter().filter_map(|key| key.as_string()).collect())
}

/// Every key starting with `prefix`, with its value, in key order.
pub async fn list(from: Store, prefix: &str) -> Result<Vec<(String, JsValue)>, IdbError> {
    let store = store(from, IdbTransactionMode::Readonly).await?;
    let range = starting_with(prefix)?;
    // Both asked at once: a transaction ends once it has nothing pending.
    let keys = watch(store.get_all_keys_with_key(&range)?);
    let values = watch(store.get_all_with_key(&range)?);
    let keys: Array = keys.result().await?.dyn_into()?;
    let values: Array = values.result().await?.dyn_into()?;
    Ok(keys
        .iter()
        .zip(values.iter())
        .filter_map(|(key, value)| Some((key.as_string()?, value)))
        .collect())
}

/// Keeps `value` as JSON text under `key`.
pub async fn put_json<T: serde::Serialize>(
    into: Store,
    key: &str,
    value: &T,
) -> Result<(), IdbError> {
    let text = serde_json::to_string(value).map_err(|error| IdbError::Failed(error.to_string()))?;
    put(into, key, &JsValue::from_str(&text)).await
}

/// Every value stored as JSON under keys starting with `prefix`; values
/// that no longer read (an older shape) are left out.
pub async fn list_json<T: serde::de::DeserializeOwned>(
    from: Store,
    prefix: &str,
) -> Result<Vec<(String, T)>, IdbError> {
    Ok(list(from, prefix)
        .await?
        .into_iter()
        .filter_map(|(key, value)| Some((key, serde_json::from_str(&value.as_string()?).ok()?)))
        .collect())
}

/// The value stored as JSON under `key`, if it is there and reads.
pub async fn get_json<T: serde::de::DeserializeOwned>(
    from: Store,
    key: &str,
) -> Result<Option<T>, IdbError> {
    Ok(get(from, key)
        .await?
        .and_then(|value| value.as_string())
        .and_then(|text| serde_json::from_str(&text).ok()))
}
