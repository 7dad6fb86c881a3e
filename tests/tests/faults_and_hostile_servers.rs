//! Failures a server can throw at the client, injected into mastodon-mock,
//! and a hostile server's HTML: the client explains, recovers, and runs
//! nothing the server sent.

use e2e::hostile_server::{HostileServer, PAYLOADS};
use e2e::{Browser, MockServer, post_json};
use fantoccini::Locator;
use serde_json::json;

/// Injects one failure of the public timeline. The failure carries CORS
/// headers, as a server's own error does; without them the browser hides
/// the response, and the client can only say the server is unreachable.
async fn inject(mock: &MockServer, mut effect: serde_json::Value) -> anyhow::Result<()> {
    let headers = effect
        .as_object_mut()
        .unwrap()
        .entry("headers")
        .or_insert_with(|| json!({}));
    headers["Access-Control-Allow-Origin"] = json!("*");
    headers["Access-Control-Expose-Headers"] = json!("Retry-After, X-RateLimit-Reset, Link");
    let rule =
        json!({ "match": { "path": "/api/v1/timelines/public" }, "effect": effect, "count": 1 });
    post_json(
        &format!("{}/api/v1/_mock/faults", mock.origin()),
        None,
        &rule,
    )
    .await?;
    Ok(())
}

async fn alert_text(browser: &Browser) -> anyhow::Result<String> {
    Ok(browser.texts("[role=alert] p", 1).await?.join(" "))
}

async fn statuses_shown(browser: &Browser) -> anyhow::Result<usize> {
    Ok(browser
        .texts("[role=feed] article[data-status-id]", 1)
        .await?
        .len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_failures_show_a_message_and_the_app_recovers() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let timeline = web.url(&format!("/app/#/{}/public/local", mock.addr()));

    // A 500: a message in place, and the retry button loads the timeline.
    inject(&mock, json!({ "type": "status", "status": 500 })).await?;
    browser.client.goto(&timeline).await?;
    let alert = alert_text(&browser).await?;
    assert!(alert.contains("failed (500)"), "{alert}");
    browser
        .client
        .find(Locator::Css("[role=alert] button"))
        .await?
        .click()
        .await?;
    assert!(statuses_shown(&browser).await? > 0);

    // Malformed JSON.
    inject(&mock, json!({ "type": "malformed" })).await?;
    // A fresh load: coming back within the app shows the remembered timeline.
    browser.client.refresh().await?;
    assert!(alert_text(&browser).await?.contains("cannot read"));
    browser
        .client
        .find(Locator::Css("[role=alert] button"))
        .await?
        .click()
        .await?;
    assert!(statuses_shown(&browser).await? > 0);

    // A 429 with Retry-After: the client waits as asked and retries by itself.
    inject(
        &mock,
        json!({ "type": "ratelimit", "headers": { "Retry-After": "1" } }),
    )
    .await?;
    // A fresh load: coming back within the app shows the remembered timeline.
    browser.client.refresh().await?;
    assert!(alert_text(&browser).await?.contains("slow down"));
    assert!(
        statuses_shown(&browser).await? > 0,
        "the timeline loads after the wait, with no click"
    );

    // Latency: the feed says it is busy, then fills.
    inject(&mock, json!({ "type": "latency", "delay_ms": 1500 })).await?;
    // A fresh load: coming back within the app shows the remembered timeline.
    browser.client.refresh().await?;
    browser.texts("[role=feed][aria-busy=true]", 1).await?;
    assert!(statuses_shown(&browser).await? > 0);
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_servers_html_runs_nothing_and_leaves_no_live_vector() -> anyhow::Result<()> {
    let (_mock, web, browser) = e2e::client_with_mock().await?;
    let hostile = HostileServer::start().await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public", hostile.addr())))
        .await?;
    assert_eq!(
        browser
            .texts("[role=feed] article[data-status-id]", PAYLOADS.len())
            .await?
            .len(),
        PAYLOADS.len()
    );
    // Reveal content warnings and hover and focus everything, as a reader would.
    browser
        .eval("document.querySelectorAll('details').forEach(d => d.open = true); document.querySelectorAll('*').forEach(e => { e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); if (e.focus) e.focus(); }); return true")
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        browser
            .eval("return window.__pwned === undefined ? null : window.__pwned")
            .await?,
        serde_json::Value::Null,
        "a payload ran"
    );
    let live = browser
        .eval(
            r#"const found = [];
            for (const e of document.querySelectorAll('main *')) {
              const tag = e.localName;
              if (['script','iframe','object','embed','base','form','svg','math','style','template','video','source'].includes(tag)) found.push(tag);
              for (const a of e.attributes) {
                const v = a.value.trim().toLowerCase();
                if (a.name.startsWith('on') || a.name === 'style' || a.name === 'srcdoc' || v.startsWith('javascript:') || v.startsWith('data:')) found.push(tag + '[' + a.name + ']');
              }
            }
            return found;"#,
        )
        .await?;
    assert_eq!(live, serde_json::json!([]), "live vectors left in the DOM");
    let names = browser.texts("article .author strong", 1).await?;
    assert!(
        names[0].contains("<img"),
        "markup in a display name shows as text: {names:?}"
    );
    browser.close().await
}
