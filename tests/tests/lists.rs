//! Lists: the signed-in account's lists, each opening its own timeline.

use e2e::{MockServer, get_json_as, post_json, sign_in_as};

async fn make_list(mock: &MockServer, title: &str) -> anyhow::Result<String> {
    let list = post_json(
        &format!("{}/api/v1/lists", mock.origin()),
        Some("ada_token"),
        &serde_json::json!({ "title": title }),
    )
    .await?;
    Ok(list["id"].as_str().unwrap_or_default().to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_opens_as_a_timeline_of_its_members() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let grace = get_json_as(
        &format!("{}/api/v1/accounts/lookup?acct=grace", mock.origin()),
        "ada_token",
    )
    .await?;
    let crew = make_list(&mock, "Harbour crew").await?;
    make_list(&mock, "Weather").await?;
    post_json(
        &format!("{}/api/v1/lists/{crew}/accounts", mock.origin()),
        Some("ada_token"),
        &serde_json::json!({ "account_ids": [grace["id"]] }),
    )
    .await?;
    let post = |text: &str| {
        let body = serde_json::json!({ "status": text, "visibility": "public" });
        let url = format!("{}/api/v1/statuses", mock.origin());
        async move { post_json(&url, Some("grace_token"), &body).await }
    };
    let meeting = post("Crew meeting at dawn").await?;

    sign_in_as(&browser, &web, &mock, "ada").await?;
    browser.click("header nav a[href$='/lists']").await?;
    let names = browser.texts("ul.lists a", 2).await?;
    assert_eq!(names, ["Harbour crew", "Weather"]);
    browser
        .click(&format!("ul.lists a[data-list-id='{crew}']"))
        .await?;
    browser
        .until(
            "the list's name as the title",
            "return document.querySelector('h1.view-title').textContent === 'Harbour crew'",
        )
        .await?;
    let shown = browser
        .texts("[role=feed] article[data-status-id]", 1)
        .await?;
    assert!(
        shown[0].contains("Crew meeting at dawn"),
        "the list shows its member's post: {shown:?}"
    );
    assert_eq!(browser.first_post_id().await?, meeting["id"]);

    // The list has a stream of its own, which only its owner may follow.
    browser
        .until(
            "the list's stream to open",
            "return document.querySelector('[role=feed]').dataset.live === 'stream'",
        )
        .await?;
    post("Meeting moved to noon").await?;
    let button = browser.texts("button.new-posts", 1).await?;
    assert_eq!(button, ["1 new post"]);
    browser.close().await
}
