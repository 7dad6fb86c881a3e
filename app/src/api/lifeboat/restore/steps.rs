//! Choosing the next step: what the new server already has settles what
//! it can, then the first thing left to do, in the restore's order.

use super::super::exchange::Next;
use super::kind::Kind;
use super::plan::Work;
use super::report::EntryOutcome;
use super::{Batch, Found, FoundStatus, Restore, Step, bulk};

/// How many accounts one relationships request asks about.
const RELATIONSHIPS_PER_REQUEST: usize = 40;

/// Addresses are compared without regard to case.
pub(super) fn key(address: &str) -> String {
    address.trim().trim_start_matches('@').to_lowercase()
}

impl Restore {
    /// What to do next. A step found still out (its answer lost to a
    /// reload) is planned again: idempotent writes go again as they are,
    /// creates are preceded by a fresh read of what the server has.
    pub fn next(&mut self, now_ms: f64) -> Next {
        if self.halted.is_some() {
            return Next::Done;
        }
        if let Some(until) = self.retry_at {
            if until > now_ms {
                return Next::Wait { until_ms: until };
            }
            self.retry_at = None;
        }
        if let Some(lost) = self.sent.take() {
            self.forget_what_a_lost_step_may_have_changed(&lost);
        }
        // Each pass either sends or settles one entry, so this ends.
        for _ in 0..=self.entries.len() {
            let Some(step) = self.plan(now_ms) else {
                break;
            };
            if let Some(ask) = self.ask(&step, now_ms) {
                self.sent = Some(step);
                return Next::Send(ask);
            }
            self.settle_unaskable(&step);
        }
        if let Some(until) = self.paced_until().filter(|until| *until > now_ms) {
            return Next::Wait { until_ms: until };
        }
        for entry in self.entries.iter_mut().filter(|e| e.done.is_none()) {
            entry.done = Some(EntryOutcome::impossible("could not be planned"));
        }
        Next::Done
    }

    fn forget_what_a_lost_step_may_have_changed(&mut self, lost: &Step) {
        let Step::Write(index) = lost else {
            return;
        };
        match self.entries.get(*index).map(|entry| entry.kind) {
            Some(Kind::List) => self.target_lists = None,
            Some(Kind::Filter) => self.filters = super::Read::NotYet,
            _ => {}
        }
    }

    fn settle_unaskable(&mut self, step: &Step) {
        let why = EntryOutcome::impossible("nothing to send for it");
        match step {
            Step::Write(index) => {
                if let Some(entry) = self.entries.get_mut(*index) {
                    entry.done = Some(why);
                }
            }
            Step::ReadMembers(list) => {
                if let Some(plan) = self.lists.get_mut(*list) {
                    plan.members = super::Read::Done(Default::default());
                }
            }
            _ => {
                if let Some(entry) = self.entries.iter_mut().find(|e| e.done.is_none()) {
                    entry.done = Some(why);
                }
            }
        }
    }

    fn plan(&mut self, now_ms: f64) -> Option<Step> {
        self.link_existing_lists();
        self.settle(now_ms);
        self.resolution_step()
            .or_else(|| self.relationships_step())
            .or_else(|| self.follow_step(now_ms))
            .or_else(|| self.list_step())
            .or_else(|| self.batch_or_each(Kind::Mute, Batch::Mutes))
            .or_else(|| self.batch_or_each(Kind::Block, Batch::Blocks))
            .or_else(|| self.read_then_write(Kind::DomainBlock))
            .or_else(|| self.bookmark_step())
            .or_else(|| self.read_then_write(Kind::Tag))
            .or_else(|| self.read_then_write(Kind::Filter))
            .or_else(|| self.profile_step())
    }

    /// The profile's text is written only once the new account's own has
    /// been read, to tell whether it is there already.
    fn profile_step(&self) -> Option<Step> {
        let index = self.todo(Kind::Profile).next()?;
        let text = matches!(self.entries.get(index)?.work, Work::ProfileText(_));
        Some(if text && !self.profile_read {
            Step::ReadProfile
        } else {
            Step::Write(index)
        })
    }

