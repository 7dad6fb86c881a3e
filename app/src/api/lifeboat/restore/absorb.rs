//! Taking in what came of a step: what the new server has, what it made,
//! what it refused, and when to try again.

use serde::de::DeserializeOwned;

use super::super::super::actions::Relationship;
use super::super::super::filter_edit::FilterRecord;
use super::super::super::moderation::{FollowedTag, ListedAccount, Listing};
use super::super::super::request::json;
use super::super::super::{Account, ApiError, Lists, Request, SearchResults, Status, UserList};
use super::super::backup::full_address;
use super::super::exchange::{Answer, Outcome, RateLimit};
use super::current_profile;
use super::kind::Kind;
use super::plan::Work;
use super::report::{self, EntryOutcome};
use super::steps::key;
use super::{Found, FoundStatus, Read, Relation, Restore, Step};

/// How long to wait before trying again after the browser gave up on a
/// server that failed or could not be reached.
const RETRY_AFTER_FAILURE_MS: f64 = 60_000.0;

/// Requests left in the server's window that the restore leaves to the
/// reader's own use of the new server.
const RESERVE: u32 = 20;

const SIGNED_OUT: &str = "signed out of the new server: sign in again to go on";

fn items<T: DeserializeOwned>(body: &str) -> Option<Vec<T>> {
    Listing::<T>::at(String::new()).read(body).ok()
}

impl Restore {
    /// What came of the step `next` sent. Anything else is ignored.
    pub fn absorb(&mut self, outcome: Outcome<Answer>, now_ms: f64) {
        let Some(step) = self.sent.take() else {
            return;
        };
        match outcome {
            Ok(answer) => {
                self.keep_a_reserve(&answer.rate, now_ms);
                self.apply(step, &answer, now_ms);
            }
            Err(error) => self.fail(step, error, now_ms),
        }
    }

    /// Waits for the server's window to reset once few requests are left
    /// in it, so the reader's own reading is never starved.
    fn keep_a_reserve(&mut self, rate: &RateLimit, now_ms: f64) {
        let low = rate.remaining.is_some_and(|left| left <= RESERVE);
        if let Some(reset) = rate.reset_ms.filter(|reset| low && *reset > now_ms) {
            self.retry_at = Some(reset);
        }
    }

    fn fail(&mut self, step: Step, error: ApiError, now_ms: f64) {
        let why = match error {
            ApiError::RateLimited { retry_after_secs } => {
                self.retry_at = Some(now_ms + (retry_after_secs.max(1) as f64) * 1000.0);
                return;
            }
            ApiError::ServerFailed { .. }
            | ApiError::Unreachable { .. }
            | ApiError::Timeout { .. } => {
                self.retry_at = Some(now_ms + RETRY_AFTER_FAILURE_MS);
                return;
            }
            ApiError::Unauthorized => {
                self.halted = Some(SIGNED_OUT.into());
                return;
            }
            ApiError::NotFound => format!("not found on {}", self.target.server),
            ApiError::Rejected { message } | ApiError::Other { message, .. } => message,
            ApiError::Malformed { detail } => format!("unreadable answer: {detail}"),
        };
        self.refuse(step, why);
    }

    /// A step the server refused: the entry it was for cannot be done; a
    /// read it refused counts as empty where writing blindly is harmless,
    /// and stops the entries where it is not (lists and filters).
    fn refuse(&mut self, step: Step, why: String) {
        match step {
            Step::Resolve(address) => {
                let missing = format!("not found on {}", self.target.server);
                self.accounts.insert(key(&address), Found::Missing(missing));
            }
            Step::Relationships(ids) => {
                for id in ids {
                    self.relations.entry(id).or_default();
                }
            }
            Step::Bulk { batch, .. } => self.bulk_refused.push(batch),
            Step::ReadLists => self.give_up(Kind::List, &why),
            Step::ReadFilters => self.give_up(Kind::Filter, &why),
            Step::ReadProfile => self.profile_read = true,
            Step::ReadMembers(list) => {
                if let Some(plan) = self.lists.get_mut(list) {
                    plan.members = Read::Done(Default::default());
                }
            }
            Step::ReadDomainBlocks => self.domain_blocks = Read::Done(Default::default()),
            Step::ReadTags => self.followed_tags = Read::Done(Default::default()),
            Step::FindStatus(uri) => {
                let found = if self.status_by_id(&uri) {
                    FoundStatus::NotById
                } else {
                    FoundStatus::Missing(format!("not found on {}", self.target.server))
                };
                self.statuses.insert(uri, found);
            }
            Step::Write(index) => self.conclude(index, EntryOutcome::impossible(&why)),
        }
    }

    fn give_up(&mut self, kind: Kind, why: &str) {
        let todo: Vec<usize> = self.todo(kind).collect();
        for index in todo {
            self.conclude(index, EntryOutcome::impossible(why));
        }
    }

    fn conclude(&mut self, index: usize, outcome: EntryOutcome) {
        if let Some(entry) = self.entries.get_mut(index) {
            entry.done = Some(outcome);
        }
    }

