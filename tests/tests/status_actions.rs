//! What a reader does to a status from its action bar, checked on the
//! server through the API: favourite, boost, bookmark, vote, delete; a
//! refused action rolls its button back; edits arrive through the stream;
//! reply (with a poll), edit and redraft go through the composer.

use std::time::Duration;

use e2e::{Browser, MockServer, StaticServer, get_json_as, inject_fault, sign_in_as};
use serde_json::{Value, json};

async fn fetch_status(mock: &MockServer, id: &str, token: &str) -> anyhow::Result<Value> {
    get_json_as(&format!("{}/api/v1/statuses/{id}", mock.origin()), token).await
}

/// Waits until the server says `field` of status `id`, as `token` sees
/// it, is `expected`.
async fn until_server(
    mock: &MockServer,
    id: &str,
    token: &str,
    field: &str,
    expected: Value,
) -> anyhow::Result<()> {
    let what = format!("the server's {field} of {id} to be {expected}");
    e2e::wait_for(&what, Duration::from_secs(20), || async {
        fetch_status(mock, id, token)
            .await
            .is_ok_and(|status| status[field] == expected)
    })
    .await
}

/// PUTs a JSON body, as an edit made from another client would.
async fn put_as(url: &str, token: &str, body: &Value) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| anyhow::anyhow!("only http:// URLs: {url}"))?;
    let (authority, path) = rest
        .split_once('/')
        .ok_or_else(|| anyhow::anyhow!("no path in {url}"))?;
    let body = body.to_string();
    let mut stream = tokio::net::TcpStream::connect(authority).await?;
    let head = format!(
        "PUT /{path} HTTP/1.1\r\nHost: {authority}\r\nAuthorization: Bearer {token}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await?;
    let answer = String::from_utf8_lossy(&answer);
    anyhow::ensure!(
        answer.starts_with("HTTP/1.1 2"),
        "the edit failed: {answer}"
    );
    Ok(())
}

fn card(id: &str) -> String {
    format!("article[data-status-id='{id}']")
}

fn pressed(id: &str, action: &str, expected: bool) -> String {
    format!(
        "return document.querySelector(\"{} button[data-action={action}]\")?.getAttribute('aria-pressed') === '{expected}'",
        card(id)
    )
}

