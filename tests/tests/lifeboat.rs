//! Lifeboat in a real browser, against two mastodon-mock servers: an
//! account on A is backed up and exported, A goes dark, and the backup
//! is restored onto B through faults and a reload, once and then again.
//!
//! mastodon-mock does not federate, so B cannot resolve A's accounts.
//! The backup the browser made is therefore carried over by rewriting
//! its addresses: every account but grace becomes B's own user of the
//! same name (each mock has the same dev users), and grace stays on A as
//! an account that cannot come back. The bookmarked post is mapped to a
//! copy posted on B. The rewritten backup goes in through the page's file
//! input, as a reader's exported file would.

use std::collections::BTreeMap;
use std::time::Duration;

use e2e::lifeboat::{
    EXTRA_USERS, Rewrite, account_state, add_dev_users, all_pages, check_mastodon_csvs,
    differences, expected_on_b, mirror_bookmarks, rewrite_backup_with, seed_account,
    state_of_backup, unfollow_everyone, unreported_impossible, unzip,
};
use e2e::{Browser, MockServer, StaticServer, inject_fault, repo_root, sign_in_as};
use fantoccini::Locator;
use serde_json::json;

const LONG: Duration = Duration::from_secs(90);

fn card(account: &str) -> String {
    format!("[data-lifeboat-account=\"{account}\"]")
}

async fn open_lifeboat(browser: &Browser, web: &StaticServer) -> anyhow::Result<()> {
    browser.client.goto(&web.url("/app/#/lifeboat")).await?;
    browser.wait_for("section.lifeboat").await
}

