//! Drafts kept in IndexedDB per account, as the reader types, so that a
//! reload, a crash or a closed tab loses nothing. The draft the composer
//! had open last is remembered per account, to open it again.

use leptos::prelude::*;

use crate::api::compose::ComposeDraft;
use crate::browser::idb::{self, IdbError, Store};
use crate::browser::storage;

use super::AppState;
use super::session::Session;

fn key(account: &str, draft_id: &str) -> String {
    format!("{account}/{draft_id}")
}

fn current_key(account: &str) -> String {
    format!("samizdat.compose.{account}")
}

/// The account (`user@server`) a session writes from, if it has one.
pub fn account_of(state: AppState, session: &Session) -> Option<String> {
    let token = session.token.as_deref()?;
    state.accounts.with_untracked(|accounts| {
        accounts
            .iter()
            .find(|account| account.server == session.server && account.token == token)
            .map(|account| account.key())
    })
}

/// A fresh id for a new draft: random, so that drafts never share an
/// idempotency key.
pub fn new_id() -> String {
    crate::browser::crypto::random_token(12)
        .unwrap_or_else(|| format!("{}", js_sys::Date::now() as u64))
}

/// Keeps `draft`; a blank one is forgotten instead.
pub async fn save(draft: &ComposeDraft) -> Result<(), IdbError> {
    let at = key(&draft.account, &draft.id);
    if draft.is_blank() {
        return idb::delete(Store::Drafts, &at).await;
    }
    idb::put_json(Store::Drafts, &at, draft).await
}

pub async fn load(account: &str, draft_id: &str) -> Option<ComposeDraft> {
    idb::get_json(Store::Drafts, &key(account, draft_id))
        .await
        .ok()
        .flatten()
}

/// The account's drafts, the latest first.
pub async fn list(account: &str) -> Vec<ComposeDraft> {
    let mut drafts: Vec<ComposeDraft> =
        idb::list_json::<ComposeDraft>(Store::Drafts, &format!("{account}/"))
            .await
            .unwrap_or_default()
            .into_iter()
            .map(|(_, draft)| draft)
            .collect();
    newest_first(&mut drafts);
    drafts
}

/// Orders a handful of drafts by their last change, latest first; a
/// plain insertion sort, lighter in the bundle than the library's.
fn newest_first(drafts: &mut [ComposeDraft]) {
    for end in 1..drafts.len() {
        let mut at = end;
        while at > 0 && drafts[at - 1].updated_at < drafts[at].updated_at {
            drafts.swap(at - 1, at);
            at -= 1;
        }
    }
}

pub async fn discard(account: &str, draft_id: &str) -> Result<(), IdbError> {
    if current(account).as_deref() == Some(draft_id) {
        set_current(account, None);
    }
    // Files still kept for it are of no use once it is gone.
    let _ = super::media_files::forget_draft(draft_id).await;
    idb::delete(Store::Drafts, &key(account, draft_id)).await
}

/// The draft the composer had open last for `account`.
pub fn current(account: &str) -> Option<String> {
    storage::load::<Option<String>>(&current_key(account)).flatten()
}

pub fn set_current(account: &str, draft_id: Option<&str>) {
    storage::save(&current_key(account), &draft_id);
}
