//! Leaving a view while its requests and its stream are still running, or
//! just after its stream brought something: the client must go on, with no
//! panic in the console, and render the next view.

use std::time::Duration;

use e2e::{Browser, MockServer, StaticServer, inject_fault, post_json, sign_in_as};
use serde_json::json;

/// How long the server holds the answer of the view about to be left.
const HELD_MS: u64 = 2500;

/// What the page logged that says the client crashed.
async fn panics(browser: &Browser) -> anyhow::Result<Vec<String>> {
    Ok(browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|message| message.contains("panicked") || message.contains("RuntimeError"))
        .collect())
}

/// Holds the server's next answer on `path` (without its query).
async fn hold(mock: &MockServer, path: &str) -> anyhow::Result<()> {
    let rule = json!({
        "match": { "path": path, "methods": ["GET"] },
        "effect": { "type": "latency", "delay_ms": HELD_MS },
        "count": 1,
    });
    inject_fault(mock, rule).await
}

async fn post(mock: &MockServer, token: &str, body: serde_json::Value) -> anyhow::Result<String> {
    e2e::post_status(mock, token, &body).await
}

/// A list of ada's, for its timeline.
async fn list_of_ada(mock: &MockServer) -> anyhow::Result<String> {
    let list = post_json(
        &format!("{}/api/v1/lists", mock.origin()),
        Some("ada_token"),
        &json!({ "title": "Harbour" }),
    )
    .await?;
    Ok(list["id"].as_str().unwrap_or_default().to_string())
}

/// Opens `route`, whose answer from `held` the server holds back, and
/// leaves for a page the client does not have, while it waits.
async fn leave_while_loading(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    route: &str,
    held: &str,
) -> anyhow::Result<()> {
    hold(mock, held).await?;
    open(browser, web, mock, route).await?;
    tokio::time::sleep(Duration::from_millis(300)).await;
    leave(browser, web, mock, route).await?;
    // Long enough for the held answer to come back, were it still awaited.
    tokio::time::sleep(Duration::from_millis(HELD_MS + 500)).await;
    assert_still_working(browser, route, "while it loaded").await
}

/// Opens `route` on `mock`, and waits for its view to replace the last.
async fn open(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    route: &str,
) -> anyhow::Result<()> {
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/{route}", mock.addr())))
        .await?;
    browser
        .until(
            &format!("{route} to open"),
            "return !document.querySelector('main section.notice') \
             && !!document.querySelector('main .view-title, main h1, main .loading')",
        )
        .await
}

/// Leaves `route` for a page the client does not have.
async fn leave(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    route: &str,
) -> anyhow::Result<()> {
    let away = format!("left-{}", route.replace('/', "-"));
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/{away}", mock.addr())))
        .await?;
    Ok(())
}

/// The page for an unknown route renders, and nothing panicked.
async fn assert_still_working(browser: &Browser, route: &str, when: &str) -> anyhow::Result<()> {
    let shown = browser.texts("main section.notice h1", 1).await;
    let panics = panics(browser).await?;
    assert!(
        panics.is_empty(),
        "leaving {route} {when} panicked: {panics:#?}"
    );
    shown.map_err(|error| anyhow::anyhow!("after leaving {route} {when}: {error}"))?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn leaving_the_home_timeline_as_soon_as_signing_in_ends() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    hold(&mock, "/api/v1/timelines/home").await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    leave(&browser, &web, &mock, "home").await?;
    tokio::time::sleep(Duration::from_millis(HELD_MS + 500)).await;
    assert_still_working(&browser, "home", "as soon as it appeared").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_view_can_be_left_while_it_loads_or_streams() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    let list = list_of_ada(&mock).await?;
    let status = post(
        &mock,
        "ada_token",
        json!({ "status": "Ferries run late #harbour", "visibility": "public" }),
    )
    .await?;

    let views: Vec<(String, String)> = [
        ("public", "/api/v1/timelines/public".to_string()),
        ("public/local", "/api/v1/timelines/public".into()),
        ("home", "/api/v1/timelines/home".into()),
        ("lists/LIST", "/api/v1/timelines/list/LIST".into()),
        ("tags/harbour", "/api/v1/timelines/tag/harbour".into()),
        ("s/STATUS", "/api/v1/statuses/STATUS".into()),
        ("@ada", "/api/v1/accounts/lookup".into()),
        ("notifications", "/api/v2/notifications".into()),
        ("lists", "/api/v1/lists".into()),
        ("search/harbour", "/api/v2/search".into()),
    ]
    .into_iter()
    .map(|(route, held)| {
        let named = |text: &str| text.replace("LIST", &list).replace("STATUS", &status);
        (named(route), named(&held))
    })
    .collect();
    for (route, held) in &views {
        leave_while_loading(&browser, &web, &mock, route, held).await?;
    }

    // Leaving straight after the view's stream, or the account's, brought
    // a post or a notification.
    for (route, _) in &views {
        open(&browser, &web, &mock, route).await?;
        browser
            .until(
                "the streams to open",
                "const feed = document.querySelector('[role=feed][data-live]'); \
                 const account = document.querySelector('nav a[data-live]'); \
                 return (!feed || feed.dataset.live === 'stream') && account?.dataset.live === 'stream'",
            )
            .await?;
        post(
            &mock,
            "ada_token",
            json!({ "status": "Ferries back on time #harbour", "visibility": "public" }),
        )
        .await?;
        post(
            &mock,
            "grace_token",
            json!({ "status": "@ada the harbour reopened", "visibility": "public" }),
        )
        .await?;
        tokio::time::sleep(Duration::from_millis(400)).await;
        leave(&browser, &web, &mock, route).await?;
        assert_still_working(&browser, route, "after a stream event").await?;
    }
    browser.close().await
}