/// The bytes of the zip the page offered, downloaded through its link as
/// a reader would. (Fetching the link's `blob:` address from the page
/// would break the client's Content-Security-Policy, whose `connect-src`
/// has no `blob:`: the client never fetches one.)
async fn exported_zip(browser: &Browser, account: &str) -> anyhow::Result<Vec<u8>> {
    let downloads = tempfile::tempdir()?;
    browser
        .cdp(
            "Page.setDownloadBehavior",
            json!({ "behavior": "allow", "downloadPath": downloads.path() }),
        )
        .await?;
    browser
        .click(&format!("{} [data-action=export]", card(account)))
        .await?;
    // The page starts the download itself once the zip is made, and
    // keeps the link for another.
    let link = format!("{} [data-export-link]", card(account));
    browser.wait_for(&link).await?;
    let start = std::time::Instant::now();
    let mut clicked = false;
    loop {
        let zip = std::fs::read_dir(downloads.path())?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .find(|path| path.extension().is_some_and(|extension| extension == "zip"));
        if let Some(zip) = zip {
            return Ok(std::fs::read(zip)?);
        }
        if !clicked && start.elapsed() > Duration::from_secs(5) {
            browser.click(&link).await?;
            clicked = true;
        }
        anyhow::ensure!(
            start.elapsed() < Duration::from_secs(20),
            "the export was not downloaded within 20 s"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The report's lines, as (text, outcome).
async fn report(browser: &Browser) -> anyhow::Result<Vec<(String, String)>> {
    let value = browser
        .eval(
            "return [...document.querySelectorAll('[data-lifeboat-report] li')]
                 .map(li => [li.dataset.subject + ' ' + li.textContent, li.dataset.outcome]);",
        )
        .await?;
    Ok(serde_json::from_value(value)?)
}

async fn count(server: &MockServer, path: &str) -> anyhow::Result<usize> {
    Ok(all_pages(server, "ada_token", path).await?.len())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_backed_up_on_a_dead_server_is_restored_on_another() -> anyhow::Result<()> {
    let a = MockServer::start_self_named().await?;
    let b = MockServer::start_self_named().await?;
    let empty = tempfile::tempdir()?;
    let web = StaticServer::start(
        empty.path().to_path_buf(),
        &[("/app", repo_root().join("dist"))],
    )
    .await?;
    let browser = Browser::start().await?;
    let seeded = seed_account(&a, "ada").await?;
    let on_a = account_state(&a, &seeded.token).await?;
    let ada_a = format!("ada@{}", a.addr());
    let ada_b = format!("ada@{}", b.addr());

    // Backed up on demand, with its progress and the time it ended.
    sign_in_as(&browser, &web, &a, "ada").await?;
    open_lifeboat(&browser, &web).await?;
    browser
        .click(&format!("{} [data-action=backup-now]", card(&ada_a)))
        .await?;
    browser
        .until_within(
            "the backup to end",
            &format!(
                "return document.querySelector('{}')?.dataset.backupState === 'done'",
                card(&ada_a).replace('"', "\\\"")
            ),
            LONG,
        )
        .await?;
    browser
        .wait_for(&format!("{} time[data-last-backup]", card(&ada_a)))
        .await?;

    // The export: Mastodon's CSVs, an archive in Mastodon's layout with the
    // post's image, and the whole backup, holding what A holds.
    let files = unzip(&exported_zip(&browser, &ada_a).await?)?;
    check_mastodon_csvs(&files)?;
    let backup: serde_json::Value = serde_json::from_slice(
        files
            .get("samizdat-backup.json")
            .ok_or_else(|| anyhow::anyhow!("no samizdat-backup.json in {:?}", files.keys()))?,
    )?;
    let in_backup = state_of_backup(&backup);
    let missing = differences(&on_a, &in_backup);
    assert!(missing.is_empty(), "the backup lacks: {missing:#?}");
    let posts = backup["posts"].as_array().map_or(0, Vec::len);
    assert!(posts >= 2, "the post and its reply: {}", backup["posts"]);
    assert!(
        files
            .keys()
            .any(|name| name.starts_with("media_attachments/")),
        "the post's image is in the archive: {:?}",
        files.keys()
    );

    // A goes dark: the client says so on the account and offers the restore.
    drop(a);
    browser
        .click(&format!("{} [data-action=backup-now]", card(&ada_a)))
        .await?;
    browser
        .until_within(
            "the account's server to be reported down",
            "return !!document.querySelector('[data-server-down] [data-action=go-to-restore]')
                && !!document.querySelector('[data-server-down-banner]')",
            LONG,
        )
        .await?;

    // B, with the same users, and ada following no one there yet.
    add_dev_users(&b, EXTRA_USERS).await?;
    unfollow_everyone(&b, "ada_token").await?;
    let rewrite = Rewrite::new(&seeded.server, &b.addr(), &["grace"])
        .with_statuses(mirror_bookmarks(&b, &seeded).await?);
    let expected = expected_on_b(&on_a, &rewrite);
    let carried = tempfile::Builder::new().suffix(".json").tempfile()?;
    std::fs::write(
        carried.path(),
        serde_json::to_vec(&rewrite_backup_with(&backup, &rewrite))?,
    )?;

    sign_in_as(&browser, &web, &b, "ada").await?;
    open_lifeboat(&browser, &web).await?;
    browser
        .wait_for(&format!("[data-restore-target=\"{ada_b}\"]"))
        .await?;
    let input = browser
        .client
        .wait()
        .at_most(Duration::from_secs(20))
        .for_element(Locator::Css("input[type=file][name=backup]"))
        .await?;
    input.send_keys(&carried.path().to_string_lossy()).await?;
    browser
        .wait_for("[data-lifeboat-preview] [data-kind=follow]")
        .await?;

    // Faults midway: a 429 on a follow, a 500 on making the list, and a
    // slow filter that a reload cuts short.
    inject_fault(
        &b,
        json!({
            "match": { "methods": ["POST"], "path": "/api/v1/accounts/*/follow" },
            "effect": { "type": "ratelimit", "headers": { "Retry-After": "2" } },
            "count": 1,
        }),
    )
    .await?;
    inject_fault(
        &b,
        json!({
            "match": { "methods": ["POST"], "path": "/api/v1/lists" },
            "effect": { "type": "status", "status": 500 },
            "count": 1,
        }),
    )
    .await?;
    inject_fault(
        &b,
        json!({
            "match": { "methods": ["POST"], "path": "/api/v2/filters" },
            "effect": { "type": "latency", "delay_ms": 8000 },
            "count": 1,
        }),
    )
    .await?;
    browser.click("[data-action=restore]").await?;
    browser
        .until_within(
            "the list to be restored",
            "return !!document.querySelector('[data-lifeboat-report] [data-kind=list][data-outcome=restored]')",
            LONG,
        )
        .await?;
    browser.client.refresh().await?;
    browser
        .until_within(
            "the restore to finish after the reload",
            "return !!document.querySelector('[data-restore-state=finished]')",
            LONG,
        )
        .await?;

    // B holds what A held, for every account B can resolve; the report
    // names the rest.
    let on_b = account_state(&b, "ada_token").await?;
    let wrong = differences(&expected.state, &on_b);
    assert!(wrong.is_empty(), "B after the restore: {wrong:#?}");
    let lines = report(&browser).await?;
    let unreported = unreported_impossible(&expected, &lines);
    assert!(
        unreported.is_empty(),
        "not reported impossible: {unreported:?} in {lines:#?}"
    );
    assert!(
        lines.iter().any(|(_, outcome)| outcome == "restored"),
        "{lines:#?}"
    );
    let made = (
        count(&b, "/api/v1/lists").await?,
        count(&b, "/api/v2/filters").await?,
    );
    assert_eq!(made, (1, 1), "one list and one filter, whatever the faults");

    // Running it again creates nothing twice: everything is already there.
    browser.click("[data-action=restore]").await?;
    let second = browser
        .until_within(
            "the second restore to finish",
            "return !!document.querySelector('[data-restore-state=finished]')
                && [...document.querySelectorAll('[data-lifeboat-report] li')]
                     .every(li => li.dataset.outcome !== 'restored')",
            LONG,
        )
        .await;
    if second.is_err() {
        let section = browser
            .eval("return document.querySelector('#restore')?.outerHTML")
            .await?;
        anyhow::bail!("the second restore: {section}");
    }
    let outcomes: BTreeMap<String, usize> =
        report(&browser)
            .await?
            .into_iter()
            .fold(BTreeMap::new(), |mut counts, (_, outcome)| {
                *counts.entry(outcome).or_default() += 1;
                counts
            });
    assert!(
        outcomes.get("present").copied().unwrap_or(0) > 0,
        "{outcomes:?}"
    );
    assert_eq!(account_state(&b, "ada_token").await?, on_b);
    assert_eq!(
        (
            count(&b, "/api/v1/lists").await?,
            count(&b, "/api/v2/filters").await?
        ),
        (1, 1)
    );
    browser.close().await
}
