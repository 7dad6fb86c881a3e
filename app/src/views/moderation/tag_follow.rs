//! Following a hashtag from its timeline.

use leptos::prelude::*;

use super::paged::Problem;
use crate::api::moderation::{follow_tag, tag, unfollow_tag};
use crate::i18n::moderation::ModerationWords;
use crate::state::session::session;
use crate::views::in_view::ViewTasks;
use crate::views::tr;

/// A button that follows or unfollows `name`, shown to a signed-in reader
/// once the server says which they do now.
/// The follow button of a hashtag's timeline, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn button(name: String) -> AnyView {
    view! { <TagFollowButton name=name /> }.into_any()
}

#[component]
pub fn TagFollowButton(name: String) -> impl IntoView {
    let session = StoredValue::new(session());
    let following = RwSignal::new(None::<bool>);
    if !session.with_value(|session| session.signed_in()) {
        return ().into_any();
    }
    let problem = RwSignal::new(None);
    let tasks = StoredValue::new(ViewTasks::here());
    let name = StoredValue::new(name);
    tasks.get_value().spawn(async move {
        if let Ok(tag) = session.get_value().ask(&tag(&name.get_value())).await {
            following.try_set(Some(tag.following));
        }
    });
    let toggle = move |_| {
        let Some(was) = following.get_untracked() else {
            return;
        };
        // Optimistic: the button says what the reader asked at once, and
        // goes back if the server refuses.
        following.set(Some(!was));
        problem.set(None);
        let (session, name) = (session.get_value(), name.get_value());
        tasks.get_value().spawn(async move {
            let done = if was {
                session.ask(&unfollow_tag(&name)).await
            } else {
                session.ask(&follow_tag(&name)).await
            };
            if let Err(error) = done {
                following.try_set(Some(was));
                problem.try_set(Some(error));
            }
        });
    };
    (move || {
        following.get().map(|now| {
            let label = if now {
                ModerationWords::UnfollowHashtag
            } else {
                ModerationWords::FollowHashtag
            };
            view! {
                <div class="tag-follow">
                    <button type="button" class="follow-tag" aria-pressed=now.to_string() on:click=toggle>{tr(label)}</button>
                    <Problem problem=problem />
                </div>
            }
        })
    })
    .into_any()
}
