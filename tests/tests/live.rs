//! New posts, edits and deletions reaching an open timeline: through the
//! streaming WebSocket where the server has one, by polling where not.

use e2e::{Browser, MockServer, StaticServer, delete_as, post_json};

async fn post(mock: &MockServer, token: &str, text: &str) -> anyhow::Result<serde_json::Value> {
    let body = serde_json::json!({ "status": text, "visibility": "public" });
    post_json(
        &format!("{}/api/v1/statuses", mock.origin()),
        Some(token),
        &body,
    )
    .await
}

async fn open_local_timeline(
    mock: &MockServer,
    web: &StaticServer,
    browser: &Browser,
) -> anyhow::Result<()> {
    let timeline = web.url(&format!("/app/#/{}/public/local", mock.addr()));
    browser.client.goto(&timeline).await?;
    browser
        .texts("[role=feed] article[data-status-id]", 1)
        .await?;
    Ok(())
}

fn shown(id: &serde_json::Value) -> String {
    format!(
        "return document.querySelector('[role=feed] article[data-status-id=\"{}\"]') !== null",
        id.as_str().unwrap_or_default()
    )
}

/// Asks for the posts waiting behind the button, until `id` is shown.
async fn show_new_posts(browser: &Browser, id: &serde_json::Value) -> anyhow::Result<()> {
    browser.click("button.new-posts").await?;
    browser.until("the new post to show", &shown(id)).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_stream_brings_new_posts_and_takes_deleted_ones_away() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let doomed = post(&mock, "ada_token", "Ferry timetable, soon withdrawn").await?;
    open_local_timeline(&mock, &web, &browser).await?;
    browser
        .until("the post to show", &shown(&doomed["id"]))
        .await?;
    browser
        .until(
            "the timeline's stream to open",
            "return document.querySelector('[role=feed]').dataset.live === 'stream'",
        )
        .await?;

    let fresh = post(&mock, "grace_token", "Harbour lights back on").await?;
    let button = browser.texts("button.new-posts", 1).await?;
    assert_eq!(button, ["1 new post"]);

    // Polling cannot see a deletion: only the stream takes the post away.
    delete_as(
        &format!(
            "{}/api/v1/statuses/{}",
            mock.origin(),
            doomed["id"].as_str().unwrap()
        ),
        "ada_token",
    )
    .await?;
    browser
        .until(
            "the deleted post to go",
            &format!("return !(function() {{ {} }})()", shown(&doomed["id"])),
        )
        .await?;

    show_new_posts(&browser, &fresh["id"]).await?;
    assert_eq!(browser.first_post_id().await?, fresh["id"]);
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn without_a_stream_the_timeline_polls_for_new_posts() -> anyhow::Result<()> {
    let mock = MockServer::start_configured("[streaming]\nenabled = false\n").await?;
    let empty = tempfile::tempdir()?;
    let web = StaticServer::start(empty.keep(), &[("/app", e2e::repo_root().join("dist"))]).await?;
    let browser = Browser::start().await?;
    post(&mock, "ada_token", "Low tide at noon").await?;
    open_local_timeline(&mock, &web, &browser).await?;

    let fresh = post(&mock, "grace_token", "High tide at six").await?;
    let button = browser.texts("button.new-posts", 1).await?;
    assert_eq!(button, ["1 new post"]);
    let live = browser
        .eval("return document.querySelector('[role=feed]').dataset.live")
        .await?;
    assert_eq!(live, "poll", "a server without streaming is polled");
    show_new_posts(&browser, &fresh["id"]).await?;
    browser.close().await
}
