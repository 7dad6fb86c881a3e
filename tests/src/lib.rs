//! The end-to-end harness. Each test starts what it needs on loopback:
//! a mastodon-mock server, a static server for the client and the site,
//! and headless Chromium through chromedriver. Everything stops on drop.

pub mod browser;
pub mod comments_site;
pub mod csp_watch;
pub mod host_headers;
pub mod hostile_data;
pub mod hostile_server;
pub mod http;
pub mod lifeboat;
pub mod mock_server;
pub mod offline;
pub mod outage;
pub mod s3_server;
pub mod signed_client;
pub mod static_server;

use std::net::TcpListener;
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use browser::Browser;
pub use mock_server::MockServer;
pub use static_server::StaticServer;

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ sits in the repository")
        .to_path_buf()
}

/// A port that was free a moment ago on 127.0.0.1.
pub fn free_port() -> u16 {
    TcpListener::bind(("127.0.0.1", 0))
        .and_then(|listener| listener.local_addr())
        .map(|addr| addr.port())
        .expect("a free loopback port")
}

/// Waits until `ready` holds, or fails with `what` after `timeout`.
pub async fn wait_for<F, Fut>(what: &str, timeout: Duration, mut ready: F) -> anyhow::Result<()>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = bool>,
{
    let start = Instant::now();
    while start.elapsed() < timeout {
        if ready().await {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    anyhow::bail!("timed out after {timeout:?} waiting for {what}")
}

/// Whether something answers HTTP at `url` with a success status.
pub async fn http_ok(url: &str) -> bool {
    let Some(rest) = url.strip_prefix("http://") else {
        return false;
    };
    let (authority, path) = rest
        .split_once('/')
        .map_or((rest, "/".to_string()), |(a, p)| (a, format!("/{p}")));
    let Ok(mut stream) = tokio::net::TcpStream::connect(authority).await else {
        return false;
    };
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let request = format!("GET {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\n\r\n");
    if stream.write_all(request.as_bytes()).await.is_err() {
        return false;
    }
    let mut head = [0u8; 12];
    stream.read_exact(&mut head).await.is_ok() && head.starts_with(b"HTTP/1.") && head[9] == b'2'
}

/// GETs `url` over plain HTTP and parses the body as JSON.
pub async fn get_json(url: &str) -> anyhow::Result<serde_json::Value> {
    request_json("GET", url, None, None).await
}

/// GETs `url` with a bearer token and parses the body as JSON.
pub async fn get_json_as(url: &str, token: &str) -> anyhow::Result<serde_json::Value> {
    request_json("GET", url, Some(token), None).await
}

/// The HTTP status of a GET of `url` with a bearer token.
pub async fn status_as(url: &str, token: &str) -> anyhow::Result<u16> {
    Ok(http::send_any("GET", url, Some(token), http::Body::Empty)
        .await?
        .status)
}

/// POSTs a JSON body to `url`, with a bearer token when given.
pub async fn post_json(
    url: &str,
    token: Option<&str>,
    body: &serde_json::Value,
) -> anyhow::Result<serde_json::Value> {
    request_json("POST", url, token, Some(body)).await
}

/// Posts a status as `token`'s account through the API, as another
/// client would; its id.
pub async fn post_status(
    mock: &MockServer,
    token: &str,
    body: &serde_json::Value,
) -> anyhow::Result<String> {
    let posted = post_json(
        &format!("{}/api/v1/statuses", mock.origin()),
        Some(token),
        body,
    )
    .await?;
    posted["id"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("no id in {posted}"))
}

/// The id of the account `acct` on the mock, as ada looks it up.
pub async fn account_id(mock: &MockServer, acct: &str) -> anyhow::Result<String> {
    let url = format!("{}/api/v1/accounts/lookup?acct={acct}", mock.origin());
    let account = get_json_as(&url, "ada_token").await?;
    account["id"]
        .as_str()
        .map(str::to_string)
        .ok_or_else(|| anyhow::anyhow!("no account {acct}: {account}"))
}

/// Opens the client at `#/{server}/{route}`.
pub async fn open_route(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    route: &str,
) -> anyhow::Result<()> {
    let url = web.url(&format!("/app/#/{}/{route}", mock.addr()));
    browser.client.goto(&url).await?;
    Ok(())
}

/// DELETEs `url` with a bearer token, returning the JSON answer.
pub async fn delete_as(url: &str, token: &str) -> anyhow::Result<serde_json::Value> {
    request_json("DELETE", url, Some(token), None).await
}

async fn request_json(
    method: &str,
    url: &str,
    token: Option<&str>,
    body: Option<&serde_json::Value>,
) -> anyhow::Result<serde_json::Value> {
    let body = body.map_or(http::Body::Empty, http::Body::Json);
    http::send(method, url, token, body).await?.json()
}

/// The visible text of status HTML, for comparing with what the page shows.
pub fn plain_text(html: &str) -> String {
    let mut text = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
}

/// Starts signing in to `mock` from the client served by `web`, and waits
/// for the server's own authorization page, not ours, to ask who is
/// signing in: `username` is the one to be chosen there.
pub async fn start_sign_in(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    username: &str,
) -> anyhow::Result<()> {
    start_sign_in_at(browser, web, &mock.addr(), username).await
}

/// [`start_sign_in`] for the server at `addr`, such as a relay in front
/// of a mock.
pub async fn start_sign_in_at(
    browser: &Browser,
    web: &StaticServer,
    addr: &str,
    username: &str,
) -> anyhow::Result<()> {
    use fantoccini::Locator;
    let wait = Duration::from_secs(20);
    browser.client.goto(&web.url("/app/#/")).await?;
    let input = browser
        .client
        .wait()
        .at_most(wait)
        .for_element(Locator::Css("#server"))
        .await?;
    input.clear().await?;
    input.send_keys(addr).await?;
    browser.click("button.sign-in").await?;
    browser.wait_for(&authorize_choice(username)).await
}

/// The button on the server's authorization page that picks `username`.
pub fn authorize_choice(username: &str) -> String {
    format!("button[name=username][value={username}]")
}

/// Waits for the client's home timeline on `mock`, where a sign-in ends.
pub async fn wait_for_home(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
) -> anyhow::Result<()> {
    wait_for_home_at(browser, web, &mock.addr()).await
}

/// [`wait_for_home`] on the server at `addr`.
pub async fn wait_for_home_at(
    browser: &Browser,
    web: &StaticServer,
    addr: &str,
) -> anyhow::Result<()> {
    let home = url::Url::parse(&web.url(&format!("/app/#/{addr}/home")))?;
    browser
        .client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_url(&home)
        .await?;
    Ok(())
}

/// Signs `username` in to `mock` through the client served by `web`,
/// through the server's own authorization page, as a reader would.
pub async fn sign_in_as(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    username: &str,
) -> anyhow::Result<()> {
    start_sign_in(browser, web, mock, username).await?;
    browser.click(&authorize_choice(username)).await?;
    wait_for_home(browser, web, mock).await
}

/// Adds a rule to mastodon-mock's fault injection. The answers it forces
/// carry the CORS header the server's own answers have, or the browser
/// would hide them from the client.
pub async fn inject_fault(mock: &MockServer, mut rule: serde_json::Value) -> anyhow::Result<()> {
    if let Some(effect) = rule
        .get_mut("effect")
        .and_then(|effect| effect.as_object_mut())
    {
        let headers = effect
            .entry("headers")
            .or_insert_with(|| serde_json::json!({}));
        headers["Access-Control-Allow-Origin"] = serde_json::json!("*");
    }
    post_json(
        &format!("{}/api/v1/_mock/faults", mock.origin()),
        None,
        &rule,
    )
    .await?;
    Ok(())
}

/// Makes `mock` answer the next GET of `path` with `body`, as a server of
/// another dialect, or a broken one, would.
pub async fn answer_once(
    mock: &MockServer,
    path: &str,
    body: serde_json::Value,
) -> anyhow::Result<()> {
    let rule = serde_json::json!({
        "match": { "path": path, "methods": ["GET"] },
        "effect": { "type": "status", "status": 200, "body": body },
        "count": 1,
    });
    inject_fault(mock, rule).await
}

/// Presses and releases `key` on whatever has the focus.
pub async fn press(browser: &Browser, key: char) -> anyhow::Result<()> {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    browser.client.perform_actions(actions).await?;
    Ok(())
}

/// The client from `dist/`, served under `/app`, with a fresh mastodon-mock
/// and a headless Chromium: what most end-to-end tests start with.
pub async fn client_with_mock() -> anyhow::Result<(MockServer, StaticServer, Browser)> {
    let dist = repo_root().join("dist");
    anyhow::ensure!(
        dist.join("index.html").is_file(),
        "dist/index.html is missing: build the client with scripts/build-client first"
    );
    let mock = MockServer::start().await?;
    let empty = tempfile::tempdir()?;
    let web = StaticServer::start(empty.keep(), &[("/app", dist)]).await?;
    Ok((mock, web, Browser::start().await?))
}
