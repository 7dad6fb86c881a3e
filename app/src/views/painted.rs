//! The first screen first: parts of a page that no reader needs at once
//! (the sharing buttons under each post, the server's about box) wait
//! until the posts have been painted, so that their code and requests do
//! not compete with the first post.

use std::cell::Cell;

use leptos::prelude::*;

thread_local! {
    static WAITING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the page has painted since the first call: the first call
/// waits for the next frame, then for the paint that follows it. The flag
/// lives in the app's state, which outlives every view.
pub fn painted() -> Signal<bool> {
    let painted = crate::state::app_state().painted;
    if !WAITING.replace(true) {
        request_animation_frame(move || {
            set_timeout(move || painted.set(true), std::time::Duration::ZERO);
        });
    }
    painted.into()
}
