//! The real client, built into dist/, in headless Chromium against
//! a real mastodon-mock server.

use e2e::{Browser, client_with_mock, get_json, plain_text, post_json};

fn ids_and_texts(statuses: &serde_json::Value) -> Vec<(String, String)> {
    statuses
        .as_array()
        .expect("a list of statuses")
        .iter()
        .map(|status| {
            let shown = if status["reblog"].is_object() {
                &status["reblog"]
            } else {
                status
            };
            (
                status["id"].as_str().unwrap().to_string(),
                plain_text(shown["content"].as_str().unwrap_or_default()),
            )
        })
        .collect()
}

async fn shown_ids(browser: &Browser, at_least: usize) -> anyhow::Result<Vec<String>> {
    browser
        .texts("[role=feed] article[data-status-id]", at_least)
        .await?;
    let ids = browser
        .eval("return [...document.querySelectorAll('[role=feed] article[data-status-id]')].map(a => a.dataset.statusId)")
        .await?;
    Ok(serde_json::from_value(ids)?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn local_timeline_shows_the_servers_statuses_and_pages_back() -> anyhow::Result<()> {
    let (mock, web, browser) = client_with_mock().await?;
    // More posts than one page holds, so that the timeline has older pages.
    for n in 1..=25 {
        let status = serde_json::json!({ "status": format!("Harbour log entry {n}"), "visibility": "public" });
        post_json(
            &format!("{}/api/v1/statuses", mock.origin()),
            Some("ada_token"),
            &status,
        )
        .await?;
    }
    let expected = ids_and_texts(
        &get_json(&format!(
            "{}/api/v1/timelines/public?local=true",
            mock.origin()
        ))
        .await?,
    );
    assert!(
        expected.len() >= 3,
        "the demo server should have statuses: {expected:?}"
    );

    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    let ids = shown_ids(&browser, expected.len()).await?;
    let expected_ids: Vec<&String> = expected.iter().map(|(id, _)| id).collect();
    assert_eq!(
        ids.iter().take(expected.len()).collect::<Vec<_>>(),
        expected_ids,
        "the feed shows the server's first page in order"
    );

    for (id, text) in &expected {
        let shown = browser
            .texts(&format!("article[data-status-id='{id}'] .content"), 1)
            .await?;
        let wanted: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let got: String = shown[0].split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            got.contains(&wanted),
            "status {id} should show {wanted:?}, shows {got:?}"
        );
    }
    let feed_role = browser
        .eval("return document.querySelector('[role=feed]').getAttribute('aria-busy')")
        .await?;
    assert_eq!(feed_role, "false");
    let positions: Vec<(String, String)> = serde_json::from_value(browser.eval("return [...document.querySelectorAll('[role=feed] article')].map(a => [a.getAttribute('aria-posinset'), a.getAttribute('aria-setsize')])").await?)?;
    let expected_positions: Vec<(String, String)> = (1..=positions.len())
        .map(|at| (at.to_string(), "-1".to_string()))
        .collect();
    assert_eq!(
        positions, expected_positions,
        "feed articles say where they stand"
    );

    // Older posts come from the server's Link header, not from guessed
    // IDs, as the reader scrolls near the end.
    let first_count = ids.len();
    browser
        .eval("window.scrollTo(0, document.body.scrollHeight); return true")
        .await?;
    let more = shown_ids(&browser, first_count + 1).await?;
    let older = ids_and_texts(
        &get_json(&format!(
            "{}/api/v1/timelines/public?local=true&max_id={}",
            mock.origin(),
            ids[first_count - 1]
        ))
        .await?,
    );
    let older_ids: Vec<&String> = older.iter().map(|(id, _)| id).collect();
    let loaded: Vec<&String> = more[first_count..].iter().collect();
    assert_eq!(
        loaded,
        older_ids[..loaded.len().min(older_ids.len())],
        "scrolling to the end loads the server's next page, after the first"
    );
    let unique: std::collections::BTreeSet<_> = more.iter().collect();
    assert_eq!(unique.len(), more.len(), "no status is shown twice");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thread_and_profile_views_render_from_the_server() -> anyhow::Result<()> {
    let (mock, web, browser) = client_with_mock().await?;
    let statuses = get_json(&format!(
        "{}/api/v1/timelines/public?local=true",
        mock.origin()
    ))
    .await?;
    let first = &statuses[0];
    let id = first["id"].as_str().unwrap();
    let account_id = first["account"]["id"].as_str().unwrap();
    let acct = first["account"]["acct"].as_str().unwrap();
    let name = first["account"]["display_name"].as_str().unwrap();

    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/s/{id}", mock.addr())))
        .await?;
    let thread = browser
        .texts(&format!("[role=feed] article[data-status-id='{id}']"), 1)
        .await?;
    assert!(
        thread[0].contains(name),
        "the thread shows its author {name:?}: {thread:?}"
    );

    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/@{acct}", mock.addr())))
        .await?;
    let heading = browser.texts("#profile-name", 1).await?;
    assert_eq!(heading[0], name);
    let own: Vec<String> = get_json(&format!(
        "{}/api/v1/accounts/{account_id}/statuses",
        mock.origin()
    ))
    .await?
    .as_array()
    .expect("a list of statuses")
    .iter()
    .map(|status| status["id"].as_str().unwrap_or_default().to_string())
    .collect();
    let shown = shown_ids(&browser, own.len()).await?;
    assert_eq!(
        shown[..own.len()],
        own[..],
        "the profile shows the account's own posts, in the server's order"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_server_gets_a_message_and_a_retry_button() -> anyhow::Result<()> {
    let (mock, web, browser) = client_with_mock().await?;
    let dead = e2e::free_port();
    browser
        .client
        .goto(&web.url(&format!("/app/#/127.0.0.1:{dead}/public/local")))
        .await?;
    let alert = browser.texts("[role=alert] p", 1).await?;
    assert!(
        alert[0].contains(&format!("127.0.0.1:{dead}")),
        "the message names the server: {alert:?}"
    );
    browser.texts("[role=alert] button", 1).await?;

    // The rest of the app keeps working: another server still loads.
    let expected: Vec<String> = ids_and_texts(
        &get_json(&format!(
            "{}/api/v1/timelines/public?local=true",
            mock.origin()
        ))
        .await?,
    )
    .into_iter()
    .map(|(id, _)| id)
    .collect();
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    let shown = shown_ids(&browser, expected.len()).await?;
    assert_eq!(shown[..expected.len()], expected[..]);
    let alerts = browser
        .eval("return document.querySelectorAll('[role=alert]').length")
        .await?;
    assert_eq!(alerts, 0, "the dead server's message went with its view");
    browser.close().await
}
