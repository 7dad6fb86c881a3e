//! Media in the composer (upload at once, processing, alt text, focal
//! point), how a post shows them, and the scheduled posts page.
//!
//! mastodon-mock quirks met here:
//! - it processes media synchronously and always answers `200`, so the
//!   `202`-then-`206` path is forced with injected answers;
//! - it does not check that a new time is five minutes ahead: the client
//!   holds to Mastodon's rule itself, checked below;
//! - it keeps a scheduled post's parameters as they were sent, under
//!   `text` on the way out, as Mastodon does.

use std::time::Duration;

use e2e::{
    Browser, MockServer, StaticServer, get_json_as, inject_fault, post_json, sign_in_as, wait_for,
};
use fantoccini::Locator;

/// A picture 200 by 100 pixels, so that a click lands on a known spot.
const PICTURE: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect width="200" height="100" fill="#246"/><circle cx="150" cy="25" r="20" fill="#fc3"/></svg>"##;

const ALT: &str = "A lighthouse at dusk, its lamp lit";

fn picture_file() -> anyhow::Result<(tempfile::TempDir, String)> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("lighthouse.svg");
    std::fs::write(&path, PICTURE)?;
    let path = path.to_str().unwrap_or_default().to_string();
    Ok((dir, path))
}

/// Picks the picture in the composer's file input.
async fn pick_picture(browser: &Browser, path: &str) -> anyhow::Result<()> {
    browser.wait_for("form.compose input[type=file]").await?;
    let input = browser
        .client
        .find(Locator::Css("form.compose input[type=file]"))
        .await?;
    input.send_keys(path).await?;
    Ok(())
}

/// Clicks the preview 3/4 of the way across and 1/4 of the way down, as a
/// mouse would: Mastodon's focus there is x 0.5, y 0.5 (y counts up). The
/// browser truncates a click to whole pixels, so the focus the page shows
/// may be a hundredth off; that focus is returned, as `"x,y"` and numbers.
async fn click_focal_point(browser: &Browser) -> anyhow::Result<(String, f64, f64)> {
    browser
        .eval(
            "const img = document.querySelector('li.attachment .focal-picker img');
             const rect = img.getBoundingClientRect();
             img.dispatchEvent(new MouseEvent('click', { bubbles: true, detail: 1,
               clientX: rect.left + rect.width * 0.75, clientY: rect.top + rect.height * 0.25 }));
             return true;",
        )
        .await?;
    let shown = browser.texts("li.attachment .focal-value", 1).await?;
    let param = shown[0].rsplit(' ').next().unwrap_or_default().to_string();
    let (x, y) = param
        .split_once(',')
        .and_then(|(x, y)| Some((x.parse::<f64>().ok()?, y.parse::<f64>().ok()?)))
        .ok_or_else(|| anyhow::anyhow!("no focal point shown: {shown:?}"))?;
    assert!(
        (x - 0.5).abs() <= 0.02 && (y - 0.5).abs() <= 0.02,
        "the click's focus, y up: {shown:?}"
    );
    Ok((param, x, y))
}

/// Writes the alt text as a reader would, then leaves the field.
async fn describe(browser: &Browser) -> anyhow::Result<()> {
    let field = browser
        .client
        .find(Locator::Css("li.attachment textarea[name=description]"))
        .await?;
    field.send_keys(ALT).await?;
    browser
        .eval("document.querySelector('li.attachment textarea[name=description]').blur(); return true;")
        .await?;
    Ok(())
}

/// Ada's composer with a picture picked while the server refuses the
/// next `failures` uploads with a 503. The folder holds the picture.
async fn picked_while_uploads_fail(
    failures: u32,
) -> anyhow::Result<(MockServer, StaticServer, Browser, tempfile::TempDir)> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let (dir, path) = picture_file()?;
    inject_fault(
        &mock,
        serde_json::json!({
            "match": { "methods": ["POST"], "path": "/api/v2/media" },
            "effect": { "type": "status", "status": 503 },
            "count": failures,
        }),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    e2e::open_route(&browser, &web, &mock, "compose").await?;
    pick_picture(&browser, &path).await?;
    Ok((mock, web, browser, dir))
}

