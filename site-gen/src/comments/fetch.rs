//! Reading a post and its replies from its server's API
//! (`/api/v1/statuses/:id` and `/api/v1/statuses/:id/context`).

use std::time::Duration;

use serde::Deserialize;

use super::CommentsError;
use super::snapshot::{Author, Counts, Post, Reply, Snapshot};
use super::source::CommentSource;

/// Mastodon gives at most this many descendants to a reader without a
/// token, and this many with one.
pub const UNAUTHENTICATED_LIMIT: usize = 60;
pub const AUTHENTICATED_LIMIT: usize = 4096;

const TIMEOUT: Duration = Duration::from_secs(20);
const MAX_ANSWER_BYTES: u64 = 64 * 1024 * 1024;

#[derive(Deserialize)]
struct ApiAccount {
    #[serde(default)]
    acct: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    avatar: Option<String>,
}

#[derive(Deserialize)]
struct ApiStatus {
    id: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    uri: Option<String>,
    #[serde(default)]
    in_reply_to_id: Option<String>,
    account: ApiAccount,
    #[serde(default)]
    created_at: String,
    #[serde(default)]
    content: String,
    #[serde(default)]
    sensitive: bool,
    #[serde(default)]
    spoiler_text: String,
    #[serde(default)]
    replies_count: u64,
    #[serde(default)]
    reblogs_count: u64,
    #[serde(default)]
    favourites_count: u64,
}

#[derive(Deserialize)]
struct ApiContext {
    #[serde(default)]
    descendants: Vec<ApiStatus>,
}

impl ApiStatus {
    fn counts(&self) -> Counts {
        Counts {
            favourites: self.favourites_count,
            reblogs: self.reblogs_count,
            replies: self.replies_count,
        }
    }

    fn into_reply(self, server_host: &str) -> Reply {
        let counts = self.counts();
        // A local account's `acct` has no domain; readers need it to
        // tell `@ada` here from `@ada` elsewhere.
        let acct = if self.account.acct.contains('@') || self.account.acct.is_empty() {
            self.account.acct
        } else {
            format!("{}@{server_host}", self.account.acct)
        };
        Reply {
            account: Author {
                acct,
                avatar: self.account.avatar.filter(|url| !url.is_empty()),
                display_name: self.account.display_name,
                url: self.account.url,
            },
            content: self.content,
            counts,
            created_at: self.created_at,
            id: self.id,
            in_reply_to_id: self.in_reply_to_id,
            sensitive: self.sensitive,
            spoiler_text: self.spoiler_text,
            url: self.url.or(self.uri),
        }
    }
}

/// Fetches the post and its replies; `token` is sent as a bearer token.
/// `fetched_at` is left for the caller to set.
pub fn fetch(source: &CommentSource, token: Option<&str>) -> Result<Snapshot, CommentsError> {
    let client = reqwest::blocking::Client::builder()
        .timeout(TIMEOUT)
        .user_agent(concat!(
            "site-gen/",
            env!("CARGO_PKG_VERSION"),
            " (comments refresh)"
        ))
        .build()
        .map_err(|error| unreachable(source, &error))?;
    let get = |path: String| -> Result<reqwest::blocking::Response, CommentsError> {
        let mut request = client
            .get(format!("{}{path}", source.server))
            .header("Accept", "application/json");
        if let Some(token) = token {
            request = request.bearer_auth(token);
        }
        let response = request
            .send()
            .map_err(|error| unreachable(source, &error))?;
        let status = response.status();
        match status.as_u16() {
            200..=299 => Ok(response),
            401 | 403 => Err(CommentsError::NeedsToken {
                server: source.server.clone(),
                status: status.as_u16(),
                with_token: token.is_some(),
            }),
            404 | 410 => Err(CommentsError::PostGone {
                server: source.server.clone(),
                id: source.id.clone(),
            }),
            _ => Err(CommentsError::ServerFailed {
                server: source.server.clone(),
                status: status.as_u16(),
            }),
        }
    };
    let post: ApiStatus = read_json(source, get(format!("/api/v1/statuses/{}", source.id))?)?;
    let context: ApiContext = read_json(
        source,
        get(format!("/api/v1/statuses/{}/context", source.id))?,
    )?;
    let limit = if token.is_some() {
        AUTHENTICATED_LIMIT
    } else {
        UNAUTHENTICATED_LIMIT
    };
    let cut_short = context.descendants.len() >= limit;
    let host = source.host();
    let post_url = post
        .url
        .clone()
        .or_else(|| post.uri.clone())
        .unwrap_or_else(|| source.post_url());
    let replies = context
        .descendants
        .into_iter()
        .map(|status| status.into_reply(host))
        .collect();
    let mut snapshot = Snapshot::new(
        &source.server,
        &source.id,
        Post {
            counts: post.counts(),
            url: post_url,
        },
        replies,
    );
    snapshot.cut_short = cut_short;
    Ok(snapshot)
}

/// The answer's JSON, read up to a size no real thread reaches, so that a
/// hostile server cannot exhaust the memory.
fn read_json<T: serde::de::DeserializeOwned>(
    source: &CommentSource,
    response: reqwest::blocking::Response,
) -> Result<T, CommentsError> {
    use std::io::Read;
    let bad_answer = |reason: String| CommentsError::BadAnswer {
        server: source.server.clone(),
        reason,
    };
    let mut bytes = Vec::new();
    response
        .take(MAX_ANSWER_BYTES)
        .read_to_end(&mut bytes)
        .map_err(|error| bad_answer(error.to_string()))?;
    serde_json::from_slice(&bytes).map_err(|error| bad_answer(error.to_string()))
}

fn unreachable(source: &CommentSource, error: &reqwest::Error) -> CommentsError {
    CommentsError::Unreachable {
        server: source.server.clone(),
        reason: with_causes(error),
    }
}

/// reqwest's message, and the causes that say what went wrong.
fn with_causes(error: &reqwest::Error) -> String {
    let mut reason = error.to_string();
    let mut cause = std::error::Error::source(error);
    while let Some(inner) = cause {
        reason = format!("{reason}: {inner}");
        cause = inner.source();
    }
    reason
}
