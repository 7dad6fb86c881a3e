//! The hashtags the reader follows, each opening its timeline, with the way
//! to stop following it.

use leptos::prelude::*;

use super::paged::{Paged, PagedEnd, Problem};
use crate::api::Timeline;
use crate::api::moderation::{followed_tags, unfollow_tag};
use crate::i18n::moderation::ModerationWords;
use crate::route::Route;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

#[component]
pub fn FollowedTagsPage() -> impl IntoView {
    let paged = Paged::new(followed_tags());
    let problem = RwSignal::new(None);
    let session = StoredValue::new(session());
    let tasks = StoredValue::new(ViewTasks::here());
    let unfollow = move |name: String| {
        problem.set(None);
        let session = session.get_value();
        tasks.get_value().spawn(async move {
            match session.ask(&unfollow_tag(&name)).await {
                Ok(_) => paged.forget(|tag| tag.name == name),
                Err(error) => {
                    problem.try_set(Some(error));
                }
            }
        });
    };
    view! {
        <Problem problem=problem />
        <ul class="moderated followed-tags">
            {move || paged.items.get().into_iter().map(move |tag| {
                let href = Route::Timeline {
                    server: session.get_value().server,
                    timeline: Timeline::Hashtag(tag.name.clone()),
                }
                .to_fragment();
                let name = tag.name.clone();
                view! {
                    <li data-tag=tag.name.clone()>
                        <a href=href>{format!("#{}", tag.name)}</a>" "
                        <button type="button" class="unfollow-tag" on:click=move |_| unfollow(name.clone())>{tr(ModerationWords::UnfollowHashtag)}</button>
                    </li>
                }
            }).collect_view()}
        </ul>
        <PagedEnd paged=paged empty=ModerationWords::NoFollowedTags />
    }
}