async fn media_id(browser: &Browser) -> anyhow::Result<String> {
    browser
        .until(
            "the upload to be ready",
            "return document.querySelector('li.attachment')?.dataset.state === 'ready'",
        )
        .await?;
    let id = browser
        .eval("return document.querySelector('li.attachment').dataset.mediaId")
        .await?;
    Ok(id.as_str().unwrap_or_default().to_string())
}

/// Waits until the server holds the alt text and focal point for `id`.
async fn wait_for_description(
    mock: &MockServer,
    id: &str,
    (x, y): (f64, f64),
) -> anyhow::Result<serde_json::Value> {
    let url = format!("{}/api/v1/media/{id}", mock.origin());
    wait_for(
        "the alt text and focus on the server",
        Duration::from_secs(20),
        || async {
            get_json_as(&url, "ada_token").await.is_ok_and(|media| {
                media["description"] == ALT
                    && media["meta"]["focus"]["x"].as_f64() == Some(x)
                    && media["meta"]["focus"]["y"].as_f64() == Some(y)
            })
        },
    )
    .await?;
    get_json_as(&url, "ada_token").await
}

/// The post in its thread shows the alt text and is cropped around the
/// focal point.
async fn thread_shows_alt_and_focus(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    status_id: &str,
    focus: &str,
) -> anyhow::Result<()> {
    e2e::open_route(browser, web, mock, &format!("s/{status_id}")).await?;
    let selector = format!("article[data-status-id='{status_id}'] .media img");
    browser.wait_for(&selector).await?;
    let shown = browser
        .eval(&format!(
            "const img = document.querySelector(\"{selector}\");
             const [x, y] = '{focus}'.split(',').map(Number);
             const probe = document.createElement('img');
             probe.style.objectPosition = `${{((x + 1) * 50).toFixed(1)}}% ${{((1 - y) * 50).toFixed(1)}}%`;
             return [img.alt, img.dataset.focus, img.style.objectPosition === probe.style.objectPosition,
                     img.closest('li').querySelector('.media-alt p')?.textContent];"
        ))
        .await?;
    assert_eq!(
        shown,
        serde_json::json!([ALT, focus, true, ALT]),
        "the post's picture, its focus and its alt text"
    );
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_image_uploads_at_once_with_alt_text_and_focal_point() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let (_dir, path) = picture_file()?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    e2e::open_route(&browser, &web, &mock, "compose").await?;
    pick_picture(&browser, &path).await?;
    let id = media_id(&browser).await?;
    assert!(!id.is_empty(), "the server's id reaches the draft");
    describe(&browser).await?;
    let (focus, x, y) = click_focal_point(&browser).await?;
    let media = wait_for_description(&mock, &id, (x, y)).await?;
    assert!(media["url"].is_string());

    // Posted with that attachment, the post shows both.
    let status = post_json(
        &format!("{}/api/v1/statuses", mock.origin()),
        Some("ada_token"),
        &serde_json::json!({ "status": "Evening at the harbour", "media_ids": [id] }),
    )
    .await?;
    let status_id = status["id"].as_str().unwrap_or_default();
    thread_shows_alt_and_focus(&browser, &web, &mock, status_id, &focus).await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_still_processing_is_not_ready_until_its_url_comes() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let (_dir, path) = picture_file()?;
    // A file the server has: the forced answers below stand for it being
    // processed, as Mastodon does with video.
    let uploaded = upload_through_api(&mock, &path).await?;
    let id = uploaded["id"].as_str().unwrap_or_default().to_string();
    let processing = serde_json::json!({ "id": id, "type": "image", "url": null, "preview_url": null, "meta": {} });
    inject_fault(
        &mock,
        serde_json::json!({
            "match": { "methods": ["POST"], "path": "/api/v2/media" },
            "effect": { "type": "status", "status": 202, "body": processing },
            "count": 1,
        }),
    )
    .await?;
    inject_fault(
        &mock,
        serde_json::json!({
            "match": { "methods": ["GET"], "path": format!("/api/v1/media/{id}") },
            "effect": { "type": "status", "status": 206, "body": processing },
            "count": 3,
        }),
    )
    .await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    e2e::open_route(&browser, &web, &mock, "compose").await?;
    pick_picture(&browser, &path).await?;
    browser
        .until(
            "the attachment to wait on processing",
            "return document.querySelector('li.attachment')?.dataset.state === 'processing'",
        )
        .await?;
    let said = browser.texts("li.attachment .media-status", 1).await?;
    assert!(!said[0].is_empty());
    // Three 206 answers, then the server's own 200 with a url.
    assert_eq!(media_id(&browser).await?, id);
    browser.close().await
}

