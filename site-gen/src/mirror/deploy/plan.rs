//! What a deploy changes: the files the target lacks or holds otherwise
//! than the manifest says, and the files it holds that the manifest does
//! not list.

use std::collections::BTreeMap;
use std::path::Path;

use md5::{Digest, Md5};
use rayon::prelude::*;
use samizdat_manifest::{FileEntry, Manifest};

use crate::mirror::MirrorError;
use crate::mirror::storage::{HeldFile, Target};
use crate::reserved::is_reserved;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DeployPlan {
    /// In the manifest's order.
    pub uploads: Vec<String>,
    /// Files the target holds that the site does not have.
    pub deletes: Vec<String>,
    pub unchanged: usize,
}

pub(super) fn plan(
    dir: &Path,
    manifest: &Manifest,
    target: &dyn Target,
    force: bool,
) -> Result<DeployPlan, MirrorError> {
    let held = target.list()?;
    let held: BTreeMap<&str, &HeldFile> =
        held.iter().map(|file| (file.path.as_str(), file)).collect();
    let current: Vec<bool> = manifest
        .files
        .par_iter()
        .map(|entry| match held.get(entry.path.as_str()) {
            Some(file) if !force => holds_current(dir, entry, file, target),
            _ => Ok(false),
        })
        .collect::<Result<_, MirrorError>>()?;

    let mut plan = DeployPlan::default();
    for (entry, current) in manifest.files.iter().zip(current) {
        if current {
            plan.unchanged += 1;
        } else {
            plan.uploads.push(entry.path.clone());
        }
    }
    let listed = manifest.by_path();
    plan.deletes = held
        .keys()
        .filter(|path| !listed.contains_key(*path) && !is_reserved(path))
        .map(|path| path.to_string())
        .collect();
    Ok(plan)
}

/// Whether the target's `held` copy of `entry` is the one the manifest
/// names. A file of another size is not. An MD5 the store reports that
/// matches the local file's settles it without a download. Otherwise (a
/// folder; an object uploaded in parts, whose ETag is no MD5 of the body;
/// a bucket whose encryption makes ETags that are not MD5s; or a file
/// that did change) the target's bytes are read back and checked against
/// the manifest: a download costs less than a needless write, and an
/// object site-gen sends again goes in one part, so its next deploy
/// compares ETags.
fn holds_current(
    dir: &Path,
    entry: &FileEntry,
    held: &HeldFile,
    target: &dyn Target,
) -> Result<bool, MirrorError> {
    if held.size != entry.size {
        return Ok(false);
    }
    if let Some(md5) = &held.md5 {
        let path = dir.join(&entry.path);
        let local = std::fs::read(&path).map_err(|error| MirrorError::io(path, error))?;
        if entry.check(&local).is_err() {
            return Err(MirrorError::Stale {
                path: entry.path.clone(),
            });
        }
        if hex(&Md5::digest(&local)) == *md5 {
            return Ok(true);
        }
    }
    Ok(target
        .get(&entry.path)?
        .is_some_and(|bytes| entry.check(&bytes).is_ok()))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_md5_is_written_as_s3_writes_an_etag() {
        assert_eq!(
            hex(&Md5::digest(b"hello")),
            "5d41402abc4b2a76b9719d911017c592"
        );
    }
}
