//! One page load in a fresh browser, timed from inside the page.

use std::time::{Duration, Instant};

use e2e::{Browser, MockServer, StaticServer};
use url::Url;

/// Notes when the first post enters the page. `performance.now()` counts
/// from the navigation's start, so the figure is the time the reader
/// waited, with none of chromedriver's round trips in it.
const WATCH_FIRST_POST: &str = r#"
(() => {
  const observer = new MutationObserver(() => {
    if (document.querySelector('article[data-status-id]')) {
      window.__firstPostAt = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
})();
"#;

/// Every resource the page has fetched, with when it started; entries
/// appear only once a response has ended.
const RESOURCES: &str = "return [location.origin + location.pathname, \
     performance.getEntriesByType('resource').map(entry => [entry.name, entry.startTime])]";

/// What one load of the local timeline took and fetched.
pub struct PageLoad {
    pub first_post_ms: f64,
    /// Client files fetched before the first post showed, the page first.
    pub client_files: Vec<String>,
    /// Paths asked of the server in the whole load, in order, each with
    /// whether it was asked before the first post showed.
    pub server_paths: Vec<(String, bool)>,
}

/// A fresh browser with its cache off and the CPU slowed `cpu_slowdown`
/// times, as a first visit on a slower device would be.
pub async fn fresh_browser(cpu_slowdown: f64) -> anyhow::Result<Browser> {
    let browser = Browser::start().await?;
    browser.cdp("Network.enable", serde_json::json!({})).await?;
    browser
        .cdp(
            "Network.setCacheDisabled",
            serde_json::json!({ "cacheDisabled": true }),
        )
        .await?;
    if cpu_slowdown > 1.0 {
        browser
            .cdp(
                "Emulation.setCPUThrottlingRate",
                serde_json::json!({ "rate": cpu_slowdown }),
            )
            .await?;
    }
    Ok(browser)
}

/// Opens the mock's local timeline in a fresh browser and times its first post.
pub async fn local_timeline(
    web: &StaticServer,
    mock: &MockServer,
    cpu_slowdown: f64,
) -> anyhow::Result<PageLoad> {
    let browser = fresh_browser(cpu_slowdown).await?;
    browser
        .cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            serde_json::json!({ "source": WATCH_FIRST_POST }),
        )
        .await?;
    e2e::open_route(&browser, web, mock, "public/local").await?;
    browser
        .until(
            "the first post",
            "return typeof window.__firstPostAt === 'number'",
        )
        .await?;
    let first_post_ms = browser
        .eval("return window.__firstPostAt")
        .await?
        .as_f64()
        .ok_or_else(|| anyhow::anyhow!("the page kept no time for its first post"))?;
    // Requests that started before the first post may end after it.
    let (page, resources) = settled_resources(&browser).await?;
    browser.close().await?;
    let mut client_files = vec![client_file(web, &page)?.unwrap_or_default()];
    let mut server_paths = Vec::new();
    for (name, start) in &resources {
        let before = *start <= first_post_ms;
        if let Some(file) = client_file(web, name)? {
            if before {
                client_files.push(file);
            }
        } else if let Some(path) = server_path(mock, name)? {
            server_paths.push((path, before));
        }
    }
    Ok(PageLoad {
        first_post_ms,
        client_files,
        server_paths,
    })
}

/// Signs ada in, opens the composer, a moderation page and the
/// notifications, and lists the client files the signed-in page fetched.
pub async fn signed_in_tour(web: &StaticServer, mock: &MockServer) -> anyhow::Result<Vec<String>> {
    let browser = fresh_browser(1.0).await?;
    e2e::sign_in_as(&browser, web, mock, "ada").await?;
    let stops = [
        ("compose", "form.compose textarea[name=status]"),
        ("mutes", "ul.muted-accounts"),
        ("notifications", "[role=feed].notifications"),
    ];
    for (route, ready) in stops {
        let go = format!("location.hash = '#/{}/{route}'; return true", mock.addr());
        browser.eval(&go).await?;
        browser.wait_for(ready).await?;
    }
    let (page, resources) = settled_resources(&browser).await?;
    browser.close().await?;
    let mut files = vec![client_file(web, &page)?.unwrap_or_default()];
    for (name, _) in &resources {
        files.extend(client_file(web, name)?);
    }
    Ok(files)
}

/// The page's address and its resources, once none has been added for a
/// second (or after ten seconds, for a page that never goes quiet).
async fn settled_resources(browser: &Browser) -> anyhow::Result<(String, Vec<(String, f64)>)> {
    let deadline = Instant::now() + Duration::from_secs(10);
    let mut last = browser.eval(RESOURCES).await?;
    loop {
        tokio::time::sleep(Duration::from_secs(1)).await;
        let now = browser.eval(RESOURCES).await?;
        let quiet = now == last;
        last = now;
        if quiet || Instant::now() > deadline {
            break;
        }
    }
    let page = last[0].as_str().unwrap_or_default().to_string();
    let resources = last[1]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|entry| Some((entry[0].as_str()?.to_string(), entry[1].as_f64()?)))
        .collect();
    Ok((page, resources))
}

/// The file of `dist/` that `url` names, when it is the client's.
fn client_file(web: &StaticServer, url: &str) -> anyhow::Result<Option<String>> {
    let url = Url::parse(url)?;
    if url.origin().ascii_serialization() != web.url("") {
        return Ok(None);
    }
    Ok(url.path().strip_prefix("/app/").map(|file| {
        if file.is_empty() {
            "index.html".to_string()
        } else {
            file.to_string()
        }
    }))
}

/// The path `url` asks of the server, when it is the server's.
fn server_path(mock: &MockServer, url: &str) -> anyhow::Result<Option<String>> {
    let url = Url::parse(url)?;
    Ok((url.origin().ascii_serialization() == mock.origin()).then(|| url.path().to_string()))
}
