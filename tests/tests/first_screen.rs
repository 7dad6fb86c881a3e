//! The first screen of a public timeline costs the server one request:
//! the page asks for the first page itself while the code loads, the
//! client takes that answer rather than asking again, and the server's
//! detection documents come once each, after the posts.

use std::collections::BTreeMap;

use e2e::client_with_mock;

/// How often the page asked `origin` for each path (with its query), by
/// the browser's own record of what it fetched.
async fn requests_to(
    browser: &e2e::Browser,
    origin: &str,
) -> anyhow::Result<BTreeMap<String, u64>> {
    let script = format!(
        "return performance.getEntriesByType('resource')
            .map(entry => entry.name)
            .filter(name => name.startsWith({origin:?}))
            .map(name => name.slice({}))",
        origin.len()
    );
    let paths: Vec<String> = serde_json::from_value(browser.eval(&script).await?)?;
    let mut counts = BTreeMap::new();
    for path in paths {
        *counts.entry(path).or_insert(0) += 1;
    }
    Ok(counts)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_first_page_is_asked_for_once_and_detection_once_per_document() -> anyhow::Result<()> {
    let (mock, web, browser) = client_with_mock().await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/public/local", mock.addr())))
        .await?;
    browser
        .wait_for("[role=feed] article[data-status-id]")
        .await?;
    // The about box shows once the detection is done.
    browser.texts(".server-about .server-title", 1).await?;
    // Asked for by the page, not by the code: the request started before
    // the main wasm module had even finished downloading.
    let early = browser
        .eval(&format!(
            "const entries = performance.getEntriesByType('resource');
             const page = entries.find(entry => entry.name.startsWith({:?}) && entry.name.includes('/api/v1/timelines/'));
             const wasm = entries.find(entry => entry.name.endsWith('/app_bg.wasm'));
             return [page && page.startTime, wasm && wasm.responseEnd];",
            mock.origin()
        ))
        .await?;
    let (asked, code_in) = (early[0].as_f64(), early[1].as_f64());
    assert!(
        matches!((asked, code_in), (Some(asked), Some(code_in)) if asked < code_in),
        "the first page was asked for before the code had come: {early}"
    );
    let counts = requests_to(&browser, &mock.origin()).await?;
    for path in [
        "/api/v1/timelines/public?local=true",
        "/api/v2/instance",
        "/.well-known/nodeinfo",
        "/nodeinfo/2.0",
    ] {
        assert_eq!(
            counts.get(path),
            Some(&1),
            "{path} is asked for once; the page asked for {counts:?}"
        );
    }
    browser.close().await
}
