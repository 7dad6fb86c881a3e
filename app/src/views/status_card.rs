use leptos::prelude::*;

use super::media::media_view;
use super::status_open::open_on_click;
use super::tr;
use crate::api::{Card, ServerAddr, Status, Verdict, verdict};
use crate::i18n::{Lang, Text, relative_time};
use crate::route::Route;
use crate::sanitize::emoji::name_html;
use crate::sanitize::policy::{http_url, safe_link};
use crate::sanitize::sanitize_html;
use crate::state::app_state;
use crate::state::session::session;
use crate::status_links::internal_route;

/// One status, as an `<article data-status-id>`: a contract that tests and
/// assistive technology rely on. In a feed, `position` (from 0) tells
/// screen readers where the post stands; feeds grow, so their size is
/// given as unknown.
#[component]
pub fn StatusCard(
    server: ServerAddr,
    status: Status,
    #[prop(optional, into)] position: Option<Signal<usize>>,
) -> impl IntoView {
    let verdict = verdict(&status);
    if verdict == Verdict::Hide {
        return ().into_any();
    }
    let lang = app_state().lang.get_untracked();
    let shown = status.shown().clone();
    let booster = status
        .reblog
        .as_ref()
        .map(|_| name_html(status.account.name(), &status.account.emojis));
    let profile = Route::Profile {
        server: server.clone(),
        acct: shown.account.acct.clone(),
    }
    .to_fragment();
    let thread_route = Route::Thread {
        server: server.clone(),
        status_id: shown.id.clone(),
    };
    let thread = thread_route.to_fragment();
    let reply_to = shown.in_reply_to_id.clone().map(|id| {
        Route::Thread {
            server: server.clone(),
            status_id: id,
        }
        .to_fragment()
    });
    let avatar = http_url(&shown.account.avatar_static).map(str::to_string);
    let name = name_html(shown.account.name(), &shown.account.emojis);
    let body = content_view(&server, &shown);
    let hide_media = shown.sensitive || verdict == Verdict::BlurMedia;
    let media = media_view(&shown.media_attachments, hide_media, lang);
    let body = if shown.spoiler_text.trim().is_empty() {
        view! { {body}{media} }.into_any()
    } else {
        view! {
            <details class="content-warning">
                <summary inner_html=name_html(&shown.spoiler_text, &shown.emojis)></summary>
                {body}{media}
            </details>
        }
        .into_any()
    };
    let poll = shown
        .poll
        .clone()
        .map(|poll| super::later_part(super::status_poll::poll_view(poll)));
    let card = shown.card.as_ref().and_then(card_view);
    let quote = shown.quote.as_deref().map(|quoted| {
        let href = Route::Thread { server: server.clone(), status_id: quoted.id.clone() }.to_fragment();
        view! {
            <blockquote class="quote">
                <a class="quote-author" href=href inner_html=name_html(quoted.account.name(), &quoted.account.emojis)></a>
                {content_view(&server, quoted)}
            </blockquote>
        }
    });
    let when = shown.created_at.clone();
    let history = shown.edited_at.is_some().then(
        || view! { " · "{super::later_part(super::status_history::edit_history(shown.id.clone(), shown.emojis.clone()))} },
    );
    // A deleted post leaves the view at once; the feed drops it when the
    // stream says so.
    let removed = RwSignal::new(false);
    let signed_in = session().signed_in();
    let painted = super::painted::painted();
    let for_actions = status.clone();
    let actions = move || {
        painted.get().then(|| {
            if signed_in {
                super::later_part(super::status_actions::bar(for_actions.clone(), removed))
            } else {
                super::later_part(super::status_share::bar(for_actions.clone()))
            }
        })
    };
    view! {
        <article class="status" data-status-id=status.id.clone() tabindex="0" hidden=move || removed.get()
            on:click=move |event| open_on_click(&event, &thread_route) aria-posinset=move || position.map(|at| at.get() + 1) aria-setsize=position.map(|_| "-1") aria-label=format!("{} — {}", shown.account.name(), short_time(&shown.created_at))>
            {booster.map(|name| view! { <p class="boosted-by"><span inner_html=name></span>" 🔁"</p> })}
            <header>
                <a class="author" href=profile>
                    {avatar.map(|src| view! { <img class="avatar" src=src alt="" width="40" height="40" loading="lazy" /> })}
                    <strong inner_html=name></strong>
                    <span class="acct">{format!("@{}", shown.account.acct)}</span>
                </a>
                <a class="when" href=thread>
                    <time datetime=when.clone() title=short_time(&when)>{ago(lang, &when)}</time>
                </a>
                {history}
            </header>
            {reply_to.map(|href| view! { <p class="reply-to"><a href=href>"↩ "{tr(Text::Thread)}</a></p> })}
            {filtered(verdict, view! { {body}{poll}{card}{quote} })}
            {actions}
        </article>
    }
    .into_any()
}

/// What tells one version of a card from another in a list: an edit,
/// which replaces the status in place, must build its card again.
pub fn card_key(status: &Status) -> String {
    let edited = status.shown().edited_at.as_deref().unwrap_or_default();
    format!("{}@{edited}", status.id)
}

/// A post one of the reader's filters warns about stays folded under the
/// filters' titles until opened.
fn filtered(verdict: Verdict, inside: impl IntoView + 'static) -> AnyView {
    match verdict {
        Verdict::Warn(titles) => view! {
            <details class="filtered">
                <summary>{tr(Text::Filtered)}" "{titles.join(", ")}</summary>
                {inside}
            </details>
        }
        .into_any(),
        _ => inside.into_any(),
    }
}

fn content_view(server: &ServerAddr, status: &Status) -> impl IntoView + use<> {
    let content = sanitize_html(&status.content, &status.emojis, &|link| {
        internal_route(server, status, link)
    });
    view! { <div class="content" lang=status.language.clone() inner_html=content></div> }
}

fn card_view(card: &Card) -> Option<impl IntoView + use<>> {
    let url = safe_link(&card.url)?.to_string();
    let image = card.image.as_deref().and_then(http_url).map(str::to_string);
    Some(view! {
        <a class="card" href=url target="_blank" rel="noopener nofollow ugc">
            {image.map(|src| view! { <img src=src alt="" loading="lazy" /> })}
            <strong>{card.title.clone()}</strong>
            <span>{card.description.clone()}</span>
        </a>
    })
}

/// `2026-11-02T18:21:04.000Z` as `2026-11-02 18:21`.
pub(super) fn short_time(created_at: &str) -> String {
    match (created_at.get(..10), created_at.get(11..16)) {
        (Some(date), Some(time)) => format!("{date} {time}"),
        _ => created_at.to_string(),
    }
}

/// How long ago, or the date when it is long ago or cannot be read.
fn ago(lang: Lang, created_at: &str) -> String {
    let at = js_sys::Date::parse(created_at);
    if at.is_nan() {
        return short_time(created_at);
    }
    relative_time(lang, (js_sys::Date::now() - at) / 1000.0)
        .unwrap_or_else(|| short_time(created_at).chars().take(10).collect())
}
