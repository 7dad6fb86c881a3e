use leptos::prelude::*;

use super::error_notice::ErrorNotice;
use super::in_view::load;
use super::start::SignInPrompt;
use super::tr;
use crate::api::{Lists, Timeline, UserList};
use crate::i18n::Text;
use crate::route::Route;
use crate::state::session::session;

/// The signed-in account's lists, each opening its own timeline.
#[component]
pub fn ListsView() -> impl IntoView {
    let session = session();
    if !session.signed_in() {
        return view! { <h1 class="view-title">{tr(Text::Lists)}</h1><SignInPrompt server=session.server /> }
            .into_any();
    }
    let server = StoredValue::new(session.server);
    let lists = load(|session| async move { session.ask(&Lists).await });
    let link = move |list: &UserList| {
        Route::Timeline {
            server: server.get_value(),
            timeline: Timeline::List(list.id.clone()),
        }
        .to_fragment()
    };
    view! {
        <h1 class="view-title">{tr(Text::Lists)}</h1>
        {move || match lists.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
            Some(Ok(lists)) if lists.is_empty() => view! { <p class="empty">{tr(Text::NoLists)}</p> }.into_any(),
            Some(Ok(lists)) => view! {
                <ul class="lists" aria-label=tr(Text::Lists)>
                    {lists.iter().map(|list| {
                        let title = if list.title.is_empty() { format!("#{}", list.id) } else { list.title.clone() };
                        view! { <li><a href=link(list) data-list-id=list.id.clone()>{title}</a></li> }
                    }).collect_view()}
                </ul>
            }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error=error retry=Callback::new(move |_| lists.reload()) server=server.get_value() /> }.into_any(),
        }}
    }
    .into_any()
}
