//! The reader's own moderation pages: what they muted, blocked and
//! filtered, the hashtags they follow, and who asks to follow them.

pub mod follow_requests;

use leptos::prelude::*;

use crate::route::ModerationPage;

/// One of the reader's moderation pages.
#[component]
pub fn ModerationView(page: ModerationPage) -> impl IntoView {
    (page == ModerationPage::FollowRequests)
        .then(|| view! { <follow_requests::FollowRequestsPage /> })
}
