//! The media previews of kept posts, in Cache Storage under the exact
//! URL the page's images use, within the reader's cap: past it, the
//! oldest go. Previews are fetched in CORS mode (fetch's own for a URL),
//! so a host that refuses is skipped: an opaque answer's size is unknown
//! and browsers charge it heavily against the quota.
//!
//! The Cache API is called by name, through `Reflect`, rather than
//! through typed bindings, whose glue would load with the first page.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::api::offline::{DEFAULT_CAP_MB, MediaEntry, MediaIndex, cap_bytes};
use crate::browser::idb::{self, Store};
use crate::browser::storage;

/// The cache's name, which the service worker reads from too.
const CACHE: &str = "samizdat-media";
const CAP_KEY: &str = "samizdat.offline_media_cap_mb";
/// The index of kept previews, beside the kept answers.
const INDEX_KEY: &str = "media-index";
/// At most this many new previews per answer kept: a long page waits
/// for its next visit rather than holding up the rest.
const NEW_PER_ANSWER: usize = 40;

/// The reader's cap in megabytes.
pub fn cap_mb() -> u32 {
    storage::load(CAP_KEY).unwrap_or(DEFAULT_CAP_MB)
}

/// Calls `target.name(...args)`.
fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let function = Reflect::get(target, &JsValue::from_str(name))?;
    if !function.is_function() {
        return Err(JsValue::from_str(name));
    }
    let list = Array::new();
    for arg in args {
        list.push(arg);
    }
    Reflect::apply(function.unchecked_ref::<Function>(), target, &list)
}

/// Calls a method that answers with a promise, and waits for it.
async fn call_async(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let promise = call(target, name, args)?;
    JsFuture::from(promise.unchecked_into::<Promise>()).await
}

fn caches() -> Option<JsValue> {
    let caches = Reflect::get(&window()?, &JsValue::from_str("caches")).ok()?;
    (!caches.is_undefined()).then_some(caches)
}

fn window() -> Option<JsValue> {
    web_sys::window().map(JsValue::from)
}

async fn open_cache() -> Option<JsValue> {
    call_async(&caches()?, "open", &[&JsValue::from_str(CACHE)])
        .await
        .ok()
}

async fn load_index() -> MediaIndex {
    idb::get_json(Store::Offline, INDEX_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or_default()
}

async fn forget(cache: &JsValue, urls: Vec<String>) {
    for url in urls {
        let _ = call_async(cache, "delete", &[&JsValue::from_str(&url)]).await;
    }
}

/// Fetches `url` and puts it in the cache, giving its size; `None` when
/// the host refuses, fails, or the preview alone passes the cap.
async fn store(cache: &JsValue, url: &str, cap: u64) -> Option<u64> {
    let url = JsValue::from_str(url);
    let response = call_async(&window()?, "fetch", &[&url]).await.ok()?;
    if Reflect::get(&response, &JsValue::from_str("ok")).ok()? != JsValue::TRUE {
        return None;
    }
    let copy = call(&response, "clone", &[]).ok()?;
    let bytes = call_async(&copy, "arrayBuffer", &[]).await.ok()?;
    let size = Reflect::get(&bytes, &JsValue::from_str("byteLength"))
        .ok()?
        .as_f64()? as u64;
    if size > cap {
        return None;
    }
    call_async(cache, "put", &[&url, &response]).await.ok()?;
    Some(size)
}

/// Keeps the previews of `urls` not kept yet, then forgets the oldest
/// until all fit in the cap.
pub(super) async fn keep_previews(urls: Vec<String>) {
    let cap = cap_bytes(cap_mb());
    if cap == 0 || urls.is_empty() {
        return;
    }
    let Some(cache) = open_cache().await else {
        return;
    };
    let mut index = load_index().await;
    let new: Vec<String> = urls
        .into_iter()
        .filter(|url| !index.contains(url))
        .take(NEW_PER_ANSWER)
        .collect();
    let mut added = false;
    for url in new {
        if let Some(bytes) = store(&cache, &url, cap).await {
            index.add(MediaEntry {
                url,
                bytes,
                stored_at: js_sys::Date::now(),
            });
            added = true;
        }
    }
    if added {
        forget(&cache, index.evict_to(cap)).await;
        let _ = idb::put_json(Store::Offline, INDEX_KEY, &index).await;
    }
}

/// Sets the cap to `megabytes` and applies it at once: 0 empties the
/// cache and keeps no more. Its code comes with the setting's.
pub async fn set_cap(megabytes: u32) {
    // Not while previews are being kept, which would write back an index
    // of what this removes.
    let lock = super::lock();
    let _keeping = lock.lock().await;
    storage::save(CAP_KEY, &megabytes);
    if megabytes == 0 {
        if let Some(caches) = caches() {
            let _ = call_async(&caches, "delete", &[&JsValue::from_str(CACHE)]).await;
        }
        let _ = idb::delete(Store::Offline, INDEX_KEY).await;
        return;
    }
    let mut index = load_index().await;
    let evicted = index.evict_to(cap_bytes(megabytes));
    if evicted.is_empty() {
        return;
    }
    if let Some(cache) = open_cache().await {
        forget(&cache, evicted).await;
    }
    let _ = idb::put_json(Store::Offline, INDEX_KEY, &index).await;
}
