use leptos::prelude::*;

use crate::api::compose::ComposeDraft;

/// Suggestions for the mention or hashtag being typed.
#[component]
pub fn Autocomplete(draft: RwSignal<ComposeDraft>) -> impl IntoView {
    let _ = draft;
}
