//! Why an import stopped. Each names the file, line or item, and what to do.

use std::path::PathBuf;

use thiserror::Error;

#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{}: cannot read it: {source} (check that it exists and is readable)", path.display())]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: cannot write it: {source} (check the archive folder's permissions and free space)", path.display())]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{url}: cannot fetch it: {reason} (check the address, or download it and import the file)"
    )]
    Fetch { url: String, reason: String },
    /// The source is not what its format says, at a known place.
    #[error("{at}: {message}")]
    Malformed { at: String, message: String },
    #[error("{}: {message}", path.display())]
    Refused { path: PathBuf, message: String },
    #[error(
        "cannot tell the format of {source_label}: {why} (name it: site-gen import wordpress|feed|mastodon SOURCE -o ARCHIVE)"
    )]
    UnknownFormat { source_label: String, why: String },
    #[error("{}: {message}", path.display())]
    Record { path: PathBuf, message: String },
}
