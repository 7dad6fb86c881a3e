//! Pulling a site from its origin or any mirror into a local folder:
//! only changed files are downloaded, each is verified, and the new copy
//! is swapped in whole. An interrupted pull keeps what it downloaded and
//! picks up from there.

mod download;

use std::fs;
use std::path::Path;

use jiff::Timestamp;
use rayon::prelude::*;
use samizdat_manifest::{MANIFEST_PATH, Manifest, PublicKey, SIGNATURE_PATH};

use super::MirrorError;
use super::seen::SeenSerials;
use super::storage::Source;
use super::verify::fetch_signed_manifest;
use crate::inside;
use crate::swap::{beside, may_replace, swap_in};
use download::{download, holds};

#[derive(Debug, Default, PartialEq, Eq)]
pub struct PullReport {
    pub serial: u64,
    pub files: usize,
    /// Files fetched from the source in this run.
    pub downloaded: usize,
    pub downloaded_bytes: u64,
    /// Files taken from the local copy or an interrupted earlier run.
    pub reused: usize,
}

enum Origin {
    Local,
    Partial,
    Downloaded(u64),
}

/// The manifest of the copy in `dir`, when `public` signed it.
fn local_copy(dir: &Path, public: &PublicKey) -> Option<Manifest> {
    let bytes = fs::read(dir.join(MANIFEST_PATH)).ok()?;
    let signature = fs::read(dir.join(SIGNATURE_PATH)).ok()?;
    public.verify(&signature, &bytes).ok()?;
    Manifest::parse(&bytes).ok()
}

/// Whether the manifest `offered` may replace the local copy's: of the
/// same site (a copy of a site that named none may take on a name, as the
/// publisher's next build gives it one), and not older.
fn check_follows(
    local: &Manifest,
    offered: &Manifest,
    dir: &Path,
    source: &dyn Source,
) -> Result<(), MirrorError> {
    if local.site.is_some() && local.site != offered.site {
        return Err(MirrorError::OtherSite {
            dir: dir.to_path_buf(),
            origin: source.describe(),
            local: local.site.clone(),
            offered: offered.site.clone(),
        });
    }
    if local.serial > offered.serial {
        return Err(MirrorError::OlderThanLocal {
            origin: source.describe(),
            offered: offered.serial,
            local: local.serial,
        });
    }
    Ok(())
}

pub fn pull(
    source: &dyn Source,
    dir: &Path,
    public: &PublicKey,
    seen: &mut SeenSerials,
    now: Timestamp,
) -> Result<PullReport, MirrorError> {
    if !may_replace(dir, MANIFEST_PATH) {
        return Err(MirrorError::NotACopy {
            dir: dir.to_path_buf(),
        });
    }
    let signed = fetch_signed_manifest(source, public, seen, now)?;
    if let Some(local) = local_copy(dir, public) {
        check_follows(&local, &signed.manifest, dir, source)?;
    }

    let partial = beside(dir, "pull-partial");
    let origins: Vec<Origin> = signed
        .manifest
        .files
        .par_iter()
        .map(|entry| {
            if holds(dir, entry) {
                return Ok(Origin::Local);
            }
            if holds(&partial, entry) {
                return Ok(Origin::Partial);
            }
            download(source, entry, &partial).map(Origin::Downloaded)
        })
        .collect::<Result<_, MirrorError>>()?;

    let next = beside(dir, "pull-next");
    let _ = fs::remove_dir_all(&next);
    for (entry, origin) in signed.manifest.files.iter().zip(&origins) {
        let from = match origin {
            Origin::Local => dir.join(&entry.path),
            Origin::Partial | Origin::Downloaded(_) => partial.join(&entry.path),
        };
        let to = inside::make_room(&next, &entry.path)?;
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(|error| MirrorError::io(&to, error))?;
        }
    }
    fs::write(next.join(MANIFEST_PATH), &signed.bytes)
        .map_err(|error| MirrorError::io(MANIFEST_PATH, error))?;
    fs::write(next.join(SIGNATURE_PATH), &signed.signature)
        .map_err(|error| MirrorError::io(SIGNATURE_PATH, error))?;
    swap_in(&next, dir).map_err(|error| MirrorError::io(dir, error))?;
    let _ = fs::remove_dir_all(&partial);
    seen.record(
        &signed.key_id,
        signed.manifest.site.as_deref(),
        &signed.seen,
    )?;

    let mut report = PullReport {
        serial: signed.manifest.serial,
        files: origins.len(),
        ..PullReport::default()
    };
    for origin in &origins {
        match origin {
            Origin::Downloaded(bytes) => {
                report.downloaded += 1;
                report.downloaded_bytes += bytes;
            }
            Origin::Local | Origin::Partial => report.reused += 1,
        }
    }
    Ok(report)
}
