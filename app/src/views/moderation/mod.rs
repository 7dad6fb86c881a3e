//! The reader's own moderation pages: what they muted, blocked and
//! filtered, the hashtags they follow, and who asks to follow them.

pub mod follow_requests;

use leptos::prelude::*;

use crate::i18n::AccountWords;
use crate::route::ModerationPage;
use crate::state::session::session;
use crate::views::start::SignInPrompt;
use crate::views::tr;

/// A moderation page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page(page: ModerationPage) -> AnyView {
    view! { <ModerationView page=page /> }.into_any()
}

/// One of the reader's moderation pages; only follow requests so far.
#[component]
pub fn ModerationView(page: ModerationPage) -> impl IntoView {
    let session = session();
    (page == ModerationPage::FollowRequests).then(|| {
        view! {
            <h1 class="view-title">{tr(AccountWords::FollowRequests)}</h1>
            {if session.signed_in() {
                view! { <follow_requests::FollowRequestsPage /> }.into_any()
            } else {
                view! { <SignInPrompt server=session.server /> }.into_any()
            }}
        }
    })
}
