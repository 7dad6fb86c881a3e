//! Pulling a site from its origin or any mirror into a local folder:
//! only changed files are downloaded, each is verified, and the new copy
//! is swapped in whole. An interrupted pull keeps what it downloaded and
//! picks up from there.

use std::fs;
use std::path::Path;

use jiff::Timestamp;
use minisign::PublicKey;
use rayon::prelude::*;

use super::fetch::Source;
use super::keys::verify_signature;
use super::manifest::{FileEntry, Manifest, sha256_hex};
use super::seen::SeenSerials;
use super::verify::fetch_signed_manifest;
use super::{MANIFEST_PATH, MirrorError, SIGNATURE_PATH};
use crate::swap::{beside, swap_in};

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

/// Whether the file at `path` is the one `entry` describes.
fn holds(path: &Path, entry: &FileEntry) -> bool {
    fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.len() == entry.size)
        && fs::read(path).is_ok_and(|bytes| sha256_hex(&bytes) == entry.sha256)
}

/// Refuses to replace a folder that holds something other than a site.
fn check_replaceable(dir: &Path) -> Result<(), MirrorError> {
    let occupied = fs::read_dir(dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if occupied && !dir.join(MANIFEST_PATH).exists() {
        return Err(MirrorError::Rejected(format!(
            "{} holds files but no {MANIFEST_PATH}: pull into an empty folder or a copy of the site",
            dir.display()
        )));
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
    check_replaceable(dir)?;
    let signed = fetch_signed_manifest(source, public, seen, now)?;
    if let (Ok(bytes), Ok(signature)) = (
        fs::read(dir.join(MANIFEST_PATH)),
        fs::read_to_string(dir.join(SIGNATURE_PATH)),
    ) && verify_signature(public, &signature, &bytes).is_ok()
        && let Ok(local) = Manifest::parse(&bytes)
        && local.serial > signed.manifest.serial
    {
        return Err(MirrorError::Rejected(format!(
            "{} offers serial {}, older than the local copy's {}; keeping the local copy",
            source.describe(),
            signed.manifest.serial,
            local.serial
        )));
    }

    let partial = beside(dir, "pull-partial");
    let origins: Vec<Origin> = signed
        .manifest
        .files
        .par_iter()
        .map(|entry| {
            if holds(&dir.join(&entry.path), entry) {
                return Ok(Origin::Local);
            }
            let part = partial.join(&entry.path);
            if holds(&part, entry) {
                return Ok(Origin::Partial);
            }
            let bytes = source.get(&entry.path)?;
            if bytes.len() as u64 != entry.size || sha256_hex(&bytes) != entry.sha256 {
                return Err(MirrorError::Rejected(format!(
                    "{}: the copy from {} does not match the manifest",
                    entry.path,
                    source.describe()
                )));
            }
            if let Some(parent) = part.parent() {
                fs::create_dir_all(parent)
                    .map_err(|error| MirrorError::io(parent.display(), error))?;
            }
            fs::write(&part, &bytes).map_err(|error| MirrorError::io(part.display(), error))?;
            Ok(Origin::Downloaded(bytes.len() as u64))
        })
        .collect::<Result<_, MirrorError>>()?;

    let next = beside(dir, "pull-next");
    let _ = fs::remove_dir_all(&next);
    for (entry, origin) in signed.manifest.files.iter().zip(&origins) {
        let from = match origin {
            Origin::Local => dir.join(&entry.path),
            Origin::Partial | Origin::Downloaded(_) => partial.join(&entry.path),
        };
        let to = next.join(&entry.path);
        if let Some(parent) = to.parent() {
            fs::create_dir_all(parent).map_err(|error| MirrorError::io(parent.display(), error))?;
        }
        if fs::hard_link(&from, &to).is_err() {
            fs::copy(&from, &to).map_err(|error| MirrorError::io(to.display(), error))?;
        }
    }
    fs::write(next.join(MANIFEST_PATH), &signed.bytes)
        .map_err(|error| MirrorError::io(MANIFEST_PATH, error))?;
    fs::write(next.join(SIGNATURE_PATH), &signed.signature)
        .map_err(|error| MirrorError::io(SIGNATURE_PATH, error))?;
    swap_in(&next, dir).map_err(|error| MirrorError::io(dir.display(), error))?;
    let _ = fs::remove_dir_all(&partial);
    seen.record(&signed.key_id, signed.manifest.serial)?;

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