/// Uploads `path` through the API, as another client would.
async fn upload_through_api(mock: &MockServer, path: &str) -> anyhow::Result<serde_json::Value> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let bytes = std::fs::read(path)?;
    let boundary = "samizdat-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lighthouse.svg\"\r\nContent-Type: image/svg+xml\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(&bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let authority = mock.addr();
    let mut stream = tokio::net::TcpStream::connect(&authority).await?;
    let head = format!(
        "POST /api/v2/media HTTP/1.1\r\nHost: {authority}\r\nAuthorization: Bearer ada_token\r\nContent-Type: multipart/form-data; boundary={boundary}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(&body).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    let json = answer
        .split_once("\r\n\r\n")
        .map(|(_, body)| body)
        .unwrap_or_default();
    Ok(serde_json::from_str(json)?)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_image_posted_from_the_composer_shows_its_alt_text_and_focal_point() -> anyhow::Result<()>
{
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let (_dir, path) = picture_file()?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    e2e::open_route(&browser, &web, &mock, "compose").await?;
    pick_picture(&browser, &path).await?;
    let id = media_id(&browser).await?;
    describe(&browser).await?;
    let (focus, x, y) = click_focal_point(&browser).await?;
    wait_for_description(&mock, &id, (x, y)).await?;
    let text = browser
        .client
        .find(Locator::Css("form.compose textarea[name=status]"))
        .await?;
    text.send_keys("Evening at the harbour").await?;
    browser.click("form.compose button[type=submit]").await?;
    let ada = get_json_as(
        &format!("{}/api/v1/accounts/lookup?acct=ada", mock.origin()),
        "ada_token",
    )
    .await?;
    let statuses = format!(
        "{}/api/v1/accounts/{}/statuses",
        mock.origin(),
        ada["id"].as_str().unwrap_or_default()
    );
    let posted = || async {
        let posts = get_json_as(&statuses, "ada_token").await.ok()?;
        let post = posts.as_array()?.first()?.clone();
        (post["media_attachments"][0]["id"] == id.as_str())
            .then(|| post["id"].as_str().unwrap_or_default().to_string())
    };
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let status_id = loop {
        if let Some(status_id) = posted().await {
            break status_id;
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the post never reached the server"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    thread_shows_alt_and_focus(&browser, &web, &mock, &status_id, &focus).await?;
    browser.close().await
}

/// Schedules a post through the API, `minutes` from now by the browser's
/// clock.
async fn schedule(
    browser: &Browser,
    mock: &MockServer,
    minutes: u32,
    mut body: serde_json::Value,
) -> anyhow::Result<String> {
    let at = browser
        .eval(&format!(
            "return new Date(Date.now() + {minutes} * 60000).toISOString()"
        ))
        .await?;
    body["scheduled_at"] = at;
    let scheduled = post_json(
        &format!("{}/api/v1/statuses", mock.origin()),
        Some("ada_token"),
        &body,
    )
    .await?;
    let id = scheduled["id"].as_str().unwrap_or_default().to_string();
    anyhow::ensure!(
        scheduled["params"].is_object(),
        "not scheduled: {scheduled}"
    );
    Ok(id)
}

/// Puts the time `minutes` from now in a scheduled post's time field, as
/// the browser writes it (local time), and returns that time in UTC.
async fn set_time(browser: &Browser, id: &str, minutes: u32) -> anyhow::Result<serde_json::Value> {
    browser
        .eval(&format!(
            "const d = new Date(Date.now() + {minutes} * 60000); d.setSeconds(0, 0);
             const pad = n => String(n).padStart(2, '0');
             const input = document.querySelector(\"li.scheduled[data-scheduled-id='{id}'] input[name=scheduled_at]\");
             input.value = `${{d.getFullYear()}}-${{pad(d.getMonth() + 1)}}-${{pad(d.getDate())}}T${{pad(d.getHours())}}:${{pad(d.getMinutes())}}`;
             return d.getTime();"
        ))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn scheduled_posts_are_listed_moved_and_cancelled() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    e2e::open_route(&browser, &web, &mock, "public").await?;
    let ferry = schedule(
        &browser,
        &mock,
        60,
        serde_json::json!({
            "status": "Ferry times for tomorrow", "spoiler_text": "boats",
        }),
    )
    .await?;
    // Polls go as JSON: mastodon-mock drops form-encoded poll fields.
    let vote = schedule(
        &browser,
        &mock,
        120,
        serde_json::json!({
            "status": "Which boat?", "poll": { "options": ["early", "late"], "expires_in": 3600 },
        }),
    )
    .await?;

    sign_in_as(&browser, &web, &mock, "ada").await?;
    browser.click("header nav a[href$='/scheduled']").await?;
    let items = browser.texts("li.scheduled", 2).await?;
    assert!(
        items[0].contains("Ferry times for tomorrow") && items[0].contains("boats"),
        "{items:?}"
    );
    assert!(
        items[1].contains("Which boat?") && items[1].contains("early / late"),
        "{items:?}"
    );

    let one = format!("{}/api/v1/scheduled_statuses/{ferry}", mock.origin());
    let before = get_json_as(&one, "ada_token").await?["scheduled_at"].clone();
    // Sooner than five minutes would publish at once: refused here.
    set_time(&browser, &ferry, 2).await?;
    browser
        .click(&format!(
            "li.scheduled[data-scheduled-id='{ferry}'] button.reschedule"
        ))
        .await?;
    browser
        .wait_for(&format!("li.scheduled[data-scheduled-id='{ferry}'] .error"))
        .await?;
    assert_eq!(
        get_json_as(&one, "ada_token").await?["scheduled_at"],
        before
    );

    let wanted = set_time(&browser, &ferry, 180).await?;
    browser
        .click(&format!(
            "li.scheduled[data-scheduled-id='{ferry}'] button.reschedule"
        ))
        .await?;
    wait_for(
        "the new time on the server",
        Duration::from_secs(20),
        || async {
            let Ok(now) = get_json_as(&one, "ada_token").await else {
                return false;
            };
            let script = format!("return Date.parse({}) === {wanted}", now["scheduled_at"]);
            browser.eval(&script).await.is_ok_and(|same| same == true)
        },
    )
    .await?;

    // The page, loaded again, shows the new time.
    browser
        .until(
            "the page to show the new time",
            &format!(
                "const time = document.querySelector(\"li.scheduled[data-scheduled-id='{ferry}'] time\");
                 return !!time && Date.parse(time.getAttribute('datetime')) === {wanted}"
            ),
        )
        .await?;

    let list = format!("{}/api/v1/scheduled_statuses", mock.origin());
    browser
        .click(&format!(
            "li.scheduled[data-scheduled-id='{ferry}'] button.cancel-scheduled"
        ))
        .await?;
    wait_for(
        "the cancelled post to leave the server",
        Duration::from_secs(20),
        || async {
            get_json_as(&list, "ada_token").await.is_ok_and(|list| {
                list.as_array()
                    .is_some_and(|list| list.len() == 1 && list[0]["id"] == vote.as_str())
            })
        },
    )
    .await?;
    browser
        .until(
            "the cancelled post to leave the page",
            "return document.querySelectorAll('li.scheduled').length === 1",
        )
        .await?;

    // Edit opens a copy in the composer, with the poll.
    browser
        .click(&format!(
            "li.scheduled[data-scheduled-id='{vote}'] button.edit-scheduled"
        ))
        .await?;
    browser
        .until(
            "the composer with the scheduled post",
            "return location.hash.endsWith('/compose')
               && ((sessionStorage.getItem('samizdat.handoff') || '').includes('Which boat?')
                   || document.querySelector('form.compose textarea[name=status]')?.value === 'Which boat?')",
        )
        .await?;
    browser.close().await
}

/// The composer's file input's `disabled`, and the poll button's.
async fn pickers_disabled(browser: &Browser) -> anyhow::Result<serde_json::Value> {
    browser
        .eval(
            "return [document.querySelector('form.compose input[type=file]').disabled,
                     document.querySelector('form.compose button.poll-toggle').disabled];",
        )
        .await
}

async fn attachment_order(browser: &Browser) -> anyhow::Result<serde_json::Value> {
    browser
        .eval(
            "return [...document.querySelectorAll('li.attachment')].map(li => li.dataset.localId)",
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_poll_keeps_to_the_servers_limits_and_excludes_media() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let instance = e2e::get_json(&format!("{}/api/v2/instance", mock.origin())).await?;
    let polls = &instance["configuration"]["polls"];
    let max_options = polls["max_options"].as_u64().unwrap_or_default() as usize;
    let (min, max) = (
        polls["min_expiration"].as_u64(),
        polls["max_expiration"].as_u64(),
    );
    sign_in_as(&browser, &web, &mock, "ada").await?;
    e2e::open_route(&browser, &web, &mock, "compose").await?;
    browser.click("form.compose button.poll-toggle").await?;
    let options = browser
        .texts("form.compose input[name='poll[options][]']", 2)
        .await?;
    assert_eq!(options.len(), 2, "a poll starts with two choices");
    assert_eq!(
        pickers_disabled(&browser).await?,
        serde_json::json!([true, false])
    );
    for _ in 2..max_options {
        browser.click("form.compose button.add-option").await?;
    }
    let options = browser
        .texts("form.compose input[name='poll[options][]']", max_options)
        .await?;
    assert_eq!(options.len(), max_options);
    let full = browser
        .eval("return document.querySelector('form.compose button.add-option').disabled")
        .await?;
    assert_eq!(full, true, "no more choices than the server takes");
    let durations = browser
        .eval("return [...document.querySelectorAll(\"select[name='poll[expires_in]'] option\")].map(o => Number(o.value))")
        .await?;
    let durations: Vec<u64> = serde_json::from_value(durations)?;
    assert!(!durations.is_empty());
    assert!(
        durations
            .iter()
            .all(|seconds| Some(*seconds) >= min && Some(*seconds) <= max),
        "{durations:?} within {min:?}..{max:?}"
    );
    browser
        .wait_for("form.compose input[type=checkbox][name='poll[multiple]']")
        .await?;

    // Without the poll, media may come, and then a poll may not.
    browser.click("form.compose button.poll-toggle").await?;
    assert_eq!(
        pickers_disabled(&browser).await?,
        serde_json::json!([false, false])
    );
    let (dir, first) = picture_file()?;
    let second = dir.path().join("harbour.svg");
    std::fs::write(&second, PICTURE)?;
    let both = format!("{first}\n{}", second.to_str().unwrap_or_default());
    pick_picture(&browser, &both).await?;
    browser
        .until(
            "both uploads to be ready",
            "const items = document.querySelectorAll('li.attachment');
             return items.length === 2 && [...items].every(li => li.dataset.state === 'ready')",
        )
        .await?;
    assert_eq!(
        pickers_disabled(&browser).await?,
        serde_json::json!([false, true])
    );

    // Moved later, then removed.
    let order: Vec<String> = serde_json::from_value(attachment_order(&browser).await?)?;
    let first_earlier = browser
        .eval("return document.querySelector('li.attachment button[data-move=earlier]').disabled")
        .await?;
    assert_eq!(first_earlier, true);
    browser
        .click("li.attachment:first-child button[data-move=later]")
        .await?;
    browser
        .until(
            "the order to change",
            &format!(
                "return document.querySelector('li.attachment')?.dataset.localId === '{}'",
                order[1]
            ),
        )
        .await?;
    assert_eq!(
        attachment_order(&browser).await?,
        serde_json::json!([order[1], order[0]])
    );
    browser
        .click(&format!(
            "li.attachment[data-local-id='{}'] button.remove",
            order[1]
        ))
        .await?;
    browser
        .until(
            "one attachment to be left",
            "return document.querySelectorAll('li.attachment').length === 1",
        )
        .await?;
    assert_eq!(
        attachment_order(&browser).await?,
        serde_json::json!([order[0]])
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_upload_says_why_and_can_be_tried_again() -> anyhow::Result<()> {
    let (mock, _web, browser, _dir) = picked_while_uploads_fail(1).await?;
    let said = browser
        .texts("li.attachment[data-state=failed] .error", 1)
        .await?;
    assert!(
        said[0].contains("503"),
        "the failure and its cause: {said:?}"
    );
    browser.click("li.attachment button.retry-upload").await?;
    let id = media_id(&browser).await?;
    let media = get_json_as(&format!("{}/api/v1/media/{id}", mock.origin()), "ada_token").await?;
    assert!(
        media["url"].is_string(),
        "uploaded on the second try: {media}"
    );
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_picture_not_yet_uploaded_survives_a_reload() -> anyhow::Result<()> {
    // Two failures: the upload at picking, then the one tried again from
    // the kept file when the draft opens after the reload.
    let (mock, _web, browser, _dir) = picked_while_uploads_fail(2).await?;
    browser
        .texts("li.attachment[data-state=failed] .error", 1)
        .await?;
    // Saving waits for a pause.
    tokio::time::sleep(Duration::from_secs(2)).await;
    browser.client.refresh().await?;
    // Tried again at once from the kept file, which the server refuses
    // once more; the picture is not lost, and "Try again" still works.
    browser
        .texts("li.attachment[data-state=failed] .error", 1)
        .await?;
    assert_eq!(browser.eval(&kept_files("n")).await?, 1, "the file is kept");
    browser
        .until(
            "the kept picture to show",
            "return document.querySelector('li.attachment img')?.src.startsWith('blob:') === true",
        )
        .await?;
    browser.click("li.attachment button.retry-upload").await?;
    let id = media_id(&browser).await?;
    let media = get_json_as(&format!("{}/api/v1/media/{id}", mock.origin()), "ada_token").await?;
    assert!(
        media["url"].is_string(),
        "uploaded from the kept file: {media}"
    );
    browser
        .until(
            "the kept file to be let go once uploaded",
            &kept_files("n === 0"),
        )
        .await?;
    let text = browser
        .client
        .find(Locator::Css("form.compose textarea[name=status]"))
        .await?;
    text.send_keys("The lighthouse, after all").await?;
    browser.click("form.compose button[type=submit]").await?;
    let statuses = format!(
        "{}/api/v1/accounts/{}/statuses",
        mock.origin(),
        e2e::account_id(&mock, "ada").await?
    );
    wait_for("the post with its picture", Duration::from_secs(20), || {
        let statuses = statuses.clone();
        let id = id.clone();
        async move {
            get_json_as(&statuses, "ada_token")
                .await
                .ok()
                .and_then(|posts| posts.as_array()?.first().cloned())
                .is_some_and(|post| post["media_attachments"][0]["id"] == id.as_str())
        }
    })
    .await?;
    browser.close().await
}

/// A script answering `then`, an expression of `n`, the number of files
/// the client keeps in its IndexedDB for uploads not yet done.
fn kept_files(then: &str) -> String {
    format!(
        "return new Promise(done => {{
            const open = indexedDB.open('samizdat');
            open.onerror = () => done(-1);
            open.onsuccess = () => {{
                const db = open.result;
                const count = db.transaction('media').objectStore('media').count();
                count.onsuccess = () => {{ const n = count.result; db.close(); done({then}); }};
            }};
        }})"
    )
}
