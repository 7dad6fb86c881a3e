use leptos::prelude::*;

use super::tr;
use crate::i18n::{Text, text};

use super::error_notice::ErrorNotice;
use super::start::SignInPrompt;
use super::status_card::StatusCard;
use crate::api::{
    ApiError, NotificationGroup, NotificationKind, ServerAddr, parse_grouped, parse_single,
};
use crate::browser::http::get_json;
use crate::route::Route;
use crate::state::app_state;
use crate::state::server_info::server_info;
use serde_json::value::RawValue;

async fn load(server: &ServerAddr, token: &str) -> Result<Vec<NotificationGroup>, ApiError> {
    let grouped = server_info(app_state(), server)
        .await
        .is_some_and(|info| info.has_grouped_notifications());
    if grouped {
        let raw = get_json::<Box<RawValue>>(server, "/api/v2/notifications", Some(token))
            .await?
            .body;
        return parse_grouped(raw.get()).map_err(|error| ApiError::Malformed {
            detail: error.to_string(),
        });
    }
    let raw = get_json::<Box<RawValue>>(server, "/api/v1/notifications", Some(token))
        .await?
        .body;
    parse_single(raw.get()).map_err(|error| ApiError::Malformed {
        detail: error.to_string(),
    })
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
#[component]
pub fn NotificationsView(server: ServerAddr) -> impl IntoView {
    let Some(token) = app_state().token_for(&server) else {
        return view! { <h1 class="view-title">{tr(Text::Notifications)}</h1><SignInPrompt server=server /> }
            .into_any();
    };
    let lang = app_state().lang.get_untracked();
    let server = StoredValue::new(server);
    let token = StoredValue::new(token);
    let groups =
        LocalResource::new(
            move || async move { load(&server.get_value(), &token.get_value()).await },
        );
    // Seen once shown; any that arrive while the reader is here are loaded.
    let unread = app_state().unread_notifications;
    unread.set(0);
    Effect::new(move |_| {
        if unread.get() > 0 {
            unread.set(0);
            groups.refetch();
        }
    });
    view! {
        <h1 class="view-title">{tr(Text::Notifications)}</h1>
        <Suspense fallback=|| view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }>
            {move || groups.get().map(|result| match result {
                Ok(groups) => view! {
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
                Err(error) => view! { <ErrorNotice error=error retry=Callback::new(move |_| groups.refetch()) server=server.get_value() /> }.into_any(),
            })}
        </Suspense>
    }
    .into_any()
}
