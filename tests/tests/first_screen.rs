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
    // Asked for by the page, not by the code: the request started while
    // the page was still being parsed, before any module script (and so
    // the client) could run. The wasm itself may well have downloaded by
    // then, found early by the browser's preload scanner.
    let early = browser
        .eval(&format!(
            "const page = performance.getEntriesByType('resource')
                 .find(entry => entry.name.startsWith({:?}) && entry.name.includes('/api/v1/timelines/'));
             const parsed = performance.getEntriesByType('navigation')[0];
             return [page && page.startTime, parsed && parsed.domInteractive];",
            mock.origin()
        ))
        .await?;
    let (asked, parsed) = (early[0].as_f64(), early[1].as_f64());
    assert!(
        matches!((asked, parsed), (Some(asked), Some(parsed)) if asked < parsed),
        "the first page was asked for while the page was parsed: {early}"
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
