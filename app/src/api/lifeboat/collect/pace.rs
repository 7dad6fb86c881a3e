//! How fast the background backup may go: it keeps a reserve of the
//! server's rate limit for the reader's own use, spaces its requests when
//! the server counts them, and backs off from a server that fails.

use crate::api::lifeboat::exchange::RateLimit;

/// The fewest requests left to the reader in a window.
const MIN_RESERVE: u32 = 60;
/// Between two requests, when the server counts them.
const SPACING_MS: f64 = 250.0;
const FIRST_RETRY_MS: f64 = 30_000.0;
const LONGEST_RETRY_MS: f64 = 15.0 * 60_000.0;

/// When the background backup may send again, if it must wait: while
/// fewer requests are left than the reader's reserve (the larger of half
/// the limit and 60, though never more than three quarters of a small
/// limit), until the window resets.
pub fn budget_wait(rate: &RateLimit, now_ms: f64) -> Option<f64> {
    let remaining = rate.remaining?;
    let reset_ms = rate.reset_ms.filter(|reset| *reset > now_ms)?;
    (remaining < reserve(rate.limit)).then_some(reset_ms)
}

fn reserve(limit: Option<u32>) -> u32 {
    match limit {
        Some(limit) => (limit / 2).max(MIN_RESERVE).min(limit / 4 * 3),
        None => MIN_RESERVE,
    }
}

/// The budget first; then, on a server that sends rate headers, a short
/// gap after the last request.
pub(super) fn wait_before_send(
    rate: &RateLimit,
    last_send_ms: Option<f64>,
    now_ms: f64,
) -> Option<f64> {
    if let Some(until) = budget_wait(rate, now_ms) {
        return Some(until);
    }
    let counted = rate.limit.is_some() || rate.remaining.is_some();
    let next_ms = last_send_ms? + SPACING_MS;
    (counted && next_ms > now_ms).then_some(next_ms)
}

/// The browser has already retried; the engine waits longer each time.
pub(super) fn retry_delay_ms(retries: u32) -> f64 {
    (FIRST_RETRY_MS * 2f64.powi(retries.min(8) as i32)).min(LONGEST_RETRY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rate(limit: Option<u32>, remaining: u32) -> RateLimit {
        RateLimit {
            limit,
            remaining: Some(remaining),
            reset_ms: Some(10_000.0),
        }
    }

    #[test]
    fn the_reader_keeps_half_the_budget_or_sixty_requests() {
        // Mastodon's 300 per 5 minutes: half stays with the reader.
        assert_eq!(budget_wait(&rate(Some(300), 151), 0.0), None);
        assert_eq!(budget_wait(&rate(Some(300), 149), 0.0), Some(10_000.0));
        // A small limit still keeps 60 back.
        assert_eq!(budget_wait(&rate(Some(100), 61), 0.0), None);
        assert_eq!(budget_wait(&rate(Some(100), 59), 0.0), Some(10_000.0));
        assert_eq!(budget_wait(&rate(None, 59), 0.0), Some(10_000.0));
        // Once the window has reset, or where nothing is known, go on.
        assert_eq!(budget_wait(&rate(Some(300), 1), 10_000.0), None);
        assert_eq!(budget_wait(&RateLimit::default(), 0.0), None);
    }

    #[test]
    fn requests_are_spaced_only_where_the_server_counts_them() {
        let counted = rate(Some(300), 299);
        assert_eq!(
            wait_before_send(&counted, Some(1_000.0), 1_100.0),
            Some(1_250.0)
        );
        assert_eq!(wait_before_send(&counted, Some(1_000.0), 1_300.0), None);
        assert_eq!(
            wait_before_send(&RateLimit::default(), Some(1_000.0), 1_000.0),
            None
        );
    }

    #[test]
    fn a_failing_server_is_retried_less_and_less_often() {
        assert_eq!(retry_delay_ms(0), 30_000.0);
        assert_eq!(retry_delay_ms(1), 60_000.0);
        assert_eq!(retry_delay_ms(30), LONGEST_RETRY_MS);
    }
}
