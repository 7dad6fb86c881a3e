//! What the client's service worker asks of the shared manifest crate,
//! exported to JavaScript. Answers are JSON texts, so the bindings stay a
//! few functions over strings and bytes.

mod verdict;

pub use verdict::{Refusal, Verdict, file_problem, judge_manifest};

use wasm_bindgen::prelude::wasm_bindgen;

/// `judge_manifest` for the worker: `last` is the JSON of the last
/// accepted manifest's `Seen`, or absent; the answer is the verdict's JSON.
#[wasm_bindgen]
pub fn accept_manifest(
    bytes: &[u8],
    signature: &[u8],
    key_text: &str,
    last: Option<String>,
    now_ms: f64,
) -> String {
    // A browser's clock is whole milliseconds, well within i64.
    let now_ms = now_ms as i64;
    let verdict = judge_manifest(bytes, signature, key_text, last.as_deref(), now_ms);
    serde_json::to_string(&verdict).unwrap_or_default()
}

/// The problem with a file's bytes against its entry, or `undefined`.
#[wasm_bindgen]
pub fn check_file(entry: &str, bytes: &[u8]) -> Option<String> {
    file_problem(entry, bytes)
}
