//! The reader's own moderation pages and lists: what is made or undone in
//! the client is checked on the server, through the API.

use std::time::Duration;

use e2e::{Browser, MockServer, get_json_as, post_json, sign_in_as};
use fantoccini::Locator;

const ADA: &str = "ada_token";

/// GETs `path` on the mock as ada.
async fn ada_sees(mock: &MockServer, path: &str) -> anyhow::Result<serde_json::Value> {
    get_json_as(&format!("{}{path}", mock.origin()), ADA).await
}

/// POSTs a form as ada: mastodon-mock reads domain blocks only as a form
/// (a JSON body gets 422).
async fn post_form_as_ada(mock: &MockServer, path: &str, form: &str) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let authority = mock.addr();
    let mut stream = tokio::net::TcpStream::connect(&authority).await?;
    let head = format!(
        "POST {path} HTTP/1.1\r\nHost: {authority}\r\nAuthorization: Bearer {ADA}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{form}",
        form.len()
    );
    stream.write_all(head.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    anyhow::ensure!(
        answer.starts_with("HTTP/1.1 2"),
        "{path} answered {}",
        answer.lines().next().unwrap_or_default()
    );
    Ok(())
}

async fn post_as(mock: &MockServer, token: &str, text: &str) -> anyhow::Result<String> {
    e2e::post_status(
        mock,
        token,
        &serde_json::json!({ "status": text, "visibility": "public" }),
    )
    .await
}

async fn type_into(browser: &Browser, css: &str, text: &str) -> anyhow::Result<()> {
    let input = browser
        .client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css(css))
        .await?;
    input.clear().await?;
    input.send_keys(text).await?;
    Ok(())
}

