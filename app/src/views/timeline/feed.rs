//! A timeline's posts as the reader sees them, and the pages around them:
//! older posts load at the end, newer ones wait behind a button.

use leptos::prelude::*;

use super::super::in_view::ViewTasks;
use crate::api::{ApiError, Posts, Status, StreamEvent, Timeline, Verdict, timeline_page, verdict};
use crate::browser::http::Fetched;
use crate::state::TimelineMemory;
use crate::state::session::Session;

#[derive(Clone, Copy)]
pub struct Feed {
    session: StoredValue<Session>,
    tasks: StoredValue<ViewTasks>,
    /// The posts shown, newest first.
    pub shown: RwSignal<Vec<Status>>,
    /// New posts the reader has not asked to see yet, newest first.
    pub waiting: RwSignal<Vec<Status>>,
    /// Where the posts older than the oldest shown are; `None` at the end.
    pub older_page: RwSignal<Option<String>>,
    /// Where posts newer than those shown will be, from the server's
    /// `prev` link.
    pub newer_page: RwSignal<Option<String>>,
    pub loading: RwSignal<bool>,
    /// Posts the server sent that this client could not read.
    pub unreadable: RwSignal<usize>,
    pub error: RwSignal<Option<ApiError>>,
    /// Bumped when a rate limit's wait is over, to load again.
    pub retry: RwSignal<u32>,
}

impl Feed {
    /// A feed of `timeline` as the reader left it, or empty, ready to load
    /// its first page.
    pub fn new(session: Session, timeline: &Timeline, left: Option<TimelineMemory>) -> Self {
        let first_page = Some(timeline.path());
        let (shown, older_page, newer_page) = match left {
            Some(left) => (left.statuses, left.older_page, left.newer_page),
            None => (Vec::new(), first_page, None),
        };
        Self {
            session: StoredValue::new(session),
            tasks: StoredValue::new(ViewTasks::here()),
            shown: RwSignal::new(shown),
            waiting: RwSignal::new(Vec::new()),
            older_page: RwSignal::new(older_page),
            newer_page: RwSignal::new(newer_page),
            loading: RwSignal::new(false),
            unreadable: RwSignal::new(0),
            error: RwSignal::new(None),
            retry: RwSignal::new(0),
        }
    }

    /// The feed as it is now, to find it so on return.
    pub fn memory(self, scroll_y: f64) -> TimelineMemory {
        TimelineMemory {
            statuses: self.shown.try_get_untracked().unwrap_or_default(),
            older_page: self.older_page.try_get_untracked().flatten(),
            newer_page: self.newer_page.try_get_untracked().flatten(),
            scroll_y,
        }
    }

    fn fetch_page(self, at: String, then: impl FnOnce(Result<Fetched<Posts>, ApiError>) + 'static) {
        let (Some(session), Some(tasks)) =
            (self.session.try_get_value(), self.tasks.try_get_value())
        else {
            return;
        };
        tasks.spawn(async move { then(session.fetch(&timeline_page(&at)).await) });
    }

    /// Loads the page of older posts, unless one is loading or there is none.
    pub fn load_older(self) {
        let Some(at) = self.older_page.try_get_untracked().flatten() else {
            return;
        };
        if self.loading.try_get_untracked() != Some(false) {
            return;
        }
        self.loading.set(true);
        self.error.set(None);
        self.fetch_page(at, move |page| {
            match page {
                Ok(page) => self.add_older(page),
                Err(failure) => self.fail(failure),
            }
            self.loading.try_set(false);
        });
    }

    fn add_older(self, page: Fetched<Posts>) {
        let more = !page.body.is_empty();
        self.unreadable
            .try_update(|count| *count += page.body.unreadable);
        self.shown.try_update(|list| {
            for status in page.body.statuses {
                if !list.iter().any(|known| known.id == status.id) {
                    list.push(status);
                }
            }
        });
        if self.newer_page.try_get_untracked() == Some(None) {
            self.newer_page.try_set(page.page.prev);
        }
        self.older_page.try_set(page.page.next.filter(|_| more));
    }

    fn fail(self, failure: ApiError) {
        // A rate limit says when to come back: do so on our own.
        if let ApiError::RateLimited { retry_after_secs } = failure {
            let retry = self.retry;
            super::super::after_seconds(retry_after_secs, move || {
                retry.try_update(|count| *count += 1);
            });
        }
        self.error.try_set(Some(failure));
    }

    /// Asks the server for posts newer than those shown, to wait behind
    /// the button.
    pub fn look_for_newer(self) {
        let Some(at) = self.newer_page.try_get_untracked().flatten() else {
            return;
        };
        self.fetch_page(at, move |page| {
            let Ok(page) = page else {
                return;
            };
            if page.body.statuses.is_empty() {
                return;
            }
            let known = |status: &Status| {
                let seen = |list: &Vec<Status>| list.iter().any(|known| known.id == status.id);
                self.waiting.try_with_untracked(seen).unwrap_or(true)
                    || self.shown.try_with_untracked(seen).unwrap_or(true)
            };
            let mut newer: Vec<Status> = page
                .body
                .statuses
                .into_iter()
                .filter(|status| !known(status) && worth_announcing(status))
                .collect();
            self.waiting.try_update(|list| {
                newer.append(list);
                *list = newer;
            });
            if let Some(newer_page) = page.page.prev {
                self.newer_page.try_set(Some(newer_page));
            }
        });
    }

    /// Shows the posts that were waiting, above the others.
    pub fn show_waiting(self) {
        let mut newer = self.waiting.get_untracked();
        self.waiting.set(Vec::new());
        self.shown.update(|list| {
            newer.append(list);
            *list = newer;
        });
    }

    /// A new post waits with the others behind the button; an edit or a
    /// deletion applies wherever the post is.
    pub fn on_stream_event(self, event: StreamEvent) {
        match event {
            StreamEvent::Update(status) => {
                let known = |list: &Vec<Status>| list.iter().any(|shown| shown.id == status.id);
                if worth_announcing(&status)
                    && self.shown.try_with_untracked(known) == Some(false)
                    && self.waiting.try_with_untracked(known) == Some(false)
                {
                    self.waiting.try_update(|list| list.insert(0, *status));
                }
            }
            StreamEvent::Notification | StreamEvent::Other => {}
            change => {
                self.shown.try_update(|list| change.apply_to(list));
                self.waiting.try_update(|list| change.apply_to(list));
            }
        }
    }
}

/// A post the reader's filters hide is never announced as new.
fn worth_announcing(status: &Status) -> bool {
    verdict(status) != Verdict::Hide
}
