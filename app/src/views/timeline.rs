use leptos::prelude::*;

use super::tr;
use crate::i18n::{Text, text};

use super::error_notice::ErrorNotice;
use super::status_card::StatusCard;
use crate::api::{ApiError, ServerAddr, Status, Timeline};
use crate::browser::http::get_json;

/// A timeline, loaded page by page as the reader asks for older posts.
#[component]
pub fn TimelineView(server: ServerAddr, timeline: Timeline) -> impl IntoView {
    let lang = crate::state::app_state().lang.get_untracked();
    let title = match &timeline {
        Timeline::Federated => text(lang, Text::FederatedTimeline).to_string(),
        Timeline::Local => text(lang, Text::LocalTimeline).to_string(),
        Timeline::Home => text(lang, Text::Home).to_string(),
        Timeline::Hashtag(tag) => format!("#{tag}"),
        Timeline::List(_) => text(lang, Text::List).to_string(),
    };
    let token = StoredValue::new(crate::state::app_state().token_for(&server));
    let server = StoredValue::new(server);
    let statuses = RwSignal::new(Vec::<Status>::new());
    let next = RwSignal::new(Some(timeline.path()));
    let loading = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);

    // Bumped when a rate limit's wait is over, to load again.
    let retry = RwSignal::new(0u32);
    let load_older = move || {
        let Some(url) = next.get_untracked() else {
            return;
        };
        if loading.get_untracked() {
            return;
        }
        loading.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            match get_json::<Vec<Status>>(&server.get_value(), &url, token.get_value().as_deref())
                .await
            {
                Ok(fetched) => {
                    let more = !fetched.body.is_empty();
                    statuses.update(|list| {
                        for status in fetched.body {
                            if !list.iter().any(|known| known.id == status.id) {
                                list.push(status);
                            }
                        }
                    });
                    next.set(fetched.page.next.filter(|_| more));
                }
                Err(failure) => {
                    // A rate limit says when to come back: do so on our own.
                    if let ApiError::RateLimited { retry_after_secs } = failure {
                        super::after_seconds(retry_after_secs, move || {
                            retry.update(|count| *count += 1)
                        });
                    }
                    error.set(Some(failure));
                }
            }
            loading.set(false);
        });
    };
    let needs_sign_in = timeline.needs_account() && token.with_value(Option::is_none);
    if !needs_sign_in {
        load_older();
    }
    Effect::new(move |_| {
        if retry.get() > 0 {
            load_older();
        }
    });

    if needs_sign_in {
        return view! {
            <h1 class="view-title">{title}</h1>
            <super::start::SignInPrompt server=server.get_value() />
        }
        .into_any();
    }
    let about = matches!(timeline, Timeline::Local | Timeline::Federated)
        .then(|| view! { <super::server_about::ServerAbout server=server.get_value() /> });
    view! {
        <h1 class="view-title">{title}</h1>
        {about}
        <div role="feed" class="feed" aria-busy=move || loading.get().to_string() aria-label=tr(Text::Posts)>
            <For each=move || statuses.get() key=|status| status.id.clone() let:status>
                <StatusCard server=server.get_value() status=status />
            </For>
        </div>
        {move || error.get().map(|failure| view! { <ErrorNotice error=failure retry=Callback::new(move |_| load_older()) /> })}
        {move || {
            let empty = statuses.with(Vec::is_empty);
            if loading.get() {
                view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any()
            } else if error.with(Option::is_some) {
                ().into_any()
            } else if next.with(Option::is_some) {
                view! { <button type="button" class="load-more" on:click=move |_| load_older()>{tr(Text::LoadOlder)}</button> }.into_any()
            } else if empty {
                view! { <p class="empty">{tr(Text::NoPosts)}</p> }.into_any()
            } else {
                view! { <p class="end">{tr(Text::End)}</p> }.into_any()
            }
        }}
    }
    .into_any()
}
