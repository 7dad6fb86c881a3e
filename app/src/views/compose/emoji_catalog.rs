//! The server's custom emoji, fetched once per server and shared by the
//! picker and the `:shortcode` suggestions.

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::Arc;

use crate::api::ApiError;
use crate::api::compose::{EmojiCatalog, custom_emojis};
use crate::state::session::Session;

thread_local! {
    static CATALOGS: RefCell<HashMap<String, Arc<EmojiCatalog>>> = RefCell::new(HashMap::new());
}

/// The custom emoji of `session`'s server. A failure is not kept, so the
/// next call asks again.
pub async fn emoji_catalog(session: &Session) -> Result<Arc<EmojiCatalog>, ApiError> {
    let server = session.server.to_string();
    if let Some(known) = CATALOGS.with(|catalogs| catalogs.borrow().get(&server).cloned()) {
        return Ok(known);
    }
    let catalog = Arc::new(session.ask(&custom_emojis()).await?);
    CATALOGS.with(|catalogs| {
        catalogs.borrow_mut().insert(server, Arc::clone(&catalog));
    });
    Ok(catalog)
}
