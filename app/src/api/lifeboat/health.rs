//! How an account's backups stand: when the last good one ended, and
//! whether its server has stopped answering. Kept beside the backups, so
//! that a reader who comes back to a dead server is told at once.

use serde::{Deserialize, Serialize};

/// A backup is refreshed when the last attempt is older than this.
pub const REFRESH_MS: f64 = 3.0 * 3600.0 * 1000.0;
/// A failed attempt is tried again after this.
pub const RETRY_MS: f64 = 10.0 * 60.0 * 1000.0;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct BackupHealth {
    /// When the last complete backup ended (ms since the epoch).
    pub last_good_ms: Option<f64>,
    pub last_attempt_ms: Option<f64>,
    /// Since when the server has not answered, while it does not.
    pub unreachable_since_ms: Option<f64>,
    /// Why the last attempt failed, when it did for another reason.
    pub failure: Option<String>,
}

impl BackupHealth {
    /// Whether a background backup should start now.
    pub fn due(&self, now_ms: f64) -> bool {
        let Some(attempt) = self.last_attempt_ms else {
            return true;
        };
        let failed = self.failure.is_some() || self.unreachable_since_ms.is_some();
        let wait = if failed { RETRY_MS } else { REFRESH_MS };
        now_ms - attempt >= wait
    }

    pub fn started(&mut self, now_ms: f64) {
        self.last_attempt_ms = Some(now_ms);
    }

    pub fn completed(&mut self, now_ms: f64) {
        self.last_good_ms = Some(now_ms);
        self.answered();
    }

    /// The server answered, even if the backup is not finished.
    pub fn answered(&mut self) {
        self.unreachable_since_ms = None;
        self.failure = None;
    }

    pub fn unreachable(&mut self, now_ms: f64) {
        self.unreachable_since_ms.get_or_insert(now_ms);
    }

    pub fn failed(&mut self, why: String) {
        self.failure = Some(why);
    }

    pub fn server_down(&self) -> bool {
        self.unreachable_since_ms.is_some()
    }

    /// Whole hours since the last good backup, if there was one.
    pub fn hours_since_good(&self, now_ms: f64) -> Option<u64> {
        self.last_good_ms
            .map(|at| ((now_ms - at).max(0.0) / 3_600_000.0) as u64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOUR: f64 = 3_600_000.0;

    #[test]
    fn a_good_backup_waits_hours_and_a_failed_one_minutes() {
        let mut health = BackupHealth::default();
        assert!(health.due(0.0));
        health.started(0.0);
        health.completed(HOUR / 60.0);
        assert!(!health.due(2.0 * HOUR) && health.due(3.0 * HOUR));
        health.started(3.0 * HOUR);
        health.unreachable(3.0 * HOUR);
        assert!(health.server_down());
        assert!(!health.due(3.0 * HOUR + RETRY_MS / 2.0));
        assert!(health.due(3.0 * HOUR + RETRY_MS));
        assert_eq!(health.hours_since_good(5.0 * HOUR), Some(4));
    }

    #[test]
    fn the_first_silence_is_kept_until_the_server_answers() {
        let mut health = BackupHealth::default();
        health.unreachable(10.0);
        health.unreachable(20.0);
        assert_eq!(health.unreachable_since_ms, Some(10.0));
        health.answered();
        assert!(!health.server_down());
    }
}
