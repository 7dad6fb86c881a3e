//! The server's custom emoji, fetched once per server and shared by the
//! picker and the `:shortcode` suggestions.

use std::cell::RefCell;
use std::sync::Arc;

use crate::api::ApiError;
use crate::api::compose::{EmojiCatalog, custom_emojis};
use crate::state::session::Session;

thread_local! {
    /// By server; a reader uses few.
    static CATALOGS: RefCell<Vec<(String, Arc<EmojiCatalog>)>> = const { RefCell::new(Vec::new()) };
}

/// The custom emoji of `session`'s server. A failure is not kept, so the
/// next call asks again.
pub async fn emoji_catalog(session: &Session) -> Result<Arc<EmojiCatalog>, ApiError> {
    let server = session.server.to_string();
    let known = CATALOGS.with(|catalogs| {
        let catalogs = catalogs.borrow();
        let found = catalogs.iter().find(|(of, _)| *of == server);
        found.map(|(_, catalog)| Arc::clone(catalog))
    });
    if let Some(known) = known {
        return Ok(known);
    }
    let catalog = Arc::new(session.ask(&custom_emojis()).await?);
    CATALOGS.with(|catalogs| {
        catalogs.borrow_mut().push((server, Arc::clone(&catalog)));
    });
    Ok(catalog)
}
