//! The client's dist/ as a test publishes it: copied, signed with the
//! test's own key, served from a host that can go dark, and what the
//! service worker remembers of it.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use jiff::{SignedDuration, Timestamp};
use site_gen::mirror::keys;
use site_gen::mirror::manifest::{Naming, write_for_dir};
use site_gen::serve::{Mount, router};

use crate::{Browser, repo_root, wait_for};

/// A publisher's key pair, in a folder of its own.
pub struct Publisher {
    secret: PathBuf,
    public: PathBuf,
    _keys: tempfile::TempDir,
}

impl Publisher {
    pub fn new() -> anyhow::Result<Self> {
        let keys = tempfile::tempdir()?;
        let (secret, public) = keys::generate(&keys.path().join("publisher"), None)?;
        Ok(Self {
            secret,
            public,
            _keys: keys,
        })
    }

    /// The text of the public key, as config.json's `publicKey` holds it.
    pub fn public_text(&self) -> anyhow::Result<String> {
        Ok(std::fs::read_to_string(&self.public)?)
    }

    /// Writes and signs `dir`'s manifest as made at `created`, valid for
    /// `valid_days`; its serial. A manifest already in `dir` is the one it
    /// follows, as in a publisher's own build folder.
    pub fn sign(&self, dir: &Path, created: Timestamp, valid_days: i64) -> anyhow::Result<u64> {
        let secret = keys::load_secret(&self.secret)?;
        let manifest = write_for_dir(
            dir,
            Some(&secret),
            Some(created),
            SignedDuration::from_hours(24 * valid_days),
            None,
            Naming {
                site: Some("samizdat-client"),
                rename: false,
            },
        )?;
        Ok(manifest.serial)
    }
}

/// The time `days` before now, to date releases by.
pub fn days_ago(days: i64) -> Timestamp {
    Timestamp::now() - SignedDuration::from_hours(24 * days)
}

/// A fresh copy of the built client in `to`, with a config.json that names
/// `publisher`'s key, as a publisher who pins no key in the build ships it.
pub fn publish_copy(to: &Path, publisher: &Publisher) -> anyhow::Result<()> {
    let dist = repo_root().join("dist");
    anyhow::ensure!(
        dist.join("sw.js").is_file(),
        "dist/sw.js is missing: build the client with scripts/build-client first"
    );
    copy_folder(&dist, to)?;
    for reserved in ["samizdat-manifest.json", "samizdat-manifest.json.minisig"] {
        let _ = std::fs::remove_file(to.join(reserved));
    }
    let config = serde_json::json!({ "publicKey": publisher.public_text()? });
    std::fs::write(to.join("config.json"), config.to_string())?;
    Ok(())
}

