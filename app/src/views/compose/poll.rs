use leptos::prelude::*;

use crate::api::compose::ComposeDraft;

/// The draft's poll: options, multiple choice, duration.
#[component]
pub fn PollEditor(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let _ = draft;
}
