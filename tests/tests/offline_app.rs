//! The installable client: its service worker keeps the last verified
//! copy, opens it offline, refuses what a mirror tampered with while the
//! verified copy keeps running, and switches to a new release only when
//! the reader agrees. The test plays the publisher: it copies dist/, names
//! its own key in config.json and signs the copy.

use std::path::Path;
use std::time::Duration;

use e2e::Browser;
use e2e::signed_client::{
    Host, Publisher, change_code, check_mirror, copy_folder, days_ago, flip_byte, mark_release,
    pin_key, publish_copy, running_release, wait_for_release, worker_state,
};

/// Opens the client at `host` and waits until its worker verified and
/// kept release `serial`, and controls the page.
async fn first_visit(browser: &Browser, host: &Host, serial: u64) -> anyhow::Result<()> {
    browser.client.goto(&host.url("/app/")).await?;
    wait_for_release(browser, &host.scope(), "current", serial).await?;
    browser.client.refresh().await?;
    browser
        .until(
            "the worker to control the page",
            "return !!navigator.serviceWorker.controller",
        )
        .await?;
    browser.wait_for("header.top .brand").await
}

/// Reloads the page (each opening makes the worker look for a release)
/// and waits for its warning about `file`, of `kind`; its text.
async fn warning_after_reload(browser: &Browser, file: &str, kind: &str) -> anyhow::Result<String> {
    browser.client.refresh().await?;
    let script = format!(
        "const w = document.querySelector('[data-integrity-warning][role=alert]'); \
         return !!w && w.dataset.integrityWarning === {file} && w.dataset.kind === {kind}",
        file = serde_json::json!(file),
        kind = serde_json::json!(kind),
    );
    browser
        .until(&format!("a {kind} warning about {file}"), &script)
        .await?;
    let text = browser
        .eval("return document.querySelector('[data-integrity-warning]').textContent")
        .await?;
    Ok(text.as_str().unwrap_or_default().to_string())
}

/// The page still runs the verified release `name`, `serial`.
async fn still_runs(browser: &Browser, host: &Host, name: &str, serial: u64) -> anyhow::Result<()> {
    let state = worker_state(browser, &host.scope()).await?;
    assert_eq!(state["current"]["serial"], serial, "{state}");
    assert_eq!(running_release(browser).await?, name);
    browser.wait_for("header.top .brand").await
}

fn copy(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::copy(from, to)?;
    Ok(())
}

#[tokio::test]
async fn the_app_installs_and_opens_offline() -> anyhow::Result<()> {
    let publisher = Publisher::new()?;
    let site = tempfile::tempdir()?;
    publish_copy(site.path(), &publisher)?;
    mark_release(site.path(), "first")?;
    let serial = publisher.sign(site.path(), days_ago(2), 90)?;
    let host = Host::start(site.path()).await?;
    let browser = Browser::start().await?;

    first_visit(&browser, &host, serial).await?;
    let manifest = browser
        .eval(
            "const link = document.querySelector('link[rel=manifest]'); \
             return fetch(link.href).then(r => r.json())",
        )
        .await?;
    assert_eq!(manifest["start_url"], "./");
    assert_eq!(manifest["name"], "Samizdat");
    let worker = browser
        .eval("return navigator.serviceWorker.getRegistration().then(r => [r.scope, r.active.scriptURL])")
        .await?;
    assert_eq!(
        worker,
        serde_json::json!([host.scope(), host.url("/app/sw.js")])
    );

    host.stop().await?;
    browser.client.refresh().await?;
    browser.wait_for("header.top .brand").await?;
    assert_eq!(running_release(&browser).await?, "first");
    browser.wait_for("#server").await?;

    // A media preview kept for offline reading stands in for its host.
    let gone = format!("http://127.0.0.1:{}", e2e::free_port());
    let script = format!(
        "const kept = '{gone}/kept.svg'; \
         const svg = '<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"7\" height=\"5\"></svg>'; \
         const width = src => new Promise(resolve => {{ \
           const image = new Image(); \
           image.onload = () => resolve(image.naturalWidth); \
           image.onerror = () => resolve(-1); \
           image.src = src; \
         }}); \
         return caches.open('samizdat-media') \
           .then(cache => cache.put(kept, new Response(svg, {{ headers: {{ 'Content-Type': 'image/svg+xml' }} }}))) \
           .then(() => Promise.all([width(kept), width('{gone}/not-kept.svg')]))"
    );
    assert_eq!(browser.eval(&script).await?, serde_json::json!([7, -1]));
    browser.close().await
}

