//! The sanitizer, fuzzed in headless Chromium: generated hostile HTML is
//! sanitized as a status would be, put in the live page, re-parsed and
//! sanitized again; nothing may run and no live vector may stay.
//!
//! `SANITIZER_FUZZ_CASES`, `SANITIZER_FUZZ_SEED` and `SANITIZER_FUZZ_START`
//! (read when the test is compiled) set a long run or replay one case;
//! `bench/sanitizer-fuzz` runs it.
#![cfg(target_arch = "wasm32")]

mod fuzz_html;
mod live_check;

use app::api::{CustomEmoji, ServerAddr, Status};
use app::sanitize::sanitize_html;
use app::status_links::internal_route;
use fuzz_html::Case;
use live_check::{clear_ran, holder_in, install_guards, live_vectors, ran, settle};
use wasm_bindgen_test::*;
use web_sys::Element;

wasm_bindgen_test_configure!(run_in_browser);

const DEFAULT_CASES: u64 = 3000;
const DEFAULT_SEED: u64 = 16_2026;
/// Cases between two waits for queued handlers.
const BATCH: u64 = 250;
/// Long enough for an image's error or an SVG's load handler to fire.
const SETTLE_MS: i32 = 30;

fn setting(value: Option<&str>, default: u64) -> u64 {
    value
        .and_then(|value| value.trim().parse().ok())
        .unwrap_or(default)
}

/// What a status brings beside its HTML: custom emoji (one of them with a
/// script URL) and the mentions and tags its links may route to, some with
/// names a hostile server chose.
struct StatusContext {
    server: ServerAddr,
    status: Status,
    emojis: Vec<CustomEmoji>,
}

impl StatusContext {
    fn new() -> Self {
        let status = serde_json::from_str(
            r#"{"id":"1","account":{"id":"2"},
            "mentions":[
                {"id":"3","username":"ada","acct":"ada@remote.example","url":"https://remote.example/@ada"},
                {"id":"4","username":"x\"><img src=x: onerror=__pwned=1>","acct":"x\"><img src=x: onerror=__pwned=1>@hostile.example","url":"https://hostile.example/@x"}
            ],
            "tags":[
                {"name":"sea","url":"https://home.example/tags/sea"},
                {"name":"Café","url":"javascript:__pwned=1"}
            ]}"#,
        )
        .expect("the status parses");
        let emoji = |shortcode: &str, url: &str| CustomEmoji {
            shortcode: shortcode.into(),
            url: url.into(),
            static_url: String::new(),
        };
        StatusContext {
            server: ServerAddr::parse("home.example").expect("a server"),
            status,
            emojis: vec![
                emoji("blobcat", "https://home.example/blobcat.png"),
                emoji("evil", "javascript:__pwned='emoji'"),
                emoji("data", "data:image/svg+xml,<svg onload=__pwned=1>"),
                emoji("magnet", "magnet:?xt=urn:btih:x"),
            ],
        }
    }

    fn sanitize(&self, html: &str) -> String {
        sanitize_html(html, &self.emojis, &|link| {
            internal_route(&self.server, &self.status, link)
        })
    }
}

fn sanitize_plain(html: &str) -> String {
    sanitize_html(html, &[], &|_| None)
}

/// Every way `html` is unsafe or unstable once sanitized, checked in
/// `holder`: as inserted, re-parsed from its own serialization (mutation
/// XSS), and sanitized a second time.
///
/// The output may change shape once when sanitized again (elements the
/// parser would never nest, such as a heading in a heading, come apart when
/// re-parsed; `reshaped` counts them), but after that it must be stable.
fn problems(
    html: &str,
    status: &StatusContext,
    holder: &Element,
    reshaped: &mut u64,
) -> Vec<String> {
    let mut found = Vec::new();
    let once = status.sanitize(html);
    holder.set_inner_html(&once);
    found.extend(
        live_vectors(holder)
            .into_iter()
            .map(|v| format!("inserted: {v}")),
    );
    holder.set_inner_html(&holder.inner_html());
    found.extend(
        live_vectors(holder)
            .into_iter()
            .map(|v| format!("re-parsed: {v}")),
    );
    holder.set_inner_html(&status.sanitize(&once));
    found.extend(
        live_vectors(holder)
            .into_iter()
            .map(|v| format!("sanitized twice: {v}")),
    );
    let plain = sanitize_plain(html);
    let twice = sanitize_plain(&plain);
    if twice != plain {
        *reshaped += 1;
        let thrice = sanitize_plain(&twice);
        if thrice != twice {
            found.push(format!(
                "unstable: {plain:?} became {twice:?} then {thrice:?}"
            ));
        }
    }
    found
}

