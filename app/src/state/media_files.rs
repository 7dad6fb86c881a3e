//! The picked files of drafts, kept in IndexedDB until the server has
//! them, so that an upload cut short by a failure or a reload can be sent
//! again without picking the file anew. The `File` itself is stored: the
//! browser clones its bytes, name and type.

use wasm_bindgen::JsCast;
use web_sys::File;

use crate::browser::idb::{self, IdbError, Store};

/// Draft ids are random, so they need no account beside them.
fn key(draft_id: &str, local_id: &str) -> String {
    format!("{draft_id}/{local_id}")
}

pub async fn keep(draft_id: &str, local_id: &str, file: &File) -> Result<(), IdbError> {
    idb::put(Store::Media, &key(draft_id, local_id), file).await
}

/// The file kept for an attachment, if it is there.
pub async fn kept(draft_id: &str, local_id: &str) -> Option<File> {
    let value = idb::get(Store::Media, &key(draft_id, local_id))
        .await
        .ok()??;
    value.dyn_into::<File>().ok()
}

pub async fn forget(draft_id: &str, local_id: &str) -> Result<(), IdbError> {
    idb::delete(Store::Media, &key(draft_id, local_id)).await
}

/// Forgets every file kept for a draft, once it is sent or discarded.
pub async fn forget_draft(draft_id: &str) -> Result<(), IdbError> {
    for (key, _) in idb::list(Store::Media, &format!("{draft_id}/")).await? {
        idb::delete(Store::Media, &key).await?;
    }
    Ok(())
}
