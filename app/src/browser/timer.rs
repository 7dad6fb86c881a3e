//! Running something later, on the browser's timer.

use leptos::prelude::{set_timeout, window};

/// Runs `action` after `seconds`, on the browser's timer. The delay may
/// come from a server (`Retry-After`), so it is capped at the longest
/// delay the browser accepts rather than trusted.
pub fn after_seconds(seconds: u64, action: impl FnOnce() + 'static) {
    const LONGEST_MS: u64 = i32::MAX as u64;
    let millis = seconds.saturating_mul(1000).min(LONGEST_MS);
    set_timeout(action, std::time::Duration::from_millis(millis));
}

/// Waits `millis` on the browser's timer.
pub async fn sleep_ms(millis: u32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            &resolve,
            i32::try_from(millis).unwrap_or(i32::MAX),
        );
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
