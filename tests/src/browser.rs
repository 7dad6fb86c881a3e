//! Headless Chromium, driven through chromedriver.

use std::process::Stdio;
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use tokio::process::{Child, Command};

use crate::csp_watch::{self, Entry, Violation};
use crate::{free_port, http_ok, wait_for};

pub struct Browser {
    pub client: Client,
    /// chromedriver's own address, for what WebDriver has no command for.
    driver_url: String,
    /// Violations of a page's Content-Security-Policy read from the log
    /// and not yet taken by the test.
    violations: std::sync::Mutex<Vec<Violation>>,
    _driver: Child,
    _profile: tempfile::TempDir,
}

impl Browser {
    pub async fn start() -> anyhow::Result<Self> {
        let driver_path =
            std::env::var("CHROMEDRIVER").unwrap_or_else(|_| "/usr/bin/chromedriver".into());
        let port = free_port();
        // Chromium keeps scratch folders under TMPDIR and removes them only
        // on a clean exit; inside the profile they go when the test ends.
        let profile = tempfile::tempdir()?;
        let scratch = profile.path().join("tmp");
        std::fs::create_dir_all(&scratch)?;
        let driver = Command::new(&driver_path)
            .arg(format!("--port={port}"))
            .env("TMPDIR", &scratch)
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
        // Kept so that a test can read what the page wrote to its console.
        capabilities.insert(
            "goog:loggingPrefs".into(),
            serde_json::json!({ "browser": "ALL" }),
        );
        let driver_url = format!("http://127.0.0.1:{port}");
        let client = ClientBuilder::new(HttpConnector::new())
            .capabilities(capabilities)
            .connect(&driver_url)
            .await?;
        let browser = Self {
            client,
            driver_url,
            violations: Default::default(),
            _driver: driver,
            _profile: profile,
        };
        browser
            .cdp(
                "Page.addScriptToEvaluateOnNewDocument",
                serde_json::json!({ "source": csp_watch::RECORDER }),
            )
            .await?;
        Ok(browser)
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
        self.until_within(what, script, Duration::from_secs(20))
            .await
    }

    /// `until`, for work that may take longer than 20 s (a backup, a
    /// restore through injected faults).
    pub async fn until_within(
        &self,
        what: &str,
        script: &str,
        limit: Duration,
    ) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + limit;
        loop {
            if self.eval(script).await? == serde_json::Value::Bool(true) {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                let body = self.client.source().await.unwrap_or_default();
                anyhow::bail!(
                    "waited {} s for {what}; the page was:\n{}",
                    limit.as_secs(),
                    body.chars().take(4000).collect::<String>()
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Clicks the first element matching `css`, waiting up to 20 s for it:
    /// a view's code may still be loading.
    pub async fn click(&self, css: &str) -> anyhow::Result<()> {
        self.client
            .wait()
            .at_most(Duration::from_secs(20))
            .for_element(Locator::Css(css))
            .await?
            .click()
            .await?;
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

    /// Sends a DevTools command to the page, for what WebDriver has no
    /// command for (slowing the CPU, turning the cache off); its result.
    pub async fn cdp(
        &self,
        cmd: &str,
        params: serde_json::Value,
    ) -> anyhow::Result<serde_json::Value> {
        let session = self.session().await?;
        let body = serde_json::json!({ "cmd": cmd, "params": params }).to_string();
        let answer = self
            .driver_post(&format!("/session/{session}/goog/cdp/execute"), &body)
            .await?;
        let value = &answer["value"];
        if let Some(error) = value.get("error").and_then(|error| error.as_str()) {
            anyhow::bail!("{cmd} failed: {error}: {}", value["message"]);
        }
        Ok(value.clone())
    }

    /// The errors the page logged to its console (a panic, an uncaught
    /// exception) since the last call: chromedriver hands each entry once.
    /// Content-Security-Policy violations are kept aside, for
    /// [`Browser::take_csp_violations`] and the check in [`Browser::close`].
    pub async fn console_errors(&self) -> anyhow::Result<Vec<String>> {
        let session = self.session().await?;
        let log = self
            .driver_post(
                &format!("/session/{session}/se/log"),
                r#"{"type":"browser"}"#,
            )
            .await?;
        let entries = log["value"].as_array().cloned().unwrap_or_default();
        let mut errors = Vec::new();
        for entry in entries.iter().filter(|entry| entry["level"] == "SEVERE") {
            let message = entry["message"].as_str().unwrap_or_default();
            match csp_watch::classify(message) {
                Entry::Violation(violation) => self.kept_violations().push(violation),
                Entry::BrowserNote => {}
                Entry::Other => errors.push(message.to_string()),
            }
        }
        Ok(errors)
    }

    /// The Content-Security-Policy violations of every page since the last
    /// call, for a test that expects some: any not taken fails the test
    /// when it closes the browser. Those raised inside the sanitizer's
    /// inert parse are left out.
    pub async fn take_csp_violations(&self) -> anyhow::Result<Vec<Violation>> {
        self.console_errors().await?;
        let all = std::mem::take(&mut *self.kept_violations());
        Ok(csp_watch::outside_inert_parses(all).await)
    }

    fn kept_violations(&self) -> std::sync::MutexGuard<'_, Vec<Violation>> {
        self.violations
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    async fn session(&self) -> anyhow::Result<String> {
        self.client
            .session_id()
            .await?
            .ok_or_else(|| anyhow::anyhow!("the browser has no session"))
    }

    /// POSTs `body` to chromedriver at `path`. chromedriver keeps the
    /// connection open, so the answer is read to its `Content-Length`.
    async fn driver_post(&self, path: &str, body: &str) -> anyhow::Result<serde_json::Value> {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let authority = self.driver_url.trim_start_matches("http://");
        let mut stream = tokio::net::TcpStream::connect(authority).await?;
        let head = format!(
            "POST {path} HTTP/1.1\r\nHost: {authority}\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        );
        stream.write_all(head.as_bytes()).await?;
        let mut answer = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            let read = stream.read(&mut chunk).await?;
            anyhow::ensure!(read > 0, "chromedriver closed the connection early");
            answer.extend_from_slice(&chunk[..read]);
            let text = String::from_utf8_lossy(&answer);
            let Some((head, body)) = text.split_once("\r\n\r\n") else {
                continue;
            };
            let length = head
                .lines()
                .find_map(|line| {
                    let (name, value) = line.split_once(':')?;
                    name.eq_ignore_ascii_case("content-length")
                        .then(|| value.trim().parse::<usize>().ok())
                        .flatten()
                })
                .ok_or_else(|| anyhow::anyhow!("chromedriver sent no Content-Length"))?;
            if body.len() >= length {
                return Ok(serde_json::from_str(&body[..length])?);
            }
        }
    }

    /// Closes the browser, failing if any page broke its
    /// Content-Security-Policy in a way the test did not take as expected.
    pub async fn close(self) -> anyhow::Result<()> {
        let unexpected = self.take_csp_violations().await;
        self.client.close().await?;
        let unexpected = unexpected?;
        anyhow::ensure!(
            unexpected.is_empty(),
            "the page broke its Content-Security-Policy (a test that expects this takes the violations with Browser::take_csp_violations):\n{}",
            unexpected
                .iter()
                .map(|violation| format!("  {violation}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        Ok(())
    }
}
