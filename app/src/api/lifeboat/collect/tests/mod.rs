//! A small fake server answering the engine's requests from recorded
//! pages, and runs of the engine against it.

mod fixtures;
mod runs;
mod troubles;

use std::collections::{HashMap, HashSet, VecDeque};

use super::Collect;
use crate::api::ApiError;
use crate::api::lifeboat::exchange::{Answer, Next, RateLimit};

/// Answers each `Ask` from a map of path → (body, `Link` next); anything
/// else is a 404, as a server that lacks the endpoint gives.
#[derive(Clone, Default)]
pub(super) struct FakeServer {
    pages: HashMap<String, (String, Option<String>)>,
    /// Failures served, in order, before a path's page.
    failures: HashMap<String, VecDeque<ApiError>>,
    failing_downloads: HashSet<String>,
    rate: RateLimit,
    /// Every request sent, in order.
    pub asked: Vec<String>,
    /// Every download asked for, by key.
    pub downloaded: Vec<String>,
}

impl FakeServer {
    pub(super) fn page(&mut self, path: &str, body: &str, next: Option<&str>) {
        self.pages.insert(
            path.to_string(),
            (body.to_string(), next.map(str::to_string)),
        );
    }

    pub(super) fn fail(&mut self, path: &str, error: ApiError) {
        self.failures
            .entry(path.to_string())
            .or_default()
            .push_back(error);
    }

    pub(super) fn fail_download(&mut self, key: &str) {
        self.failing_downloads.insert(key.to_string());
    }

    pub(super) fn rate(&mut self, rate: RateLimit) {
        self.rate = rate;
    }

    /// Does one thing the engine asks; false once it is done.
    pub(super) fn step(&mut self, engine: &mut Collect, now_ms: &mut f64) -> bool {
        *now_ms += 1_000.0;
        match engine.next(*now_ms) {
            Next::Done => return false,
            Next::Wait { until_ms } => *now_ms = until_ms,
            Next::Send(ask) => {
                self.asked.push(ask.path.clone());
                let outcome = match self
                    .failures
                    .get_mut(&ask.path)
                    .and_then(VecDeque::pop_front)
                {
                    Some(error) => Err(error),
                    None => match self.pages.get(&ask.path) {
                        Some((body, next_page)) => Ok(Answer {
                            body: body.clone(),
                            next_page: next_page.clone(),
                            rate: self.rate,
                        }),
                        None => Err(ApiError::NotFound),
                    },
                };
                engine.absorb_answer(outcome, *now_ms);
            }
            Next::Download { key, .. } => {
                self.downloaded.push(key.clone());
                let outcome = match self.failing_downloads.contains(&key) {
                    true => Err("connection reset".to_string()),
                    false => Ok(Some("image/png".to_string())),
                };
                engine.absorb_download(outcome, *now_ms);
            }
        }
        true
    }

    /// Runs the engine to its end.
    pub(super) fn run(&mut self, engine: &mut Collect, now_ms: &mut f64) {
        for _ in 0..1_000 {
            if !self.step(engine, now_ms) {
                return;
            }
        }
        panic!("the run did not end; asked {:?}", self.asked);
    }
}
