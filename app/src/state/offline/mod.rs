//! Reading offline: what the reader opens is kept in IndexedDB, and when
//! a server cannot be reached, the kept copy stands in for its answer and
//! the page says so. Only the hooks live here: the keeping, the reading
//! back, the mark and the media cache load on first use, as
//! one piece, through one entry.

mod keeping;
mod mark;
mod media;

use std::cell::RefCell;

use crate::api::ServerAddr;

pub use media::cap_mb;

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

/// What reading offline is asked to do.
pub enum Job {
    Keep {
        server: ServerAddr,
        token: Option<String>,
        url: String,
        text: String,
    },
    Recall {
        server: ServerAddr,
        token: Option<String>,
        url: String,
    },
    SetCap(u32),
}

pub enum Done {
    Nothing,
    Recalled(Option<String>),
}

/// Every job, behind one split point.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn run(job: Job) -> Done {
    match job {
        Job::Keep {
            server,
            token,
            url,
            text,
        } => {
            keeping::keep(&server, token.as_deref(), &url, &text).await;
            Done::Nothing
        }
        Job::Recall { server, token, url } => {
            let kept = keeping::recall(&server, token.as_deref(), &url).await;
            Done::Recalled(kept.map(|(text, fetched_at, marked)| {
                if marked {
                    mark::show(server, fetched_at);
                }
                text
            }))
        }
        Job::SetCap(megabytes) => {
            media::set_cap(megabytes).await;
            Done::Nothing
        }
    }
}

/// Keeps a GET's answer, where it is worth keeping, a moment later.
pub fn keep(server: &ServerAddr, token: Option<&str>, url: &str, text: &str) {
    let job = Job::Keep {
        server: server.clone(),
        token: token.map(str::to_string),
        url: url.to_string(),
        text: text.to_string(),
    };
    crate::views::after_seconds(KEEP_AFTER_SECS, move || {
        leptos::task::spawn_local(async move {
            run(job).await;
        });
    });
}

/// The kept answer to a GET of `url`, when there is one, marking the page
/// as showing it.
pub async fn recall(server: &ServerAddr, token: Option<&str>, url: &str) -> Option<String> {
    let job = Job::Recall {
        server: server.clone(),
        token: token.map(str::to_string),
        url: url.to_string(),
    };
    match run(job).await {
        Done::Recalled(kept) => kept,
        _ => None,
    }
}