#[tokio::test]
async fn a_pinned_key_wins_and_other_mirrors_are_checked_on_request() -> anyhow::Result<()> {
    let publisher = Publisher::new()?;
    let intruder = Publisher::new()?;
    let folders = tempfile::tempdir()?;
    let (site, mirror, forged) = (
        folders.path().join("site"),
        folders.path().join("mirror"),
        folders.path().join("forged"),
    );
    // The build pins the publisher's key; a config.json naming another
    // key, even listed and signed, changes nothing.
    publish_copy(&site, &intruder)?;
    pin_key(&site, &publisher)?;
    let serial = publisher.sign(&site, days_ago(4), 90)?;
    copy_folder(&site, &mirror)?;
    publish_copy(&forged, &intruder)?;
    intruder.sign(&forged, days_ago(1), 90)?;
    let host = Host::serve(&[("/app", &site), ("/mirror", &mirror), ("/forged", &forged)]).await?;
    let browser = Browser::start().await?;
    first_visit(&browser, &host, serial).await?;

    let answer = check_mirror(&browser, &host.url("/mirror")).await?;
    assert_eq!(answer["url"], host.url("/mirror/"), "{answer}");
    assert_eq!(answer["reachable"], true, "{answer}");
    assert_eq!(answer["valid"], true, "{answer}");
    assert_eq!(answer["serial"], serial, "{answer}");
    let answer = check_mirror(&browser, &host.url("/forged/")).await?;
    assert_eq!(answer["reachable"], true, "{answer}");
    assert_eq!(answer["valid"], false, "{answer}");
    assert_eq!(answer["kind"], "other-key", "{answer}");
    let gone = format!("http://127.0.0.1:{}/app/", e2e::free_port());
    let answer = check_mirror(&browser, &gone).await?;
    assert_eq!(answer["reachable"], false, "{answer}");
    assert_eq!(answer["valid"], false, "{answer}");
    browser.close().await
}

