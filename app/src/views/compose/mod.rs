//! The composer: one form for new posts, replies, quotes, edits and
//! scheduled posts. Each part of the form is a component of its own that
//! reads and writes the one draft.

mod attachments;
mod autocomplete;
mod emoji_catalog;
mod emoji_picker;
mod poll;
mod suggest_field;
mod suggest_option;

use leptos::prelude::*;

use crate::api::compose::ComposeDraft;

/// The compose page, `#/{server}/compose[/{draft}]`.
#[component]
pub fn ComposeView(draft: Option<String>) -> impl IntoView {
    let _ = draft;
    let draft = RwSignal::new(ComposeDraft::default());
    view! {
        <form class="compose">
            <autocomplete::Autocomplete draft=draft />
            <emoji_picker::EmojiPicker draft=draft />
            <attachments::Attachments draft=draft />
            <poll::PollEditor draft=draft />
        </form>
    }
}