pub fn copy_folder(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_folder(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

/// Pins `publisher`'s key in the copy's service worker, as
/// scripts/build-client does for a signed build.
pub fn pin_key(dir: &Path, publisher: &Publisher) -> anyhow::Result<()> {
    let path = dir.join("sw.js");
    let worker = std::fs::read_to_string(&path)?;
    let unpinned = "const PINNED_KEY = \"\";";
    anyhow::ensure!(worker.contains(unpinned), "dist/sw.js pins a key already");
    let pinned = format!(
        "const PINNED_KEY = {};",
        serde_json::json!(publisher.public_text()?)
    );
    std::fs::write(&path, worker.replacen(unpinned, &pinned, 1))?;
    Ok(())
}

/// Marks a release in its index.html, so a test can tell which one runs.
pub fn mark_release(dir: &Path, name: &str) -> anyhow::Result<()> {
    let path = dir.join("index.html");
    let page = std::fs::read_to_string(&path)?;
    let marker = format!("<head>\n    <meta name=\"test-release\" content=\"{name}\" />");
    anyhow::ensure!(page.contains("<head>"), "index.html has no <head>");
    std::fs::write(&path, page.replacen("<head>", &marker, 1))?;
    Ok(())
}

/// A new release of the client's code: its JavaScript, its wasm (in a
/// custom section, so it stays valid) and its icon change, and its page
/// is marked `name`.
pub fn change_code(dir: &Path, name: &str) -> anyhow::Result<()> {
    mark_release(dir, name)?;
    append(&dir.join("app.js"), format!("\n// {name}\n").as_bytes())?;
    let label = name.as_bytes();
    let length = u8::try_from(label.len() + 1)?;
    let mut section = vec![0, length, u8::try_from(label.len())?];
    section.extend_from_slice(label);
    append(&dir.join("app_bg.wasm"), &section)?;
    append(
        &dir.join("icon.svg"),
        format!("<!-- {name} -->\n").as_bytes(),
    )
}

fn append(path: &Path, tail: &[u8]) -> anyhow::Result<()> {
    let mut bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    bytes.extend_from_slice(tail);
    std::fs::write(path, bytes)?;
    Ok(())
}

/// Flips one bit in the middle of `path`, as a tampering mirror might.
pub fn flip_byte(path: &Path) -> anyhow::Result<()> {
    let mut bytes = std::fs::read(path)?;
    let middle = bytes.len() / 2;
    let byte = bytes
        .get_mut(middle)
        .with_context(|| format!("{} is empty", path.display()))?;
    *byte ^= 1;
    std::fs::write(path, bytes)?;
    Ok(())
}

/// A host serving a folder under `/app/`, which can go dark while the
/// browser keeps its origin.
pub struct Host {
    pub port: u16,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    task: tokio::task::JoinHandle<()>,
}

impl Host {
    pub async fn start(dir: &Path) -> anyhow::Result<Self> {
        Self::serve(&[("/app", dir)]).await
    }

    /// Serves each `(prefix, dir)`, as copies of the client side by side.
    pub async fn serve(folders: &[(&str, &Path)]) -> anyhow::Result<Self> {
        let empty = tempfile::tempdir()?.keep();
        let mounts: Vec<Mount> = folders
            .iter()
            .map(|(prefix, dir)| Mount {
                prefix: prefix.to_string(),
                dir: dir.to_path_buf(),
            })
            .collect();
        let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await?;
        let port = listener.local_addr()?.port();
        let app = router(empty, &mounts, None);
        let (shutdown, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let service = app.into_make_service_with_connect_info::<SocketAddr>();
            let _ = axum::serve(listener, service)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Self {
            port,
            shutdown: Some(shutdown),
            task,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    /// The worker's scope, which it names as the mirror in its warnings.
    pub fn scope(&self) -> String {
        self.url("/app/")
    }

    /// Stops answering, closing kept-alive connections too.
    pub async fn stop(mut self) -> anyhow::Result<()> {
        if let Some(shutdown) = self.shutdown.take() {
            let _ = shutdown.send(());
        }
        let task = &mut self.task;
        if tokio::time::timeout(Duration::from_secs(10), task)
            .await
            .is_err()
        {
            self.task.abort();
        }
        anyhow::ensure!(
            !crate::http_ok(&self.url("/app/index.html")).await,
            "the host still answers"
        );
        Ok(())
    }
}

impl Drop for Host {
    fn drop(&mut self) {
        self.task.abort();
    }
}

/// What the service worker of `scope` remembers (the verified release in
/// use, the pending one, the last refusal), or null before it has run.
pub async fn worker_state(browser: &Browser, scope: &str) -> anyhow::Result<serde_json::Value> {
    let script = format!(
        "return caches.open({cache}).then(c => c.match({url})).then(r => r ? r.json() : null)",
        cache = serde_json::json!(format!("samizdat-app {scope} state")),
        url = serde_json::json!(format!("{scope}__samizdat-worker-state")),
    );
    browser.eval(&script).await
}

/// Waits until the worker's `release` ("current" or "pending") has `serial`.
pub async fn wait_for_release(
    browser: &Browser,
    scope: &str,
    release: &str,
    serial: u64,
) -> anyhow::Result<()> {
    let waited = wait_for(
        &format!("the worker's {release} release to be {serial}"),
        Duration::from_secs(30),
        || async {
            let state = worker_state(browser, scope).await.unwrap_or_default();
            state[release]["serial"].as_u64() == Some(serial)
        },
    )
    .await;
    if waited.is_err() {
        let state = worker_state(browser, scope).await?;
        return waited.with_context(|| format!("the worker's state was {state}"));
    }
    Ok(())
}

/// The release the page runs, by its index.html's marker.
pub async fn running_release(browser: &Browser) -> anyhow::Result<serde_json::Value> {
    browser
        .eval("return document.querySelector('meta[name=test-release]')?.content ?? null")
        .await
}

/// Asks the page's service worker whether a copy of the client at `url`
/// answers with a manifest the publisher's key verifies; its answer.
pub async fn check_mirror(browser: &Browser, url: &str) -> anyhow::Result<serde_json::Value> {
    let script = format!(
        "return navigator.serviceWorker.ready.then(r => new Promise(resolve => {{ \
           const channel = new MessageChannel(); \
           channel.port1.onmessage = event => resolve(event.data); \
           r.active.postMessage({{ type: 'check-mirror', url: {url} }}, [channel.port2]); \
         }}))",
        url = serde_json::json!(url)
    );
    browser.eval(&script).await
}
