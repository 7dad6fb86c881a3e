//! Failures a server can throw at the client, injected into mastodon-mock,
//! and a hostile server's HTML: the client explains, recovers, and runs
//! nothing the server sent.

use e2e::hostile_server::HostileServer;
use e2e::{Browser, MockServer};
use serde_json::json;

/// Injects one failure of the public timeline. The failure carries CORS
/// headers, as a server's own error does; without them the browser hides
/// the response, and the client can only say the server is unreachable.
async fn inject(mock: &MockServer, mut effect: serde_json::Value) -> anyhow::Result<()> {
    effect["headers"]["Access-Control-Expose-Headers"] =
        json!("Retry-After, X-RateLimit-Reset, Link");
    let rule =
        json!({ "match": { "path": "/api/v1/timelines/public" }, "effect": effect, "count": 1 });
    e2e::inject_fault(mock, rule).await
}

async fn alert_text(browser: &Browser) -> anyhow::Result<String> {
    Ok(browser.texts("[role=alert] p", 1).await?.join(" "))
}

/// The IDs of the server's local timeline, read before any fault is
/// injected, so that no injected answer is spent on the test's own read.
async fn local_ids(mock: &MockServer) -> anyhow::Result<Vec<String>> {
    let statuses = e2e::get_json(&format!(
        "{}/api/v1/timelines/public?local=true",
        mock.origin()
    ))
    .await?;
    Ok(statuses
        .as_array()
        .map(|statuses| {
            statuses
                .iter()
                .map(|status| status["id"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default())
}

/// Waits for the timeline, then checks that it holds the server's posts
/// in the server's order, and that the error made way for them.
async fn shows_the_timeline(browser: &Browser, expected: &[String]) -> anyhow::Result<()> {
    browser
        .texts("[role=feed] article[data-status-id]", expected.len())
        .await?;
    let shown: Vec<String> = serde_json::from_value(browser.eval("return [...document.querySelectorAll('[role=feed] article[data-status-id]')].map(a => a.dataset.statusId)").await?)?;
    assert_eq!(shown[..expected.len()], expected[..], "the server's posts");
    let alerts = browser
        .eval("return document.querySelectorAll('[role=alert]').length")
        .await?;
    assert_eq!(alerts, 0, "no error is left beside the posts");
    Ok(())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn server_failures_show_a_message_and_the_app_recovers() -> anyhow::Result<()> {
    let (mock, web, browser) = e2e::client_with_mock().await?;
    let timeline = web.url(&format!("/app/#/{}/public/local", mock.addr()));
    let expected = local_ids(&mock).await?;
    assert!(!expected.is_empty(), "the demo server has local posts");

    // A 500: a message in place, and the retry button loads the timeline.
    inject(&mock, json!({ "type": "status", "status": 500 })).await?;
    browser.client.goto(&timeline).await?;
    let alert = alert_text(&browser).await?;
    assert!(alert.contains("failed (500)"), "{alert}");
    browser.click("[role=alert] button").await?;
    shows_the_timeline(&browser, &expected).await?;

    // Malformed JSON.
    inject(&mock, json!({ "type": "malformed" })).await?;
    // A fresh load: coming back within the app shows the remembered timeline.
    browser.client.refresh().await?;
    assert!(alert_text(&browser).await?.contains("cannot read"));
    browser.click("[role=alert] button").await?;
    shows_the_timeline(&browser, &expected).await?;

    // A 429 with Retry-After: the client waits as asked and retries by itself.
    inject(
        &mock,
        json!({ "type": "ratelimit", "headers": { "Retry-After": "1" } }),
    )
    .await?;
    // A fresh load: coming back within the app shows the remembered timeline.
    browser.client.refresh().await?;
    assert!(alert_text(&browser).await?.contains("slow down"));
    // The timeline loads after the wait, with no click.
    shows_the_timeline(&browser, &expected).await?;

    // Latency: the feed says it is busy, then fills.
    inject(&mock, json!({ "type": "latency", "delay_ms": 1500 })).await?;
    // A fresh load: coming back within the app shows the remembered timeline.
    browser.client.refresh().await?;
    browser.texts("[role=feed][aria-busy=true]", 1).await?;
    shows_the_timeline(&browser, &expected).await?;
    browser.close().await
}

/// Installed on the client's start page, before any hostile data reaches
/// the document that every view then renders in: each way a payload could
/// make itself known is recorded, and the page's own elements are noted so
/// that the scan can tell them from the server's.
const INSTALL_GUARDS: &str = r#"
const ran = [];
window.__ran = ran;
Object.defineProperty(window, '__pwned', {
  get: () => ran.length ? ran.join(', ') : undefined,
  set: value => ran.push(String(value)),
});
for (const name of ['alert', 'confirm', 'prompt', 'print', 'open']) {
  window[name] = (...args) => ran.push(name + '(' + args.join(',') + ')');
}
window.__guard = 'installed';
window.__title = document.title;
window.__own = new Set(document.querySelectorAll('*'));
return true;"#;

/// What a reader would do to set payloads off: open every content warning
/// and sensitive media, hover and focus everything.
const PROVOKE: &str = r#"
document.querySelectorAll('details').forEach(d => d.open = true);
document.querySelectorAll('*').forEach(e => {
  e.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
  if (e.focus) e.focus();
});
return true;"#;

/// Whether anything ran: the guards must still be there (the document did
/// not change), nothing recorded, the title as it was.
const RAN: &str = r#"
if (window.__guard !== 'installed') return ['the guards are gone: the page was replaced'];
const ran = [...window.__ran];
if (document.title !== window.__title) ran.push('title: ' + document.title);
return ran;"#;

/// Every live vector left anywhere in the document, the page's own
/// elements aside: elements that run or load code or change where the page
/// goes, `on*` attributes, script URLs, and styles the client did not write.
const LIVE_VECTORS: &str = r#"
const denied = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'portal',
  'base', 'form', 'meta', 'link', 'style', 'svg', 'math', 'template', 'noscript'];
const urls = ['href', 'src', 'action', 'formaction', 'xlink:href', 'srcset', 'poster', 'data',
  'background', 'ping', 'cite', 'codebase', 'lowsrc'];
const bad = url => /^(javascript|vbscript|data):/.test(url.replace(/[\u0000-\u0020]/g, '').toLowerCase());
const found = [];
for (const e of document.querySelectorAll('*')) {
  const tag = e.localName;
  // The search view's own form sits right in `main`, where no server HTML goes.
  const ours = window.__own.has(e) || e.matches('main > form.search[role=search]:not([action])');
  if (denied.includes(tag) && !ours) found.push('<' + tag + '>');
  for (const a of e.attributes) {
    const name = a.name.toLowerCase();
    if (name.startsWith('on') || name === 'srcdoc') found.push(tag + '[' + name + ']');
    if (urls.includes(name)) {
      const values = name === 'srcset' ? a.value.split(',').map(c => c.trim().split(/\s+/)[0]) : [a.value];
      if (values.some(bad)) found.push(tag + '[' + name + '=' + a.value.slice(0, 60) + ']');
    }
    if (name === 'style' && !/^aspect-ratio: \d+ \/ \d+;?$/.test(a.value.trim())) found.push(tag + '[style=' + a.value + ']');
  }
}
return found;"#;

/// Opens `route` in the same document, waits for `articles` posts and for
/// an element matching each of `ready` (parts that load on their own),
/// provokes the payloads, and checks that none ran and none is left live.
async fn visit(
    browser: &Browser,
    route: &str,
    articles: usize,
    ready: &[&str],
) -> anyhow::Result<()> {
    // Through the start page, so that the last view's posts are gone
    // before the count below waits for this view's.
    browser.eval("location.hash = '#/'; return true").await?;
    browser.texts("#server", 1).await?;
    browser
        .eval(&format!("location.hash = {}; return true", json!(route)))
        .await?;
    let shown = browser
        .texts("[role=feed] article[data-status-id]", articles)
        .await?;
    assert_eq!(shown.len(), articles, "{route}: every post shows");
    for css in ready {
        browser.texts(css, 1).await?;
    }
    browser.eval(PROVOKE).await?;
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(
        browser.eval(RAN).await?,
        json!([]),
        "{route}: a payload ran"
    );
    assert_eq!(
        browser.eval(LIVE_VECTORS).await?,
        json!([]),
        "{route}: live vectors left in the document"
    );
    // The policy is the second line of defence: hostile content that
    // reached it got past the sanitizer, even if the policy stopped it.
    let refused = browser.take_csp_violations().await?;
    assert!(
        refused.is_empty(),
        "{route}: the Content-Security-Policy had to refuse what the sanitizer let through: {refused:#?}"
    );
    Ok(())
}

/// The `textContent` of every element matching `css`.
async fn texts_of(browser: &Browser, css: &str) -> anyhow::Result<Vec<String>> {
    let script = format!(
        "return [...document.querySelectorAll({})].map(e => e.textContent)",
        json!(css)
    );
    Ok(serde_json::from_value(browser.eval(&script).await?)?)
}

/// Asserts that some element matching `css` shows all of `words` as text.
async fn shows(browser: &Browser, css: &str, words: &[&str]) -> anyhow::Result<()> {
    let texts = texts_of(browser, css).await?;
    assert!(
        texts
            .iter()
            .any(|text| words.iter().all(|word| text.contains(word))),
        "no `{css}` shows {words:?}: {texts:?}"
    );
    Ok(())
}

/// Markup from the server, shown as the text it is.
const MARKUP: &str = "<img src=x onerror=";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_server_runs_nothing_and_leaves_no_live_vector_in_any_view() -> anyhow::Result<()>
{
    let (_mock, web, browser) = e2e::client_with_mock().await?;
    let hostile = HostileServer::start().await?;
    let server = hostile.addr();
    browser.client.goto(&web.url("/app/#/")).await?;
    browser.texts("#server", 1).await?;
    browser.eval(INSTALL_GUARDS).await?;

    // The federated timeline: one post per HTML vector, a boost, the rich
    // post and one whose card is a script.
    let vectors = e2e::hostile_data::html_vectors("count").len();
    visit(
        &browser,
        &format!("#/{server}/public"),
        vectors + 3,
        &[".server-title", ".poll", "a.card", ".quote", ".media"],
    )
    .await?;
    shows(&browser, "article .author strong", &[MARKUP, "mallory"]).await?;
    shows(&browser, ".boosted-by", &[MARKUP, "booster"]).await?;
    shows(&browser, ".content-warning > summary", &[MARKUP, "warning"]).await?;
    for text in ["after a script", "cover", "focus", "boosted text"] {
        shows(&browser, ".content", &[text]).await?;
    }
    shows(&browser, ".poll-option", &[MARKUP, "first option"]).await?;
    shows(&browser, ".poll-option", &[MARKUP, "second option"]).await?;
    shows(&browser, "a.card strong", &[MARKUP, "card title"]).await?;
    shows(&browser, "a.card span", &[MARKUP, "card description"]).await?;
    shows(&browser, ".quote .quote-author", &[MARKUP, "quoted"]).await?;
    shows(&browser, ".server-title", &[MARKUP, "server title"]).await?;
    shows(&browser, ".server-rules li", &[MARKUP, "rule text"]).await?;
    shows(&browser, ".media a", &[MARKUP, "unknown alt"]).await?;
    shows(&browser, ".media-missing", &[MARKUP, "video alt"]).await?;
    shows(&browser, ".media-missing", &[MARKUP, "lost alt"]).await?;
    let media = browser
        .eval(
            r#"const m = document.querySelector('.media');
            return {
              img: [...m.querySelectorAll('img')].map(e => [e.alt, e.getAttribute('width'), e.getAttribute('height')]),
              video: [...m.querySelectorAll('video')].map(e => [e.getAttribute('aria-label'), e.getAttribute('src')]),
              audio: [...m.querySelectorAll('audio')].map(e => e.getAttribute('aria-label')),
              missing: [...m.querySelectorAll('.media-missing')].map(e => e.style.aspectRatio || null),
              ratios: [...m.querySelectorAll('img, video')].map(e => {
                const box = e.getBoundingClientRect();
                return box.height ? Math.round(100 * box.width / box.height) : 0;
              }),
              cards: document.querySelectorAll('a.card').length,
              emoji: document.querySelectorAll('img.emoji[src$="/media/blobcat.png"]').length,
            }"#,
        )
        .await?;
    let alt = |kind: &str| format!("{MARKUP}\"window.__pwned='alt-{kind}'\">");
    let starts = |value: &serde_json::Value, kind: &str| {
        value.as_str().is_some_and(|text| {
            text.starts_with(&alt(kind)) && text.ends_with(&format!("{kind} alt"))
        })
    };
    assert!(starts(&media["img"][0][0], "image"), "{media}");
    assert_eq!(
        (&media["img"][0][1], &media["img"][0][2]),
        (&json!("640"), &json!("360")),
        "an image keeps room for its size: {media}"
    );
    assert!(starts(&media["video"][0][0], "gifv"), "{media}");
    assert!(
        media["video"][0][1]
            .as_str()
            .is_some_and(|src| src.ends_with("/media/b.mp4")),
        "a gifv with a script URL plays its remote_url: {media}"
    );
    assert_eq!(media["video"].as_array().map(Vec::len), Some(1), "{media}");
    assert!(starts(&media["audio"][0], "audio"), "{media}");
    assert_eq!(
        media["missing"],
        json!(["640 / 360", null]),
        "media with no usable URL keeps its place, when its size is known"
    );
    // 640 × 360, though nothing loads (the files are 404s).
    let ratios = media["ratios"].as_array().cloned().unwrap_or_default();
    assert!(
        ratios.len() == 2
            && ratios
                .iter()
                .all(|ratio| ratio.as_u64().is_some_and(|r| r.abs_diff(178) <= 2)),
        "the image and the video keep a 16:9 box: {media}"
    );
    assert_eq!(
        media["cards"],
        json!(1),
        "a card whose URL is a script goes"
    );
    assert!(
        media["emoji"].as_u64() > Some(0),
        "harmless emoji show: {media}"
    );

    // A profile: name, note and fields.
    visit(
        &browser,
        &format!("#/{server}/@mallory"),
        vectors + 3,
        &[".fields"],
    )
    .await?;
    shows(&browser, "#profile-name", &[MARKUP, "mallory"]).await?;
    shows(&browser, ".profile .note", &["note text", "after a script"]).await?;
    shows(&browser, ".fields dt", &[MARKUP]).await?;
    shows(&browser, ".fields .field-value", &["field value"]).await?;
    shows(&browser, ".fields .field-value", &["site"]).await?;
    assert_eq!(texts_of(&browser, ".fields .verified-mark").await?.len(), 1);

    // A thread: the ancestor, the post, and two replies.
    visit(&browser, &format!("#/{server}/s/500"), 4, &[".poll"]).await?;
    shows(&browser, ".poll-option", &[MARKUP, "first option"]).await?;
    shows(&browser, ".boosted-by", &[MARKUP, "booster"]).await?;

    // Search: accounts, a hashtag and posts.
    visit(
        &browser,
        &format!("#/{server}/search/mallory"),
        2,
        &[".found-tags li"],
    )
    .await?;
    shows(&browser, ".found-accounts li", &[MARKUP, "mallory"]).await?;
    shows(&browser, ".found-accounts li", &[MARKUP, "booster"]).await?;
    shows(&browser, ".found-tags li", &["#", MARKUP]).await?;

    // On a phone's width, long hostile text wraps rather than widening
    // the page, and media keep their shape.
    browser.client.set_window_size(390, 844).await?;
    visit(
        &browser,
        &format!("#/{server}/public"),
        vectors + 3,
        &[".media"],
    )
    .await?;
    let fit = browser
        .eval(
            r#"const root = document.documentElement;
            const media = document.querySelector('.media img').getBoundingClientRect();
            return [innerWidth < 500, root.scrollWidth <= root.clientWidth, Math.round(100 * media.width / media.height)]"#,
        )
        .await?;
    assert_eq!(
        fit,
        json!([true, true, 178]),
        "[narrow, no sideways scroll, 16:9]"
    );
    browser.close().await
}
