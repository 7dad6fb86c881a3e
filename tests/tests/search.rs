//! The example site's search page in headless Chromium: over HTTP from a
//! sub-path, as a mirror serves it, and opened from `file://`.

use std::path::Path;

use e2e::{Browser, StaticServer, repo_root};
use serde_json::Value;

const MOUNT: &str = "/mirror/lantern";
/// What a one-word query may download, brotli-compressed.
const QUERY_BUDGET: usize = 100_000;

fn build_examples(out: &Path) -> anyhow::Result<()> {
    site_gen::build(&repo_root().join("examples"), out, true)
        .map_err(|problems| anyhow::anyhow!("{problems}"))?;
    Ok(())
}

/// Types `query` into the search box, waits for its results, and returns
/// the URLs they link to, as the list shows them.
async fn search(browser: &Browser, query: &str) -> anyhow::Result<Vec<String>> {
    let set = format!(
        "const box = document.querySelector('[data-search-input]'); box.value = {}; box.dispatchEvent(new Event('input')); return true",
        serde_json::to_string(query)?
    );
    browser.eval(&set).await?;
    wait_for_results(browser, query).await
}

async fn wait_for_results(browser: &Browser, query: &str) -> anyhow::Result<Vec<String>> {
    let done = format!(
        "return document.querySelector('[data-search-status]').getAttribute('data-search-done') === {}",
        serde_json::to_string(query)?
    );
    browser
        .until(&format!("the results for “{query}”"), &done)
        .await?;
    strings(
        browser
            .eval("return [...document.querySelectorAll('[data-search-result]')].map(item => item.getAttribute('data-search-result'))")
            .await?,
    )
}

async fn marked(browser: &Browser) -> anyhow::Result<Vec<String>> {
    strings(
        browser
            .eval("return [...document.querySelectorAll('[data-search-results] mark')].map(mark => mark.textContent)")
            .await?,
    )
}

fn strings(value: Value) -> anyhow::Result<Vec<String>> {
    value
        .as_array()
        .ok_or_else(|| anyhow::anyhow!("expected a list, got {value}"))?
        .iter()
        .map(|item| {
            item.as_str()
                .map(str::to_string)
                .ok_or_else(|| anyhow::anyhow!("expected text, got {item}"))
        })
        .collect()
}

