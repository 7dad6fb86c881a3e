//! Keeping answers in IndexedDB, per account (or per server for reading
//! signed out), and reading them back.

use crate::api::ServerAddr;
use crate::api::offline::{
    KEPT_POSTS, KeptDocument, KeptPosts, PagePosition, Shelf, page_posts, preview_urls, shelf_for,
};
use crate::browser::idb::{self, Store};

/// Whose copy an answer is: the account whose token asked, or no one's
/// for answers read signed out. An unknown token keeps nothing, so that
/// an account's answers never land among what anyone may read.
fn owner(server: &ServerAddr, token: Option<&str>) -> Option<String> {
    let Some(token) = token else {
        return Some("-".into());
    };
    crate::state::accounts::load()
        .into_iter()
        .find(|account| account.server == *server && account.token == token)
        .map(|account| account.key())
}

/// The shelf for `url`, and the key its copy is kept under.
fn place(server: &ServerAddr, token: Option<&str>, url: &str) -> Option<(Shelf, String)> {
    let path = url.strip_prefix(&server.origin())?;
    let shelf = shelf_for(path)?;
    let key = format!("{server}|{}|{}", owner(server, token)?, shelf.key());
    Some((shelf, key))
}

pub(super) async fn keep(server: &ServerAddr, token: Option<&str>, url: &str, text: &str) {
    let Some((shelf, key)) = place(server, token, url) else {
        return;
    };
    let lock = super::lock();
    let _keeping = lock.lock().await;
    let now = js_sys::Date::now();
    let kept = match shelf {
        Shelf::Posts { at, .. } => keep_posts(&key, text, at, now).await,
        Shelf::Document { .. } => keep_document(&key, text, now).await,
    };
    if kept {
        super::media::keep_previews(preview_urls(text)).await;
    }
}

async fn keep_posts(key: &str, text: &str, at: PagePosition, now: f64) -> bool {
    let Ok(page) = page_posts(text, now) else {
        return false;
    };
    let mut kept: KeptPosts = idb::get_json(Store::Offline, key)
        .await
        .ok()
        .flatten()
        .unwrap_or_default();
    kept.merge(page, at, KEPT_POSTS);
    idb::put_json(Store::Offline, key, &kept).await.is_ok()
}

async fn keep_document(key: &str, text: &str, now: f64) -> bool {
    let Ok(json) = serde_json::value::RawValue::from_string(text.to_string()) else {
        return false;
    };
    let document = KeptDocument {
        fetched_at: now,
        json,
    };
    idb::put_json(Store::Offline, key, &document).await.is_ok()
}

/// The kept answer to `url`, when it was fetched, and whether the page
/// should say so (what the server says it is, asked by every page, is
/// not the reader's view), for a first page or a whole document.
pub(super) async fn recall(
    server: &ServerAddr,
    token: Option<&str>,
    url: &str,
) -> Option<(String, f64, bool)> {
    let (shelf, key) = place(server, token, url)?;
    if !shelf.answers_offline() {
        return None;
    }
    let marked = !shelf.describes_server();
    match shelf {
        Shelf::Posts { .. } => {
            let kept: KeptPosts = idb::get_json(Store::Offline, &key).await.ok()??;
            (!kept.posts.is_empty()).then(|| (kept.answer(), kept.fetched_at, marked))
        }
        Shelf::Document { .. } => {
            let kept: KeptDocument = idb::get_json(Store::Offline, &key).await.ok()??;
            Some((kept.json.get().to_string(), kept.fetched_at, marked))
        }
    }
}
