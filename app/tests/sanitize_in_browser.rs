//! The sanitizer's DOM walk, run in headless Chromium.
#![cfg(target_arch = "wasm32")]

use app::sanitize::sanitize_html;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clean(html: &str) -> String {
    sanitize_html(html, &[], &|_| None)
}

/// Puts sanitized HTML in the live page and lists any live vector left.
fn live_vectors(html: &str) -> Vec<String> {
    let document = web_sys::window().unwrap().document().unwrap();
    let holder = document.create_element("div").unwrap();
    holder.set_inner_html(&clean(html));
    let all = holder.query_selector_all("*").unwrap();
    let mut found = Vec::new();
    for index in 0..all.length() {
        let element: web_sys::Element =
            wasm_bindgen::JsCast::unchecked_into(all.item(index).unwrap());
        let tag = element.local_name();
        if [
            "script", "iframe", "object", "embed", "base", "style", "svg", "img", "form",
        ]
        .contains(&tag.as_str())
        {
            found.push(tag.clone());
        }
        for name in element.get_attribute_names().iter() {
            let name = name.as_string().unwrap();
            let value = element.get_attribute(&name).unwrap_or_default();
            if name.starts_with("on")
                || value.trim().to_ascii_lowercase().starts_with("javascript:")
                || name == "style"
                || name == "srcdoc"
            {
                found.push(format!("{tag}[{name}={value}]"));
            }
        }
    }
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
fn removes_every_live_vector() {
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
    ];
    for html in hostile {
        assert_eq!(
            live_vectors(html),
            Vec::<String>::new(),
            "left a live vector in {html}"
        );
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