/// Waits until `check` holds on the server's side.
async fn until_server<F, Fut>(what: &str, mut check: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = anyhow::Result<bool>>,
{
    for _ in 0..100 {
        if check().await? {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("the server never showed {what}")
}

fn gone(css: &str) -> String {
    format!("return document.querySelector(\"{css}\") === null")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_filter_made_in_the_client_hides_a_matching_post() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let grisly = post_as(&mock, "grace_token", "A grisly find on the beach").await?;
    let calm = post_as(&mock, "grace_token", "Calm seas today").await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;

    // The timeline is seen, and kept, before the filter exists.
    e2e::open_route(&browser, &web, &mock, "public/local").await?;
    let grisly_card = format!("article[data-status-id='{grisly}']");
    browser.wait_for(&grisly_card).await?;

    browser.click("header nav a.moderation").await?;
    browser
        .click("nav.moderation-pages a[href$='/filters']")
        .await?;
    browser.wait_for("button.new-filter").await?;
    browser.click("button.new-filter").await?;
    type_into(&browser, "form.filter-form input[name=title]", "Gore").await?;
    browser
        .click("form.filter-form input[name=filter_action][value=hide]")
        .await?;
    type_into(
        &browser,
        "form.filter-form input[name='keywords_attributes[][keyword]']",
        "grisly",
    )
    .await?;
    browser.click("form.filter-form button.save-filter").await?;
    let titles = browser.texts("ul.filters h2.filter-title", 1).await?;
    assert_eq!(titles, ["Gore"]);

    let saved = ada_sees(&mock, "/api/v2/filters").await?;
    assert_eq!(saved[0]["title"], "Gore");
    assert_eq!(saved[0]["filter_action"], "hide");
    assert_eq!(saved[0]["context"], serde_json::json!(["home", "public"]));
    assert_eq!(saved[0]["keywords"][0]["keyword"], "grisly");
    assert_eq!(saved[0]["keywords"][0]["whole_word"], true);

    // Back to the timeline kept from before, within the page: the client
    // must load it afresh for the new filter to apply.
    browser.click("header nav a[href$='/public/local']").await?;
    browser
        .wait_for(&format!("article[data-status-id='{calm}']"))
        .await?;
    browser
        .until("the filtered post to be hidden", &gone(&grisly_card))
        .await?;

    // An edit adds a keyword through its own route (mastodon-mock, like
    // some servers, ignores `keywords_attributes` on update).
    e2e::open_route(&browser, &web, &mock, "filters").await?;
    browser.wait_for("button.edit-filter").await?;
    browser.click("button.edit-filter").await?;
    browser.click("form.filter-form button.add-keyword").await?;
    type_into(
        &browser,
        "form.filter-form .keyword-row:nth-of-type(2) input[type=text]",
        "calm",
    )
    .await?;
    browser.click("form.filter-form button.save-filter").await?;
    browser.wait_for("button.edit-filter").await?;
    let keywords = browser.texts("ul.filter-keywords li", 2).await?;
    assert_eq!(keywords, ["grisly", "calm"]);
    let saved = ada_sees(&mock, "/api/v2/filters").await?;
    assert_eq!(saved[0]["keywords"].as_array().map(Vec::len), Some(2));

    browser.click("button.delete-filter").await?;
    browser.click("button.confirm-delete").await?;
    browser
        .until("the filter to go", &gone("ul.filters li"))
        .await?;
    assert_eq!(
        ada_sees(&mock, "/api/v2/filters").await?,
        serde_json::json!([])
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_made_in_the_client_shows_its_members_posts() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let grace = e2e::account_id(&mock, "grace").await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    browser.click("header nav a[href$='/lists']").await?;
    type_into(&browser, "form.new-list input[name=title]", "Harbour crew").await?;
    browser.click("form.new-list button.save-list").await?;
    let names = browser.texts("ul.lists a", 1).await?;
    assert_eq!(names, ["Harbour crew"]);

    let lists = ada_sees(&mock, "/api/v1/lists").await?;
    assert_eq!(lists[0]["title"], "Harbour crew");
    let list = lists[0]["id"].as_str().unwrap_or_default().to_string();
    post_json(
        &format!("{}/api/v1/lists/{list}/accounts", mock.origin()),
        Some(ADA),
        &serde_json::json!({ "account_ids": [grace] }),
    )
    .await?;
    let meeting = post_as(&mock, "grace_token", "Crew meeting at dawn").await?;

    browser
        .click(&format!("ul.lists a[data-list-id='{list}']"))
        .await?;
    browser
        .wait_for(&format!("[role=feed] article[data-status-id='{meeting}']"))
        .await?;

    // Renamed, then its member removed, from the lists page.
    browser.click("header nav a[href$='/lists']").await?;
    browser.wait_for("button.edit-list").await?;
    browser.click("button.edit-list").await?;
    type_into(
        &browser,
        "ul.lists form.list-form input[name=title]",
        "Dock crew",
    )
    .await?;
    browser
        .click("ul.lists form.list-form button.save-list")
        .await?;
    browser
        .until(
            "the new name",
            "return document.querySelector('ul.lists a')?.textContent === 'Dock crew'",
        )
        .await?;
    assert_eq!(
        ada_sees(&mock, &format!("/api/v1/lists/{list}")).await?["title"],
        "Dock crew"
    );
    browser.click("button.list-members").await?;
    browser
        .wait_for(&format!("ul.members li[data-account-id='{grace}']"))
        .await?;
    browser.click("ul.members button.remove-member").await?;
    until_server("the member removed", || async {
        let members = ada_sees(&mock, &format!("/api/v1/lists/{list}/accounts")).await?;
        Ok(members == serde_json::json!([]))
    })
    .await?;
    browser
        .until("the member to go", &gone("ul.members li"))
        .await?;

    browser.click("button.delete-list").await?;
    browser.click("button.confirm-delete").await?;
    browser.wait_for("p.empty").await?;
    assert_eq!(
        ada_sees(&mock, "/api/v1/lists").await?,
        serde_json::json!([])
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mutes_blocks_and_domain_blocks_are_undone_from_their_pages() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let (grace, alan) = (
        e2e::account_id(&mock, "grace").await?,
        e2e::account_id(&mock, "alan").await?,
    );
    let accounts = format!("{}/api/v1/accounts", mock.origin());
    post_json(
        &format!("{accounts}/{grace}/mute"),
        Some(ADA),
        &serde_json::json!({ "duration": 7200 }),
    )
    .await?;
    post_json(
        &format!("{accounts}/{alan}/block"),
        Some(ADA),
        &serde_json::json!({}),
    )
    .await?;
    post_form_as_ada(&mock, "/api/v1/domain_blocks", "domain=spam.example").await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;

    // mastodon-mock's `/api/v1/mutes` leaves `mute_expires_at` out (Mastodon
    // sends it); the client then reads `muting_expires_at` from the
    // relationships, which the mock does send.
    e2e::open_route(&browser, &web, &mock, "mutes").await?;
    let muted = format!("ul.muted-accounts li[data-account-id='{grace}']");
    // The end comes with the relationships' answer, after the list shows.
    browser
        .until(
            "a timed mute to say when it ends",
            &format!(
                "return document.querySelector(\"{muted} .mute-ends\")?.textContent.startsWith('ends in') === true"
            ),
        )
        .await?;
    browser.click(&format!("{muted} button.unmute")).await?;
    browser.until("the mute to go", &gone(&muted)).await?;
    assert_eq!(
        ada_sees(&mock, "/api/v1/mutes").await?,
        serde_json::json!([])
    );

    browser
        .click("nav.moderation-pages a[href$='/blocks']")
        .await?;
    let blocked = format!("ul.blocked-accounts li[data-account-id='{alan}']");
    browser.wait_for(&blocked).await?;
    // A refused unblock leaves the block listed, and says why.
    let refused = serde_json::json!({
        "match": { "methods": ["POST"], "path": format!("/api/v1/accounts/{alan}/unblock") },
        "effect": { "type": "status", "status": 500 },
        "count": 1,
    });
    e2e::inject_fault(&mock, refused).await?;
    browser.click(&format!("{blocked} button.unblock")).await?;
    browser
        .until(
            "the failure to be told",
            "return document.querySelector('section.moderation p.problem')?.textContent.includes('500') === true",
        )
        .await?;
    browser
        .wait_for(&format!("{blocked} button.unblock:enabled"))
        .await?;
    assert_eq!(
        ada_sees(&mock, "/api/v1/blocks").await?[0]["id"],
        alan.as_str()
    );
    browser.click(&format!("{blocked} button.unblock")).await?;
    browser.until("the block to go", &gone(&blocked)).await?;
    assert_eq!(
        ada_sees(&mock, "/api/v1/blocks").await?,
        serde_json::json!([])
    );

    browser
        .click("nav.moderation-pages a[href$='/domain-blocks']")
        .await?;
    let spam = "ul.blocked-domains li[data-domain='spam.example']";
    browser.wait_for(spam).await?;
    browser
        .click(&format!("{spam} button.unblock-domain"))
        .await?;
    browser.until("the domain block to go", &gone(spam)).await?;
    assert_eq!(
        ada_sees(&mock, "/api/v1/domain_blocks").await?,
        serde_json::json!([])
    );
    // A domain typed as an address is blocked by its host alone.
    type_into(
        &browser,
        "form.block-domain input[name=domain]",
        "https://Other.example/about",
    )
    .await?;
    browser
        .click("form.block-domain button[type=submit]")
        .await?;
    browser
        .wait_for("ul.blocked-domains li[data-domain='other.example']")
        .await?;
    assert_eq!(
        ada_sees(&mock, "/api/v1/domain_blocks").await?,
        serde_json::json!(["other.example"])
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn followed_hashtags_are_listed_and_unfollowed() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    post_json(
        &format!("{}/api/v1/tags/harbour/follow", mock.origin()),
        Some(ADA),
        &serde_json::json!({}),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    e2e::open_route(&browser, &web, &mock, "followed-tags").await?;
    let harbour = "ul.followed-tags li[data-tag='harbour']";
    let shown = browser.texts(&format!("{harbour} a"), 1).await?;
    assert_eq!(shown, ["#harbour"]);
    browser
        .click(&format!("{harbour} button.unfollow-tag"))
        .await?;
    browser.until("the hashtag to go", &gone(harbour)).await?;
    assert_eq!(
        ada_sees(&mock, "/api/v1/followed_tags").await?,
        serde_json::json!([])
    );

    // And followed again from its timeline.
    e2e::open_route(&browser, &web, &mock, "tags/ferries").await?;
    browser
        .wait_for("button.follow-tag[aria-pressed=false]")
        .await?;
    browser.click("button.follow-tag").await?;
    browser
        .wait_for("button.follow-tag[aria-pressed=true]")
        .await?;
    until_server("the hashtag followed", || async {
        let tags = ada_sees(&mock, "/api/v1/followed_tags").await?;
        Ok(tags[0]["name"] == "ferries")
    })
    .await?;
    browser.close().await
}
