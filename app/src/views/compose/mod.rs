//! The composer: one form for new posts, replies, quotes, edits and
//! scheduled posts. Each part of the form is a component of its own that
//! reads and writes the one draft.

mod attachments;
mod autocomplete;
mod emoji_picker;
mod poll;

use leptos::prelude::*;

use crate::api::compose::ComposeDraft;

/// The compose page, loaded on first use: in a split build its code
/// arrives in a chunk of its own, so readers who never post never download it.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page(draft: Option<String>) -> AnyView {
    view! { <ComposeView draft=draft /> }.into_any()
}

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
