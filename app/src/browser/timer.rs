//! Running something later, on the browser's timer.

use leptos::prelude::set_timeout;

/// Runs `action` after `seconds`, on the browser's timer. The delay may
/// come from a server (`Retry-After`), so it is capped at the longest
/// delay the browser accepts rather than trusted.
pub fn after_seconds(seconds: u64, action: impl FnOnce() + 'static) {
    const LONGEST_MS: u64 = i32::MAX as u64;
    let millis = seconds.saturating_mul(1000).min(LONGEST_MS);
    set_timeout(action, std::time::Duration::from_millis(millis));
}
