//! Mirrors: a manifest of every file in a site, signed by the publisher,
//! so that any copy can be verified, pulled incrementally and deployed.
//! Mirrors are untrusted transport; trust sits in the one signature.
//!
//! The manifest lives at `samizdat-manifest.json` in the site's root, and
//! its minisign signature beside it at `samizdat-manifest.json.minisig`.

mod content_type;
pub mod deploy;
pub mod fetch;
pub mod keys;
pub mod manifest;
pub mod pull;
pub mod seen;
pub mod verify;

pub use content_type::{cache_control, content_type};
pub use manifest::{FileEntry, Manifest};

/// The manifest's path in a site.
pub const MANIFEST_PATH: &str = "samizdat-manifest.json";
/// The signature's path in a site.
pub const SIGNATURE_PATH: &str = "samizdat-manifest.json.minisig";

/// Files that describe the site rather than belong to it.
pub fn is_meta_file(path: &str) -> bool {
    path == MANIFEST_PATH || path == SIGNATURE_PATH || path == crate::output::MARKER
}

#[derive(Debug, thiserror::Error)]
pub enum MirrorError {
    #[error("{path}: {message}")]
    Io { path: String, message: String },
    #[error("{0}")]
    Key(String),
    #[error("the signature does not verify with this key: {0}")]
    BadSignature(String),
    #[error("the manifest cannot be read: {0}")]
    BadManifest(String),
    #[error("{url}: {message}")]
    Fetch { url: String, message: String },
    #[error("{0}")]
    Rejected(String),
    #[error("the deploy target failed: {0}")]
    Target(String),
}

impl MirrorError {
    pub fn io(path: impl std::fmt::Display, error: impl std::fmt::Display) -> Self {
        Self::Io {
            path: path.to_string(),
            message: error.to_string(),
        }
    }
}
