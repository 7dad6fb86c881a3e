//! Notifications, search and keyboard navigation against mastodon-mock.

use e2e::{get_json_as, press, sign_in_as};
use fantoccini::Locator;
use fantoccini::key::Key;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notifications_are_grouped_as_the_server_groups_them() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    let grouped = get_json_as(
        &format!("{}/api/v2/notifications", mock.origin()),
        "ada_token",
    )
    .await?;
    let groups = grouped["notification_groups"].as_array().unwrap();
    assert!(
        !groups.is_empty(),
        "ada has notifications on the demo server"
    );

    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/notifications", mock.addr())))
        .await?;
    let shown = browser
        .texts("[role=feed] article.notification", groups.len())
        .await?;
    assert_eq!(shown.len(), groups.len(), "one line per group: {shown:?}");
    let counts = browser
        .eval("return [...document.querySelectorAll('[role=feed] article.notification')].map(a => a.dataset.count)")
        .await?;
    let expected_counts: Vec<String> = groups
        .iter()
        .map(|group| group["notifications_count"].to_string())
        .collect();
    assert_eq!(
        counts,
        serde_json::json!(expected_counts),
        "each line counts its group, in the server's order"
    );
    let feeds = browser
        .eval("return [document.querySelectorAll('[role=feed]').length, document.querySelectorAll('a[href=\"\"]').length]")
        .await?;
    assert_eq!(feeds, serde_json::json!([1, 0]), "one feed, no empty links");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_accounts_and_posts() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/search", mock.addr())))
        .await?;
    let input = browser
        .client
        .wait()
        .for_element(Locator::Css("#search-query"))
        .await?;
    input.send_keys("grace").await?;
    input.send_keys(&Key::Enter.to_string()).await?;
    let accounts = browser.texts(".found-accounts li", 1).await?;
    assert!(
        accounts
            .iter()
            .any(|account| account.contains("Grace Hopper")),
        "{accounts:?}"
    );
    let url = browser.client.current_url().await?;
    assert!(
        url.as_str().ends_with("/search/grace"),
        "the query lives in the route: {url}"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn j_k_enter_and_question_mark_drive_the_timeline() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    browser
        .texts("[role=feed] article[data-status-id]", 3)
        .await?;
    let ids: Vec<String> = serde_json::from_value(browser.eval("return [...document.querySelectorAll('[role=feed] article')].map(a => a.dataset.statusId)").await?)?;
    let focused = || async {
        browser
            .eval("return document.activeElement.dataset.statusId || null")
            .await
    };

    press(&browser, 'j').await?;
    assert_eq!(focused().await?, ids[0].as_str());
    press(&browser, 'j').await?;
    press(&browser, 'j').await?;
    press(&browser, 'k').await?;
    assert_eq!(focused().await?, ids[1].as_str());

    press(&browser, '?').await?;
    let help = browser.texts("[role=dialog] dt", 4).await?;
    assert_eq!(help, ["j", "k", "Enter", "?"]);
    press(&browser, '?').await?;
    browser
        .until(
            "the shortcuts to close again",
            "return document.querySelector('[role=dialog]') === null",
        )
        .await?;

    press(&browser, '\u{E007}').await?; // Enter
    let thread = url::Url::parse(&web.url(&format!("/app/#/{}/s/{}", mock.addr(), ids[1])))?;
    browser.client.wait().for_url(&thread).await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_reader_switches_to_french_and_it_stays() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    let title = browser.texts("h1.view-title", 1).await?;
    assert_eq!(
        title,
        ["Local timeline"],
        "a browser in English gets English"
    );
    browser
        .client
        .find(Locator::Css("button.language"))
        .await?
        .click()
        .await?;
    let nav = browser.texts("header.top nav a", 2).await?;
    assert!(nav.contains(&"Fédéré".to_string()), "{nav:?}");
    assert_eq!(
        browser.eval("return document.documentElement.lang").await?,
        "fr"
    );

    browser.client.refresh().await?;
    let title = browser.texts("h1.view-title", 1).await?;
    assert_eq!(title, ["Fil local"], "the choice outlives a reload");

    // Sentences that carry a value follow the language too.
    let home = format!("location.hash = '#/{}/home'; return true", mock.addr());
    browser.eval(&home).await?;
    let prompt = browser.texts(".sign-in-prompt p", 1).await?;
    assert_eq!(
        prompt[0],
        format!("Connectez-vous à {} pour voir ceci.", mock.addr())
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn quotes_replies_and_times_render_as_the_server_sends_them() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let statuses = e2e::get_json(&format!("{}/api/v1/timelines/public", mock.origin())).await?;
    let statuses = statuses.as_array().unwrap();
    let quoting = statuses
        .iter()
        .find(|status| status["quote"]["quoted_status"].is_object())
        .expect("the demo has a quote");
    let replying = statuses
        .iter()
        .find(|status| status["in_reply_to_id"].is_string())
        .expect("the demo has a reply");

    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public", mock.addr())))
        .await?;
    browser
        .texts("[role=feed] article[data-status-id]", 3)
        .await?;
    let quoted_author = quoting["quote"]["quoted_status"]["account"]["display_name"]
        .as_str()
        .unwrap();
    let quote = browser
        .texts(
            &format!(
                "article[data-status-id='{}'] .quote .quote-author",
                quoting["id"].as_str().unwrap()
            ),
            1,
        )
        .await?;
    assert_eq!(quote, [quoted_author]);
    let reply = browser.eval(&format!("return document.querySelector(\"article[data-status-id='{}'] .reply-to a\").getAttribute('href')", replying["id"].as_str().unwrap())).await?;
    assert_eq!(
        reply.as_str().unwrap(),
        format!(
            "#/{}/s/{}",
            mock.addr(),
            replying["in_reply_to_id"].as_str().unwrap()
        )
    );
    let times = browser.texts("article .when time", 3).await?;
    assert!(
        times
            .iter()
            .all(|time| time.ends_with("min") || time == "now" || time.ends_with(" h")),
        "fresh demo posts show relative times: {times:?}"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timeline_says_what_server_it_is_with_its_rules() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let instance = e2e::get_json(&format!("{}/api/v2/instance", mock.origin())).await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    let title = browser.texts(".server-about .server-title", 1).await?;
    assert_eq!(title, [instance["title"].as_str().unwrap()]);
    browser
        .client
        .find(Locator::Css(".server-about summary"))
        .await?
        .click()
        .await?;
    let software = browser.texts(".server-about .server-software", 1).await?;
    assert_eq!(
        software,
        [format!(
            "Mastodon {}",
            instance["version"].as_str().unwrap()
        )]
    );
    let rules = browser.texts(".server-about .server-rules li", 1).await?;
    let expected: Vec<&str> = instance["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| rule["text"].as_str().unwrap())
        .collect();
    assert_eq!(rules, expected);
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_posts_wait_behind_a_button_and_back_keeps_the_place() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    for n in 1..=25 {
        let status =
            serde_json::json!({ "status": format!("Tide table {n}"), "visibility": "public" });
        e2e::post_json(
            &format!("{}/api/v1/statuses", mock.origin()),
            Some("grace_token"),
            &status,
        )
        .await?;
    }
    let timeline = web.url(&format!("/app/#/{}/public/local", mock.addr()));
    browser.client.goto(&timeline).await?;
    browser
        .texts("[role=feed] article[data-status-id]", 20)
        .await?;

    // Back from a thread finds the timeline where the reader left it.
    browser.eval("window.scrollTo(0, 900); return true").await?;
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let left_at = browser
        .eval("return window.scrollY")
        .await?
        .as_f64()
        .unwrap();
    assert!(left_at > 800.0, "the page scrolled ({left_at})");
    browser
        .client
        .find(Locator::Css("[role=feed] article:nth-of-type(8) a.when"))
        .await?
        .click()
        .await?;
    browser.texts("h1.view-title", 1).await?;
    browser.client.back().await?;
    browser
        .texts("[role=feed] article[data-status-id]", 20)
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let back_at = browser
        .eval("return window.scrollY")
        .await?
        .as_f64()
        .unwrap();
    assert!(
        (back_at - left_at).abs() < 50.0,
        "left at {left_at}, back at {back_at}"
    );

    // A post made meanwhile waits behind a button rather than moving the page.
    let posted = e2e::post_json(
        &format!("{}/api/v1/statuses", mock.origin()),
        Some("ada_token"),
        &serde_json::json!({ "status": "Breaking: the ferry runs late" }),
    )
    .await?;
    let button = browser.texts("button.new-posts", 1).await?;
    assert_eq!(button, ["1 new post"]);
    browser.click("button.new-posts").await?;
    assert_eq!(browser.first_post_id().await?, posted["id"]);
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_the_client_cannot_read_costs_only_itself() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let post = |id: &str, text: &str| {
        serde_json::json!({
            "id": id, "content": format!("<p>{text}</p>"),
            "account": { "id": "9", "username": "ada", "acct": "ada" },
        })
    };
    // The second entry has no author, which no post can lack.
    let page = serde_json::json!([
        post("101", "Readable before"),
        { "id": "102", "content": "<p>No author</p>" },
        post("103", "Readable after"),
    ]);
    e2e::answer_once(&mock, "/api/v1/timelines/public", page).await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public", mock.addr())))
        .await?;
    let shown = browser
        .texts("[role=feed] article[data-status-id] .content", 2)
        .await?;
    assert_eq!(shown, ["Readable before", "Readable after"]);
    let note = browser.texts("p.unreadable", 1).await?;
    assert!(note[0].starts_with("1 post(s) left out"), "{note:?}");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn hashtags_and_mentions_from_other_servers_open_inside_the_client() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    // A post from another server, linked the way Mastodon links them: to
    // the author's server, which the client must keep the reader from.
    let content = concat!(
        r#"<p>Fair winds, <span class="h-card"><a href="https://remote.example/@grace" class="u-url mention">@<span>grace</span></a></span>! "#,
        r#"<a href="https://remote.example/tags/sailing" class="mention hashtag" rel="tag">#<span>Sailing</span></a></p>"#
    );
    let post = serde_json::json!({
        "id": "7001", "content": content, "created_at": "2026-11-29T10:00:00Z",
        "account": { "id": "70", "username": "ada", "acct": "ada@remote.example" },
        "tags": [{ "name": "sailing", "url": format!("{}/tags/sailing", mock.origin()) }],
        "mentions": [{ "id": "71", "username": "grace", "acct": "grace@remote.example", "url": "https://remote.example/@grace" }],
    });
    e2e::answer_once(&mock, "/api/v1/timelines/public", serde_json::json!([post])).await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public", mock.addr())))
        .await?;
    let link = |kind: &str| format!("article[data-status-id='7001'] .content a.{kind}");
    browser.texts(&link("hashtag"), 1).await?;
    browser.click(&link("hashtag")).await?;
    browser
        .until(
            "the hashtag's timeline in the client",
            &format!(
                "return location.hash === '#/{}/tags/sailing' && document.querySelector('h1.view-title').textContent === '#sailing'",
                mock.addr()
            ),
        )
        .await?;

    browser.client.back().await?;
    browser.texts(&link("mention"), 1).await?;
    browser.click(&link("mention")).await?;
    browser
        .until(
            "grace's profile in the client",
            &format!(
                "return location.hash === '#/{}/@grace@remote.example'",
                mock.addr()
            ),
        )
        .await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn new_notifications_are_counted_until_read() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let mine = e2e::post_json(
        &format!("{}/api/v1/statuses", mock.origin()),
        Some("ada_token"),
        &serde_json::json!({ "status": "Nets mended by noon", "visibility": "public" }),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    browser
        .until(
            "the account's stream to open",
            "return document.querySelector(\"header nav a[href$='/notifications']\")?.dataset.live === 'stream'",
        )
        .await?;
    let unread = "header nav a[href$='/notifications'] .unread";
    assert!(browser.client.find(Locator::Css(unread)).await.is_err());

    let favourite = format!(
        "{}/api/v1/statuses/{}/favourite",
        mock.origin(),
        mine["id"].as_str().unwrap_or_default()
    );
    e2e::post_json(&favourite, Some("grace_token"), &serde_json::json!({})).await?;
    let badge = browser.texts(unread, 1).await?;
    assert_eq!(badge, ["1"]);

    browser
        .click("header nav a[href$='/notifications']")
        .await?;
    browser
        .texts("[role=feed] article.notification[data-kind=favourite]", 1)
        .await?;
    browser
        .until(
            "the count to clear once read",
            &format!("return document.querySelector(\"{unread}\") === null"),
        )
        .await?;
    browser.close().await
}
