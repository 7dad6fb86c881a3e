//! How an open timeline learns of new posts: its stream, where the server
//! has one, tells at once, and of edits and deletions too; polling stands
//! in whenever the stream is closed.

use leptos::prelude::*;

use super::super::in_view::ViewTasks;
use super::super::live::{follow_stream, stream_address, stream_holder};
use super::feed::Feed;
use crate::api::Timeline;
use crate::state::session::Session;

/// How often a timeline looks for newer posts.
const NEW_POSTS_EVERY_SECS: u64 = 10;

/// Keeps `feed` up to date for as long as the view lives. Returns whether
/// the stream is open now.
pub fn keep_up(session: Session, timeline: Timeline, feed: Feed) -> RwSignal<bool> {
    let streaming = RwSignal::new(false);
    let stream = stream_holder();
    let state = crate::state::app_state();
    let tasks = ViewTasks::here();
    // The stream, and the server detection its address needs, wait for
    // the first page to be in and painted: on a slow device they would
    // delay the first post.
    Effect::new(move |opened: Option<bool>| {
        if opened == Some(true) || feed.loading.get() || !super::super::painted::painted().get() {
            return opened.unwrap_or(false);
        }
        let (session, timeline) = (session.clone(), timeline.clone());
        tasks.spawn(async move {
            let url =
                stream_address(state, &session.server, &timeline, session.token.as_deref()).await;
            follow_stream(stream, url, streaming, move |event| {
                feed.on_stream_event(event)
            });
        });
        true
    });
    let poller = set_interval_with_handle(
        move || {
            if streaming.try_get_untracked() == Some(false) {
                feed.look_for_newer();
            }
        },
        std::time::Duration::from_secs(NEW_POSTS_EVERY_SECS),
    )
    .ok();
    on_cleanup(move || {
        if let Some(poller) = poller {
            poller.clear();
        }
    });
    streaming
}
