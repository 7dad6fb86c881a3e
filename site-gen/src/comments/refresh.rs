//! `site-gen comments refresh`: every article that names an announcing
//! post gets a fresh snapshot of its replies. A server that fails leaves
//! the article's last snapshot as it was.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;

use super::CommentsError;
use super::fetch::fetch;
use super::snapshot::{load, save, snapshot_path};

pub struct RefreshOptions {
    /// A bearer token, from the environment; never written anywhere.
    pub token: Option<String>,
    /// The servers (origins) the token belongs to. Left empty, it goes to
    /// the only server the articles name, and is refused when they name
    /// several: a token sent to the wrong server is a token leaked.
    pub token_for: Vec<String>,
    /// The time stored in a snapshot whose replies changed.
    pub now: Timestamp,
}

/// What became of one article's comments.
pub struct Outcome {
    pub article: PathBuf,
    pub server: String,
    pub snapshot: PathBuf,
    pub result: Result<Refreshed, CommentsError>,
}

#[derive(Debug)]
pub struct Refreshed {
    pub replies: usize,
    /// The server gave fewer replies than the thread has.
    pub cut_short: bool,
    /// False when the replies were those already kept.
    pub changed: bool,
}

pub struct RefreshReport {
    pub outcomes: Vec<Outcome>,
}

impl RefreshReport {
    pub fn failures(&self) -> usize {
        self.outcomes
            .iter()
            .filter(|outcome| outcome.result.is_err())
            .count()
    }
}

/// Refreshes the comments of every article in the archive at `root`.
pub fn refresh(root: &Path, options: &RefreshOptions) -> Result<RefreshReport, CommentsError> {
    let mut archive = crate::archive::Archive::load(root).map_err(CommentsError::Archive)?;
    let site =
        crate::content::Site::from_archive(&mut archive, false).map_err(CommentsError::Archive)?;
    let articles: Vec<_> = site
        .articles
        .iter()
        .filter_map(|article| Some((article, article.comments.as_ref()?)))
        .collect();
    let servers: BTreeSet<&str> = articles
        .iter()
        .map(|(_, source)| source.server.as_str())
        .collect();
    let token_for: BTreeSet<String> = if options.token_for.is_empty() {
        if options.token.is_some() && servers.len() > 1 {
            return Err(CommentsError::TokenForWhichServer {
                servers: servers.into_iter().collect::<Vec<_>>().join(", "),
            });
        }
        servers.iter().map(|server| server.to_string()).collect()
    } else {
        options
            .token_for
            .iter()
            .map(|server| {
                url::Url::parse(server.trim())
                    .ok()
                    .filter(|url| matches!(url.scheme(), "http" | "https"))
                    .map(|url| url.origin().ascii_serialization())
                    .ok_or_else(|| CommentsError::NotAServer(server.clone()))
            })
            .collect::<Result<_, _>>()?
    };
    let outcomes = articles
        .into_iter()
        .map(|(article, source)| {
            let path = snapshot_path(root, article.slug());
            let token = options
                .token
                .as_deref()
                .filter(|_| token_for.contains(&source.server));
            let result = fetch(source, token).and_then(|mut fresh| {
                let old = load(&path).ok().flatten();
                let changed = old.as_ref().is_none_or(|old| !old.same_replies(&fresh));
                if changed {
                    fresh.fetched_at = options.now.to_string();
                    save(&path, &fresh)?;
                }
                Ok(Refreshed {
                    replies: fresh.replies.len(),
                    cut_short: fresh.cut_short,
                    changed,
                })
            });
            Outcome {
                article: article.source.to_path_buf(),
                server: source.server.clone(),
                snapshot: path.strip_prefix(root).unwrap_or(&path).to_path_buf(),
                result,
            }
        })
        .collect();
    Ok(RefreshReport { outcomes })
}
