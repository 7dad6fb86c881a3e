use leptos::prelude::*;

use super::tr;
use crate::i18n::Text;

use super::error_notice::ErrorNotice;
use super::in_view::load;
use super::status_card::StatusCard;
use crate::api::{ApiError, Status, context_of, status_by_id};
use crate::state::session::{Session, session};

async fn load_thread(session: Session, id: String) -> Result<Vec<Status>, ApiError> {
    let status = session.ask(&status_by_id(&id)).await?;
    let context = session.ask(&context_of(&id)).await?;
    Ok(context.around(status))
}

/// The thread page, loaded on first use: a reader of a timeline may never
/// open one.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page(status_id: String) -> AnyView {
    view! { <ThreadView status_id=status_id /> }.into_any()
}

/// A status with the posts it replies to and the replies it got.
#[component]
pub fn ThreadView(status_id: String) -> impl IntoView {
    let thread = load(move |session| load_thread(session, status_id.clone()));
    let server = StoredValue::new(session().server);
    view! {
        <h1 class="view-title">{tr(Text::Thread)}</h1>
        {move || match thread.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
            Some(Ok(statuses)) => view! {
                <div role="feed" class="feed" aria-label=tr(Text::Thread)>
                    {statuses.into_iter().enumerate().map(|(at, status)| view! { <StatusCard server=server.get_value() status=status position=Signal::stored(at) /> }).collect_view()}
                </div>
            }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error=error retry=Callback::new(move |_| thread.reload()) /> }.into_any(),
        }}
    }
}
