//! What a reader does to a status from its action bar, checked on the
//! server through the API: favourite, boost, bookmark, vote, delete; a
//! refused action rolls its button back; edits arrive through the stream;
//! reply, edit and redraft hand a draft to the composer.

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

/// Clicking what a view shows once it has loaded.
trait WaitClick {
    async fn wait_click(&self, css: &str) -> anyhow::Result<()>;
}

impl WaitClick for Browser {
    async fn wait_click(&self, css: &str) -> anyhow::Result<()> {
        self.wait_for(css).await?;
        self.click(css).await
    }
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

/// The draft handed to the composer, and where the client went.
async fn handoff(browser: &Browser) -> anyhow::Result<Value> {
    browser
        .until(
            "a draft to be handed to the composer",
            "return sessionStorage.getItem('samizdat.handoff') !== null && location.hash.includes('/compose')",
        )
        .await?;
    let text = browser
        .eval("return sessionStorage.getItem('samizdat.handoff')")
        .await?;
    Ok(serde_json::from_str(text.as_str().unwrap_or("null"))?)
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
        .wait_click(&format!("{at} button[data-action=quote]"))
        .await?;
    let draft = handoff(&browser).await?;
    assert_eq!(draft["quoted_status_id"], id.as_str());
    assert!(draft["in_reply_to_id"].is_null(), "a quote is not a reply");
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
async fn reply_edit_and_redraft_hand_a_draft_to_the_composer() -> anyhow::Result<()> {
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

    browser.client.goto(&thread(&theirs)).await?;
    browser
        .wait_click(&format!("{} button[data-action=reply]", card(&theirs)))
        .await?;
    let draft = handoff(&browser).await?;
    assert_eq!(draft["in_reply_to_id"], theirs.as_str());
    assert_eq!(draft["spoiler_text"], "weather");
    assert_eq!(draft["visibility"], "unlisted");
    let text = draft["text"].as_str().unwrap_or_default();
    assert!(
        text.starts_with("@grace"),
        "the author is mentioned: {text}"
    );
    assert!(!text.contains("@ada"), "the reader is not: {text}");

    browser
        .eval("sessionStorage.removeItem('samizdat.handoff')")
        .await?;
    browser.client.goto(&thread(&mine)).await?;
    browser
        .wait_click(&format!("{} button[data-action=edit]", card(&mine)))
        .await?;
    let draft = handoff(&browser).await?;
    assert_eq!(draft["editing"], mine.as_str());
    assert_eq!(
        draft["text"], "Boats in by six",
        "the source text, not HTML"
    );

    browser
        .eval("sessionStorage.removeItem('samizdat.handoff')")
        .await?;
    browser.client.goto(&thread(&mine)).await?;
    browser
        .wait_click(&format!("{} button[data-action=redraft]", card(&mine)))
        .await?;
    browser
        .wait_click(&format!("{} .confirm button.confirm-yes", card(&mine)))
        .await?;
    let draft = handoff(&browser).await?;
    assert_eq!(draft["text"], "Boats in by six");
    assert!(draft["editing"].is_null(), "a redraft is a new post");
    let gone = e2e::status_as(
        &format!("{}/api/v1/statuses/{mine}", mock.origin()),
        "ada_token",
    )
    .await?;
    assert_eq!(gone, 404);
    browser.close().await
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
