use leptos::prelude::*;

use super::tr;
use crate::api::{ApiError, ServerAddr};
use crate::i18n::Text;

/// An error shown in place of what failed, with a way to try again. When
/// a session has ended on `server`, the way out is to sign in again; the
/// account stays in the list meanwhile.
#[component]
pub fn ErrorNotice(
    error: ApiError,
    retry: Callback<()>,
    #[prop(optional)] server: Option<ServerAddr>,
) -> impl IntoView {
    let lang = crate::state::app_state().lang;
    let sign_in_again = (error == ApiError::Unauthorized)
        .then_some(server)
        .flatten()
        .map(|server| {
            view! {
                <button type="button" class="sign-in" on:click=move |_| {
                    let server = server.clone();
                    leptos::task::spawn_local(async move {
                        let _ = crate::state::sign_in::start(server).await;
                    });
                }>{tr(Text::SignInAgain)}</button>
            }
        });
    view! {
        <div class="error" role="alert">
            <p>{move || crate::i18n::error_text(lang.get(), &error)}</p>
            {sign_in_again}
            <button type="button" on:click=move |_| retry.run(())>{tr(Text::TryAgain)}</button>
        </div>
    }
}
