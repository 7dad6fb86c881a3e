//! The sanitizer's DOM walk, run in headless Chromium.
#![cfg(target_arch = "wasm32")]

use app::sanitize::sanitize_html;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod live_check;

use live_check::{clear_ran, holder_in, install_guards, live_vectors, ran, settle};

fn clean(html: &str) -> String {
    sanitize_html(html, &[], &|_| None)
}

/// Puts sanitized HTML in the live page and lists any live vector left,
/// there and once the page re-parses its own serialization.
fn vectors_left(html: &str) -> Vec<String> {
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let holder = holder_in(&body);
    holder.set_inner_html(&clean(html));
    let mut found = live_vectors(&holder);
    holder.set_inner_html(&holder.inner_html());
    found.extend(live_vectors(&holder));
    found
}

#[wasm_bindgen_test]
fn keeps_status_formatting() {
    let html = r#"<p>Hello <a href="https://x.org/@a" class="u-url mention">@<span>a</span></a><br>two <strong>bold</strong></p>"#;
    assert_eq!(
        clean(html),
        r#"<p>Hello <a href="https://x.org/@a" target="_blank" class="u-url mention" rel="noopener nofollow ugc">@<span>a</span></a><br>two <strong>bold</strong></p>"#
    );
}

#[wasm_bindgen_test]
async fn removes_every_live_vector() {
    install_guards();
    // One async test only: the guards are the page's, shared by every test
    // that waits.
    the_check_sees_what_an_unsanitized_page_would_run().await;
    let hostile = [
        r#"<script>alert(1)</script><p>after</p>"#,
        r#"<img src=x onerror="alert(1)">"#,
        r#"<a href="javascript:alert(1)">x</a>"#,
        r#"<a href=" JaVaScRiPt:alert(1)">x</a>"#,
        r#"<p onclick="alert(1)" style="position:fixed">x</p>"#,
        r#"<iframe srcdoc="<script>alert(1)</script>"></iframe>"#,
        r#"<object data="x.swf"></object><embed src="x.swf">"#,
        r#"<base href="https://evil.example/">"#,
        r#"<svg><script>alert(1)</script><a xlink:href="javascript:alert(1)">x</a></svg>"#,
        r#"<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>"#,
        r#"<noscript><p title="</noscript><img src=x onerror=alert(1)>">"#,
        r#"<form action="javascript:alert(1)"><button>x</button></form>"#,
        r#"<div><span onmouseover=alert(1)>x</span></div>"#,
        r#"<a href="https://x.org" onfocus="alert(1)" autofocus>x</a>"#,
        r#"<template><img src=x onerror=alert(1)></template>"#,
        // Found by fuzzing: `https:` without `//` is relative to the client.
        r#"<a href="https:">x</a>"#,
        r#"<a href="https:/>home.example/tags/sea">x</a>"#,
        r#"<a href="HTTP:#/evil.example/compose">x</a>"#,
    ];
    for html in hostile {
        assert_eq!(
            vectors_left(html),
            Vec::<String>::new(),
            "left a live vector in {html}"
        );
    }
    // Error and load handlers fire after a turn of the event loop.
    settle(50).await;
    assert_eq!(ran(), Vec::<String>::new(), "a payload ran");
}

/// The checks above can fail: raw payloads, unsanitized, are caught.
async fn the_check_sees_what_an_unsanitized_page_would_run() {
    clear_ran();
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let holder = holder_in(&body);
    holder.set_inner_html(
        r#"<img src="x:" onerror="__pwned='raw'"><a href=" java&#x09;script:x">a</a><a href="https:/x">b</a><svg></svg><p style="color:red">c</p>"#,
    );
    let found = live_vectors(&holder);
    for expected in [
        "<img>",
        "<img onerror=",
        "scheme javascript:",
        "<svg> in",
        "relative URL",
        "<p style=",
    ] {
        assert!(
            found
                .iter()
                .any(|found| found.starts_with(expected) || found.contains(expected)),
            "the check missed {expected}: {found:?}"
        );
    }
    settle(50).await;
    assert_eq!(ran(), vec!["raw".to_string()]);
    holder.remove();
    clear_ran();
}

/// Shapes the fuzzer found that came apart when the page parsed the
/// sanitizer's output: each must come out the same when sanitized again.
#[wasm_bindgen_test]
fn output_parses_back_to_itself() {
    for (html, expected) in [
        // A link nested through a table cell.
        (
            r#"<a href="https://a.example/"><table><a href="https://b.example/">b</a></table></a>"#,
            r#"<a href="https://a.example/" target="_blank" rel="noopener nofollow ugc">b</a>"#,
        ),
        // The parser drops the newline right after `<pre>`.
        ("<pre>\n\ncode</pre>", "<pre>\n\ncode</pre>"),
        // Leading whitespace is text in the page's `<div>`, as in the walk.
        (" <b>x</b>", " <b>x</b>"),
        // In standards mode, like the page, a table ends a paragraph.
        ("<p>a<table><td><p>b</table>", "<p>a</p><p>b</p>"),
    ] {
        let once = clean(html);
        assert_eq!(once, expected, "{html:?}");
        assert_eq!(clean(&once), once, "{html:?} is not stable");
    }
}

#[wasm_bindgen_test]
fn text_is_escaped_not_interpreted() {
    assert_eq!(clean("a &lt;b&gt; &amp; c"), "a &lt;b&gt; &amp; c");
    assert_eq!(clean("<p title=\"&quot;><b>\">t</p>"), "<p>t</p>");
}

#[wasm_bindgen_test]
fn internal_links_route_inside_the_client() {
    let html = r#"<a href="https://x.org/tags/sea" class="hashtag">#sea</a>"#;
    // The walk hands over the link's class and its whole text, not only
    // the target.
    let routed = sanitize_html(html, &[], &|link| {
        (link.href == "https://x.org/tags/sea" && link.class == "hashtag" && link.text == "#sea")
            .then(|| "#/x.org/tags/sea".to_string())
    });
    assert_eq!(
        routed,
        r##"<a href="#/x.org/tags/sea" class="hashtag" rel="noopener nofollow ugc">#sea</a>"##
    );
}

#[wasm_bindgen_test]
fn deep_nesting_is_flattened_not_overflowing() {
    let html = format!("{}deep{}", "<span>".repeat(5000), "</span>".repeat(5000));
    let out = clean(&html);
    assert!(out.contains("deep"));
    assert!(out.matches("<span>").count() <= 48);
}
