use leptos::prelude::*;

use super::tr;
use crate::i18n::{Text, text};

use super::error_notice::ErrorNotice;
use super::status_card::StatusCard;
use crate::api::{
    ApiError, Posts, ServerAddr, Status, StreamEvent, Timeline, UserList, Verdict, list_path,
    verdict,
};
use crate::browser::http::get_json;
use crate::browser::visibility::WhenVisible;
use crate::route::Route;

/// How far below the viewport older posts start loading.
const LOAD_AHEAD_PX: u32 = 800;

/// How often a timeline looks for newer posts.
const NEW_POSTS_EVERY_SECS: u64 = 10;

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
    let title = RwSignal::new(title);
    let state = crate::state::app_state();
    let token = StoredValue::new(state.token_for(&server));
    let memory_key = Route::Timeline {
        server: server.clone(),
        timeline: timeline.clone(),
    }
    .to_fragment();
    let remembered = state
        .timelines
        .with_value(|timelines| timelines.get(&memory_key).cloned());
    let server = StoredValue::new(server);
    let statuses = RwSignal::new(
        remembered
            .as_ref()
            .map(|memory| memory.statuses.clone())
            .unwrap_or_default(),
    );
    let next = RwSignal::new(
        remembered
            .as_ref()
            .map_or_else(|| Some(timeline.path()), |memory| memory.next.clone()),
    );
    // Where newer posts are, from the server's `prev` link.
    let prev = RwSignal::new(remembered.as_ref().and_then(|memory| memory.prev.clone()));
    let fresh = RwSignal::new(Vec::<Status>::new());
    let loading = RwSignal::new(false);
    // Posts the server sent that this client could not read.
    let unreadable = RwSignal::new(0usize);
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
            match get_json::<Posts>(&server.get_value(), &url, token.get_value().as_deref()).await {
                Ok(fetched) => {
                    let more = !fetched.body.is_empty();
                    unreadable.update(|count| *count += fetched.body.unreadable);
                    statuses.update(|list| {
                        for status in fetched.body.statuses {
                            if !list.iter().any(|known| known.id == status.id) {
                                list.push(status);
                            }
                        }
                    });
                    if prev.get_untracked().is_none() {
                        prev.set(fetched.page.prev.clone());
                    }
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
    // A list is named by its owner; the name comes from the server.
    if let (Timeline::List(id), false) = (&timeline, needs_sign_in) {
        let path = list_path(id);
        leptos::task::spawn_local(async move {
            if let Ok(list) =
                get_json::<UserList>(&server.get_value(), &path, token.get_value().as_deref()).await
                && !list.body.title.is_empty()
            {
                title.try_set(list.body.title);
            }
        });
    }
    match &remembered {
        Some(memory) => {
            let scroll_y = memory.scroll_y;
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, scroll_y));
        }
        None if !needs_sign_in => load_older(),
        None => {}
    }

    // New posts are looked for now and then, and shown only when asked for.
    let look_for_new = move || {
        let Some(url) = prev.get_untracked() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Ok(fetched) =
                get_json::<Posts>(&server.get_value(), &url, token.get_value().as_deref()).await
                && !fetched.body.statuses.is_empty()
            {
                fresh.update(|list| {
                    let known: Vec<String> = list
                        .iter()
                        .chain(statuses.get_untracked().iter())
                        .map(|status| status.id.clone())
                        .collect();
                    let mut newer: Vec<Status> = fetched
                        .body
                        .statuses
                        .into_iter()
                        .filter(|status| !known.contains(&status.id) && worth_announcing(status))
                        .collect();
                    newer.append(list);
                    *list = newer;
                });
                if let Some(newer_page) = fetched.page.prev {
                    prev.set(Some(newer_page));
                }
            }
        });
    };
    // The stream, where the server has one, tells of new posts at once and
    // of edits and deletions; polling stands in whenever it is closed.
    let streaming = RwSignal::new(false);
    let stream = super::live::stream_holder();
    if !needs_sign_in {
        let timeline = timeline.clone();
        leptos::task::spawn_local(async move {
            let token = token.get_value();
            let url = super::live::stream_address(
                state,
                &server.get_value(),
                &timeline,
                token.as_deref(),
            )
            .await;
            super::live::follow_stream(stream, url, streaming, move |event| {
                on_stream_event(event, statuses, fresh)
            });
        });
    }
    let poller = (!needs_sign_in)
        .then(|| {
            set_interval_with_handle(
                move || {
                    if !streaming.get_untracked() {
                        look_for_new();
                    }
                },
                std::time::Duration::from_secs(NEW_POSTS_EVERY_SECS),
            )
            .ok()
        })
        .flatten();
    let memory_key = StoredValue::new(memory_key);
    on_cleanup(move || {
        if let Some(poller) = poller {
            poller.clear();
        }
        let memory = crate::state::TimelineMemory {
            statuses: statuses.get_untracked(),
            next: next.get_untracked(),
            prev: prev.get_untracked(),
            scroll_y: window().scroll_y().unwrap_or(0.0),
        };
        state.timelines.update_value(|timelines| {
            timelines.insert(memory_key.get_value(), memory);
        });
    });
    let show_fresh = move |_| {
        let mut newer = fresh.get_untracked();
        fresh.set(Vec::new());
        statuses.update(|list| {
            newer.append(list);
            *list = newer;
        });
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    Effect::new(move |_| {
        if retry.get() > 0 {
            load_older();
        }
    });
    // Older posts load as the reader nears the end; the button stays for
    // keyboards and for browsers that do not observe.
    let load_more = NodeRef::<leptos::html::Button>::new();
    let watcher = StoredValue::new_local(None::<WhenVisible>);
    Effect::new(move |_| {
        let watching = load_more
            .get()
            .and_then(|button| WhenVisible::watch(&button, LOAD_AHEAD_PX, load_older));
        watcher.set_value(watching);
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
        {move || {
            let count = fresh.with(Vec::len);
            (count > 0).then(|| view! {
                <button type="button" class="new-posts" on:click=show_fresh>{move || format!("{count} {}", text(state.lang.get(), if count == 1 { Text::NewPost } else { Text::NewPosts }))}</button>
            })
        }}
        <div role="feed" class="feed" data-live=move || if streaming.get() { "stream" } else { "poll" } aria-busy=move || loading.get().to_string() aria-label=tr(Text::Posts)>
            <ForEnumerate each=move || statuses.get() key=|status| status.id.clone() children=move |at, status| view! {
                <StatusCard server=server.get_value() status=status position=at />
            } />
        </div>
        {move || (unreadable.get() > 0).then(|| view! { <p class="unreadable" role="note">{move || format!("{} {}", unreadable.get(), text(state.lang.get(), Text::UnreadablePosts))}</p> })}
        {move || error.get().map(|failure| view! { <ErrorNotice error=failure retry=Callback::new(move |_| load_older()) server=server.get_value() /> })}
        {move || {
            let empty = statuses.with(Vec::is_empty);
            if loading.get() {
                view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any()
            } else if error.with(Option::is_some) {
                ().into_any()
            } else if next.with(Option::is_some) {
                view! { <button type="button" class="load-more" node_ref=load_more on:click=move |_| load_older()>{tr(Text::LoadOlder)}</button> }.into_any()
            } else if empty {
                view! { <p class="empty">{tr(Text::NoPosts)}</p> }.into_any()
            } else {
                view! { <p class="end">{tr(Text::End)}</p> }.into_any()
            }
        }}
    }
    .into_any()
}

/// A new post waits with the others behind the button; an edit or a
/// deletion applies wherever the post is.
fn on_stream_event(
    event: StreamEvent,
    statuses: RwSignal<Vec<Status>>,
    fresh: RwSignal<Vec<Status>>,
) {
    match event {
        StreamEvent::Update(status) => {
            let known = |list: &Vec<Status>| list.iter().any(|shown| shown.id == status.id);
            if worth_announcing(&status)
                && !statuses.with_untracked(known)
                && !fresh.with_untracked(known)
            {
                fresh.update(|list| list.insert(0, *status));
            }
        }
        StreamEvent::Notification | StreamEvent::Other => {}
        change => {
            statuses.update(|list| change.apply_to(list));
            fresh.update(|list| change.apply_to(list));
        }
    }
}

/// A post the reader's filters hide is never announced as new.
fn worth_announcing(status: &Status) -> bool {
    verdict(status) != Verdict::Hide
}