async fn open_local(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
) -> anyhow::Result<()> {
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn favourite_boost_and_bookmark_reach_the_server_and_a_refusal_rolls_back()
-> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let id = e2e::post_status(
        &mock,
        "grace_token",
        &json!({"status": "Tide tables for the week", "visibility": "public"}),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    open_local(&browser, &web, &mock).await?;
    let at = card(&id);
    browser
        .wait_for(&format!("{at} button[data-action=favourite]"))
        .await?;
    for action in ["favourite", "reblog", "bookmark"] {
        browser
            .until(
                "the button to start unpressed",
                &pressed(&id, action, false),
            )
            .await?;
    }

    browser
        .click(&format!("{at} button[data-action=favourite]"))
        .await?;
    browser
        .until("favourite to press", &pressed(&id, "favourite", true))
        .await?;
    until_server(&mock, &id, "ada_token", "favourited", json!(true)).await?;
    let counts = browser
        .texts(&format!("{at} button[data-action=favourite] .count"), 1)
        .await?;
    assert_eq!(counts, ["1"], "the count follows the server's");

    browser
        .click(&format!("{at} button[data-action=reblog]"))
        .await?;
    browser
        .until("boost to press", &pressed(&id, "reblog", true))
        .await?;
    until_server(&mock, &id, "ada_token", "reblogged", json!(true)).await?;

    browser
        .click(&format!("{at} button[data-action=bookmark]"))
        .await?;
    browser
        .until("bookmark to press", &pressed(&id, "bookmark", true))
        .await?;
    until_server(&mock, &id, "ada_token", "bookmarked", json!(true)).await?;

    // The server refuses to take the favourite back: the button flips,
    // then returns, and the notice bar says why.
    inject_fault(
        &mock,
        json!({
            "match": {"methods": ["POST"], "path": format!("/api/v1/statuses/{id}/unfavourite")},
            "effect": {"type": "status", "status": 503, "body": {"error": "busy"}},
            "count": 1,
        }),
    )
    .await?;
    // Every state the button goes through, to see it flip before it returns.
    browser
        .eval(&format!(
            "const button = document.querySelector(\"{at} button[data-action=favourite]\");
             window.favouriteStates = [];
             new MutationObserver(() => window.favouriteStates.push(button.getAttribute('aria-pressed')))
                 .observe(button, {{ attributes: true, attributeFilter: ['aria-pressed'] }});"
        ))
        .await?;
    browser
        .click(&format!("{at} button[data-action=favourite]"))
        .await?;
    browser.wait_for(".notice-bar").await?;
    browser
        .until(
            "the button to flip and come back",
            "return JSON.stringify(window.favouriteStates) === '[\"false\",\"true\"]'",
        )
        .await?;
    browser
        .until("favourite to roll back", &pressed(&id, "favourite", true))
        .await?;
    let counts = browser
        .texts(&format!("{at} button[data-action=favourite] .count"), 1)
        .await?;
    assert_eq!(counts, ["1"], "the count rolls back too");
    assert_eq!(
        fetch_status(&mock, &id, "ada_token").await?["favourited"],
        true
    );

    // Taken back for real, the server agrees.
    browser
        .click(&format!("{at} button[data-action=favourite]"))
        .await?;
    browser
        .until("favourite to unpress", &pressed(&id, "favourite", false))
        .await?;
    until_server(&mock, &id, "ada_token", "favourited", json!(false)).await?;

    // mastodon-mock says it is Mastodon 4.6, whose API takes quotes.
    browser
        .click(&format!("{at} button[data-action=quote]"))
        .await?;
    browser
        .until(
            "the composer to open",
            "return !!document.querySelector('form.compose textarea[name=status]')",
        )
        .await?;
    type_into(
        &browser,
        "form.compose textarea[name=status]",
        "Worth a read",
    )
    .await?;
    post_from_composer(&browser).await?;
    let link = browser
        .eval("return document.querySelector('.compose-notice.posted a').getAttribute('href')")
        .await?;
    let quoting = link
        .as_str()
        .and_then(|href| href.rsplit('/').next())
        .unwrap_or_default()
        .to_string();
    let posted = fetch_status(&mock, &quoting, "ada_token").await?;
    let quoted = &posted["quote"];
    assert!(
        quoted["quoted_status"]["id"] == id.as_str() || quoted["id"] == id.as_str(),
        "the post quotes the status: {posted}"
    );
    assert!(posted["in_reply_to_id"].is_null(), "a quote is not a reply");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn votes_in_single_and_multiple_choice_polls_are_counted() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    // mastodon-mock reads polls only from a JSON body, which post_json sends.
    let multiple = e2e::post_status(&mock, "grace_token", &json!({
        "status": "Which lights are out?", "visibility": "public",
        "poll": {"options": ["North pier", "South pier", "Breakwater"], "expires_in": 3600, "multiple": true}
    })).await?;
    let single = e2e::post_status(
        &mock,
        "grace_token",
        &json!({
            "status": "Ferry or bridge?", "visibility": "public",
            "poll": {"options": ["Ferry", "Bridge"], "expires_in": 3600, "multiple": false}
        }),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    open_local(&browser, &web, &mock).await?;

    let many = card(&multiple);
    browser
        .wait_for(&format!("{many} form.poll-vote input[type=checkbox]"))
        .await?;
    browser
        .click(&format!("{many} form.poll-vote input[value='1']"))
        .await?;
    browser
        .click(&format!("{many} form.poll-vote input[value='2']"))
        .await?;
    browser
        .click(&format!("{many} form.poll-vote button.vote"))
        .await?;
    browser
        .wait_for(&format!("{many} ul.poll li.own-vote"))
        .await?;
    let poll_id = fetch_status(&mock, &multiple, "ada_token").await?["poll"]["id"].clone();
    let poll_id = poll_id.as_str().unwrap_or_default();
    let poll = get_json_as(
        &format!("{}/api/v1/polls/{poll_id}", mock.origin()),
        "ada_token",
    )
    .await?;
    assert_eq!(poll["own_votes"], json!([1, 2]));
    assert_eq!(poll["voted"], true);
    let mine = browser
        .texts(&format!("{many} ul.poll li.own-vote .poll-option"), 2)
        .await?;
    assert_eq!(mine, ["South pier", "Breakwater"]);

    let one = card(&single);
    browser
        .click(&format!(
            "{one} form.poll-vote input[type=radio][value='0']"
        ))
        .await?;
    browser
        .click(&format!("{one} form.poll-vote button.vote"))
        .await?;
    browser
        .wait_for(&format!("{one} ul.poll li.own-vote"))
        .await?;
    let poll = &fetch_status(&mock, &single, "ada_token").await?["poll"];
    assert_eq!(poll["own_votes"], json!([0]));
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn delete_asks_first_then_the_post_leaves_the_server_and_the_page() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let id = e2e::post_status(
        &mock,
        "ada_token",
        &json!({"status": "Lost a glove at the pier", "visibility": "public"}),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    // In a thread, where no stream takes the post away: the client does.
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/s/{id}", mock.addr())))
        .await?;
    let at = card(&id);
    browser
        .wait_for(&format!("{at} button[data-action=delete]"))
        .await?;
    browser
        .click(&format!("{at} button[data-action=delete]"))
        .await?;
    browser
        .wait_for(&format!("{at} .confirm button.confirm-yes"))
        .await?;
    assert!(
        fetch_status(&mock, &id, "ada_token").await.is_ok(),
        "nothing is deleted before the answer"
    );
    browser
        .click(&format!("{at} .confirm button.confirm-yes"))
        .await?;
    browser
        .until(
            "the deleted post to leave the page",
            &format!(
                "const el = document.querySelector(\"{at}\"); return el === null || el.hidden"
            ),
        )
        .await?;
    let gone = e2e::status_as(
        &format!("{}/api/v1/statuses/{id}", mock.origin()),
        "ada_token",
    )
    .await?;
    assert_eq!(gone, 404);
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reply_edit_and_redraft_go_through_the_composer() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let theirs = e2e::post_status(
        &mock,
        "grace_token",
        &json!({
            "status": "Storm warning tonight", "visibility": "unlisted", "spoiler_text": "weather"
        }),
    )
    .await?;
    let mine = e2e::post_status(
        &mock,
        "ada_token",
        &json!({"status": "Boats in by six", "visibility": "public"}),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    let thread = |id: &str| web.url(&format!("/app/#/{}/s/{id}", mock.addr()));

    // A reply opens the composer with the thread's context, and a poll
    // written there goes with it (mastodon-mock takes polls only as JSON).
    browser.client.goto(&thread(&theirs)).await?;
    browser
        .click(&format!("{} button[data-action=reply]", card(&theirs)))
        .await?;
    browser
        .until("the composer to take the reply", &composer_has("@grace"))
        .await?;
    let form = composer_fields(&browser).await?;
    assert_eq!(form[1], "weather", "the parent's content warning");
    assert_eq!(form[2], "unlisted", "the parent's visibility");
    assert!(
        !form[0].as_str().unwrap_or_default().contains("@ada"),
        "{form}"
    );
    type_into(
        &browser,
        "form.compose textarea[name=status]",
        "Ferry or bridge?",
    )
    .await?;
    browser.click("form.compose button.poll-toggle").await?;
    let options = browser
        .client
        .find_all(fantoccini::Locator::Css(
            "form.compose input[name='poll[options][]']",
        ))
        .await?;
    for (option, text) in options.iter().zip(["Ferry", "Bridge"]) {
        option.send_keys(text).await?;
    }
    post_from_composer(&browser).await?;
    let context = get_json_as(
        &format!("{}/api/v1/statuses/{theirs}/context", mock.origin()),
        "ada_token",
    )
    .await?;
    let reply = context["descendants"]
        .as_array()
        .and_then(|replies| {
            replies
                .iter()
                .find(|reply| reply["in_reply_to_id"] == theirs.as_str())
        })
        .cloned()
        .ok_or_else(|| anyhow::anyhow!("no reply in {context}"))?;
    assert_eq!(reply["spoiler_text"], "weather");
    let choices: Vec<&str> = reply["poll"]["options"]
        .as_array()
        .map(|options| {
            options
                .iter()
                .filter_map(|option| option["title"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(choices, ["Ferry", "Bridge"], "{reply}");
    browser.client.goto(&thread(&theirs)).await?;
    let reply_id = reply["id"].as_str().unwrap_or_default();
    browser.wait_for(&card(reply_id)).await?;

    // An edit opens the post's source; what is sent replaces it, and the
    // history keeps both versions.
    browser.client.goto(&thread(&mine)).await?;
    browser
        .click(&format!("{} button[data-action=edit]", card(&mine)))
        .await?;
    browser
        .until(
            "the composer to take the source",
            &composer_has("Boats in by six"),
        )
        .await?;
    type_into(&browser, "form.compose textarea[name=status]", ", or seven").await?;
    post_from_composer(&browser).await?;
    until_server_text(&mock, &mine, "Boats in by six, or seven").await?;
    let history = get_json_as(
        &format!("{}/api/v1/statuses/{mine}/history", mock.origin()),
        "ada_token",
    )
    .await?;
    assert_eq!(history.as_array().map(Vec::len), Some(2), "{history}");
    browser.client.goto(&thread(&mine)).await?;
    browser
        .click(&format!("{} button.edited", card(&mine)))
        .await?;
    let versions = browser
        .texts(&format!("{} ol.edit-history li .content", card(&mine)), 2)
        .await?;
    assert!(
        versions.iter().any(|text| text.contains("or seven")),
        "{versions:?}"
    );

    // Delete and redraft: the post goes, its text comes back as a new draft.
    browser
        .click(&format!("{} button[data-action=redraft]", card(&mine)))
        .await?;
    browser
        .click(&format!("{} .confirm button.confirm-yes", card(&mine)))
        .await?;
    browser
        .until(
            "the composer to take the redraft",
            &composer_has("Boats in by six, or seven"),
        )
        .await?;
    let gone = e2e::status_as(
        &format!("{}/api/v1/statuses/{mine}", mock.origin()),
        "ada_token",
    )
    .await?;
    assert_eq!(gone, 404);
    browser.close().await
}

/// A script that holds once the composer's text contains `text`.
fn composer_has(text: &str) -> String {
    format!(
        "return document.querySelector('form.compose textarea[name=status]')?.value.includes({text:?})"
    )
}

/// The composer's text, content warning and visibility.
async fn composer_fields(browser: &Browser) -> anyhow::Result<Value> {
    browser
        .eval(
            "const form = document.querySelector('form.compose'); \
             return [form.status.value, form.spoiler_text.value, form.visibility.value]",
        )
        .await
}

async fn type_into(browser: &Browser, css: &str, text: &str) -> anyhow::Result<()> {
    browser
        .client
        .find(fantoccini::Locator::Css(css))
        .await?
        .send_keys(text)
        .await?;
    Ok(())
}

async fn post_from_composer(browser: &Browser) -> anyhow::Result<()> {
    browser
        .until(
            "the post button",
            "return document.querySelector('form.compose button.post')?.disabled === false",
        )
        .await?;
    browser.click("form.compose button.post").await?;
    browser.wait_for(".compose-notice.posted a").await
}

async fn until_server_text(mock: &MockServer, id: &str, text: &str) -> anyhow::Result<()> {
    let what = format!("the server's text of {id} to be {text}");
    e2e::wait_for(&what, Duration::from_secs(20), || async {
        fetch_status(mock, id, "ada_token")
            .await
            .is_ok_and(|status| {
                e2e::plain_text(status["content"].as_str().unwrap_or_default()) == text
            })
    })
    .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_click_on_the_body_opens_the_thread_but_not_on_a_control() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let id = e2e::post_status(
        &mock,
        "grace_token",
        &json!({"status": "Fog on the estuary", "visibility": "public"}),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    open_local(&browser, &web, &mock).await?;
    let at = card(&id);
    browser
        .wait_for(&format!("{at} button[data-action=bookmark]"))
        .await?;
    browser
        .click(&format!("{at} button[data-action=bookmark]"))
        .await?;
    browser
        .until("bookmark to press", &pressed(&id, "bookmark", true))
        .await?;
    let hash = browser.eval("return location.hash").await?;
    assert!(
        hash.as_str().unwrap_or_default().ends_with("/public/local"),
        "a control does not open the thread: {hash}"
    );

    browser.click(&format!("{at} .content")).await?;
    let thread = format!("#/{}/s/{id}", mock.addr());
    browser
        .until(
            "the thread to open",
            &format!("return location.hash === '{thread}'"),
        )
        .await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_edit_arrives_through_the_stream_and_its_history_opens() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let id = e2e::post_status(
        &mock,
        "ada_token",
        &json!({"status": "Ferry at nine", "visibility": "public"}),
    )
    .await?;
    open_local(&browser, &web, &mock).await?;
    let at = card(&id);
    browser
        .wait_for(&format!("{at} button[data-action=share]"))
        .await?;
    let favourite = browser
        .eval(&format!(
            "return document.querySelector(\"{at} button[data-action=favourite]\") === null"
        ))
        .await?;
    assert_eq!(
        favourite, true,
        "a reader signed out has no account actions"
    );
    browser
        .until(
            "the stream to open",
            "return document.querySelector('[role=feed]').dataset.live === 'stream'",
        )
        .await?;

    // mastodon-mock sends the edit as `status_update`; Mastodon as `status.update`.
    put_as(
        &format!("{}/api/v1/statuses/{id}", mock.origin()),
        "ada_token",
        &json!({"status": "Ferry at ten"}),
    )
    .await?;
    browser
        .until(
            "the edit to replace the text",
            &format!("return document.querySelector(\"{at} .content\")?.textContent.includes('Ferry at ten')"),
        )
        .await?;

    browser.click(&format!("{at} button.edited")).await?;
    let versions = browser
        .texts(&format!("{at} ol.edit-history li .content"), 2)
        .await?;
    assert!(
        versions.iter().any(|text| text.contains("Ferry at ten")),
        "{versions:?}"
    );
    assert!(
        versions.iter().any(|text| text.contains("Ferry at nine")),
        "{versions:?}"
    );
    browser.close().await
}
