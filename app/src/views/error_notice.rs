use leptos::prelude::*;

use crate::api::ApiError;

/// An error shown in place of what failed, with a way to try again.
#[component]
pub fn ErrorNotice(error: ApiError, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="error" role="alert">
            <p>{error.to_string()}</p>
            <button type="button" on:click=move |_| retry.run(())>"Try again"</button>
        </div>
    }
}
