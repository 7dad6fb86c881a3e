//! The composer: one form for new posts, replies, quotes, edits and
//! scheduled posts. Each part of the form is a component of its own that
//! reads and writes the one draft.

mod attachments;
mod autocomplete;
mod emoji_catalog;
mod emoji_picker;
mod fields;
mod form;
mod media_item;
mod media_limits;
mod media_upload;
mod opening;
mod outbox_list;
mod poll;
mod submit;
mod suggest_field;
mod suggest_option;

use leptos::prelude::*;

use super::tr;
use crate::i18n::compose::ComposeWords as W;
use crate::route::Route;
use crate::state::drafts::account_of;
use crate::state::session::session;
pub use fields::local_input_value;
use form::ComposeForm;
use opening::Opening;
pub use outbox_list::{OutboxList, excerpt};

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
    let session = session();
    let account = account_of(crate::state::app_state(), &session);
    let drafts = Route::Drafts {
        server: session.server.clone(),
    }
    .to_fragment();
    view! {
        <h1 class="view-title">{tr(W::NewPost)}</h1>
        <ComposeForm opening=Opening::Page { draft_id: draft } />
        <p class="drafts-link"><a href=drafts>{tr(W::Drafts)}</a></p>
        {account.map(|account| view! { <OutboxList account=account /> })}
    }
}

/// The home timeline's compose box, loaded on first use like the page.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn home_box() -> AnyView {
    view! { <ComposeBox /> }.into_any()
}

/// The box at the top of the home timeline.
#[component]
pub fn ComposeBox() -> impl IntoView {
    view! {
        <section class="compose-box" aria-label=tr(W::NewPost)>
            <ComposeForm opening=Opening::Box />
        </section>
    }
}
