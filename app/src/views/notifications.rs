use leptos::prelude::*;

use super::tr;
use crate::i18n::{Text, text};

use super::error_notice::ErrorNotice;
use super::in_view::load;
use super::start::SignInPrompt;
use super::status_card::StatusCard;
use crate::api::{ApiError, NotificationGroup, NotificationKind, Notifications};
use crate::route::Route;
use crate::state::app_state;
use crate::state::server_info::server_info;
use crate::state::session::{Session, session};

async fn load_groups(session: Session) -> Result<Vec<NotificationGroup>, ApiError> {
    let grouped = server_info(app_state(), &session.server)
        .await
        .is_some_and(|info| info.has_grouped_notifications());
    session.ask(&Notifications { grouped }).await
}

fn describe(kind: &NotificationKind) -> Text {
    match kind {
        NotificationKind::Mention => Text::Mentioned,
        NotificationKind::Status => Text::Posted,
        NotificationKind::Reblog => Text::Boosted,
        NotificationKind::Follow => Text::Followed,
        NotificationKind::FollowRequest => Text::AskedToFollow,
        NotificationKind::Favourite => Text::Favourited,
        NotificationKind::Poll => Text::PollEnded,
        NotificationKind::Update => Text::EditedPost,
        NotificationKind::Other(_) => Text::OtherNotification,
    }
}

/// Notifications, grouped where the server groups them.
/// The notifications page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page() -> AnyView {
    view! { <NotificationsView /> }.into_any()
}

#[component]
pub fn NotificationsView() -> impl IntoView {
    let session = session();
    if !session.signed_in() {
        return view! { <h1 class="view-title">{tr(Text::Notifications)}</h1><SignInPrompt server=session.server /> }
            .into_any();
    }
    let lang = app_state().lang.get_untracked();
    let server = StoredValue::new(session.server);
    let groups = load(load_groups);
    // Seen once shown; any that arrive while the reader is here are loaded.
    let unread = app_state().unread_notifications;
    unread.set(0);
    Effect::new(move |_| {
        if unread.get() > 0 {
            unread.set(0);
            groups.reload();
        }
    });
    view! {
        <h1 class="view-title">{tr(Text::Notifications)}</h1>
        {move || match groups.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
            Some(Ok(groups)) => view! {
                <div role="feed" class="notifications feed" aria-label=tr(Text::Notifications)>
                    {groups.into_iter().map(|group| {
                        let who = group.accounts.iter().map(|account| account.name().to_string()).collect::<Vec<_>>().join(", ");
                        let others = group.count.saturating_sub(group.accounts.len() as u64);
                        let who = if others > 0 { format!("{who} + {others} {}", text(lang, Text::AndMore)) } else { who };
                        let what = text(lang, describe(&group.kind));
                        let label = format!("{who} {what}");
                        // A group with no account (a poll's end) names no one to link to.
                        let who = match group.accounts.first() {
                            Some(account) => {
                                let href = Route::Profile { server: server.get_value(), acct: account.acct.clone() }.to_fragment();
                                view! { <a href=href>{who}</a> }.into_any()
                            }
                            None => view! { <span>{who}</span> }.into_any(),
                        };
                        view! {
                            <article class="notification" aria-label=label data-kind=format!("{:?}", group.kind).to_lowercase() data-count=group.count>
                                <p>{who}" "{what}</p>
                                {group.status.map(|status| view! { <StatusCard server=server.get_value() status=status /> })}
                            </article>
                        }
                    }).collect_view()}
                </div>
            }.into_any(),
            Some(Err(error)) => view! { <ErrorNotice error=error retry=Callback::new(move |_| groups.reload()) server=server.get_value() /> }.into_any(),
        }}
    }
    .into_any()
}
