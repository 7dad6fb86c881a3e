//! The reader's own moderation pages: what they muted, blocked and
//! filtered, the hashtags they follow, and who asks to follow them.

mod accounts;
mod domains;
mod filter_form;
mod filters;
mod follow_requests;
mod followed_tags;
pub mod paged;
pub mod tag_follow;

use leptos::prelude::*;

use crate::i18n::moderation::ModerationWords;
use crate::route::{ModerationPage, Route};
use crate::state::session::session;
use crate::views::start::SignInPrompt;
use crate::views::tr;
use accounts::{AccountsPage, Undone};

/// A moderation page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page(page: ModerationPage) -> AnyView {
    view! { <ModerationView page=page /> }.into_any()
}

/// One of the reader's moderation pages.
#[component]
pub fn ModerationView(page: ModerationPage) -> impl IntoView {
    let session = session();
    let title = view! { <h1 class="view-title">{tr(page_title(page))}</h1> };
    if !session.signed_in() {
        return view! { {title}<SignInPrompt server=session.server /> }.into_any();
    }
    let shown = match page {
        ModerationPage::Mutes => view! { <AccountsPage kind=Undone::Mute /> }.into_any(),
        ModerationPage::Blocks => view! { <AccountsPage kind=Undone::Block /> }.into_any(),
        ModerationPage::DomainBlocks => view! { <domains::DomainBlocksPage /> }.into_any(),
        ModerationPage::Filters => view! { <filters::FiltersPage /> }.into_any(),
        ModerationPage::FollowedTags => view! { <followed_tags::FollowedTagsPage /> }.into_any(),
        ModerationPage::FollowRequests => {
            view! { <follow_requests::FollowRequestsPage /> }.into_any()
        }
    };
    let server = session.server;
    let links = ModerationPage::ALL
        .into_iter()
        .map(|other| {
            let href = Route::Moderation {
                server: server.clone(),
                page: other,
            }
            .to_fragment();
            let current = (other == page).then_some("page");
            view! { <a href=href aria-current=current>{tr(page_title(other))}</a> }
        })
        .collect_view();
    view! {
        {title}
        <nav class="moderation-pages" aria-label=tr(ModerationWords::ModerationPages)>{links}</nav>
        <section class=format!("moderation {}", page.segment())>{shown}</section>
    }
    .into_any()
}

fn page_title(page: ModerationPage) -> ModerationWords {
    match page {
        ModerationPage::Mutes => ModerationWords::Mutes,
        ModerationPage::Blocks => ModerationWords::Blocks,
        ModerationPage::DomainBlocks => ModerationWords::DomainBlocks,
        ModerationPage::Filters => ModerationWords::Filters,
        ModerationPage::FollowedTags => ModerationWords::FollowedTags,
        ModerationPage::FollowRequests => ModerationWords::FollowRequests,
    }
}
