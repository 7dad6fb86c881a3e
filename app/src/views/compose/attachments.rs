use leptos::prelude::*;

use crate::api::compose::ComposeDraft;

/// The draft's media: upload, progress, alt text, focal point, order.
#[component]
pub fn Attachments(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let _ = draft;
}
