//! Headless Chromium, driven through chromedriver.

use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use tokio::process::{Child, Command};

use crate::{free_port, http_ok, wait_for};

pub struct Browser {
    pub client: Client,
    _driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> anyhow::Result<Self> {
        let driver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|error| {
                anyhow::anyhow!("cannot start {driver_path}: {error}; run scripts/setup first")
            })?;
        let status = format!("http://127.0.0.1:{port}/status");
        wait_for("chromedriver to answer", Duration::from_secs(20), || {
            http_ok(&status)
        })
        .await?;
        let profile = tempfile::tempdir()?;
        let args = [
            "--headless=new".to_string(),
            "--no-sandbox".into(),
            "--disable-gpu".into(),
            "--disable-dev-shm-usage".into(),
            "--disable-background-networking".into(),
            "--disable-component-update".into(),
            "--disable-sync".into(),
            "--disable-quic".into(),
            "--no-first-run".into(),
            "--window-size=1280,900".into(),
            format!("--user-data-dir={}", profile.path().display()),
        ];
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".into(),
            serde_json::json!({ "args": args, "binary": std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into()) }),
        );
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await?;
        Ok(Self {
            client,
            _driver: driver,
            _profile: profile,
        })
    }

    /// The texts of every element matching `css`, once at least `min` exist.
    pub async fn texts(&self, css: &str, min: usize) -> anyhow::Result<Vec<String>> {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            let elements = self
                .client
                .find_all(Locator::Css(css))
                .await
                .unwrap_or_default();
            if elements.len() >= min {
                let mut texts = Vec::new();
                for element in elements {
                    texts.push(element.text().await?);
                }
                return Ok(texts);
            }
            if std::time::Instant::now() > deadline {
                let body = self.client.source().await.unwrap_or_default();
                anyhow::bail!(
                    "found {} of the {min} element(s) matching `{css}` wanted; the page was:\n{}",
                    elements.len(),
                    body.chars().take(4000).collect::<String>()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Waits until `script` returns true in the page, failing after 20 s
    /// with `what` and the page's source.
    pub async fn until(&self, what: &str, script: &str) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + Duration::from_secs(20);
        loop {
            if self.eval(script).await? == serde_json::Value::Bool(true) {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                let body = self.client.source().await.unwrap_or_default();
                anyhow::bail!(
                    "waited 20 s for {what}; the page was:\n{}",
                    body.chars().take(4000).collect::<String>()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first element matching `css`.
    pub async fn click(&self, css: &str) -> anyhow::Result<()> {
        self.client.find(Locator::Css(css)).await?.click().await?;
        Ok(())
    }

    /// Waits up to 20 s for an element matching `css`.
    pub async fn wait_for(&self, css: &str) -> anyhow::Result<()> {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await?;
        Ok(())
    }

    /// The ID of the first post in the page's feed.
    pub async fn first_post_id(&self) -> anyhow::Result<serde_json::Value> {
        self.eval("return document.querySelector('[role=feed] article[data-status-id]')?.dataset.statusId")
            .await
    }

    /// Runs `script` in the page and returns its result.
    pub async fn eval(&self, script: &str) -> anyhow::Result<serde_json::Value> {
        Ok(self.client.execute(script, Vec::new()).await?)
    }

    pub async fn close(self) -> anyhow::Result<()> {
        self.client.close().await?;
        Ok(())
    }
}
