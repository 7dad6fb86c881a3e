use leptos::prelude::*;

/// The signed-in account's saved drafts, each to restore or discard.
#[component]
pub fn DraftsView() -> impl IntoView {}
