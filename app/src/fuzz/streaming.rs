//! Messages on the streaming API: the event and its payload, a status as
//! a JSON string (Mastodon) or as an object (some other servers).

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::{Value, json};

use super::fixtures::{STATUSES, pick};
use super::json::{Mutation, mutation, tree_mutation};
use super::status::read_status;
use crate::api::{StreamEvent, parse_stream_message};

const EVENTS: &[&str] = &[
    "update",
    "status.update",
    "status_update",
    "delete",
    "notification",
    "filters_changed",
    "",
    "UPDATE",
];

fn check_event(event: &StreamEvent) {
    match event {
        StreamEvent::Update(status) | StreamEvent::Edit(status) => {
            super::status::check_status(status);
        }
        StreamEvent::Delete(id) => {
            assert!(!id.is_empty(), "a deletion names a status");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
                "a deleted ID is plain: {id:?}"
            );
        }
        StreamEvent::Notification | StreamEvent::Other => {}
    }
}

/// What the message should mean, read from its parts.
fn expected(event: &str, payload: &str) -> StreamEvent {
    let status = || read_status(payload).map(Box::new);
    match event {
        "update" => status().map_or(StreamEvent::Other, StreamEvent::Update),
        "status.update" | "status_update" => status().map_or(StreamEvent::Other, StreamEvent::Edit),
        "notification" => StreamEvent::Notification,
        _ => parse_stream_message(&json!({"event": event, "payload": payload}).to_string()),
    }
}

proptest! {
    #![proptest_config(super::config())]

    /// A status mutated inside a well-formed message reads as it does
    /// alone, whether the payload is a string or an object.
    #[test]
    fn fuzz_stream_message(
        event in select(EVENTS),
        status in pick(&STATUSES),
        mutation in tree_mutation(5),
    ) {
        let mut status = status;
        mutation.apply_tree(&mut status);
        let payload = status.to_string();
        let as_string = json!({"stream": ["user"], "event": event, "payload": payload});
        let read = parse_stream_message(&as_string.to_string());
        check_event(&read);
        prop_assert_eq!(&read, &expected(event, &payload));
        if status.is_object() && event != "delete" {
            let as_object = json!({"stream": ["user"], "event": event, "payload": status});
            prop_assert_eq!(parse_stream_message(&as_object.to_string()), read);
        }
    }

    /// Whole messages mutated, text and all: no panic, and whatever is
    /// read holds what the timeline relies on.
    #[test]
    fn fuzz_stream_message_text(
        event in select(EVENTS),
        payload in prop_oneof![
            pick(&STATUSES).prop_map(|status| Value::from(status.to_string())),
            pick(&STATUSES),
            "[a-zA-Z0-9_-]{0,20}".prop_map(Value::from),
            any::<u64>().prop_map(Value::from),
            ".{0,20}".prop_map(Value::from),
        ],
        mutation in mutation(4),
    ) {
        let message = json!({"stream": ["public"], "event": event, "payload": payload});
        check_event(&parse_stream_message(&mutation.apply(&message)));
    }
}

#[test]
fn a_fixture_status_arrives_both_ways() {
    let keep = Mutation {
        edits: Vec::new(),
        text: super::json::TextEdit::Keep,
    };
    for status in STATUSES.iter() {
        let as_string = json!({"event": "update", "payload": status.to_string()});
        let as_object = json!({"event": "update", "payload": status});
        for message in [as_string, as_object] {
            let read = parse_stream_message(&keep.apply(&message));
            assert!(matches!(read, StreamEvent::Update(_)), "{message}");
        }
    }
}
