//! Composing: a post reaches the author's profile and a follower's home;
//! a draft survives a reload and can be discarded; a failing server and
//! a double click still make one post; a post made offline waits in the
//! outbox and is sent once when the network returns.

use std::time::{Duration, Instant};

use e2e::{Browser, MockServer, StaticServer, get_json_as, inject_fault, post_json, sign_in_as};
use fantoccini::Locator;

/// A WebDriver command chromedriver adds: one Chrome DevTools call.
#[derive(Debug)]
struct DevTools {
    method: &'static str,
    params: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

/// Switches the browser's network off or back on, as the reader's own
/// connection would drop.
async fn set_offline(browser: &Browser, offline: bool) -> anyhow::Result<()> {
    browser
        .client
        .issue_cmd(DevTools {
            method: "Network.enable",
            params: serde_json::json!({}),
        })
        .await?;
    let conditions = serde_json::json!({
        "offline": offline, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1,
    });
    browser
        .client
        .issue_cmd(DevTools {
            method: "Network.emulateNetworkConditions",
            params: conditions,
        })
        .await?;
    Ok(())
}

/// Waits up to `timeout` for `script` to return true in the page.
async fn until_long(
    browser: &Browser,
    what: &str,
    timeout: Duration,
    script: &str,
) -> anyhow::Result<()> {
    let start = Instant::now();
    while start.elapsed() < timeout {
        if browser.eval(script).await? == serde_json::Value::Bool(true) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let body = browser.client.source().await.unwrap_or_default();
    anyhow::bail!(
        "waited {timeout:?} for {what}; the page was:\n{}",
        body.chars().take(4000).collect::<String>()
    )
}

/// The author's statuses whose source text is `text`, through the API.
async fn posts_with_text(
    mock: &MockServer,
    author_id: &str,
    text: &str,
) -> anyhow::Result<Vec<serde_json::Value>> {
    let url = format!(
        "{}/api/v1/accounts/{author_id}/statuses?limit=40",
        mock.origin()
    );
    let statuses = get_json_as(&url, "ada_token").await?;
    Ok(statuses
        .as_array()
        .cloned()
        .unwrap_or_default()
        .into_iter()
        .filter(|status| e2e::plain_text(status["content"].as_str().unwrap_or_default()) == text)
        .collect())
}

async fn open_composer(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
) -> anyhow::Result<()> {
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/compose", mock.addr())))
        .await?;
    browser
        .until(
            "the composer to open its draft",
            "return !!document.querySelector('form.compose textarea[name=status]')",
        )
        .await
}

async fn type_into(browser: &Browser, css: &str, text: &str) -> anyhow::Result<()> {
    browser
        .client
        .find(Locator::Css(css))
        .await?
        .send_keys(text)
        .await?;
    Ok(())
}

/// Whether leaving the page now would ask first: the page cancels the
/// `beforeunload` event, which is what makes the browser ask.
const ASKS_BEFORE_LEAVING: &str = "const leaving = new Event('beforeunload', { cancelable: true }); \
     window.dispatchEvent(leaving); return leaving.defaultPrevented";

const POST_ENABLED: &str =
    "return document.querySelector('form.compose button.post')?.disabled === false";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_with_a_warning_visibility_and_language_reaches_profile_and_home()
-> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let ada = e2e::account_id(&mock, "ada").await?;
    let follow = format!("{}/api/v1/accounts/{ada}/follow", mock.origin());
    post_json(&follow, Some("grace_token"), &serde_json::json!({})).await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    // Away from Home first, whose compose box would ask for the languages.
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/drafts", mock.addr())))
        .await?;
    browser.wait_for("h1.view-title").await?;
    tokio::time::sleep(Duration::from_secs(1)).await;
    // mastodon-mock lists plain codes (`["en"]`); Mastodon lists
    // `{code, name}`: answer as Mastodon once, with a second language.
    let languages = serde_json::json!([
        { "code": "en", "name": "English" },
        { "code": "fr", "name": "Français" },
    ]);
    e2e::answer_once(&mock, "/api/v1/instance/languages", languages).await?;
    open_composer(&browser, &web, &mock).await?;
    browser
        .until(
            "the server's languages",
            "return !!document.querySelector('select[name=language] option[value=fr]')",
        )
        .await?;

    let text = "Le ferry repart demain";
    type_into(
        &browser,
        "form.compose input[name=spoiler_text]",
        "Horaires",
    )
    .await?;
    type_into(&browser, "form.compose textarea[name=status]", text).await?;
    let visibility = browser
        .client
        .find(Locator::Css("select[name=visibility]"))
        .await?;
    visibility.select_by_value("unlisted").await?;
    let language = browser
        .client
        .find(Locator::Css("select[name=language]"))
        .await?;
    language.select_by_value("fr").await?;
    browser.until("the post button", POST_ENABLED).await?;
    browser.click("form.compose button.post").await?;
    browser.wait_for(".compose-notice.posted a").await?;

    let posted = posts_with_text(&mock, &ada, text).await?;
    assert_eq!(posted.len(), 1, "one post on the author's profile");
    let post = &posted[0];
    assert_eq!(post["spoiler_text"], "Horaires");
    assert_eq!(post["visibility"], "unlisted");
    assert_eq!(post["language"], "fr");
    let link = browser
        .eval("return document.querySelector('.compose-notice.posted a').getAttribute('href')")
        .await?;
    assert_eq!(
        link,
        format!(
            "#/{}/s/{}",
            mock.addr(),
            post["id"].as_str().unwrap_or_default()
        )
        .as_str()
    );

    let home = get_json_as(
        &format!("{}/api/v1/timelines/home", mock.origin()),
        "grace_token",
    )
    .await?;
    let in_home = home
        .as_array()
        .is_some_and(|statuses| statuses.iter().any(|status| status["id"] == post["id"]));
    assert!(in_home, "the post is in a follower's home timeline");
    let emptied = browser
        .eval("return document.querySelector('form.compose textarea[name=status]').value === ''")
        .await?;
    assert_eq!(emptied, true, "a sent draft leaves the composer");
    assert_eq!(
        browser.eval(ASKS_BEFORE_LEAVING).await?,
        false,
        "nothing unsent, nothing to ask"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_draft_survives_a_reload_and_can_be_discarded() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    open_composer(&browser, &web, &mock).await?;
    let text = "Notes for the harbour meeting";
    type_into(&browser, "form.compose textarea[name=status]", text).await?;
    assert_eq!(
        browser.eval(ASKS_BEFORE_LEAVING).await?,
        true,
        "leaving with an unsent draft asks first"
    );
    // Saving waits for typing to pause.
    tokio::time::sleep(Duration::from_secs(2)).await;
    browser.client.refresh().await?;
    browser
        .until(
            "the draft to come back after the reload",
            &format!(
                "return document.querySelector('form.compose textarea[name=status]')?.value === {text:?}"
            ),
        )
        .await?;

    // The box on Home goes on with the same draft.
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/home", mock.addr())))
        .await?;
    browser
        .until(
            "the home box to show the draft",
            &format!(
                "return document.querySelector('.compose-box form.compose textarea[name=status]')?.value === {text:?}"
            ),
        )
        .await?;

    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/drafts", mock.addr())))
        .await?;
    let listed = browser.texts("li.draft .excerpt", 1).await?;
    assert_eq!(listed, [text]);
    browser.click("li.draft button.discard").await?;
    browser
        .until(
            "the draft to go",
            "return document.querySelector('li.draft') === null",
        )
        .await?;
    browser.client.refresh().await?;
    browser.wait_for("p.empty").await?;
    let left = browser
        .eval("return document.querySelectorAll('li.draft').length")
        .await?;
    assert_eq!(left, 0, "a discarded draft stays discarded");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_then_silent_server_and_a_double_click_make_one_post() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let ada = e2e::account_id(&mock, "ada").await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    open_composer(&browser, &web, &mock).await?;
    let text = "Only once, please";
    type_into(&browser, "form.compose textarea[name=status]", text).await?;
    browser.until("the post button", POST_ENABLED).await?;
    // The first try fails with 503; the second gets no answer (the mock
    // holds it 30 s, then makes the post anyway); the third goes through.
    for effect in [
        serde_json::json!({ "type": "status", "status": 503 }),
        serde_json::json!({ "type": "timeout" }),
    ] {
        let rule = serde_json::json!({
            "match": { "methods": ["POST"], "path": "/api/v1/statuses" },
            "effect": effect,
            "count": 1,
        });
        inject_fault(&mock, rule).await?;
    }
    let started = Instant::now();
    browser
        .eval("const b = document.querySelector('form.compose button.post'); b.click(); b.click(); return true")
        .await?;
    let disabled = browser
        .eval("return document.querySelector('form.compose button.post').disabled")
        .await?;
    assert_eq!(disabled, true, "the button waits while the post is sent");
    until_long(
        &browser,
        "the post to go through",
        Duration::from_secs(60),
        "return !!document.querySelector('.compose-notice.posted')",
    )
    .await?;
    // Let the held request end too, before counting.
    let held_until = Duration::from_secs(33);
    if let Some(left) = held_until.checked_sub(started.elapsed()) {
        tokio::time::sleep(left).await;
    }
    let posted = posts_with_text(&mock, &ada, text).await?;
    assert_eq!(posted.len(), 1, "exactly one post: {posted:?}");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_post_made_offline_waits_in_the_outbox_and_goes_once() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let ada = e2e::account_id(&mock, "ada").await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    open_composer(&browser, &web, &mock).await?;
    set_offline(&browser, true).await?;
    let text = "Written on the ferry, no signal";
    type_into(&browser, "form.compose textarea[name=status]", text).await?;
    browser.until("the post button", POST_ENABLED).await?;
    browser.click("form.compose button.post").await?;
    browser.wait_for(".compose-notice.queued").await?;
    let waiting = browser.texts("[data-outbox] .excerpt", 1).await?;
    assert_eq!(waiting, [text]);
    assert!(posts_with_text(&mock, &ada, text).await?.is_empty());

    set_offline(&browser, false).await?;
    until_long(
        &browser,
        "the outbox to empty",
        Duration::from_secs(40),
        "return document.querySelector('[data-outbox]') === null",
    )
    .await?;
    // Another round of the retry timer must not post it again.
    tokio::time::sleep(Duration::from_secs(16)).await;
    let posted = posts_with_text(&mock, &ada, text).await?;
    assert_eq!(posted.len(), 1, "sent exactly once: {posted:?}");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_reload_while_sending_still_makes_one_post() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let ada = e2e::account_id(&mock, "ada").await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    open_composer(&browser, &web, &mock).await?;
    let text = "Sent as the page went away";
    type_into(&browser, "form.compose textarea[name=status]", text).await?;
    browser.until("the post button", POST_ENABLED).await?;
    // The answer is slow; the reload cuts the request short (mastodon-mock
    // then drops it), and the page that comes back sends it again from
    // the outbox, under the same key.
    let slow = serde_json::json!({
        "match": { "methods": ["POST"], "path": "/api/v1/statuses" },
        "effect": { "type": "latency", "delay_ms": 4000 },
        "count": 1,
    });
    inject_fault(&mock, slow).await?;
    browser.click("form.compose button.post").await?;
    tokio::time::sleep(Duration::from_millis(800)).await;
    browser.client.refresh().await?;
    until_long(
        &browser,
        "the post to be sent after the reload",
        Duration::from_secs(30),
        "return document.querySelector('[data-outbox]') === null \
         && document.querySelector('form.compose textarea[name=status]')?.value === ''",
    )
    .await?;
    // Past the slow answer's delay, in case the first request went through.
    tokio::time::sleep(Duration::from_secs(5)).await;
    let posted = posts_with_text(&mock, &ada, text).await?;
    assert_eq!(posted.len(), 1, "exactly one post: {posted:?}");
    browser.close().await
}
