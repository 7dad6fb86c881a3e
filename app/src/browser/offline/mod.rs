//! Reading offline: what the reader opens is kept in IndexedDB, and when
//! a server cannot be reached, the kept copy stands in for its answer and
//! the page says so. Only the hooks live here: the keeping, the reading
//! back, the mark and the media cache load on first use, as one piece,
//! through one entry.

mod keeping;
mod mark;
mod media;

use std::cell::RefCell;
use std::rc::Rc;

use futures::lock::Mutex;

use crate::api::ServerAddr;

pub use media::{cap_mb, set_cap};

/// The mark's element id.
const MARK_ID: &str = "offline-mark";

thread_local! {
    /// The server whose kept copy the page shows, and when the oldest
    /// part shown was fetched (ms since the epoch).
    static SHOWN: RefCell<Option<(ServerAddr, f64)>> = const { RefCell::new(None) };
}

/// Answers are kept this long after they came, so that keeping never
/// competes with the first screen of posts.
const KEEP_AFTER_SECS: u64 = 2;

/// A GET whose answer is to be kept (`text`) or read back (no `text`).
pub struct Job {
    server: ServerAddr,
    token: Option<String>,
    url: String,
    text: Option<String>,
}

/// Keeping and reading back, behind one split point; reading back gives
/// the kept answer.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn run(job: Job) -> Option<String> {
    let Job {
        server,
        token,
        url,
        text,
    } = job;
    if let Some(text) = text {
        keeping::keep(&server, token.as_deref(), &url, &text).await;
        return None;
    }
    let (text, fetched_at, marked) = keeping::recall(&server, token.as_deref(), &url).await?;
    if marked {
        mark::show(server, fetched_at);
    }
    Some(text)
}

/// Keeps a GET's answer, where it is worth keeping, a moment later.
pub fn keep(server: &ServerAddr, token: Option<&str>, url: &str, text: &str) {
    let job = Job {
        server: server.clone(),
        token: token.map(str::to_string),
        url: url.to_string(),
        text: Some(text.to_string()),
    };
    crate::browser::timer::after_seconds(KEEP_AFTER_SECS, move || {
        leptos::task::spawn_local(async move {
            run(job).await;
        });
    });
}

/// The kept answer to a GET of `url`, when there is one, marking the page
/// as showing it.
pub async fn recall(server: &ServerAddr, token: Option<&str>, url: &str) -> Option<String> {
    let job = Job {
        server: server.clone(),
        token: token.map(str::to_string),
        url: url.to_string(),
        text: None,
    };
    run(job).await
}

thread_local! {
    /// One keeping at a time: each reads, merges and writes back.
    static KEEPING: Rc<Mutex<()>> = Rc::default();
}

/// The lock every change to what is kept takes.
fn lock() -> Rc<Mutex<()>> {
    KEEPING.with(Rc::clone)
}
