use leptos::prelude::*;

use super::error_notice::ErrorNotice;
use super::start::SignInPrompt;
use super::tr;
use crate::api::{ServerAddr, Timeline, UserList, lists_from};
use crate::browser::http::get_json;
use crate::i18n::Text;
use crate::route::Route;
use crate::state::app_state;

/// The signed-in account's lists, each opening its own timeline.
#[component]
pub fn ListsView(server: ServerAddr) -> impl IntoView {
    let Some(token) = app_state().token_for(&server) else {
        return view! { <h1 class="view-title">{tr(Text::Lists)}</h1><SignInPrompt server=server /> }
            .into_any();
    };
    let server = StoredValue::new(server);
    let token = StoredValue::new(token);
    let lists = LocalResource::new(move || async move {
        get_json::<Vec<Box<serde_json::value::RawValue>>>(
            &server.get_value(),
            "/api/v1/lists",
            Some(&token.get_value()),
        )
        .await
        .map(|fetched| lists_from(fetched.body))
    });
    let link = move |list: &UserList| {
        Route::Timeline {
            server: server.get_value(),
            timeline: Timeline::List(list.id.clone()),
        }
        .to_fragment()
    };
    view! {
        <h1 class="view-title">{tr(Text::Lists)}</h1>
        <Suspense fallback=|| view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }>
            {move || lists.get().map(|result| match result {
                Ok(lists) if lists.is_empty() => view! { <p class="empty">{tr(Text::NoLists)}</p> }.into_any(),
                Ok(lists) => view! {
                    <ul class="lists" aria-label=tr(Text::Lists)>
                        {lists.iter().map(|list| {
                            let title = if list.title.is_empty() { format!("#{}", list.id) } else { list.title.clone() };
                            view! { <li><a href=link(list) data-list-id=list.id.clone()>{title}</a></li> }
                        }).collect_view()}
                    </ul>
                }.into_any(),
                Err(error) => view! { <ErrorNotice error=error retry=Callback::new(move |_| lists.refetch()) server=server.get_value() /> }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}
