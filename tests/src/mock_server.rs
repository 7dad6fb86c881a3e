//! mastodon-mock, a third-party stateful server for the Mastodon API.

use std::process::Stdio;
use std::time::Duration;

use tokio::process::{Child, Command};

use crate::{free_port, http_ok, wait_for};

pub struct MockServer {
    pub port: u16,
    child: Child,
    _config: tempfile::NamedTempFile,
}

impl MockServer {
    /// Starts `mastodon_mock serve --in-memory --demo` on a free loopback
    /// port. The binary comes from `$SAMIZDAT_MASTODON_MOCK` (set by
    /// scripts/test) or from PATH.
    pub async fn start() -> anyhow::Result<Self> {
        Self::start_configured("").await
    }

    /// Starts it with `config`, the text of a `.mastodon_mock.toml`, such
    /// as `[streaming]\nenabled = false`.
    pub async fn start_configured(config: &str) -> anyhow::Result<Self> {
        Self::start_with(config, false).await
    }

    /// Starts it so that its own links (account URLs, status URIs) name it
    /// `127.0.0.1:port`, as the client does, rather than `localhost:port`:
    /// what a test needs that matches a server's links against the server
    /// the client signed in to (Lifeboat's bookmarks, by status URI).
    pub async fn start_self_named() -> anyhow::Result<Self> {
        Self::start_with("", true).await
    }

    async fn start_with(config: &str, self_named: bool) -> anyhow::Result<Self> {
        let config_file = tempfile::Builder::new().suffix(".toml").tempfile()?;
        std::fs::write(config_file.path(), config)?;
        let program =
            std::env::var("SAMIZDAT_MASTODON_MOCK").unwrap_or_else(|_| "mastodon_mock".into());
        let port = free_port();
        let child = Command::new(&program)
            .args([
                "serve",
                "--in-memory",
                "--demo",
                "--host",
                "127.0.0.1",
                "--port",
                &port.to_string(),
                "--log-level",
                "warning",
                "--config",
            ])
            .arg(config_file.path())
            .args(
                self_named
                    .then(|| ["--domain".to_string(), format!("127.0.0.1:{port}")])
                    .into_iter()
                    .flatten(),
            )
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .map_err(|error| {
                anyhow::anyhow!("cannot start {program}: {error}; run scripts/setup first")
            })?;
        let server = Self {
            port,
            child,
            _config: config_file,
        };
        let url = format!("{}/api/v1/instance", server.origin());
        wait_for("mastodon-mock to answer", Duration::from_secs(30), || {
            http_ok(&url)
        })
        .await?;
        Ok(server)
    }

    pub fn origin(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The server as client routes name it.
    pub fn addr(&self) -> String {
        format!("127.0.0.1:{}", self.port)
    }

    pub fn id(&self) -> Option<u32> {
        self.child.id()
    }
}
