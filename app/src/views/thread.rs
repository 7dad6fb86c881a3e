use leptos::prelude::*;

use super::tr;
use crate::i18n::Text;
use serde::Deserialize;

use super::error_notice::ErrorNotice;
use super::status_card::StatusCard;
use crate::api::{ApiError, ServerAddr, Status};
use crate::browser::http::get_json;

#[derive(Clone, Deserialize)]
struct Context {
    #[serde(default)]
    ancestors: Vec<Status>,
    #[serde(default)]
    descendants: Vec<Status>,
}

async fn load_thread(
    server: &ServerAddr,
    id: &str,
    token: Option<&str>,
) -> Result<Vec<Status>, ApiError> {
    let status = get_json::<Status>(server, &format!("/api/v1/statuses/{id}"), token)
        .await?
        .body;
    let context = get_json::<Context>(server, &format!("/api/v1/statuses/{id}/context"), token)
        .await?
        .body;
    let mut thread = context.ancestors;
    thread.push(status);
    thread.extend(context.descendants);
    Ok(thread)
}

/// A status with the posts it replies to and the replies it got.
#[component]
pub fn ThreadView(server: ServerAddr, status_id: String) -> impl IntoView {
    let token = StoredValue::new(crate::state::app_state().token_for(&server));
    let server = StoredValue::new(server);
    let id = StoredValue::new(
        percent_encoding::utf8_percent_encode(&status_id, percent_encoding::NON_ALPHANUMERIC)
            .to_string(),
    );
    let thread = LocalResource::new(move || async move {
        load_thread(
            &server.get_value(),
            &id.get_value(),
            token.get_value().as_deref(),
        )
        .await
    });
    view! {
        <h1 class="view-title">{tr(Text::Thread)}</h1>
        <Suspense fallback=|| view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }>
            {move || thread.get().map(|result| match result {
                Ok(statuses) => view! {
                    <div role="feed" class="feed" aria-label=tr(Text::Thread)>
                        {statuses.into_iter().enumerate().map(|(at, status)| view! { <StatusCard server=server.get_value() status=status position=Signal::stored(at) /> }).collect_view()}
                    </div>
                }.into_any(),
                Err(error) => view! { <ErrorNotice error=error retry=Callback::new(move |_| thread.refetch()) /> }.into_any(),
            })}
        </Suspense>
    }
}
