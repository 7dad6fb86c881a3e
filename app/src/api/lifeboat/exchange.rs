//! How the pure Lifeboat engines (backing up, restoring) talk to the
//! browser: an engine says what it needs next, the browser does it and
//! hands back what came of it. Engines are plain data, so their state is
//! saved after every step and a reload goes on where it stopped.

use serde::{Deserialize, Serialize};

use crate::api::{ApiError, Body, Method};

/// What an engine needs next.
#[derive(Clone, Debug, PartialEq)]
pub enum Next {
    /// Send this request to the engine's server, with the account's token.
    Send(Ask),
    /// Download a file (media, avatar) from any host, without the token,
    /// and keep its bytes under `key` beside the backup.
    Download { url: String, key: String },
    /// Nothing to do before this time (ms since the epoch): a rate limit,
    /// or a daily cap.
    Wait { until_ms: f64 },
    /// Finished.
    Done,
}

/// A request to the engine's server.
#[derive(Clone, Debug, PartialEq)]
pub struct Ask {
    pub method: Method,
    /// A path (`/api/…`) or a full URL the server gave (a `Link` page).
    pub path: String,
    pub body: Option<AskBody>,
}

/// What an `Ask` carries.
#[derive(Clone, Debug, PartialEq)]
pub enum AskBody {
    Plain(Body),
    /// `multipart/form-data`: profile images, bulk-import files.
    Multipart(Vec<(String, Part)>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Part {
    Text(String),
    /// A file made by the engine (a CSV for a bulk import).
    File {
        file_name: String,
        mime: String,
        bytes: Vec<u8>,
    },
    /// A file kept beside the backup under `key` (see `Next::Download`).
    Stored {
        key: String,
        file_name: String,
    },
}

/// What came of a `Send`.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// The body's text.
    pub body: String,
    /// The `Link` header's `next` (older items), if any.
    pub next_page: Option<String>,
    pub rate: RateLimit,
}

/// The server's `X-RateLimit-*` headers, where it sent them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RateLimit {
    pub limit: Option<u32>,
    pub remaining: Option<u32>,
    /// When the window resets (ms since the epoch).
    pub reset_ms: Option<f64>,
}

/// What came of a step, as the browser hands it back. Transport failures,
/// 429s and 5xx are retried by the browser and only reach the engine when
/// the browser gives up; 4xx always reach it (an account gone, a refusal).
pub type Outcome<T> = Result<T, ApiError>;