    /// Indexes of the entries of `kind` not yet settled, in order.
    pub(super) fn todo(&self, kind: Kind) -> impl Iterator<Item = usize> + '_ {
        self.entries
            .iter()
            .enumerate()
            .filter(move |(_, entry)| entry.kind == kind && entry.done.is_none())
            .map(|(index, _)| index)
    }

    fn found_id(&self, address: &str) -> Option<&str> {
        match self.accounts.get(&key(address)) {
            Some(Found::At(id)) => Some(id),
            _ => None,
        }
    }

    fn resolution_step(&self) -> Option<Step> {
        self.entries
            .iter()
            .filter(|entry| entry.done.is_none() && entry.kind.is_per_account())
            .find(|entry| !self.accounts.contains_key(&key(&entry.subject)))
            .map(|entry| Step::Resolve(entry.subject.trim().to_string()))
    }

    fn relationships_step(&self) -> Option<Step> {
        let mut ids: Vec<String> = Vec::new();
        for entry in &self.entries {
            if entry.done.is_some() || !entry.kind.is_per_account() {
                continue;
            }
            let Some(id) = self.found_id(&entry.subject) else {
                continue;
            };
            if !self.relations.contains_key(id) && !ids.iter().any(|known| known == id) {
                ids.push(id.to_string());
                if ids.len() == RELATIONSHIPS_PER_REQUEST {
                    break;
                }
            }
        }
        (!ids.is_empty()).then_some(Step::Relationships(ids))
    }

    fn follow_step(&self, now_ms: f64) -> Option<Step> {
        if let Some(step) = self.batch(Kind::Follow, Batch::Follows) {
            return Some(step);
        }
        let first = self.follows_one_by_one().next()?;
        self.cap_allows(now_ms).then_some(Step::Write(first))
    }

    fn batch(&self, kind: Kind, batch: Batch) -> Option<Step> {
        let entries: Vec<usize> = self
            .todo(kind)
            .filter(|index| self.bulk_takes(*index, batch))
            .collect();
        (!entries.is_empty()).then_some(Step::Bulk { batch, entries })
    }

    pub(super) fn bulk_takes(&self, index: usize, batch: Batch) -> bool {
        self.entries.get(index).is_some_and(|entry| {
            bulk::takes(self.target.bulk, &self.bulk_refused, batch, &entry.work)
        })
    }

    fn batch_or_each(&self, kind: Kind, batch: Batch) -> Option<Step> {
        self.batch(kind, batch)
            .or_else(|| self.todo(kind).next().map(Step::Write))
    }

    fn list_step(&self) -> Option<Step> {
        let members: Vec<usize> = self.todo(Kind::ListMember).collect();
        let lists: Vec<usize> = self.todo(Kind::List).collect();
        if members.is_empty() && lists.is_empty() {
            return None;
        }
        if self.target_lists.is_none() {
            return Some(Step::ReadLists);
        }
        if let Some(first) = lists.first() {
            return Some(Step::Write(*first));
        }
        for index in members {
            let Some(Work::ListMember { list }) = self.entries.get(index).map(|e| &e.work) else {
                continue;
            };
            let Some(plan) = self.lists.get(*list) else {
                continue;
            };
            if plan.target_id.is_none() {
                continue;
            }
            if plan.members.done().is_none() {
                return Some(Step::ReadMembers(*list));
            }
            if !self.waits_for_a_follow(index) {
                return Some(Step::Write(index));
            }
        }
        None
    }

    fn read_then_write(&self, kind: Kind) -> Option<Step> {
        let first = self.todo(kind).next()?;
        let (read, step) = match kind {
            Kind::DomainBlock => (&self.domain_blocks, Step::ReadDomainBlocks),
            Kind::Tag => (&self.followed_tags, Step::ReadTags),
            _ => (&self.filters, Step::ReadFilters),
        };
        Some(match read.done() {
            Some(_) => Step::Write(first),
            None => step,
        })
    }

    fn bookmark_step(&self) -> Option<Step> {
        let first = self.todo(Kind::Bookmark).next()?;
        let uri = &self.entries.get(first)?.subject;
        Some(match self.statuses.get(uri) {
            None | Some(FoundStatus::NotById) => Step::FindStatus(uri.clone()),
            Some(_) => Step::Write(first),
        })
    }
}
