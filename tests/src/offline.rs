//! The harness for reading offline: what the page keeps (IndexedDB and
//! Cache Storage, read from the page), its offline mark, and a post with
//! an image to keep.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::lifeboat::{Body, one_pixel, send};
use crate::{Browser, MockServer, StaticServer};

/// The keys kept for reading offline, read from the page's IndexedDB.
pub const KEPT_KEYS: &str = "return new Promise(done => { \
    const opening = indexedDB.open('samizdat'); \
    opening.onerror = () => done([]); \
    opening.onsuccess = () => { const db = opening.result; \
      if (!db.objectStoreNames.contains('offline')) { db.close(); return done([]); } \
      const keys = db.transaction('offline').objectStore('offline').getAllKeys(); \
      keys.onsuccess = () => { db.close(); done(keys.result); }; \
      keys.onerror = () => { db.close(); done([]); }; }; })";

/// Each cached preview's URL and size, or `null` when there is no cache.
pub const MEDIA_CACHE: &str = "return caches.has('samizdat-media').then(there => !there ? null : \
    caches.open('samizdat-media').then(cache => cache.keys().then(requests => Promise.all( \
      requests.map(request => cache.match(request).then(answer => answer.blob()) \
        .then(blob => [request.url, blob.size]))))))";

/// The offline mark's time, when the page shows one.
pub const OFFLINE_MARK: &str = "return document.querySelector('[data-offline] time[data-fetched-at]') \
    ?.getAttribute('datetime') ?? null";

/// A public post by ada with an image, as another client would make it:
/// its id and the preview URL the page shows.
pub async fn post_with_image(mock: &MockServer) -> anyhow::Result<(String, String)> {
    let image = one_pixel([20, 90, 200]);
    let upload = Body::File {
        field: "file",
        name: "harbour.png",
        mime: "image/png",
        bytes: &image,
    };
    let origin = mock.origin();
    let media = send(
        "POST",
        &format!("{origin}/api/v2/media"),
        Some("ada_token"),
        upload,
    )
    .await?
    .json()?;
    let body = json!({ "status": "The harbour at dawn", "media_ids": [media["id"]], "visibility": "public" });
    let posted = send(
        "POST",
        &format!("{origin}/api/v1/statuses"),
        Some("ada_token"),
        Body::Json(&body),
    )
    .await?
    .json()?;
    let id = posted["id"].as_str().unwrap_or_default().to_string();
    let preview = posted["media_attachments"][0]["preview_url"]
        .as_str()
        .unwrap_or_default()
        .to_string();
    anyhow::ensure!(
        !id.is_empty() && !preview.is_empty(),
        "no post or preview in {posted}"
    );
    Ok((id, preview))
}

/// Opens `route` on `mock`'s server, reloading the page.
pub async fn reload_at(
    browser: &Browser,
    web: &StaticServer,
    addr: &str,
    route: &str,
) -> anyhow::Result<()> {
    browser
        .client
        .goto(&web.url(&format!("/app/#/{addr}/{route}")))
        .await?;
    browser.client.refresh().await?;
    Ok(())
}

/// Runs `script` until its value is `ready`, failing after `limit` with
/// the last value seen.
pub async fn until_value(
    browser: &Browser,
    what: &str,
    script: &str,
    limit: Duration,
    ready: impl Fn(&Value) -> bool,
) -> anyhow::Result<Value> {
    let deadline = Instant::now() + limit;
    loop {
        let value = browser.eval(script).await?;
        if ready(&value) {
            return Ok(value);
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "waited for {what}; last saw {value}"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Whether one of `keys` (a JSON array of strings) ends with `ending`.
pub fn has_key_ending(keys: &Value, ending: &str) -> bool {
    keys.as_array().is_some_and(|keys| {
        keys.iter()
            .any(|key| key.as_str().is_some_and(|key| key.ends_with(ending)))
    })
}

/// Signs `username` in to the server at `addr` (a relay in front of a
/// mock), through its own authorization page.
pub async fn sign_in_at(
    browser: &Browser,
    web: &StaticServer,
    addr: &str,
    username: &str,
) -> anyhow::Result<()> {
    crate::start_sign_in_at(browser, web, addr, username).await?;
    browser.click(&crate::authorize_choice(username)).await?;
    crate::wait_for_home_at(browser, web, addr).await
}
