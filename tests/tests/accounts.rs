//! Signing in through the server's own OAuth page, two accounts at once,
//! switching between them, and signing out, which revokes the token.

use e2e::{Browser, get_json_as, sign_in_as, status_as};
use fantoccini::Locator;

async fn stored_tokens(browser: &Browser) -> anyhow::Result<Vec<(String, String)>> {
    let value = browser.eval("return JSON.parse(localStorage.getItem('samizdat.accounts') || '[]').map(a => [a.username, a.token])").await?;
    Ok(serde_json::from_value(value)?)
}

async fn home_ids(browser: &Browser) -> anyhow::Result<Vec<String>> {
    browser
        .texts("[role=feed] article[data-status-id]", 1)
        .await?;
    Ok(serde_json::from_value(browser.eval("return [...document.querySelectorAll('[role=feed] article[data-status-id]')].map(a => a.dataset.statusId)").await?)?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sign_in_two_accounts_switch_and_sign_out() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;

    sign_in_as(&browser, &web, &mock, "ada").await?;
    let search = browser.eval("return location.search").await?;
    assert_eq!(search, "", "the code and state leave the address bar");
    let tokens = stored_tokens(&browser).await?;
    assert_eq!(tokens.len(), 1);
    let (name, ada_token) = tokens[0].clone();
    assert_eq!(name, "ada");
    let home = get_json_as(
        &format!("{}/api/v1/timelines/home", mock.origin()),
        &ada_token,
    )
    .await?;
    let expected: Vec<String> = home
        .as_array()
        .unwrap()
        .iter()
        .map(|status| status["id"].as_str().unwrap().to_string())
        .collect();
    assert!(!expected.is_empty(), "ada's home timeline has posts");
    let shown = home_ids(&browser).await?;
    assert_eq!(
        shown[..expected.len().min(shown.len())],
        expected[..expected.len().min(shown.len())],
        "the home timeline is ada's"
    );

    sign_in_as(&browser, &web, &mock, "grace").await?;
    let accounts = browser.texts("li.account .switch", 2).await?;
    assert_eq!(accounts.len(), 2, "{accounts:?}");
    let active = browser.texts("li.account.active .switch", 1).await?;
    assert!(active[0].starts_with("@grace@"), "{active:?}");

    // One click switches back to ada.
    let ada_key = format!("ada@{}", mock.addr());
    browser
        .client
        .find(Locator::Css(&format!(
            "li.account[data-account='{ada_key}'] .switch"
        )))
        .await?
        .click()
        .await?;
    let active = browser.texts("li.account.active .switch", 1).await?;
    assert!(active[0].starts_with("@ada@"), "{active:?}");

    // Signing out revokes the token on the server.
    assert_eq!(
        status_as(
            &format!("{}/api/v1/accounts/verify_credentials", mock.origin()),
            &ada_token
        )
        .await?,
        200
    );
    browser
        .client
        .find(Locator::Css(&format!(
            "li.account[data-account='{ada_key}'] .sign-out"
        )))
        .await?
        .click()
        .await?;
    browser.texts(".notice-bar", 1).await?;
    assert_eq!(
        status_as(
            &format!("{}/api/v1/accounts/verify_credentials", mock.origin()),
            &ada_token
        )
        .await?,
        401
    );
    let left = stored_tokens(&browser).await?;
    assert_eq!(
        left.iter()
            .map(|(name, _)| name.as_str())
            .collect::<Vec<_>>(),
        ["grace"]
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_ended_session_keeps_the_account_and_offers_to_sign_in_again() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    home_ids(&browser).await?;

    // The server now refuses the token, as after a password change.
    let rule = serde_json::json!({
        "match": { "path": "/api/v1/timelines/home" },
        "effect": { "type": "status", "status": 401, "headers": { "Access-Control-Allow-Origin": "*" } },
    });
    e2e::post_json(
        &format!("{}/api/v1/_mock/faults", mock.origin()),
        None,
        &rule,
    )
    .await?;
    browser.client.refresh().await?;
    let alert = browser.texts("[role=alert] p", 1).await?;
    assert!(alert[0].contains("sign in again"), "{alert:?}");
    assert_eq!(
        stored_tokens(&browser).await?.len(),
        1,
        "the account is kept"
    );
    browser
        .client
        .find(Locator::Css("[role=alert] button.sign-in"))
        .await?
        .click()
        .await?;
    browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Css("button[name=username][value=ada]"))
        .await?;
    browser.close().await
}

/// The `client_id` in the address of the server's authorization page, once
/// the page asks who signs in.
async fn client_id_on_authorize_page(browser: &Browser) -> anyhow::Result<String> {
    browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Css("button[name=username][value=ada]"))
        .await?;
    let url = browser.client.current_url().await?;
    url.query_pairs()
        .find(|(key, _)| key == "client_id")
        .map(|(_, value)| value.into_owned())
        .ok_or_else(|| anyhow::anyhow!("no client_id in {url}"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_server_that_lost_the_registration_gets_a_new_one() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    // The token exchange fails once as when the server no longer knows the
    // client, say after its database was restored.
    let rule = serde_json::json!({
        "match": { "path": "/oauth/token", "methods": ["POST"] },
        "effect": {
            "type": "status", "status": 401,
            "body": { "error": "invalid_client", "error_description": "Client authentication failed" },
            "headers": { "Access-Control-Allow-Origin": "*" },
        },
        "count": 1,
    });
    e2e::post_json(
        &format!("{}/api/v1/_mock/faults", mock.origin()),
        None,
        &rule,
    )
    .await?;
    browser.client.goto(&web.url("/app/#/")).await?;
    let input = browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_element(Locator::Css("#server"))
        .await?;
    input.send_keys(&mock.addr()).await?;
    browser
        .client
        .find(Locator::Css("button.sign-in"))
        .await?
        .click()
        .await?;
    let first = client_id_on_authorize_page(&browser).await?;
    let choose = "button[name=username][value=ada]";
    browser
        .client
        .find(Locator::Css(choose))
        .await?
        .click()
        .await?;

    // Back on the server's page, under a new registration.
    let second = client_id_on_authorize_page(&browser).await?;
    assert_ne!(first, second, "the client registered again");
    browser
        .client
        .find(Locator::Css(choose))
        .await?
        .click()
        .await?;
    let home = url::Url::parse(&web.url(&format!("/app/#/{}/home", mock.addr())))?;
    browser
        .client
        .wait()
        .at_most(std::time::Duration::from_secs(20))
        .for_url(&home)
        .await?;
    let signed_in = stored_tokens(&browser).await?;
    assert_eq!(signed_in.len(), 1);
    assert_eq!(signed_in[0].0, "ada");
    browser.close().await
}