#[tokio::test]
async fn tampered_releases_are_refused_and_the_verified_one_keeps_running() -> anyhow::Result<()> {
    let publisher = Publisher::new()?;
    let folders = tempfile::tempdir()?;
    let (first, second, served) = (
        folders.path().join("first"),
        folders.path().join("second"),
        folders.path().join("served"),
    );
    publish_copy(&first, &publisher)?;
    mark_release(&first, "first")?;
    let first_serial = publisher.sign(&first, days_ago(10), 90)?;
    copy_folder(&first, &served)?;
    let host = Host::start(&served).await?;
    let browser = Browser::start().await?;
    first_visit(&browser, &host, first_serial).await?;
    let mirror = host.scope();

    // The publisher's second release, then a mirror that flips a byte of
    // its wasm, then of its JavaScript.
    copy_folder(&first, &second)?;
    change_code(&second, "second")?;
    let second_time = days_ago(9);
    let second_serial = publisher.sign(&second, second_time, 90)?;
    assert!(second_serial > first_serial);
    copy_folder(&second, &served)?;
    flip_byte(&served.join("app_bg.wasm"))?;
    let text = warning_after_reload(&browser, "app_bg.wasm", "contents").await?;
    assert!(
        text.contains(&format!("app_bg.wasm from {mirror}")),
        "{text}"
    );
    assert!(text.contains("last verified one keeps running"), "{text}");
    still_runs(&browser, &host, "first", first_serial).await?;

    copy(&second.join("app_bg.wasm"), &served.join("app_bg.wasm"))?;
    flip_byte(&served.join("app.js"))?;
    warning_after_reload(&browser, "app.js", "contents").await?;
    still_runs(&browser, &host, "first", first_serial).await?;

    // A listed file the mirror lost.
    copy(&second.join("app.js"), &served.join("app.js"))?;
    std::fs::remove_file(served.join("icon.svg"))?;
    warning_after_reload(&browser, "icon.svg", "missing").await?;
    still_runs(&browser, &host, "first", first_serial).await?;

    // A file the manifest does not list is never served from the worker.
    std::fs::write(served.join("extra.js"), "window.injected = true;")?;
    let status = browser
        .eval("return fetch('extra.js').then(r => r.status)")
        .await?;
    assert_eq!(status, 404);
    browser
        .until(
            "the unlisted file's warning",
            "return document.querySelector('[data-integrity-warning]')?.dataset.integrityWarning === 'extra.js'",
        )
        .await?;

    // A manifest signed by another key, with a config.json naming it.
    let intruder = Publisher::new()?;
    let forged = folders.path().join("forged");
    publish_copy(&forged, &intruder)?;
    mark_release(&forged, "forged")?;
    intruder.sign(&forged, days_ago(8), 90)?;
    copy_folder(&forged, &served)?;
    warning_after_reload(&browser, "samizdat-manifest.json", "other-key").await?;
    still_runs(&browser, &host, "first", first_serial).await?;

    // An older release: the first one's own signed manifest.
    copy_folder(&first, &served)?;
    let text = warning_after_reload(&browser, "samizdat-manifest.json", "rollback").await?;
    assert!(text.contains("rollback"), "{text}");
    still_runs(&browser, &host, "first", first_serial).await?;

    // Built into a fresh folder at the second release's time, with other
    // contents: the same serial as one already seen.
    let twin = folders.path().join("twin");
    publish_copy(&twin, &publisher)?;
    mark_release(&twin, "twin")?;
    assert_eq!(publisher.sign(&twin, second_time, 90)?, second_serial);
    copy_folder(&twin, &served)?;
    warning_after_reload(&browser, "samizdat-manifest.json", "replaced").await?;
    still_runs(&browser, &host, "first", first_serial).await?;

    // A later release whose signature has expired.
    let stale = folders.path().join("stale");
    copy_folder(&second, &stale)?;
    mark_release(&stale, "stale")?;
    publisher.sign(&stale, days_ago(5), 1)?;
    copy_folder(&stale, &served)?;
    let text = warning_after_reload(&browser, "samizdat-manifest.json", "expired").await?;
    assert!(text.contains("sign the client again"), "{text}");
    still_runs(&browser, &host, "first", first_serial).await?;

    // The honest second release, verified at last: ready, not applied.
    copy_folder(&second, &served)?;
    std::fs::remove_file(served.join("extra.js"))?;
    browser.client.refresh().await?;
    browser.wait_for("[data-update-ready]").await?;
    wait_for_release(&browser, &mirror, "pending", second_serial).await?;
    still_runs(&browser, &host, "first", first_serial).await?;
    browser.close().await
}

#[tokio::test]
async fn a_new_release_is_applied_only_when_the_reader_agrees() -> anyhow::Result<()> {
    let publisher = Publisher::new()?;
    let site = tempfile::tempdir()?;
    publish_copy(site.path(), &publisher)?;
    mark_release(site.path(), "first")?;
    let first_serial = publisher.sign(site.path(), days_ago(3), 90)?;
    let host = Host::start(site.path()).await?;
    let browser = Browser::start().await?;
    first_visit(&browser, &host, first_serial).await?;

    // The publisher rebuilds in the same folder: the serial moves on.
    let page = std::fs::read_to_string(site.path().join("index.html"))?;
    std::fs::write(
        site.path().join("index.html"),
        page.replace("content=\"first\"", "content=\"second\""),
    )?;
    let second_serial = publisher.sign(site.path(), days_ago(1), 90)?;
    assert!(second_serial > first_serial);
    browser.client.refresh().await?;
    browser.wait_for("[data-update-ready]").await?;
    wait_for_release(&browser, &host.scope(), "pending", second_serial).await?;
    assert_eq!(running_release(&browser).await?, "first");
    // Opening the client again does not apply it either.
    browser.client.refresh().await?;
    browser.wait_for("[data-update-ready]").await?;
    assert_eq!(running_release(&browser).await?, "first");

    browser
        .click("[data-update-ready] button[data-action=apply-update]")
        .await?;
    browser
        .until_within(
            "the second release to run",
            "return document.querySelector('meta[name=test-release]')?.content === 'second'",
            Duration::from_secs(30),
        )
        .await?;
    wait_for_release(&browser, &host.scope(), "current", second_serial).await?;
    let state = worker_state(&browser, &host.scope()).await?;
    assert!(state["pending"].is_null(), "{state}");
    browser.wait_for("header.top .brand").await?;
    assert!(
        browser
            .eval("return document.querySelector('[data-update-ready]') === null")
            .await?
            .as_bool()
            .unwrap_or(false),
        "the banner went with the reload"
    );
    browser.close().await
}
