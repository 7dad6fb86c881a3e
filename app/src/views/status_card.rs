use leptos::prelude::*;

use crate::api::{ServerAddr, Status, Timeline};
use crate::route::Route;
use crate::sanitize::policy::safe_link;
use crate::sanitize::sanitize_html;

/// One status, as an `<article data-status-id>`: a contract that tests and
/// assistive technology rely on.
#[component]
pub fn StatusCard(server: ServerAddr, status: Status) -> impl IntoView {
    let ui_lang = crate::state::app_state().lang.get_untracked();
    let shown = status.shown().clone();
    let booster = status
        .reblog
        .as_ref()
        .map(|_| status.account.name().to_string());
    let content = sanitize_html(&shown.content, &|href| {
        internal_route(&server, &shown, href)
    });
    let profile = Route::Profile {
        server: server.clone(),
        acct: shown.account.acct.clone(),
    }
    .to_fragment();
    let thread = Route::Thread {
        server: server.clone(),
        status_id: shown.id.clone(),
    }
    .to_fragment();
    let avatar = safe_link(&shown.account.avatar_static).map(str::to_string);
    let lang = shown.language.clone();
    let body = view! { <div class="content" lang=lang inner_html=content></div> };
    let body = if shown.spoiler_text.trim().is_empty() {
        body.into_any()
    } else {
        view! {
            <details class="content-warning">
                <summary>{shown.spoiler_text.clone()}</summary>
                {body}
            </details>
        }
        .into_any()
    };
    let media = shown
        .media_attachments
        .iter()
        .filter_map(|media| {
            let href = safe_link(&media.url)?.to_string();
            let alt = media.description.clone().unwrap_or_default();
            let label = if alt.is_empty() { crate::i18n::text(ui_lang, crate::i18n::Text::AttachmentWithoutDescription).to_string() } else { alt };
            Some(view! { <li><a href=href target="_blank" rel="noopener nofollow ugc">{label}</a></li> })
        })
        .collect_view();
    view! {
        <article class="status" data-status-id=status.id.clone() tabindex="0" aria-label=format!("Post by {}", shown.account.name())>
            {booster.map(|name| view! { <p class="boosted-by">{format!("{name} boosted")}</p> })}
            <header>
                <a class="author" href=profile>
                    {avatar.map(|src| view! { <img class="avatar" src=src alt="" width="40" height="40" loading="lazy" /> })}
                    <strong>{shown.account.name().to_string()}</strong>
                    <span class="acct">{format!("@{}", shown.account.acct)}</span>
                </a>
                <a class="when" href=thread>
                    <time datetime=shown.created_at.clone()>{short_time(&shown.created_at)}</time>
                </a>
            </header>
            {body}
            <ul class="media">{media}</ul>
        </article>
    }
}

/// Mentions and hashtags open inside the client; other links leave it.
fn internal_route(server: &ServerAddr, status: &Status, href: &str) -> Option<String> {
    if let Some(mention) = status.mentions.iter().find(|mention| mention.url == href) {
        return Some(
            Route::Profile {
                server: server.clone(),
                acct: mention.acct.clone(),
            }
            .to_fragment(),
        );
    }
    let tag = status
        .tags
        .iter()
        .find(|tag| tag.url.eq_ignore_ascii_case(href))?;
    Some(
        Route::Timeline {
            server: server.clone(),
            timeline: Timeline::Hashtag(tag.name.clone()),
        }
        .to_fragment(),
    )
}

/// `2026-11-02T18:21:04.000Z` as `2026-11-02 18:21`.
fn short_time(created_at: &str) -> String {
    match (created_at.get(..10), created_at.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => created_at.to_string(),
    }
}
