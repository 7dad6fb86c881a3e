//! A draft handed to the composer by another view (edit, delete and
//! redraft, reply, quote). It goes through the tab's session storage, so
//! it survives the route change and a reload on the way, and is taken
//! once.

use crate::api::compose::ComposeDraft;
use crate::browser::storage::{load_session, remove_session, save_session};

const KEY: &str = "samizdat.handoff";

/// Leaves `draft` for the next composer to open.
pub fn hand_to_composer(draft: &ComposeDraft) {
    save_session(KEY, draft);
}

/// The draft left for the composer, if any; taking it clears it.
pub fn take() -> Option<ComposeDraft> {
    let draft = load_session(KEY);
    remove_session(KEY);
    draft
}
