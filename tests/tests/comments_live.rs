//! The comments section in headless Chromium: the replies built into the
//! page, refreshed live from the comment server, hostile ones run nothing,
//! and a server that fails leaves the built replies in place.

use e2e::comments_site::{SLUG, announce, archive, build, refresh, reply};
use e2e::{Browser, MockServer, StaticServer, answer_once, inject_fault};

const STATE: &str = "return document.querySelector('[data-comments]').dataset.commentsRefresh";

async fn open_and_wait(browser: &Browser, page: &str, state: &str) -> anyhow::Result<()> {
    browser.client.goto(page).await?;
    browser
        .until(
            &format!("the comments to be {state}"),
            &format!("{STATE} === '{state}'"),
        )
        .await
}

async fn section_text(browser: &Browser) -> anyhow::Result<String> {
    Ok(browser
        .eval("return document.querySelector('[data-comments]').textContent")
        .await?
        .as_str()
        .unwrap_or_default()
        .to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn replies_refresh_live_and_a_failing_server_leaves_the_snapshot() -> anyhow::Result<()> {
    // Named as the page names it, so its avatars share the API's origin.
    let mock = MockServer::start_self_named().await?;
    let (post, post_url) = announce(&mock).await?;
    reply(&mock, "alan_token", &post, "From the snapshot.").await?;
    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), &post_url)?;
    refresh(&archive, None).await?;
    build(&archive, work.path())?;
    reply(&mock, "grace_token", &post, "Posted after the snapshot.").await?;

    let web = StaticServer::start(work.path().join("site"), &[]).await?;
    let browser = Browser::start().await?;
    let page = web.url(&format!("/{SLUG}/"));
    open_and_wait(&browser, &page, "live").await?;
    let text = section_text(&browser).await?;
    assert!(
        text.contains("From the snapshot.") && text.contains("Posted after the snapshot."),
        "{text}"
    );
    assert!(text.contains("Grace Hopper"), "{text}");
    assert_eq!(
        browser
            .eval("return document.querySelector('[data-total]').textContent")
            .await?,
        "2"
    );
    let origins = browser
        .eval("return [...new Set(performance.getEntriesByType('resource').map(e => new URL(e.name).origin))].sort()")
        .await?;
    let mut expected = vec![mock.origin(), web.url("")];
    expected.sort();
    assert_eq!(
        origins,
        serde_json::json!(expected),
        "only the site and the comment server"
    );
    assert_eq!(
        browser
            .eval("return document.querySelectorAll('script:not([src])').length")
            .await?,
        0,
        "no inline script"
    );

    // Reply from your own server: the form opens the post there.
    let opened = browser
        .eval(
            "window.__opened = []; window.open = (url) => { window.__opened.push(url); return null; };\
             const form = document.querySelector('form[data-reply-elsewhere]');\
             if (form.hidden) return 'hidden';\
             form.querySelector('input[name=server]').value = '@someone@other.example';\
             form.querySelector('button').click();\
             return window.__opened;",
        )
        .await?;
    let post_address = format!("{}/@ada/{post}", mock.origin());
    let encoded: String = url::form_urlencoded::byte_serialize(post_address.as_bytes()).collect();
    assert_eq!(
        opened,
        serde_json::json!([format!(
            "https://other.example/authorize_interaction?uri={encoded}"
        )])
    );

    // A server that fails, then one that is gone: the built replies stay.
    inject_fault(
        &mock,
        serde_json::json!({
            "match": { "path": format!("/api/v1/statuses/{post}/context"), "methods": ["GET"] },
            "effect": { "type": "status", "status": 503, "body": { "error": "down" } },
            "count": 1,
        }),
    )
    .await?;
    open_and_wait(&browser, &page, "kept").await?;
    let text = section_text(&browser).await?;
    assert!(text.contains("From the snapshot."), "{text}");
    assert!(!text.contains("Posted after the snapshot."), "{text}");
    drop(mock);
    open_and_wait(&browser, &page, "kept").await?;
    let text = section_text(&browser).await?;
    assert!(
        text.contains("From the snapshot.") && !text.contains("Posted after the snapshot."),
        "{text}"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hostile_live_replies_run_nothing() -> anyhow::Result<()> {
    let mock = MockServer::start().await?;
    let (post, post_url) = announce(&mock).await?;
    let work = tempfile::tempdir()?;
    let archive = archive(work.path(), &post_url)?;
    refresh(&archive, None).await?;
    build(&archive, work.path())?;
    let payloads = [
        "<script>window.__pwned=1</script>",
        "<img src=x onerror=\"window.__pwned=1\">",
        "<svg onload=\"window.__pwned=1\"><circle r=1></circle></svg>",
        "<iframe src=\"javascript:parent.__pwned=1\"></iframe>",
        "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
        "<style>@import url(javascript:window.__pwned=1)</style>",
        "<a href=\"javascript:window.__pwned=1\" onclick=\"window.__pwned=1\">click me</a>",
        "<p onmouseover=\"window.__pwned=1\">hover</p>",
        "<details open ontoggle=\"window.__pwned=1\"><summary>x</summary></details>",
        "<math><mtext><table><mglyph><style><img src=x onerror=window.__pwned=1></style></mglyph></table></mtext></math>",
        "<form><button formaction=\"javascript:window.__pwned=1\">go</button></form>",
    ];
    let hostile = serde_json::json!({
        "ancestors": [],
        "descendants": [{
            "id": "666",
            "url": "javascript:window.__pwned=1",
            "in_reply_to_id": post,
            "created_at": "2026-10-16T08:00:00.000Z",
            "content": format!("<p>hostile</p>{}", payloads.join("")),
            "sensitive": true,
            "spoiler_text": "<img src=x onerror=window.__pwned=1>",
            "replies_count": 0, "reblogs_count": 0, "favourites_count": 0,
            "account": {
                "acct": "mallory@evil.example",
                "display_name": "<img src=x onerror=window.__pwned=1>Mallory",
                "url": "javascript:window.__pwned=1",
                "avatar": "javascript:window.__pwned=1",
            },
        }],
    });
    answer_once(&mock, &format!("/api/v1/statuses/{post}/context"), hostile).await?;

    let web = StaticServer::start(work.path().join("site"), &[]).await?;
    let browser = Browser::start().await?;
    open_and_wait(&browser, &web.url(&format!("/{SLUG}/")), "live").await?;
    // Open the content warning and hover and click what is there, as a reader would.
    browser
        .eval("const s = document.querySelector('[data-comments]'); s.querySelectorAll('details').forEach(d => d.open = true); s.querySelectorAll('a, p, button').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover')); }); return null")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let text = section_text(&browser).await?;
    assert!(
        text.contains("hostile") && text.contains("click me"),
        "{text}"
    );
    assert!(
        text.contains("<img src=x onerror=window.__pwned=1>Mallory"),
        "names are text: {text}"
    );
    let found = browser
        .eval(
            "const s = document.querySelector('[data-comments]');\
             const all = [...s.querySelectorAll('*')];\
             return {\
               pwned: typeof window.__pwned,\
               vectors: s.querySelectorAll('script, iframe, style, svg, math, img, object, embed, form:not([data-reply-elsewhere])').length,\
               handlers: all.flatMap(e => [...e.attributes].map(a => a.name)).filter(n => n.startsWith('on')),\
               links: [...s.querySelectorAll('[href]:not([data-open-in-client]), [src]')].map(e => e.getAttribute('href') || e.getAttribute('src')).filter(u => !/^https?:/.test(u)),\
             };",
        )
        .await?;
    assert_eq!(
        found,
        serde_json::json!({ "pwned": "undefined", "vectors": 0, "handlers": [], "links": [] }),
        "nothing hostile is live"
    );
    browser.close().await
}