    fn apply(&mut self, step: Step, answer: &Answer, now_ms: f64) {
        let body = answer.body.as_str();
        let next = answer.next_page.clone();
        match step {
            Step::Resolve(address) => {
                let found = self.found_account(&address, body);
                self.accounts.insert(key(&address), found);
            }
            Step::Relationships(ids) => {
                let answered = items::<Relationship>(body).unwrap_or_default();
                for id in ids {
                    let relation = answered.iter().find(|r| r.id == id).map(relation_of);
                    self.relations.insert(id, relation.unwrap_or_default());
                }
            }
            Step::Bulk { entries, .. } => {
                for index in entries {
                    self.conclude(index, EntryOutcome::Restored);
                }
            }
            Step::ReadLists => match Lists.read(body) {
                Ok(lists) => {
                    let titles = lists.into_iter().map(|list| (list.title, list.id));
                    self.target_lists = Some(titles.collect());
                }
                Err(error) => self.give_up(Kind::List, &error.to_string()),
            },
            Step::ReadMembers(list) => {
                let ids = items::<ListedAccount>(body).unwrap_or_default();
                if let Some(plan) = self.lists.get_mut(list) {
                    plan.members.add(ids.into_iter().map(|a| a.id), next);
                }
            }
            Step::ReadDomainBlocks => {
                let domains = items::<String>(body).unwrap_or_default();
                self.domain_blocks.add(domains.iter().map(|d| key(d)), next);
            }
            Step::ReadTags => {
                let tags = items::<FollowedTag>(body).unwrap_or_default();
                self.followed_tags
                    .add(tags.iter().map(|tag| key(&tag.name)), next);
            }
            Step::ReadFilters => match items::<FilterRecord>(body) {
                Some(filters) => self
                    .filters
                    .add(filters.iter().map(|f| key(&f.title)), None),
                None => self.give_up(Kind::Filter, "the new server's filters are unreadable"),
            },
            Step::ReadProfile => {
                self.profile_read = true;
                let present = self.entries.iter().position(|entry| {
                    entry.done.is_none()
                        && matches!(&entry.work, Work::ProfileText(profile)
                            if current_profile::already_there(body, profile))
                });
                if let Some(index) = present {
                    self.conclude(index, EntryOutcome::Present);
                }
            }
            Step::FindStatus(uri) => {
                let found = self.found_status(&uri, body);
                self.statuses.insert(uri, found);
            }
            Step::Write(index) => self.written(index, body, now_ms),
        }
    }

    /// The account in the answer whose full address is the one wanted:
    /// a search may offer others that only look alike.
    fn found_account(&self, address: &str, body: &str) -> Found {
        let server = &self.target.server;
        let candidates = match json::<SearchResults>(body) {
            Ok(results) if !self.target.is_local(address) => results.accounts,
            _ => json::<Account>(body).map(|a| vec![a]).unwrap_or_default(),
        };
        let wanted = key(address);
        candidates
            .into_iter()
            .find(|account| key(&full_address(&account.acct, server)) == wanted)
            .map_or_else(
                || Found::Missing(format!("not found on {server}")),
                |account| Found::At(account.id),
            )
    }

    fn found_status(&self, uri: &str, body: &str) -> FoundStatus {
        let by_id = self.status_by_id(uri);
        let candidates = if by_id {
            json::<Status>(body).map(|s| vec![s]).unwrap_or_default()
        } else {
            json::<SearchResults>(body)
                .map(|results| results.statuses)
                .unwrap_or_default()
        };
        candidates
            .into_iter()
            .find(|status| status.uri == uri)
            .map_or_else(
                || {
                    if by_id {
                        FoundStatus::NotById
                    } else {
                        FoundStatus::Missing(format!("not found on {}", self.target.server))
                    }
                },
                |status| FoundStatus::At {
                    id: status.id,
                    bookmarked: status.bookmarked,
                },
            )
    }

    fn written(&mut self, index: usize, body: &str, now_ms: f64) {
        let Some(entry) = self.entries.get(index) else {
            return;
        };
        let (kind, work, subject) = (entry.kind, entry.work.clone(), entry.subject.clone());
        let id = match self.accounts.get(&key(&subject)) {
            Some(Found::At(id)) => Some(id.clone()),
            _ => None,
        };
        let mut outcome = EntryOutcome::Restored;
        match (kind, &work) {
            (Kind::Follow, _) => {
                self.record_follow(now_ms);
                if let Ok(relationship) = json::<Relationship>(body) {
                    if relationship.requested && !relationship.following {
                        outcome = EntryOutcome::waiting(report::FOLLOW_REQUESTED);
                    }
                    self.relations
                        .insert(relationship.id.clone(), relation_of(&relationship));
                }
            }
            (Kind::List, Work::List { list }) => match json::<UserList>(body) {
                Ok(made) => {
                    if let Some(plan) = self.lists.get_mut(*list) {
                        plan.target_id = Some(made.id);
                        plan.members = Read::Done(Default::default());
                    }
                }
                // Made, but which one is unknown: read the lists again.
                Err(_) => {
                    self.target_lists = None;
                    return;
                }
            },
            (Kind::ListMember, Work::ListMember { list }) => {
                let plan = self.lists.get_mut(*list);
                if let (Some(plan), Some(id)) = (plan, id) {
                    plan.members.add([id], None);
                }
            }
            _ => {}
        }
        self.conclude(index, outcome);
    }
}

fn relation_of(relationship: &Relationship) -> Relation {
    Relation {
        following: relationship.following,
        requested: relationship.requested,
        muting: relationship.muting,
        blocking: relationship.blocking,
    }
}
