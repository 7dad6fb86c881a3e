//! The example archive, built by site-gen and read in headless Chromium
//! from a sub-path, as a mirror would serve it.

use std::collections::{BTreeSet, VecDeque};

use e2e::{Browser, StaticServer, http_ok, repo_root};

const MOUNT: &str = "/mirror/lantern";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_example_site_works_from_a_sub_path() -> anyhow::Result<()> {
    let work = tempfile::tempdir()?;
    let out = work.path().join("site");
    let report = site_gen::build(&repo_root().join("examples"), &out, true)
        .map_err(|problems| anyhow::anyhow!("{problems}"))?;
    assert_eq!(report.articles, 5);

    let empty = tempfile::tempdir()?;
    let web = StaticServer::start(empty.path().to_path_buf(), &[(MOUNT, out.clone())]).await?;
    let browser = Browser::start().await?;
    let home = web.url(&format!("{MOUNT}/"));
    browser.client.goto(&home).await?;

    let titles = browser.texts(".list h2 a", 4).await?;
    assert_eq!(
        titles,
        [
            "Storm season: what to keep in the house",
            "Une nuit avec les gardiens du phare",
            "A night with the lighthouse keepers",
            "Le conseil du port maintient le dernier bac",
        ],
        "the home page lists the newest four, newest first"
    );

    // Crawl every page reachable from the home page; every href and src on
    // each must resolve below the mount.
    let mut queue = VecDeque::from([home.clone()]);
    let mut seen = BTreeSet::from([home.clone()]);
    let mut pages = 0;
    while let Some(page) = queue.pop_front() {
        browser.client.goto(&page).await?;
        pages += 1;
        let links = browser
            .eval("return [...document.querySelectorAll('[href],[src]')].map(e => e.href || e.src).filter(u => u.startsWith(location.origin))")
            .await?;
        for link in links
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|link| link.as_str())
        {
            let link = link.split('#').next().unwrap_or_default().to_string();
            assert!(
                link.starts_with(&web.url(MOUNT)),
                "{page} links outside the mount: {link}"
            );
            assert!(
                http_ok(&link).await,
                "{page} links to {link}, which does not resolve"
            );
            if link.ends_with('/') && seen.insert(link.clone()) {
                queue.push_back(link);
            }
        }
    }
    assert!(
        pages >= 7,
        "the crawl reached the index pages and every article ({pages} pages)"
    );

    browser
        .client
        .goto(&web.url(&format!("{MOUNT}/conseil-du-port/")))
        .await?;
    let lang = browser
        .eval("return document.querySelector('article').lang")
        .await?;
    assert_eq!(lang, "fr");
    let meta = browser.texts("article .meta", 1).await?;
    assert!(
        meta[0].starts_with("Publié le"),
        "French UI strings on a French article: {meta:?}"
    );

    browser
        .client
        .goto(&web.url(&format!("{MOUNT}/night-watch/")))
        .await?;
    let image_loaded = browser
        .eval("return document.images.length > 0 && [...document.images].every(i => i.complete && i.naturalWidth > 0)")
        .await?;
    assert_eq!(
        image_loaded, true,
        "the page bundle's image is copied beside its page"
    );
    browser.close().await
}
