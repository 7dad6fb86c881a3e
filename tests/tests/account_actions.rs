//! Acting on accounts from their profiles: following, muting, blocking,
//! blocking a server, reporting and lists, each checked on the server's
//! side through its API; and the follow requests page.

use std::time::{Duration, Instant};

use e2e::{Browser, MockServer, StaticServer, answer_once, get_json_as, inject_fault, post_json};
use serde_json::{Value, json};

/// How `token`'s account stands towards account `id`, per the server.
async fn relationship(mock: &MockServer, token: &str, id: &str) -> anyhow::Result<Value> {
    let url = format!("{}/api/v1/accounts/relationships?id[]={id}", mock.origin());
    Ok(get_json_as(&url, token).await?[0].clone())
}

/// Asks the server `url` as `token` until `holds` says yes, for 20 s.
async fn until_server(
    what: &str,
    url: &str,
    token: &str,
    holds: impl Fn(&Value) -> bool,
) -> anyhow::Result<Value> {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let value = get_json_as(url, token).await?;
        if holds(&value) {
            return Ok(value);
        }
        anyhow::ensure!(
            Instant::now() < deadline,
            "waited 20 s for the server to show {what}; it had {value}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Seconds since the epoch of an ISO 8601 UTC time such as the mock's
/// `2026-12-02T01:40:00.123+00:00`, to the second.
fn epoch_seconds(iso: &str) -> Option<i64> {
    let number = |range: std::ops::Range<usize>| iso.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    // Days from the civil date (Howard Hinnant's algorithm).
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let year_of_era = y - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    let days = era * 146_097 + day_of_era - 719_468;
    Some(days * 86_400 + hour * 3600 + minute * 60 + second)
}

/// Signs `ada` in and opens the profile of `acct`, ready to act on it.
async fn ada_opens_profile(
    browser: &Browser,
    web: &StaticServer,
    mock: &MockServer,
    acct: &str,
) -> anyhow::Result<()> {
    e2e::sign_in_as(browser, web, mock, "ada").await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/@{acct}", mock.addr())))
        .await?;
    browser.wait_for(".account-actions .account-buttons").await
}

/// Sets a `<select>` as a reader picking an option would.
async fn pick(browser: &Browser, css: &str, value: &str) -> anyhow::Result<()> {
    browser
        .eval(&format!(
            "const s = document.querySelector(\"{css}\"); s.value = '{value}'; \
             s.dispatchEvent(new Event('change', {{ bubbles: true }})); return true"
        ))
        .await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn follow_mute_and_block_change_the_servers_state() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let katherine = e2e::account_id(&mock, "katherine").await?;
    let relationships = format!(
        "{}/api/v1/accounts/relationships?id[]={katherine}",
        mock.origin()
    );
    ada_opens_profile(&browser, &web, &mock, "katherine").await?;
    // The demo has katherine follow ada, and not the other way round.
    assert_eq!(
        browser.texts("[data-standing=follows-you]", 1).await?.len(),
        1
    );

    browser.click("button[data-action=follow]").await?;
    until_server(
        "ada following katherine",
        &relationships,
        "ada_token",
        |r| r[0]["following"] == true,
    )
    .await?;
    browser.wait_for("[data-standing=mutual]").await?;
    browser.wait_for("button[data-action=unfollow]").await?;

    // Once following, boosts can be hidden.
    browser
        .until(
            "the boosts toggle to be enabled",
            "const b = document.querySelector('input[name=reblogs]'); return !!b && !b.disabled && b.checked",
        )
        .await?;
    browser.click("input[name=reblogs]").await?;
    until_server("boosts hidden", &relationships, "ada_token", |r| {
        r[0]["showing_reblogs"] == false
    })
    .await?;

    // Muted for an hour, notifications included.
    let before = post_json(
        &format!("{}/api/v1/statuses", mock.origin()),
        Some("ada_token"),
        &json!({ "status": "a clock reading", "visibility": "direct" }),
    )
    .await?;
    pick(&browser, "select[name=duration]", "3600").await?;
    browser.click("button[data-action=mute]").await?;
    let muted = until_server("the mute", &relationships, "ada_token", |r| {
        r[0]["muting"] == true
    })
    .await?;
    assert_eq!(muted[0]["muting_notifications"], true);
    let start = before["created_at"].as_str().and_then(epoch_seconds);
    let expiry = muted[0]["muting_expires_at"]
        .as_str()
        .and_then(epoch_seconds);
    let (Some(start), Some(expiry)) = (start, expiry) else {
        anyhow::bail!("the mute has no end: {muted}");
    };
    assert!(
        (3590..3700).contains(&(expiry - start)),
        "the mute ends an hour on, not {} s",
        expiry - start
    );
    browser.wait_for("button[data-action=unmute]").await?;
    browser.wait_for("[data-standing=muted]").await?;

    // Blocking asks first, and ends the follow.
    browser.click("button[data-action=block]").await?;
    browser
        .click(".confirm button[data-action=confirm]")
        .await?;
    let blocked = until_server("the block", &relationships, "ada_token", |r| {
        r[0]["blocking"] == true
    })
    .await?;
    assert_eq!(blocked[0]["following"], false);
    browser.wait_for("button[data-action=unblock]").await?;
    let no_follow = browser
        .eval("return document.querySelector('[data-action=follow], [data-action=unfollow]') === null")
        .await?;
    assert_eq!(no_follow, true, "no following across a block");

    // The private note is kept on the server.
    let note = browser
        .client
        .find(fantoccini::Locator::Css(
            "form.account-note textarea[name=comment]",
        ))
        .await?;
    note.send_keys("Met at the harbour").await?;
    browser
        .click("form.account-note button[type=submit]")
        .await?;
    browser.wait_for(".note-saved").await?;
    let noted = relationship(&mock, "ada_token", &katherine).await?;
    assert_eq!(noted["note"], "Met at the harbour");
    // Missing files (the host's optional config.json) are logged too: only
    // a panic counts here.
    let panics: Vec<String> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|message| message.contains("panicked") || message.contains("RuntimeError"))
        .collect();
    assert!(panics.is_empty(), "the client panicked: {panics:?}");
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_follow_puts_the_button_back() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let katherine = e2e::account_id(&mock, "katherine").await?;
    ada_opens_profile(&browser, &web, &mock, "katherine").await?;
    inject_fault(
        &mock,
        json!({
            "match": { "methods": ["POST"], "path": format!("/api/v1/accounts/{katherine}/follow") },
            "effect": { "type": "status", "status": 500, "body": { "error": "boom" } },
            "count": 1,
        }),
    )
    .await?;
    browser.click("button[data-action=follow]").await?;
    browser.wait_for(".notice-bar").await?;
    browser.wait_for("button[data-action=follow]").await?;
    let shown = browser
        .eval("return document.querySelector('button[data-action=unfollow]') === null")
        .await?;
    assert_eq!(shown, true, "the follow was rolled back");
    assert_eq!(
        relationship(&mock, "ada_token", &katherine).await?["following"],
        false
    );

    // The next try goes through. The button flips before the server has
    // answered, so the server's state is awaited, not read at once.
    browser.click("button[data-action=follow]").await?;
    browser.wait_for("button[data-action=unfollow]").await?;
    let relationships = format!(
        "{}/api/v1/accounts/relationships?id[]={katherine}",
        mock.origin()
    );
    until_server("the follow", &relationships, "ada_token", |r| {
        r[0]["following"] == true
    })
    .await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_remote_accounts_server_is_blocked() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    // The mock federates with no one, so grace is dressed as a remote
    // account for the profile's lookup; the block goes to the mock as usual.
    let url = format!("{}/api/v1/accounts/lookup?acct=grace", mock.origin());
    let mut grace = get_json_as(&url, "ada_token").await?;
    grace["acct"] = json!("grace@remote.example");
    e2e::sign_in_as(&browser, &web, &mock, "ada").await?;
    answer_once(&mock, "/api/v1/accounts/lookup", grace).await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/@grace@remote.example", mock.addr())))
        .await?;
    browser.wait_for("button[data-action=block-domain]").await?;
    browser.click("button[data-action=block-domain]").await?;
    browser
        .click(".confirm button[data-action=confirm]")
        .await?;
    let blocks = format!("{}/api/v1/domain_blocks", mock.origin());
    // The mock takes domain blocks only as a form, as the client sends them.
    until_server("the domain block", &blocks, "ada_token", |domains| {
        domains
            .as_array()
            .is_some_and(|domains| domains.contains(&json!("remote.example")))
    })
    .await?;
    browser
        .wait_for("button[data-action=unblock-domain]")
        .await?;

    // A report on a remote account may be forwarded to its server.
    browser.click("button[data-action=report]").await?;
    browser.wait_for("form.report input[name=forward]").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_report_reaches_the_server_with_its_category_and_posts() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let statuses = format!("{}/api/v1/statuses", mock.origin());
    let mut posted = Vec::new();
    for text in ["Buy cheap watches", "Totally normal post"] {
        let body = json!({ "status": text, "visibility": "public" });
        posted.push(post_json(&statuses, Some("alan_token"), &body).await?);
    }
    let spam = posted[0]["id"].as_str().unwrap_or_default().to_string();
    ada_opens_profile(&browser, &web, &mock, "alan").await?;
    browser.click("button[data-action=report]").await?;
    browser
        .click("form.report input[name=category][value=violation]")
        .await?;
    // The server's rules come up for a rule violation.
    let rules = browser.texts(".report-rules label", 4).await?;
    assert_eq!(rules[1], "No harassment, hate speech, or spam.");
    browser
        .click("form.report input[name='rule_ids[]'][value='2']")
        .await?;
    browser
        .click(&format!(
            "form.report input[name='status_ids[]'][value='{spam}']"
        ))
        .await?;
    let comment = browser
        .client
        .find(fantoccini::Locator::Css(
            "form.report textarea[name=comment]",
        ))
        .await?;
    comment.send_keys("Selling watches to everyone").await?;
    // The mock's admin view leaves out a report's rules, so the page keeps
    // a copy of what it sends to check them by.
    browser
        .eval(
            "window.sentReports = []; const send = window.fetch; \
             window.fetch = (request, init) => { \
               if (String(request.url || request).includes('/api/v1/reports')) \
                 request.clone().text().then(body => window.sentReports.push(body)); \
               return send.call(window, request, init); }; return true",
        )
        .await?;
    browser.click("form.report button[type=submit]").await?;
    browser.wait_for(".report-sent").await?;
    browser
        .until(
            "the report's copy",
            "return window.sentReports.length === 1",
        )
        .await?;
    let sent = browser.eval("return window.sentReports[0]").await?;
    let sent: Value = serde_json::from_str(sent.as_str().unwrap_or_default())?;
    assert_eq!(sent["rule_ids"], json!(["2"]));
    // No account on a local server offers forwarding.
    let forward = browser
        .eval("return document.querySelector('form.report input[name=forward]') === null")
        .await?;
    assert_eq!(forward, true);

    // ada moderates the demo server, so she sees the report come in.
    let alan = e2e::account_id(&mock, "alan").await?;
    let reports = format!(
        "{}/api/v1/admin/reports?target_account_id={alan}",
        mock.origin()
    );
    let filed = until_server("the report", &reports, "ada_token", |reports| {
        reports
            .as_array()
            .is_some_and(|reports| !reports.is_empty())
    })
    .await?;
    let report = &filed[0];
    assert_eq!(report["category"], "violation");
    assert_eq!(report["comment"], "Selling watches to everyone");
    assert_eq!(report["forwarded"], false);
    let cited: Vec<&Value> = report["statuses"]
        .as_array()
        .map(|statuses| statuses.iter().map(|status| &status["id"]).collect())
        .unwrap_or_default();
    assert_eq!(cited, [&json!(spam)]);
    browser.close().await
}

/// PATCHes a form to `url` as `token`: the mock's profile updates take
/// nothing else.
async fn patch_form(url: &str, token: &str, form: &str) -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let rest = url.trim_start_matches("http://");
    let (authority, path) = rest.split_once('/').unwrap_or((rest, ""));
    let mut stream = tokio::net::TcpStream::connect(authority).await?;
    let request = format!(
        "PATCH /{path} HTTP/1.1\r\nHost: {authority}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\
         Connection: close\r\n\r\n{form}",
        form.len()
    );
    stream.write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    anyhow::ensure!(answer.starts_with("HTTP/1.1 2"), "{url} answered {answer}");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_follow_request_is_accepted() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    // ada locks her account, so that following her takes her consent.
    patch_form(
        &format!("{}/api/v1/accounts/update_credentials", mock.origin()),
        "ada_token",
        "locked=true",
    )
    .await?;
    let ada = e2e::account_id(&mock, "ada").await?;
    let katherine = e2e::account_id(&mock, "katherine").await?;
    // katherine follows ada in the demo: she asks again after an unfollow.
    let on_ada = |action: &str| format!("{}/api/v1/accounts/{ada}/{action}", mock.origin());
    post_json(&on_ada("unfollow"), Some("katherine_token"), &json!({})).await?;
    let asked = post_json(&on_ada("follow"), Some("katherine_token"), &json!({})).await?;
    assert_eq!(asked["requested"], true, "a locked account gets a request");

    e2e::sign_in_as(&browser, &web, &mock, "ada").await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/follow-requests", mock.addr())))
        .await?;
    let entry = format!("li.follow-request[data-account-id='{katherine}']");
    let shown = browser.texts(&entry, 1).await?;
    assert!(shown[0].contains("@katherine"), "{shown:?}");
    browser
        .click(&format!("{entry} button[data-action=authorize]"))
        .await?;
    browser
        .until(
            "the request to leave the list",
            &format!("return document.querySelector(\"{entry}\") === null"),
        )
        .await?;
    // The page drops the request at once and answers the server after.
    let url = format!("{}/api/v1/accounts/relationships?id[]={ada}", mock.origin());
    until_server("katherine following ada", &url, "katherine_token", |now| {
        now[0]["following"] == json!(true) && now[0]["requested"] == json!(false)
    })
    .await?;
    browser.wait_for(".follow-requests + .empty").await?;
    browser.close().await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_account_is_put_in_a_list_from_its_profile() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let lists = format!("{}/api/v1/lists", mock.origin());
    let crew = post_json(
        &lists,
        Some("ada_token"),
        &json!({ "title": "Harbour crew" }),
    )
    .await?;
    let crew = crew["id"].as_str().unwrap_or_default().to_string();
    let grace = e2e::account_id(&mock, "grace").await?;
    ada_opens_profile(&browser, &web, &mock, "grace").await?;
    let checkbox = format!(".account-lists input[data-list-id='{crew}']");
    assert_eq!(
        browser.texts(".account-lists label", 1).await?,
        ["Harbour crew"]
    );
    browser.click(&checkbox).await?;
    let members = format!("{lists}/{crew}/accounts");
    let holds_grace = |members: &Value| {
        members
            .as_array()
            .is_some_and(|members| members.iter().any(|member| member["id"] == json!(grace)))
    };
    until_server("grace in the list", &members, "ada_token", holds_grace).await?;

    // Reopened, the profile shows where grace is; unticked, she leaves.
    browser.client.refresh().await?;
    browser
        .until(
            "the list to show as holding grace",
            &format!("const c = document.querySelector(\"{checkbox}\"); return !!c && c.checked && !c.disabled"),
        )
        .await?;
    browser.click(&checkbox).await?;
    until_server("grace out of the list", &members, "ada_token", |members| {
        !holds_grace(members)
    })
    .await?;
    browser.close().await
}
