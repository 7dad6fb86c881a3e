//! Settling what needs no request: what the new server already has, an
//! account it cannot find, a mute that has ended since the backup.

use std::collections::BTreeSet;

use super::clock::seconds_left;
use super::kind::Kind;
use super::plan::{Entry, Work};
use super::report::{self, EntryOutcome};
use super::steps::key;
use super::{Found, FoundStatus, Restore};

impl Restore {
    /// Gives each backed-up list the new server's list of the same title,
    /// once the new server's lists are read.
    pub(super) fn link_existing_lists(&mut self) {
        let Some(existing) = &self.target_lists else {
            return;
        };
        for plan in self
            .lists
            .iter_mut()
            .filter(|plan| plan.target_id.is_none())
        {
            let title = plan.title.trim();
            if let Some((_, id)) = existing
                .iter()
                .find(|(name, _)| name.trim().eq_ignore_ascii_case(title))
            {
                plan.target_id = Some(id.clone());
            }
        }
    }

    /// Gives every entry whose outcome is already known that outcome.
    pub(super) fn settle(&mut self, now_ms: f64) {
        for index in 0..self.entries.len() {
            let outcome = match self.entries.get(index) {
                Some(entry) if entry.done.is_none() => self.settled(entry, now_ms),
                _ => None,
            };
            if let (Some(outcome), Some(entry)) = (outcome, self.entries.get_mut(index)) {
                entry.done = Some(outcome);
            }
        }
    }

    fn settled(&self, entry: &Entry, now_ms: f64) -> Option<EntryOutcome> {
        let lower = key(&entry.subject);
        match &entry.work {
            Work::Mute { expires_at, .. }
                if seconds_left(expires_at.as_deref(), now_ms).is_none() =>
            {
                return Some(EntryOutcome::Present);
            }
            Work::Filter(filter)
                if seconds_left(filter.expires_at.as_deref(), now_ms).is_none() =>
            {
                return Some(EntryOutcome::Present);
            }
            Work::ListMember { list } if self.list_failed(*list) => {
                return Some(EntryOutcome::impossible(report::LIST_FAILED));
            }
            Work::List { list } => {
                let found = self.lists.get(*list)?.target_id.is_some();
                return found.then_some(EntryOutcome::Present);
            }
            _ => {}
        }
        let present = |have: Option<&BTreeSet<String>>| {
            have?.contains(&lower).then_some(EntryOutcome::Present)
        };
        match entry.kind {
            Kind::DomainBlock => present(self.domain_blocks.done()),
            Kind::Tag => present(self.followed_tags.done()),
            Kind::Filter => present(self.filters.done()),
            Kind::Bookmark => match self.statuses.get(&entry.subject)? {
                FoundStatus::Missing(why) => Some(EntryOutcome::impossible(why)),
                FoundStatus::NotById => None,
                FoundStatus::At { bookmarked, .. } => bookmarked.then_some(EntryOutcome::Present),
            },
            kind if kind.is_per_account() => self.settled_account(entry, kind),
            _ => None,
        }
    }

    fn settled_account(&self, entry: &Entry, kind: Kind) -> Option<EntryOutcome> {
        let id = match self.accounts.get(&key(&entry.subject))? {
            Found::Missing(why) => return Some(EntryOutcome::impossible(why)),
            Found::At(id) => id,
        };
        if let Work::ListMember { list } = entry.work {
            let members = self.lists.get(list)?.members.done();
            if members.is_some_and(|members| members.contains(id)) {
                return Some(EntryOutcome::Present);
            }
        }
        let relation = self.relations.get(id)?;
        match kind {
            Kind::Follow if relation.following => Some(EntryOutcome::Present),
            Kind::Follow if relation.requested => {
                Some(EntryOutcome::waiting(report::FOLLOW_REQUESTED))
            }
            Kind::Mute if relation.muting => Some(EntryOutcome::Present),
            Kind::Block if relation.blocking => Some(EntryOutcome::Present),
            Kind::ListMember if !relation.following && relation.requested => {
                Some(EntryOutcome::waiting(report::MEMBER_AFTER_REQUEST))
            }
            _ => None,
        }
    }

    fn list_failed(&self, list: usize) -> bool {
        self.entries.iter().any(|entry| {
            entry.work == Work::List { list }
                && matches!(entry.done, Some(EntryOutcome::Impossible { .. }))
        })
    }
}
