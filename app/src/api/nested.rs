//! Statuses inside statuses: a boost's status and a quote, each read from
//! its own JSON text.

use std::cell::Cell;

use serde::{Deserialize, Deserializer};

use super::Status;

/// Mastodon 4.5 sends `{"state": …, "quoted_status": {…}}`; Akkoma and
/// others send the quoted status itself. A quote not shown (pending,
/// revoked, deleted) has no status. The quote is read from its own text,
/// not through serde's buffered content, which would build a second copy
/// of the whole status parser into the bundle.
pub(super) fn quote<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Box<Status>>, D::Error> {
    #[derive(Deserialize)]
    struct Wrapped<'a> {
        #[serde(default, borrow)]
        quoted_status: Option<&'a serde_json::value::RawValue>,
    }
    let Some(raw) = Option::<Box<serde_json::value::RawValue>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    let Some(_nested) = Nested::enter(IN_QUOTE, IN_QUOTE) else {
        return Ok(None);
    };
    if let Ok(status) = serde_json::from_str::<Status>(raw.get()) {
        return Ok(Some(Box::new(status)));
    }
    Ok(serde_json::from_str::<Wrapped>(raw.get())
        .ok()
        .and_then(|wrapped| wrapped.quoted_status)
        .and_then(|inner| serde_json::from_str::<Status>(inner.get()).ok())
        .map(Box::new))
}

thread_local! {
    /// Which nested statuses are being read, as `IN_*` flags.
    static NESTING: Cell<u8> = const { Cell::new(0) };
}

const IN_REBLOG: u8 = 1;
const IN_QUOTE: u8 = 2;

/// A nested status being read. Each is read by a parser of its own, whose
/// depth limit starts again, so statuses nested in statuses would recurse
/// once per level without bound, and even serde_json's limit of 128 levels
/// of boosts needs more stack than a browser gives wasm. Only what the
/// views show is read: a status's boost and quote, and a boost's quote;
/// never a boost inside a boost or a quote, nor a quote inside a quote
/// (Mastodon sends neither).
struct Nested {
    was: u8,
}

impl Nested {
    /// `None` where a status of this kind is not read.
    fn enter(kind: u8, not_inside: u8) -> Option<Self> {
        let was = NESTING.get();
        if was & not_inside != 0 {
            return None;
        }
        NESTING.set(was | kind);
        Some(Self { was })
    }
}

impl Drop for Nested {
    fn drop(&mut self) {
        NESTING.set(self.was);
    }
}

/// The boosted status; one that does not read fails the boost, as it did
/// when read in place.
pub(super) fn reblog<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<Box<Status>>, D::Error> {
    let Some(raw) = Option::<Box<serde_json::value::RawValue>>::deserialize(deserializer)? else {
        return Ok(None);
    };
    let Some(_nested) = Nested::enter(IN_REBLOG, IN_REBLOG | IN_QUOTE) else {
        return Ok(None);
    };
    serde_json::from_str(raw.get())
        .map(Some)
        .map_err(serde::de::Error::custom)
}