/// The queries both modes must answer alike.
async fn answers_queries(browser: &Browser) -> anyhow::Result<()> {
    browser
        .until(
            "the search form to show",
            "return !document.querySelector('[data-search]').hidden && document.querySelectorAll('[data-search-filter=authors] option').length === 3",
        )
        .await?;
    // A stem: the article says "keepers".
    assert_eq!(search(browser, "keeper").await?, ["night-watch/"]);
    assert_eq!(marked(browser).await?, ["keepers"]);
    // Accents: the French article says "équipes"; asked without them.
    assert_eq!(search(browser, "EQUIPES").await?, ["conseil-du-port/"]);
    assert_eq!(marked(browser).await?, ["équipes"]);
    // A French stem: "gardiens" in the text.
    assert_eq!(search(browser, "gardien").await?, ["une-nuit-au-phare/"]);
    // No hits.
    assert!(search(browser, "zebra").await?.is_empty());
    let status = browser
        .eval("return document.querySelector('[data-search-status]').textContent")
        .await?;
    assert_eq!(status, "No article matches these words.");
    // Two words: both must be there; the title's rank first.
    let both = search(browser, "night ferry").await?;
    assert_eq!(
        both.first().map(String::as_str),
        Some("harbour-council-vote/")
    );
    // A filter: Jules Arnaud's articles among those with "night".
    let mut night = search(browser, "night").await?;
    night.sort();
    assert_eq!(night, ["harbour-council-vote/", "night-watch/"]);
    browser
        .eval("const select = document.querySelector('[data-search-filter=authors]'); select.value = [...select.options].find(option => option.textContent === 'Jules Arnaud').value; select.dispatchEvent(new Event('change', { bubbles: true })); document.querySelector('[data-search-status]').removeAttribute('data-search-done'); return true")
        .await?;
    assert_eq!(wait_for_results(browser, "night").await?, ["night-watch/"]);
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_works_over_http_from_a_sub_path_within_its_byte_budget() -> anyhow::Result<()> {
    let work = tempfile::tempdir()?;
    let out = work.path().join("site");
    build_examples(&out)?;
    let empty = tempfile::tempdir()?;
    let web = StaticServer::start(empty.path().to_path_buf(), &[(MOUNT, out.clone())]).await?;
    let browser = Browser::start().await?;

    // Reached from the home page's link, as a reader would.
    browser.client.goto(&web.url(&format!("{MOUNT}/"))).await?;
    browser.click("header a.search").await?;
    browser
        .until(
            "the search page",
            "return location.pathname.endsWith('/mirror/lantern/search/')",
        )
        .await?;
    browser
        .until(
            "the search form to show",
            "return !document.querySelector('[data-search]').hidden",
        )
        .await?;

    // One word, typed key by key, as a reader does: results come as they type.
    let input = browser
        .client
        .find(fantoccini::Locator::Css("[data-search-input]"))
        .await?;
    input.send_keys("ferry").await?;
    let found = wait_for_results(&browser, "ferry").await?;
    assert_eq!(found.len(), 2, "{found:?}");
    let fetched = strings(
        browser
            .eval("return performance.getEntriesByType('resource').map(entry => entry.name).filter(name => name.includes('/search/'))")
            .await?,
    )?;
    let prefix = web.url(&format!("{MOUNT}/search/"));
    let mut brotli_bytes = 0;
    let mut names = Vec::new();
    for url in &fetched {
        let name = url
            .strip_prefix(&prefix)
            .ok_or_else(|| anyhow::anyhow!("{url} is not below the search page"))?;
        let bytes = std::fs::read(out.join("search").join(name))?;
        brotli_bytes += brotli_size(&bytes)?;
        names.push(name.to_string());
    }
    names.sort();
    assert_eq!(
        names
            .iter()
            .filter(|name| !name.starts_with("d/"))
            .collect::<Vec<_>>(),
        ["entry.js", "filters.js", "p/0.js", "w/0.js"],
        "the query loads the entry, the filters, one words and one postings fragment"
    );
    // Letters typed before the debounce settled may have shown other results.
    // The example site's articles all fit one metadata file.
    assert!(
        names.len() == 5 && names.contains(&"d/0.js".to_string()),
        "and the results' metadata file: {names:?}"
    );
    assert!(
        brotli_bytes <= QUERY_BUDGET,
        "a one-word query downloads {brotli_bytes} bytes (brotli), over {QUERY_BUDGET}"
    );
    println!("a one-word query on the example site: {brotli_bytes} bytes (brotli)");

    answers_queries(&browser).await?;
    // Links lead to the articles, below the mount.
    let link = browser
        .eval("return document.querySelector('[data-search-result] a').href")
        .await?;
    assert_eq!(
        link.as_str(),
        Some(web.url(&format!("{MOUNT}/night-watch/")).as_str())
    );
    // The site has no icon; the browser asks for one at the server's root.
    let errors: Vec<String> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|error| !error.contains("favicon.ico"))
        .collect();
    assert!(errors.is_empty(), "console errors: {errors:?}");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_works_from_file_urls() -> anyhow::Result<()> {
    let work = tempfile::tempdir()?;
    let out = work.path().join("site");
    build_examples(&out)?;
    let browser = Browser::start().await?;
    let page = url::Url::from_file_path(out.join("search/index.html"))
        .map_err(|()| anyhow::anyhow!("no file URL for {}", out.display()))?;
    browser.client.goto(page.as_str()).await?;
    answers_queries(&browser).await?;
    // From file://, folders do not open their index.html: links name it.
    let link = browser
        .eval("return document.querySelector('[data-search-result] a').href")
        .await?;
    let expected = url::Url::from_file_path(out.join("night-watch/index.html"))
        .map_err(|()| anyhow::anyhow!("no file URL"))?;
    assert_eq!(link.as_str(), Some(expected.as_str()));
    browser.close().await
}

fn brotli_size(bytes: &[u8]) -> anyhow::Result<usize> {
    let mut compressed = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut compressed, &params)?;
    Ok(compressed.len())
}