/// The first word of a problem: what the minimizer must keep failing.
fn kind(problem: &str) -> &str {
    problem.split(':').next().unwrap_or(problem)
}

/// Shrinks a failing case and stops the test with everything needed to
/// replay it.
async fn report(
    seed: u64,
    index: u64,
    case: &Case,
    problem: String,
    status: &StatusContext,
    parent: &Element,
) -> ! {
    let html = case.html();
    let want = kind(&problem).to_string();
    let minimal = fuzz_html::minimize(case, |candidate| {
        let holder = holder_in(parent);
        let want = want.clone();
        async move {
            clear_ran();
            let mut found = problems(&candidate, status, &holder, &mut 0);
            if want == "ran" {
                settle(SETTLE_MS).await;
                found.extend(ran().into_iter().map(|r| format!("ran: {r}")));
            }
            holder.remove();
            found.iter().any(|found| kind(found) == want)
        }
    })
    .await;
    panic!(
        "the sanitizer failed case {index} of seed {seed}: {problem}\n\
         input: {html:?}\n\
         minimized: {minimal:?}\n\
         sanitized: {:?}\n\
         replay: SANITIZER_FUZZ_SEED={seed} SANITIZER_FUZZ_START={index} SANITIZER_FUZZ_CASES=1",
        status.sanitize(&minimal)
    );
}

#[wasm_bindgen_test]
async fn fuzz_sanitizer_in_the_browser() {
    let seed = setting(option_env!("SANITIZER_FUZZ_SEED"), DEFAULT_SEED);
    let cases = setting(option_env!("SANITIZER_FUZZ_CASES"), DEFAULT_CASES);
    let start = setting(option_env!("SANITIZER_FUZZ_START"), 0);
    install_guards();
    clear_ran();
    let status = StatusContext::new();
    let body = web_sys::window()
        .unwrap()
        .document()
        .unwrap()
        .body()
        .unwrap();
    let started = js_sys::Date::now();
    let (mut bytes, mut index, mut reshaped) = (0, start, 0);
    while index < start + cases {
        let batch = holder_in(&body);
        let first = index;
        while index < (first + BATCH).min(start + cases) {
            let case = fuzz_html::case(seed, index, &format!("case-{index}"));
            let html = case.html();
            bytes += html.len();
            if let Some(problem) = problems(&html, &status, &holder_in(&batch), &mut reshaped)
                .into_iter()
                .next()
            {
                report(seed, index, &case, problem, &status, &body).await;
            }
            index += 1;
        }
        settle(SETTLE_MS).await;
        if let Some(run) = ran().into_iter().next() {
            let guilty = run
                .trim_start_matches(|c: char| !c.is_ascii_digit())
                .split(|c: char| !c.is_ascii_digit())
                .next()
                .and_then(|digits| digits.parse().ok())
                .filter(|guilty| (first..index).contains(guilty))
                .unwrap_or(first);
            let case = fuzz_html::case(seed, guilty, &format!("case-{guilty}"));
            report(seed, guilty, &case, format!("ran: {run}"), &status, &body).await;
        }
        batch.remove();
    }
    let seconds = (js_sys::Date::now() - started) / 1000.0;
    console_log!(
        "sanitizer fuzz: seed {seed}, cases {start}..{}, {cases} cases, {} KiB of HTML in {seconds:.1} s: {:.0} cases/s; {reshaped} reshaped once when sanitized again",
        start + cases,
        bytes / 1024,
        cases as f64 / seconds.max(0.001)
    );
    assert!(index == start + cases && cases > 0, "no case ran");
}
