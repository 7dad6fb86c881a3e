//! The reader's own moderation, as the server records it and the client
//! honours it.

use e2e::{post_json, sign_in_as};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_readers_filters_fold_hide_or_leave_posts() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let filters = format!("{}/api/v2/filters", mock.origin());
    for (title, action, keyword) in [("Ferry news", "warn", "ferry"), ("Gore", "hide", "grisly")] {
        let filter = serde_json::json!({
            "title": title, "context": ["home", "public"], "filter_action": action,
            "keywords_attributes": [{ "keyword": keyword, "whole_word": true }],
        });
        post_json(&filters, Some("ada_token"), &filter).await?;
    }
    let statuses = format!("{}/api/v1/statuses", mock.origin());
    let mut posted = Vec::new();
    for text in [
        "The ferry is late again",
        "A grisly find on the beach",
        "Calm seas today",
    ] {
        let body = serde_json::json!({ "status": text, "visibility": "public" });
        posted.push(post_json(&statuses, Some("grace_token"), &body).await?);
    }
    let id = |n: usize| posted[n]["id"].as_str().unwrap_or_default().to_string();

    sign_in_as(&browser, &web, &mock, "ada").await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    browser
        .texts(&format!("article[data-status-id='{}'] .content", id(2)), 1)
        .await?;

    let hidden = browser
        .eval(&format!(
            "return document.querySelector(\"article[data-status-id='{}']\") === null",
            id(1)
        ))
        .await?;
    assert_eq!(hidden, true, "a filter that hides leaves no trace");

    let warned = format!("article[data-status-id='{}'] details.filtered", id(0));
    let summary = browser.texts(&format!("{warned} > summary"), 1).await?;
    assert_eq!(summary, ["Filtered by Ferry news"]);
    let folded = browser
        .eval(&format!("return document.querySelector(\"{warned}\").open"))
        .await?;
    assert_eq!(folded, false, "the warned post stays folded until opened");

    let plain = browser
        .eval(&format!(
            "return document.querySelector(\"article[data-status-id='{}'] details.filtered\") === null",
            id(2)
        ))
        .await?;
    assert_eq!(plain, true, "a post no filter matches is shown as it is");
    browser.close().await
}
