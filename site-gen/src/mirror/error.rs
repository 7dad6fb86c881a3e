//! What can go wrong when writing, checking, pulling or deploying a copy
//! of a site, each naming what failed and, where it helps, what to do.

use std::path::PathBuf;

use samizdat_manifest::{FileProblem, MANIFEST_PATH, ManifestError, TrustError};

use super::keys::KeyError;
use crate::inside::InsideError;

#[derive(Debug, thiserror::Error)]
pub enum MirrorError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Key(#[from] KeyError),
    /// A file's name from the manifest, or a link in the folder, would
    /// put it outside the copy.
    #[error(transparent)]
    Inside(#[from] InsideError),
    /// The signed manifest itself is refused: signature, shape, serial or expiry.
    #[error(transparent)]
    Trust(#[from] TrustError),
    #[error("the manifest cannot be read: {0}")]
    BadManifest(#[from] ManifestError),
    #[error("{location}: not found")]
    Missing { location: String },
    #[error(
        "{location}: the copy sent more than the {declared} bytes the manifest declares, so the file is refused; pull from another copy"
    )]
    Oversized { location: String, declared: u64 },
    #[error("{location}: {source}")]
    Storage {
        location: String,
        source: object_store::Error,
    },
    #[error("“{0}” names no bucket: write s3://bucket/prefix")]
    NoBucket(String),
    #[error("cannot start the network client: {0}")]
    Runtime(std::io::Error),
    #[error("{}: not a serials file ({source}); remove it to start afresh", path.display())]
    SeenSerials {
        path: PathBuf,
        source: serde_json::Error,
    },
    #[error(
        "{}: {source}; build the site first, or write one with `site-gen manifest`",
        path.display()
    )]
    NoManifest {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{location}: cannot read the published manifest given with --previous ({reason}); give the manifest's path or URL, or the site's root URL"
    )]
    Previous { location: String, reason: String },
    #[error(
        "{} holds files but no {MANIFEST_PATH}: pull into an empty folder or a copy of the site",
        dir.display()
    )]
    NotACopy { dir: PathBuf },
    #[error(
        "{origin} offers serial {offered}, older than the local copy's {local}; keeping the local copy"
    )]
    OlderThanLocal {
        origin: String,
        offered: u64,
        local: u64,
    },
    #[error("{}: the copy from {origin} does not match the manifest", problem.path())]
    Mismatch {
        problem: FileProblem,
        origin: String,
    },
    #[error(
        "{} holds a copy of {}, and {origin} offers {}: one folder keeps one site; pull that into a folder of its own",
        dir.display(),
        site_name(local),
        site_name(offered)
    )]
    OtherSite {
        dir: PathBuf,
        origin: String,
        local: Option<String>,
        offered: Option<String>,
    },
    #[error(
        "the manifest this one follows is for {}, and this one would be for “{site}”. Readers keep serials per key and site, so a new name starts a fresh serial track: their protection against rollback starts over, and manifests signed under the old name stay valid until they expire. Keep the old name (`site_id` in site.toml, or `--site` for `site-gen manifest`), or pass --rename-site to start the new track",
        site_name(previous)
    )]
    SiteRenamed {
        previous: Option<String>,
        site: String,
    },
    #[error("{path}: the file no longer matches the manifest; build the site again")]
    Stale { path: String },
    #[error(
        "this deploy would delete {count} files from {target}, more than --max-deletes {cap}; check that {} is the right folder, or raise the cap",
        dir.display()
    )]
    TooManyDeletes {
        count: usize,
        target: String,
        cap: usize,
        dir: PathBuf,
    },
    /// The error names the file; `path` says which change failed.
    #[error("{source} (nothing after it was changed, so run the deploy again)")]
    Deploy {
        path: String,
        source: Box<MirrorError>,
    },
}

/// A manifest's site as an error names it.
fn site_name(site: &Option<String>) -> String {
    match site {
        Some(site) => format!("the site “{site}”"),
        None => "a site its manifest does not name".into(),
    }
}

impl MirrorError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Self::Io {
            path: path.into(),
            source,
        }
    }
}
