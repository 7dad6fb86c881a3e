//! Suggestions while writing: a mention picked from the server's search,
//! and custom emoji from the picker and from a `:shortcode` being typed.

use e2e::{answer_once, post_json, sign_in_as};
use fantoccini::Locator;
use fantoccini::key::Key;

const FIELD: &str = "form.compose textarea[name=status]";

/// The status field's text.
async fn field_text(browser: &e2e::browser::Browser) -> anyhow::Result<String> {
    let value = browser
        .eval(&format!("return document.querySelector('{FIELD}').value"))
        .await?;
    Ok(value.as_str().unwrap_or_default().to_string())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_mention_and_custom_emoji_are_suggested_and_inserted() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let statuses = format!("{}/api/v1/statuses", mock.origin());
    let tagged = serde_json::json!({ "status": "Low tide #seaside", "visibility": "public" });
    post_json(&statuses, Some("grace_token"), &tagged).await?;
    sign_in_as(&browser, &web, &mock, "ada").await?;
    browser
        .client
        .goto(&web.url(&format!("/app/#/{}/compose", mock.addr())))
        .await?;
    browser.wait_for(FIELD).await?;
    let field = browser.client.find(Locator::Css(FIELD)).await?;
    field.click().await?;
    field.send_keys("Hello @al").await?;

    // The server's search names alan; the field points at the option.
    let options = browser.texts("[role=listbox] [role=option]", 1).await?;
    assert!(
        options.iter().any(|option| option.contains("@alan")),
        "suggestions were {options:?}"
    );
    browser
        .until(
            "the field to point at the active suggestion",
            &format!(
                "const field = document.querySelector('{FIELD}'); \
                 const id = field.getAttribute('aria-activedescendant'); \
                 return !!id && document.getElementById(id)?.getAttribute('aria-selected') === 'true'"
            ),
        )
        .await?;
    let alan = options
        .iter()
        .position(|option| option.contains("@alan"))
        .unwrap_or_default();
    for _ in 0..alan {
        field.send_keys(&Key::Down).await?;
    }
    field.send_keys(&Key::Enter).await?;
    assert_eq!(field_text(&browser).await?, "Hello @alan ");
    browser
        .until(
            "the suggestions to close",
            "return document.querySelector('[role=listbox]').hidden",
        )
        .await?;

    // mastodon-mock lists two emoji in one category; this server has
    // more, one of them kept out of pickers.
    let emoji = |code: &str, category: serde_json::Value, visible: bool| {
        let url = format!("{}/custom_emojis/{code}.png", mock.origin());
        serde_json::json!({
            "shortcode": code, "url": url, "static_url": url,
            "visible_in_picker": visible, "category": category,
        })
    };
    let catalog = serde_json::json!([
        emoji("blobcat", "Blobs".into(), true),
        emoji("blobfox", "Blobs".into(), true),
        emoji("parrot", serde_json::Value::Null, true),
        emoji("blobsecret", "Blobs".into(), false),
    ]);
    answer_once(&mock, "/api/v1/custom_emojis", catalog).await?;
    browser.click("form.compose button.emoji-button").await?;
    let headings = browser.texts(".emoji-panel .emoji-group h3", 2).await?;
    assert_eq!(headings, ["Custom", "Blobs"]);
    let shown = browser
        .eval("return [...document.querySelectorAll('.emoji-panel button.emoji')].map(b => b.dataset.shortcode)")
        .await?;
    assert_eq!(shown, serde_json::json!(["parrot", "blobcat", "blobfox"]));
    browser
        .click(".emoji-panel button.emoji[data-shortcode=blobcat]")
        .await?;
    assert_eq!(field_text(&browser).await?, "Hello @alan :blobcat: ");

    // The list is kept: typing a shortcode suggests from it too, prefix
    // matches only here, and never the hidden one.
    let field = browser.client.find(Locator::Css(FIELD)).await?;
    field.send_keys("and :blobf").await?;
    let options = browser.texts("[role=listbox] [role=option]", 1).await?;
    assert_eq!(options.len(), 1, "suggestions were {options:?}");
    assert!(
        options[0].contains(":blobfox:"),
        "suggestions were {options:?}"
    );
    field.send_keys(&Key::Tab).await?;
    let text = "Hello @alan :blobcat: and :blobfox: ";
    assert_eq!(field_text(&browser).await?, text);

    // A hashtag the server knows is suggested; Escape closes the list and
    // leaves the text as typed.
    field.send_keys("#sea").await?;
    let options = browser.texts("[role=listbox] [role=option]", 1).await?;
    assert_eq!(options, ["#seaside"]);
    field.send_keys(&Key::Escape).await?;
    let closed = "return document.querySelector('[role=listbox]').hidden";
    browser.until("the suggestions to close", closed).await?;
    assert_eq!(field_text(&browser).await?, format!("{text}#sea"));

    // An answer that comes after Escape is dropped, not shown.
    field.send_keys(" @gr").await?;
    field.send_keys(&Key::Escape).await?;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        browser.eval(closed).await?,
        true,
        "a late answer opened the list"
    );
    // Missing files (the client's optional config.json, a favicon) are
    // logged too; only the client's own failures count here.
    let failures: Vec<String> = browser
        .console_errors()
        .await?
        .into_iter()
        .filter(|message| message.contains("panicked") || message.contains("RuntimeError"))
        .collect();
    assert!(failures.is_empty(), "the client failed: {failures:?}");
    browser.close().await
}
