use leptos::prelude::*;

use super::tr;
use crate::i18n::Text;

use crate::api::ApiError;

/// An error shown in place of what failed, with a way to try again.
#[component]
pub fn ErrorNotice(error: ApiError, retry: Callback<()>) -> impl IntoView {
    let lang = crate::state::app_state().lang;
    view! {
        <div class="error" role="alert">
            <p>{move || crate::i18n::error_text(lang.get(), &error)}</p>
            <button type="button" on:click=move |_| retry.run(())>{tr(Text::TryAgain)}</button>
        </div>
    }
}
