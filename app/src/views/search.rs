use leptos::prelude::*;

use super::tr;
use crate::i18n::Text;

use super::error_notice::ErrorNotice;
use super::in_view::load;
use super::status_card::StatusCard;
use crate::api::{SearchResults, Timeline, search};
use crate::browser::location::navigate;
use crate::route::Route;
use crate::state::session::session;

/// Search across accounts, hashtags and statuses.
/// The search page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page(query: String) -> AnyView {
    view! { <SearchView query=query /> }.into_any()
}

#[component]
pub fn SearchView(query: String) -> impl IntoView {
    let input = RwSignal::new(query.clone());
    let server = StoredValue::new(session().server);
    let results = load(move |session| {
        let query = query.clone();
        async move {
            if query.trim().is_empty() {
                return Ok(SearchResults::default());
            }
            session.ask(&search(&query, session.signed_in())).await
        }
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        navigate(&Route::Search {
            server: server.get_value(),
            query: input.get_untracked().trim().to_string(),
        });
    };
    view! {
        <h1 class="view-title">{tr(Text::Search)}</h1>
        <form class="search" role="search" on:submit=submit>
            <label for="search-query">{tr(Text::SearchLabel)}</label>
            <input id="search-query" type="search" prop:value=move || input.get() on:input=move |ev| input.set(event_target_value(&ev)) />
            <button type="submit">{tr(Text::Search)}</button>
        </form>
        {move || match results.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Searching)}</p> }.into_any(),
            Some(Ok(found)) => view! {
                <section aria-labelledby="found-accounts">
                    <h2 id="found-accounts">{tr(Text::Accounts)}</h2>
                    <ul class="found-accounts">
                        {found.accounts.into_iter().map(|account| {
                            let href = Route::Profile { server: server.get_value(), acct: account.acct.clone() }.to_fragment();
                            view! { <li><a href=href>{account.name().to_string()}</a>" "<span class="acct">{format!("@{}", account.acct)}</span></li> }
                        }).collect_view()}
                    </ul>
                    <h2>{tr(Text::Hashtags)}</h2>
                    <ul class="found-tags">
                        {found.hashtags.into_iter().map(|tag| {
                            let href = Route::Timeline { server: server.get_value(), timeline: Timeline::Hashtag(tag.name.clone()) }.to_fragment();
                            view! { <li><a href=href>{format!("#{}", tag.name)}</a></li> }
                        }).collect_view()}
                    </ul>
                    <h2>{tr(Text::Posts)}</h2>
                    <div role="feed" class="feed" aria-label=tr(Text::PostsFound)>
                        {found.statuses.into_iter().enumerate().map(|(at, status)| view! { <StatusCard server=server.get_value() status=status position=Signal::stored(at) /> }).collect_view()}
                    </div>
                </section>
            }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error=error retry=Callback::new(move |_| results.reload()) /> }.into_any(),
        }}
    }
}
