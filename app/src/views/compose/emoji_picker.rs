use leptos::prelude::*;

use crate::api::compose::ComposeDraft;

/// The server's custom emoji, inserted at the cursor.
#[component]
pub fn EmojiPicker(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let _ = draft;
}
