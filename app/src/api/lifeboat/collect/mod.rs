//! The backup engine: fills a `Backup` from the account's server, one
//! request or download at a time, as the browser runner asks it what to do
//! next and hands back what came of it. It is plain data, saved after every
//! step, so a reload resumes where it stopped.
//!
//! Phases (see `step`): the profile and its images, follows (with their
//! settings from relationships), followers, lists and members, mutes,
//! blocks, domain blocks, bookmarks, followed hashtags, filters, then the
//! account's posts (incremental over the previous backup) and their media.

mod clock;
mod extras;
mod network;
mod pace;
mod posts;
mod profile;
mod progress;
mod step;

use serde::{Deserialize, Serialize};

use super::exchange::{Answer, Ask, Next, Outcome, RateLimit};
use super::{Backup, BackupAccount};
use crate::api::{ApiError, Method};
pub use pace::budget_wait;
use posts::Previous;
pub use progress::{CollectError, Counts, Progress};
use step::Step;

#[cfg(test)]
mod tests;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Collect {
    backup: Backup,
    step: Step,
    /// The next page of the current step, as the server's `Link` gave it.
    cursor: Option<String>,
    scratch: Scratch,
    previous: Previous,
    /// Files still to fetch, first one next.
    downloads: Vec<Download>,
    rate: RateLimit,
    not_before_ms: Option<f64>,
    last_send_ms: Option<f64>,
    /// Failed attempts at the current request in a row, for backing off.
    retries: u32,
    unreachable_since_ms: Option<f64>,
    pages_done: u32,
    downloads_failed: u32,
    /// Kinds the server lacks or refused, left empty.
    skipped: Vec<String>,
    failure: Option<CollectError>,
    started_at_ms: f64,
}

/// The server's ids of what the backup keeps by address, until the
/// relationships and members that need them are read.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
struct Scratch {
    /// Beside `backup.follows`.
    follow_ids: Vec<String>,
    /// Beside `backup.lists`.
    list_ids: Vec<String>,
    /// Beside `backup.mutes`, with whether the mutes list said when each ends.
    mute_ids: Vec<String>,
    mute_ends_known: Vec<bool>,
    /// The next relationships batch, or the next list, of the step.
    offset: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Download {
    url: String,
    key: String,
}

/// Where a step goes after a page.
enum Flow {
    /// Follow this `Link` page.
    Page(String),
    /// Ask the step's first request again (its next batch or list).
    Again,
    Finished,
}

impl Collect {
    /// Starts a run for this account; `previous` is the last good backup,
    /// for incremental posts and to keep media already stored.
    pub fn new(account: BackupAccount, previous: Option<Backup>, now_ms: f64) -> Self {
        Self {
            backup: Backup::new(account),
            step: Step::Profile,
            cursor: None,
            scratch: Scratch::default(),
            previous: Previous::from_backup(previous),
            downloads: Vec::new(),
            rate: RateLimit::default(),
            not_before_ms: None,
            last_send_ms: None,
            retries: 0,
            unreachable_since_ms: None,
            pages_done: 0,
            downloads_failed: 0,
            skipped: Vec::new(),
            failure: None,
            started_at_ms: now_ms,
        }
    }

    /// What to do next. `Done` also when the run failed: see
    /// `progress().failure`.
    pub fn next(&mut self, now_ms: f64) -> Next {
        loop {
            if self.failure.is_some() || self.step == Step::Done {
                return Next::Done;
            }
            if let Some(until_ms) = self.not_before_ms.filter(|until| *until > now_ms) {
                return Next::Wait { until_ms };
            }
            if self.step.downloads() {
                match self.downloads.first() {
                    Some(download) => {
                        return Next::Download {
                            url: download.url.clone(),
                            key: download.key.clone(),
                        };
                    }
                    None => self.advance(now_ms),
                }
                continue;
            }
            let Some(path) = self.cursor.clone().or_else(|| self.first_path()) else {
                self.advance(now_ms);
                continue;
            };
            if let Some(until_ms) = pace::wait_before_send(&self.rate, self.last_send_ms, now_ms) {
                return Next::Wait { until_ms };
            }
            return Next::Send(Ask {
                method: Method::Get,
                path,
                body: None,
            });
        }
    }

    pub fn absorb_answer(&mut self, outcome: Outcome<Answer>, now_ms: f64) {
        self.last_send_ms = Some(now_ms);
        let answer = match outcome {
            Ok(answer) => answer,
            Err(error) => return self.request_failed(error, now_ms),
        };
        self.rate = answer.rate;
        self.unreachable_since_ms = None;
        self.retries = 0;
        self.not_before_ms = None;
        self.pages_done = self.pages_done.saturating_add(1);
        match self.absorb_page(&answer.body, answer.next_page) {
            Ok(Flow::Page(next)) if self.cursor.as_deref() != Some(next.as_str()) => {
                self.cursor = Some(next);
            }
            Ok(Flow::Again) => self.cursor = None,
            // A page that names itself as the next would loop.
            Ok(Flow::Page(_) | Flow::Finished) => self.end_pages(now_ms),
            Err(error) => self.request_failed(error, now_ms),
        }
    }

