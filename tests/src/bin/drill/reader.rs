//! The reader's part of the drill, in headless Chromium: the installed
//! client reads a timeline from the first host, keeps running when that
//! host goes dark, and moves to the second mirror with its route.

use anyhow::Context;
use e2e::signed_client::wait_for_release;
use e2e::{Browser, MockServer};

const POSTS: &str = "[role=feed] article[data-status-id]";

pub struct Reader {
    pub browser: Browser,
    mock: MockServer,
}

impl Reader {
    /// The route the reader is on: the mock's local timeline.
    fn route(&self) -> String {
        format!("#/{}/public/local", self.mock.addr())
    }

    async fn posts(&self) -> anyhow::Result<usize> {
        Ok(self.browser.texts(POSTS, 1).await?.len())
    }
}

/// Opens the client at `scope` (the first host's copy), reads the local
/// timeline of a Mastodon-compatible server, and waits until the service
/// worker has verified and kept release `serial`.
pub async fn open_and_read(scope: &str, serial: u64) -> anyhow::Result<(Reader, String)> {
    let reader = Reader {
        browser: Browser::start().await?,
        mock: MockServer::start().await?,
    };
    let url = format!("{scope}index.html{}", reader.route());
    reader.browser.client.goto(&url).await?;
    let posts = reader.posts().await?;
    wait_for_release(&reader.browser, scope, "current", serial).await?;
    let seen = format!("{posts} posts at {url}; the worker verified and kept serial {serial}");
    Ok((reader, seen))
}

/// With the first host dark: the client opens again from what its worker
/// kept, offers `mirror` (checked by the worker), and moving there keeps
/// the route.
pub async fn move_to_mirror(reader: &Reader, mirror: &str) -> anyhow::Result<((), String)> {
    let browser = &reader.browser;
    browser.client.refresh().await?;
    browser
        .wait_for("header.top .brand")
        .await
        .context("the client did not open again from its worker")?;
    let offered = format!("[data-mirror-offer] a[data-mirror=\"{mirror}\"]");
    if let Err(error) = browser.wait_for(&offered).await {
        let news = browser
            .eval("return window.samizdatWorkerNews ?? null")
            .await?;
        anyhow::bail!("{mirror} was not offered ({error}); the worker's news: {news}");
    }
    browser.click(&offered).await?;
    let arrived = format!(
        "return location.href === {}",
        serde_json::json!(format!("{mirror}{}", reader.route()))
    );
    browser
        .until("the second mirror to open on the same route", &arrived)
        .await?;
    let posts = reader.posts().await?;
    let at = browser.eval("return location.href").await?;
    Ok(((), format!("offered {mirror}; {posts} posts at {at}")))
}

/// The second mirror's worker verified and kept release `serial`.
pub async fn mirror_verified(
    reader: &Reader,
    mirror: &str,
    serial: u64,
) -> anyhow::Result<((), String)> {
    wait_for_release(&reader.browser, mirror, "current", serial).await?;
    Ok(((), format!("{mirror} verified, serial {serial}")))
}

/// After a file was tampered with on the second mirror, the page there
/// still runs the verified copy its worker kept.
pub async fn still_runs_verified(reader: &Reader, mirror: &str) -> anyhow::Result<((), String)> {
    let browser = &reader.browser;
    browser.client.refresh().await?;
    browser.wait_for("header.top .brand").await?;
    let posts = reader.posts().await?;
    let served = browser
        .eval("return navigator.serviceWorker.controller?.scriptURL ?? null")
        .await?;
    anyhow::ensure!(
        served.as_str() == Some(&format!("{mirror}sw.js")),
        "the page at {mirror} is not served by its worker: {served}"
    );
    Ok((
        (),
        format!("{posts} posts, served by the worker's verified copy"),
    ))
}
