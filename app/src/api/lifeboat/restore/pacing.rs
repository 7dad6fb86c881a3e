//! The daily cap on follows: Mastodon takes at most so many follows a
//! rolling day through its API; the rest wait for a slot to free.

use super::clock::DAY_MS;
use super::kind::Kind;
use super::steps::key;
use super::{Batch, Restore};

impl Restore {
    /// Follows left that go one by one, under the daily cap.
    pub(super) fn follows_one_by_one(&self) -> impl Iterator<Item = usize> + '_ {
        self.todo(Kind::Follow)
            .filter(|index| !self.bulk_takes(*index, Batch::Follows))
    }

    fn cap(&self) -> usize {
        self.target.follow_cap_per_day.max(1) as usize
    }

    pub(super) fn cap_allows(&self, now_ms: f64) -> bool {
        self.cap_frees_at().is_none_or(|frees| frees <= now_ms)
    }

    /// When the oldest follow still counted leaves the rolling day, if
    /// the cap is reached.
    fn cap_frees_at(&self) -> Option<f64> {
        let counted = self.follow_times.len().checked_sub(self.cap())?;
        self.follow_times.get(counted).map(|oldest| oldest + DAY_MS)
    }

    pub(super) fn record_follow(&mut self, now_ms: f64) {
        self.follow_times.push(now_ms);
        let surplus = self.follow_times.len().saturating_sub(self.cap());
        self.follow_times.drain(..surplus);
    }

    /// When held-back follows go next, while the cap holds some back.
    pub(super) fn paced_until(&self) -> Option<f64> {
        self.follows_one_by_one().next()?;
        self.cap_frees_at()
    }

    /// Whether the entry waits for a follow still to be sent one by one:
    /// the follow itself, or a list member (Mastodon lists only hold
    /// accounts the owner follows).
    pub(super) fn waits_for_a_follow(&self, index: usize) -> bool {
        let Some(entry) = self.entries.get(index) else {
            return false;
        };
        match entry.kind {
            Kind::Follow => entry.done.is_none(),
            Kind::ListMember => {
                let wanted = key(&entry.subject);
                self.follows_one_by_one()
                    .filter_map(|follow| self.entries.get(follow))
                    .any(|follow| key(&follow.subject) == wanted)
            }
            _ => false,
        }
    }
}