    pub fn absorb_download(&mut self, outcome: Result<Option<String>, String>, _now_ms: f64) {
        if self.downloads.is_empty() {
            return;
        }
        let download = self.downloads.remove(0);
        match outcome {
            Ok(mime) => posts::mark_stored(&mut self.backup.posts, &download.key, mime),
            // Not fatal: the file stays unstored and is tried again next run.
            Err(_) => self.downloads_failed = self.downloads_failed.saturating_add(1),
        }
    }

    /// The completed backup, once the run is done.
    pub fn finished(&self) -> Option<&Backup> {
        (self.step == Step::Done && self.failure.is_none()).then_some(&self.backup)
    }

    fn absorb_page(&mut self, body: &str, next_page: Option<String>) -> Result<Flow, ApiError> {
        let server = self.backup.account.server.clone();
        // An empty page ends the kind, whatever the `Link` says.
        let more = |count: usize| match &next_page {
            Some(next) if count > 0 => Flow::Page(next.clone()),
            _ => Flow::Finished,
        };
        Ok(match self.step {
            Step::Profile => {
                self.downloads = profile::absorb(&mut self.backup, body)?;
                Flow::Finished
            }
            Step::Following => more(self.absorb_following(body, &server)?),
            Step::FollowRelationships => self.absorb_follow_relationships(body)?,
            Step::Followers => more(network::absorb_known(
                &mut self.backup.followers,
                body,
                &server,
            )?),
            Step::Lists => more(self.absorb_lists(body)?),
            Step::ListMembers => self.absorb_members(body, next_page.clone(), &server)?,
            Step::Mutes => more(self.absorb_mutes(body, &server)?),
            Step::MuteRelationships => self.absorb_mute_relationships(body)?,
            Step::Blocks => more(network::absorb_known(
                &mut self.backup.blocks,
                body,
                &server,
            )?),
            Step::DomainBlocks => more(extras::absorb_domains(&mut self.backup, body)?),
            Step::Bookmarks => more(extras::absorb_bookmarks(&mut self.backup, body)?),
            Step::FollowedTags => more(extras::absorb_tags(&mut self.backup, body)?),
            Step::Filters => more(extras::absorb_filters(&mut self.backup, body)?),
            Step::Posts => {
                let (count, reached_previous) = self.absorb_posts(body)?;
                if reached_previous {
                    Flow::Finished
                } else {
                    more(count)
                }
            }
            Step::ProfileImages | Step::Media | Step::Done => Flow::Finished,
        })
    }

    fn request_failed(&mut self, error: ApiError, now_ms: f64) {
        match error {
            ApiError::Unauthorized => self.failure = Some(CollectError::Revoked),
            ApiError::RateLimited { retry_after_secs } => {
                self.not_before_ms = Some(now_ms + (retry_after_secs.max(1) as f64) * 1000.0);
            }
            ApiError::Unreachable { .. }
            | ApiError::Timeout { .. }
            | ApiError::ServerFailed { .. } => {
                self.unreachable_since_ms.get_or_insert(now_ms);
                self.not_before_ms = Some(now_ms + pace::retry_delay_ms(self.retries));
                self.retries = self.retries.saturating_add(1);
            }
            refused if self.step.essential() => {
                self.failure = Some(CollectError::Refused {
                    step: self.step.name().to_string(),
                    message: refused.to_string(),
                });
            }
            _ => self.skip(now_ms),
        }
    }

    /// Leaves what the server would not give, and goes on: a list deleted
    /// meanwhile, an endpoint an older server lacks.
    fn skip(&mut self, now_ms: f64) {
        let name = self.step.name().to_string();
        if !self.skipped.contains(&name) {
            self.skipped.push(name);
        }
        self.end_pages(now_ms);
    }

    /// The end of a kind's pages; for list members, of one list's.
    fn end_pages(&mut self, now_ms: f64) {
        if self.step == Step::ListMembers {
            self.scratch.offset += 1;
            self.cursor = None;
        } else {
            self.advance(now_ms);
        }
    }

    fn advance(&mut self, now_ms: f64) {
        if self.step == Step::Posts {
            self.previous.finish(&mut self.backup.posts);
            posts::link_replies(&mut self.backup.posts);
            self.downloads = posts::media_downloads(&self.backup.posts);
        }
        self.step = self.step.after();
        self.cursor = None;
        self.scratch.offset = 0;
        if self.step == Step::Done {
            self.scratch = Scratch::default();
            self.backup.completed_at = Some(clock::rfc3339(now_ms));
        }
    }
}
