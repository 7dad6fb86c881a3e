//! Resource limits on what a server sends: JSON nested far deeper than
//! any real document, and a `Link` header of many megabytes. Each test
//! asserts its bound.

use std::thread;
use std::time::{Duration, Instant};

use crate::api::{
    ApiError, Notifications, Request, parse_link_header, parse_stream_message, status_by_id,
    timeline_page, verify_credentials,
};

/// The stack a wasm32 module gets by default, and a test thread here.
const STACK: usize = 1 << 20;

/// Runs `work` on a thread with `STACK` bytes of stack: a parser that
/// recursed once per level of nesting would overflow it and abort.
fn within_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> T {
    thread::Builder::new()
        .stack_size(STACK)
        .spawn(work)
        .expect("a thread starts")
        .join()
        .expect("the parser returns rather than panics")
}

/// `depth` levels of `open`, then `inner`, then the closers.
fn nested(open: &str, inner: &str, close: &str, depth: usize) -> String {
    let mut text = String::with_capacity((open.len() + close.len()) * depth + inner.len());
    for _ in 0..depth {
        text.push_str(open);
    }
    text.push_str(inner);
    for _ in 0..depth {
        text.push_str(close);
    }
    text
}

const DEEP: usize = 100_000;

/// A typed refusal, or a reading: never a panic or another error.
fn refused_or_read<T: std::fmt::Debug>(result: Result<T, ApiError>) -> Option<T> {
    match result {
        Ok(read) => Some(read),
        Err(ApiError::Malformed { .. }) => None,
        Err(other) => panic!("expected a reading or a typed refusal, got {other:?}"),
    }
}

/// Lists in lists, objects in objects, and boosts of boosts.
fn deep_documents() -> [String; 3] {
    [
        nested("[", "", "]", DEEP),
        nested("{\"a\":", "1", "}", DEEP),
        boosts(DEEP),
    ]
}

fn boosts(depth: usize) -> String {
    nested(
        r#"{"id":"1","account":{"id":"2"},"reblog":"#,
        "null",
        "}",
        depth,
    )
}

#[test]
fn json_nested_100000_deep_is_refused_or_read_within_the_stack() {
    within_stack(|| {
        for deep in deep_documents() {
            refused_or_read(status_by_id("1").read(&deep));
            refused_or_read(verify_credentials().read(&deep));
            let page = refused_or_read(timeline_page("/").read(&format!("[{deep}]")));
            assert_eq!(
                page.map(|posts| posts.statuses.len() + posts.unreadable),
                Some(1)
            );
            let grouped = format!("{{\"notification_groups\":[],\"statuses\":[{deep}]}}");
            refused_or_read(Notifications { grouped: true }.read(&grouped));
            let single = format!("[{{\"id\":\"1\",\"type\":\"mention\",\"account\":{deep}}}]");
            refused_or_read(Notifications { grouped: false }.read(&single));
            for event in ["update", "status.update"] {
                let as_string = serde_json::json!({"event": event, "payload": deep}).to_string();
                let as_object = format!("{{\"event\":\"{event}\",\"payload\":{deep}}}");
                assert_eq!(
                    parse_stream_message(&as_string),
                    parse_stream_message(&as_object)
                );
            }
        }
        let [lists, objects, _] = deep_documents();
        for refused in [lists, objects] {
            assert_eq!(refused_or_read(status_by_id("1").read(&refused)), None);
            assert_eq!(refused_or_read(verify_credentials().read(&refused)), None);
        }
    });
}

/// Found while bounding nesting: boosts of boosts recursed once per level
/// up to serde_json's limit of 128, which took 2 to 4 MiB of stack in a
/// debug build and 512 KiB to 1 MiB in a release one, against a browser's
/// 1 MiB for wasm. A boost's own boost is not read now: Mastodon never
/// sends one.
#[test]
fn boosts_of_boosts_read_one_boost_within_the_stack() {
    for depth in [2, 127, 128, DEEP] {
        let text = boosts(depth);
        let status = within_stack(move || status_by_id("1").read(&text)).expect("the status reads");
        let boosted = status.reblog.expect("the boost reads");
        assert_eq!(boosted.reblog, None, "a boost's own boost is not read");
    }
}

/// Parts of a status the client reads on their own, each from its own
/// text (a quote, a profile row, a filter, an attachment's `meta`), may
/// hold deep JSON too: it is skipped, and the status still reads.
#[test]
fn deep_json_in_a_part_read_on_its_own_costs_only_that_part() {
    let deep = nested("[", "", "]", DEEP);
    let text = format!(
        r#"{{"id":"1","account":{{"id":"2","fields":[{deep}]}},"quote":{deep},
            "filtered":[{deep}],"media_attachments":[{{"id":"3","meta":{deep}}}],"unknown":{deep}}}"#
    );
    let status = within_stack(move || status_by_id("1").read(&text)).expect("the status reads");
    assert_eq!(status.quote, None);
    assert!(status.account.fields.is_empty() && status.filtered.is_empty());
    assert_eq!(status.media_attachments[0].meta, Default::default());
}

/// Found while bounding nesting: each quote is read by a fresh parser,
/// whose depth limit starts again, so quotes inside quotes recursed once
/// per quote, without bound: 100,000 of them overflowed the stack.
#[test]
fn quotes_nested_100000_deep_read_one_quote_within_the_stack() {
    let text = nested(
        r#"{"id":"1","account":{"id":"2"},"quote":"#,
        "null",
        "}",
        DEEP,
    );
    let status = within_stack(move || status_by_id("1").read(&text)).expect("the status reads");
    let quoted = status.quote.expect("the first quote reads");
    assert_eq!(quoted.quote, None, "a quote's own quote is not read");
}

/// A header of 10 MB: a valid `next` link first, then entries without end
/// (commas alone, then a bracket never closed), then a `prev` link past
/// what is read. Only the first 16 KiB are read, so the time is bounded
/// whatever the size.
#[test]
fn a_link_header_of_10_mb_is_read_only_as_far_as_its_first_16_kib() {
    const SIZE: usize = 10_000_000;
    let mut header = String::from("<https://x.org/next>; rel=next");
    header.push_str(&",".repeat(SIZE / 2));
    header.push('<');
    header.push_str(&"a".repeat(SIZE / 2));
    header.push_str(">; rel=x, <https://x.org/prev>; rel=prev");
    assert!(header.len() > SIZE);
    let started = Instant::now();
    let page = parse_link_header(&header);
    let took = started.elapsed();
    assert_eq!(page.next.as_deref(), Some("https://x.org/next"));
    assert_eq!(page.prev, None, "a link past the first 16 KiB is not read");
    assert!(took < Duration::from_millis(100), "took {took:?}");

    // The same link within the first 16 KiB is read.
    let near = format!("{}<https://x.org/prev>; rel=prev", ",".repeat(16_000));
    assert_eq!(
        parse_link_header(&near).prev.as_deref(),
        Some("https://x.org/prev")
    );
}
