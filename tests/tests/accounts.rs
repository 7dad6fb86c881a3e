//! Signing in through the server's own OAuth page, two accounts at once,
//! switching between them, and signing out, which revokes the token.

use e2e::{
    Browser, authorize_choice, get_json_as, sign_in_as, start_sign_in, status_as, wait_for_home,
};
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
    assert_eq!(
        accounts,
        [
            format!("@ada@{}", mock.addr()),
            format!("@grace@{}", mock.addr())
        ],
        "both accounts, in the order they signed in"
    );
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
        "effect": { "type": "status", "status": 401 },
    });
    e2e::inject_fault(&mock, rule).await?;
    browser.client.refresh().await?;
    let alert = browser.texts("[role=alert] p", 1).await?;
    assert!(alert[0].contains("sign in again"), "{alert:?}");
    assert_eq!(
        stored_tokens(&browser).await?.len(),
        1,
        "the account is kept"
    );
    browser.click("[role=alert] button.sign-in").await?;
    browser.wait_for(&authorize_choice("ada")).await?;
    browser.close().await
}

/// The `client_id` in the address of the page the browser is on.
async fn client_id_of_page(browser: &Browser) -> anyhow::Result<String> {
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
        },
        "count": 1,
    });
    e2e::inject_fault(&mock, rule).await?;
    start_sign_in(&browser, &web, &mock, "ada").await?;
    let first = client_id_of_page(&browser).await?;
    browser.click(&authorize_choice("ada")).await?;

    // Back on the server's page, under a new registration. The old page
    // lingers a moment after the click, so wait for the new one by its
    // address rather than by its button.
    browser
        .until(
            "the server's page again, under another client_id",
            &format!(
                "const id = new URL(location.href).searchParams.get('client_id'); \
                 return id !== null && id !== '{first}' && document.querySelector(\"{}\") !== null",
                authorize_choice("ada")
            ),
        )
        .await?;
    let second = client_id_of_page(&browser).await?;
    assert_ne!(first, second, "the client registered again");
    browser.click(&authorize_choice("ada")).await?;
    wait_for_home(&browser, &web, &mock).await?;
    let signed_in = stored_tokens(&browser).await?;
    assert_eq!(signed_in.len(), 1);
    assert_eq!(signed_in[0].0, "ada");
    browser.close().await
}
