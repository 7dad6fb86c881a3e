use leptos::prelude::*;

/// The signed-in account's scheduled posts, to edit or cancel.
#[component]
pub fn ScheduledView() -> impl IntoView {}
