//! Reading offline: what the reader opened (timelines, a thread, a
//! profile, notifications) is kept, and when the server stops answering,
//! a reload shows the kept copies marked offline with the time they were
//! fetched; image previews are kept within the reader's cap; a post
//! written meanwhile waits in the outbox; and when the server is back,
//! fresh posts replace the kept ones and the post goes out.

use std::time::Duration;

use e2e::offline::{
    KEPT_KEYS, MEDIA_CACHE, OFFLINE_MARK, has_key_ending, post_with_image, reload_at, sign_in_at,
    until_value,
};
use e2e::outage::Relay;
use e2e::{Browser, get_json_as, http_ok};
use fantoccini::Locator;
use fantoccini::key::Key;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn what_was_read_stays_readable_offline_marked_and_comes_back_fresh() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    // The client reads the server through a relay, whose cut is the outage.
    let mut relay = Relay::start(mock.port).await?;
    let addr = relay.addr();
    let ada = e2e::account_id(&mock, "ada").await?;
    let (post, preview) = post_with_image(&mock).await?;
    let notifications = get_json_as(
        &format!("{}/api/v2/notifications", mock.origin()),
        "ada_token",
    )
    .await?;
    let groups = notifications["notification_groups"]
        .as_array()
        .map_or(0, Vec::len);
    anyhow::ensure!(groups > 0, "ada has notifications on the demo server");
    sign_in_at(&browser, &web, &addr, "ada").await?;

    let shown_post = format!("article[data-status-id='{post}']");
    for route in ["home", "public/local", &format!("s/{post}"), "@ada"] {
        browser
            .client
            .goto(&web.url(&format!("/app/#/{addr}/{route}")))
            .await?;
        browser.wait_for(&shown_post).await?;
    }
    browser
        .client
        .goto(&web.url(&format!("/app/#/{addr}/notifications")))
        .await?;
    browser.texts("article.notification", groups).await?;
    let kept = [
        "|/api/v1/timelines/home".to_string(),
        "|/api/v1/timelines/public?local=true".into(),
        format!("|/api/v1/statuses/{post}"),
        format!("|/api/v1/statuses/{post}/context"),
        format!("|/api/v1/accounts/{ada}/statuses"),
        "|/api/v1/accounts/lookup?acct=ada".into(),
        "|/api/v2/notifications".into(),
        "-|/api/v2/instance".into(),
    ];
    let keys = until_value(
        &browser,
        "every view to be kept",
        KEPT_KEYS,
        Duration::from_secs(30),
        |keys| kept.iter().all(|ending| has_key_ending(keys, ending)),
    )
    .await?;
    let account_key = format!("{addr}|ada@{addr}|/api/v1/timelines/home");
    assert!(
        has_key_ending(&keys, &account_key),
        "kept per account: {keys}"
    );
    let cached = until_value(
        &browser,
        "the preview to be cached",
        MEDIA_CACHE,
        Duration::from_secs(30),
        |cached| {
            cached
                .as_array()
                .is_some_and(|cached| cached.iter().any(|entry| entry[0] == preview.as_str()))
        },
    )
    .await?;
    let total: u64 = cached
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| entry[1].as_u64())
        .sum();
    assert!(
        total > 0 && total <= 50_000_000,
        "within the default cap of 50 MB: {cached}"
    );

    // The server goes dark: its address stops answering.
    let ping = format!("http://{addr}/api/v1/instance");
    let before_outage = page_now_ms(&browser).await?;
    relay.cut();
    e2e::wait_for("the server to stop", Duration::from_secs(10), || async {
        !http_ok(&ping).await
    })
    .await?;

    let routes = [
        ("home", shown_post.clone()),
        ("public/local", shown_post.clone()),
        (&format!("s/{post}") as &str, shown_post.clone()),
        ("@ada", shown_post.clone()),
        ("notifications", "article.notification".to_string()),
    ];
    for (route, shown) in &routes {
        reload_at(&browser, &web, &addr, route).await?;
        browser.wait_for(shown).await?;
        let mark = until_value(
            &browser,
            &format!("the offline mark on {route}"),
            OFFLINE_MARK,
            Duration::from_secs(20),
            Value::is_string,
        )
        .await?;
        let fetched_at = browser.eval(&format!("return Date.parse({mark})")).await?;
        let fetched_at = fetched_at.as_f64().unwrap_or_default();
        assert!(
            fetched_at > 0.0 && fetched_at <= before_outage,
            "{route} was fetched before the outage, not at {mark}"
        );
    }
    let notified = browser.texts("article.notification", groups).await?;
    assert_eq!(notified.len(), groups, "every group kept");

    // A post written while the server is down waits in the outbox.
    let text = "Written while the server was down";
    reload_at(&browser, &web, &addr, "compose").await?;
    let status = browser
        .client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("form.compose textarea[name=status]"))
        .await?;
    status.send_keys(text).await?;
    browser
        .until(
            "the post button",
            "return document.querySelector('form.compose button.post')?.disabled === false",
        )
        .await?;
    browser.click("form.compose button.post").await?;
    browser.wait_for(".compose-notice.queued").await?;
    assert_eq!(browser.texts("[data-outbox] .excerpt", 1).await?, [text]);

    // A cap of 0 keeps no media and empties the cache.
    browser.client.goto(&web.url("/app/#/lifeboat")).await?;
    let cap = browser
        .client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("input[name=offline-media-cap]"))
        .await?;
    assert_eq!(
        cap.prop("value").await?.as_deref(),
        Some("50"),
        "the default cap"
    );
    cap.clear().await?;
    cap.send_keys(&format!("0{}", Key::Tab)).await?;
    until_value(
        &browser,
        "the media cache to go",
        MEDIA_CACHE,
        Duration::from_secs(10),
        Value::is_null,
    )
    .await?;
    let saved = browser
        .eval("return localStorage.getItem('samizdat.offline_media_cap_mb')")
        .await?;
    assert_eq!(saved, json!("0"));

    // The server comes back: the view loads fresh, and the post goes out.
    reload_at(&browser, &web, &addr, "public/local").await?;
    until_value(
        &browser,
        "the offline mark",
        OFFLINE_MARK,
        Duration::from_secs(20),
        Value::is_string,
    )
    .await?;
    let news = json!({ "status": "Back on the air", "visibility": "public" });
    let news = e2e::post_status(&mock, "grace_token", &news).await?;
    relay.restore().await?;
    browser
        .until_within(
            "fresh posts in place of the kept ones",
            &format!("return !document.querySelector('[data-offline]') && !!document.querySelector(\"article[data-status-id='{news}']\")"),
            Duration::from_secs(30),
        )
        .await?;
    let sent = || async {
        let url = format!("{}/api/v1/accounts/{ada}/statuses", mock.origin());
        let mine = get_json_as(&url, "ada_token").await.unwrap_or_default();
        mine.as_array()
            .into_iter()
            .flatten()
            .filter(|status| {
                e2e::plain_text(status["content"].as_str().unwrap_or_default()) == text
            })
            .count()
    };
    e2e::wait_for(
        "the waiting post to go out",
        Duration::from_secs(45),
        || async { sent().await > 0 },
    )
    .await?;
    // Another round of the outbox's timer must not send it again.
    tokio::time::sleep(Duration::from_secs(16)).await;
    assert_eq!(sent().await, 1, "the waiting post went out once");
    browser.close().await
}

/// The page's clock, which stamps what it keeps.
async fn page_now_ms(browser: &Browser) -> anyhow::Result<f64> {
    Ok(browser
        .eval("return Date.now()")
        .await?
        .as_f64()
        .unwrap_or_default())
}
