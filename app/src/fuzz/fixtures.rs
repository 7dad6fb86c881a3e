//! The recorded fixtures, as JSON values the targets start from.

use std::sync::LazyLock;

use proptest::prelude::*;
use proptest::sample::select;
use serde_json::Value;

fn array(text: &str) -> Vec<Value> {
    match serde_json::from_str(text) {
        Ok(Value::Array(items)) => items,
        other => panic!("a fixture holds a list: {other:?}"),
    }
}

/// Mastodon 4.3's grouped notifications, as recorded.
pub static NOTIFICATIONS_V2: LazyLock<Value> = LazyLock::new(|| {
    serde_json::from_str(include_str!(
        "../api/fixtures/mastodon-4.3-notifications-v2.json"
    ))
    .expect("the notifications fixture is JSON")
});

/// Every recorded status: each dialect's timeline, and the statuses the
/// notifications carry.
pub static STATUSES: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut all = array(include_str!("../api/fixtures/mastodon-4.3-public.json"));
    all.extend(array(include_str!(
        "../api/fixtures/pleroma-2.7-public.json"
    )));
    all.extend(array(include_str!(
        "../api/fixtures/gotosocial-0.16-public.json"
    )));
    all.extend(array(&NOTIFICATIONS_V2["statuses"].to_string()));
    all
});

/// Every recorded account: the statuses' authors and boosters, and the
/// accounts the notifications carry.
pub static ACCOUNTS: LazyLock<Vec<Value>> = LazyLock::new(|| {
    let mut all: Vec<Value> = STATUSES
        .iter()
        .flat_map(|status| [&status["account"], &status["reblog"]["account"]])
        .filter(|account| account.is_object())
        .cloned()
        .collect();
    all.extend(array(&NOTIFICATIONS_V2["accounts"].to_string()));
    all
});

/// One of `items`, chosen by the case.
pub fn pick(items: &[Value]) -> impl Strategy<Value = Value> + use<> {
    select(items.to_vec())
}
