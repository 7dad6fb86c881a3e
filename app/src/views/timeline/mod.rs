//! A timeline, loaded page by page as the reader asks for older posts, and
//! kept up to date while it is open.

mod feed;
mod keeping_up;

use leptos::prelude::*;

use super::error_notice::ErrorNotice;
use super::in_view::ViewTasks;
use super::status_card::StatusCard;
use super::tr;
use crate::api::{Timeline, list_by_id};
use crate::browser::visibility::WhenVisible;
use crate::i18n::{Lang, Text, text};
use crate::state::AppState;
use crate::state::session::{Session, session};
use feed::Feed;

/// How far below the viewport older posts start loading.
const LOAD_AHEAD_PX: u32 = 800;

#[component]
pub fn TimelineView(timeline: Timeline) -> impl IntoView {
    let state = crate::state::app_state();
    let session = session();
    let title = title(&session, &timeline, state.lang.get_untracked());
    let server = session.server.clone();
    if timeline.needs_account() && !session.signed_in() {
        return view! {
            <h1 class="view-title">{title}</h1>
            {super::later_part(super::start::sign_in_prompt(server))}
        }
        .into_any();
    }
    let feed = open_feed(state, &session, &timeline);
    let streaming = keeping_up::keep_up(session, timeline.clone(), feed);
    // Like the stream, the server's about box waits for the first page,
    // and then for it to be painted.
    let about = matches!(timeline, Timeline::Local | Timeline::Federated).then(|| {
        let server = server.clone();
        let first_page_in = Memo::new(move |in_before: Option<&bool>| {
            in_before == Some(&true) || !feed.loading.get()
        });
        move || {
            (first_page_in.get() && super::painted::painted().get())
                .then(|| super::later_part(super::server_about::about(server.clone())))
        }
    });
    let follow_tag = match &timeline {
        Timeline::Hashtag(tag) => Some(super::later_part(super::moderation::tag_follow::button(
            tag.clone(),
        ))),
        _ => None,
    };
    let server = StoredValue::new(server);
    view! {
        <h1 class="view-title">{title}</h1>
        {about}
        {(timeline == Timeline::Home).then(|| super::later_part(super::compose::home_box()))}
        {follow_tag}
        <NewPostsButton feed=feed state=state />
        <div role="feed" class="feed" data-live=move || if streaming.get() { "stream" } else { "poll" } aria-busy=move || feed.loading.get().to_string() aria-label=tr(Text::Posts)>
            <ForEnumerate each=move || feed.shown.get() key=|status| super::status_card::card_key(status) children=move |at, status| view! {
                <StatusCard server=server.get_value() status=status position=at />
            } />
        </div>
        {move || (feed.unreadable.get() > 0).then(|| view! { <p class="unreadable" role="note">{move || format!("{} {}", feed.unreadable.get(), text(state.lang.get(), Text::UnreadablePosts))}</p> })}
        {move || feed.error.get().map(|failure| view! { <ErrorNotice error=failure retry=Callback::new(move |_| feed.load_older()) server=server.get_value() /> })}
        <FeedEnd feed=feed />
    }
    .into_any()
}

/// The view's title; a list's name, which only its server knows, replaces
/// the word "List" once it comes.
fn title(session: &Session, timeline: &Timeline, lang: Lang) -> RwSignal<String> {
    let title = RwSignal::new(match timeline {
        Timeline::Federated => text(lang, Text::FederatedTimeline).to_string(),
        Timeline::Local => text(lang, Text::LocalTimeline).to_string(),
        Timeline::Home => text(lang, Text::Home).to_string(),
        Timeline::Hashtag(tag) => format!("#{tag}"),
        Timeline::List(_) => text(lang, Text::List).to_string(),
    });
    if let (Timeline::List(id), true) = (timeline, session.signed_in()) {
        let (session, id) = (session.clone(), id.clone());
        ViewTasks::here().spawn(async move {
            if let Ok(list) = session.ask(&list_by_id(&id)).await
                && !list.title.is_empty()
            {
                title.try_set(list.title);
            }
        });
    }
    title
}

/// The timeline as the reader left it, or its first page loading; it is
/// remembered again when the reader leaves.
fn open_feed(state: AppState, session: &Session, timeline: &Timeline) -> Feed {
    let key = (session.server.clone(), timeline.clone());
    let left = state
        .timelines
        .with_value(|timelines| timelines.get(&key).cloned());
    let scroll_y = left.as_ref().map(|left| left.scroll_y);
    let feed = Feed::new(session.clone(), timeline, left);
    match scroll_y {
        Some(scroll_y) => {
            request_animation_frame(move || window().scroll_to_with_x_and_y(0.0, scroll_y));
        }
        None => feed.load_older(),
    }
    let key = StoredValue::new(key);
    on_cleanup(move || {
        let memory = feed.memory(window().scroll_y().unwrap_or(0.0));
        if let Some(key) = key.try_get_value() {
            state.timelines.update_value(|timelines| {
                timelines.insert(key, memory);
            });
        }
    });
    Effect::new(move |_| {
        if feed.retry.get() > 0 {
            feed.load_older();
        }
    });
    feed
}

/// "3 new posts": shows the posts waiting, at the top.
#[component]
fn NewPostsButton(feed: Feed, state: AppState) -> impl IntoView {
    let show_waiting = move |_| {
        feed.show_waiting();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    };
    move || {
        let count = feed.waiting.with(Vec::len);
        (count > 0).then(|| view! {
            <button type="button" class="new-posts" on:click=show_waiting>{move || format!("{count} {}", text(state.lang.get(), if count == 1 { Text::NewPost } else { Text::NewPosts }))}</button>
        })
    }
}

/// Below the posts: loading, the button for older posts, or the end.
/// Older posts load as the reader nears the end; the button stays for
/// keyboards and for browsers that do not observe.
#[component]
fn FeedEnd(feed: Feed) -> impl IntoView {
    let load_more = NodeRef::<leptos::html::Button>::new();
    let watcher = StoredValue::new_local(None::<WhenVisible>);
    Effect::new(move |_| {
        let watching = load_more.get().and_then(|button| {
            WhenVisible::watch(&button, LOAD_AHEAD_PX, move || feed.load_older())
        });
        watcher.set_value(watching);
    });
    move || {
        if feed.loading.get() {
            view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any()
        } else if feed.error.with(Option::is_some) {
            ().into_any()
        } else if feed.older_page.with(Option::is_some) {
            view! { <button type="button" class="load-more" node_ref=load_more on:click=move |_| feed.load_older()>{tr(Text::LoadOlder)}</button> }.into_any()
        } else if feed.shown.with(Vec::is_empty) {
            view! { <p class="empty">{tr(Text::NoPosts)}</p> }.into_any()
        } else {
            view! { <p class="end">{tr(Text::End)}</p> }.into_any()
        }
    }
}
