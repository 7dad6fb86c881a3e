//! Deploying a site to a static host: a local folder or any S3-compatible
//! bucket. Only changed files are uploaded; the manifest goes last, so no
//! reader ever sees a manifest that names a file not yet there; deletions
//! come after it, and are capped.

use std::collections::BTreeMap;
use std::path::Path;

use samizdat_manifest::{MANIFEST_PATH, Manifest, SIGNATURE_PATH};

use super::MirrorError;
use super::storage::Target;

#[derive(Clone, Copy, Debug)]
pub struct DeployOptions {
    pub dry_run: bool,
    /// The most files one deploy may delete, as a guard against deploying
    /// the wrong folder.
    pub max_deletes: usize,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DeployPlan {
    pub uploads: Vec<String>,
    pub deletes: Vec<String>,
    pub unchanged: usize,
}

/// A change to the target that failed, after the store's own retries.
fn failed(path: &str) -> impl FnOnce(MirrorError) -> MirrorError {
    let path = path.to_string();
    move |error| MirrorError::Deploy {
        path,
        source: Box::new(error),
    }
}

pub fn deploy(
    dir: &Path,
    target: &dyn Target,
    options: DeployOptions,
) -> Result<DeployPlan, MirrorError> {
    let manifest_bytes =
        std::fs::read(dir.join(MANIFEST_PATH)).map_err(|source| MirrorError::NoManifest {
            path: dir.join(MANIFEST_PATH),
            source,
        })?;
    let manifest = Manifest::parse(&manifest_bytes)?;
    let signature = std::fs::read(dir.join(SIGNATURE_PATH)).ok();
    let remote = match target.get(MANIFEST_PATH)? {
        Some(bytes) => Manifest::parse(&bytes).ok(),
        None => None,
    };
    let remote_files: BTreeMap<&str, &str> = remote
        .iter()
        .flat_map(|manifest| {
            manifest
                .files
                .iter()
                .map(|entry| (entry.path.as_str(), entry.sha256.as_str()))
        })
        .collect();
    let local_files = manifest.by_path();

    let mut plan = DeployPlan::default();
    for entry in &manifest.files {
        if remote_files.get(entry.path.as_str()) == Some(&entry.sha256.as_str()) {
            plan.unchanged += 1;
        } else {
            plan.uploads.push(entry.path.clone());
        }
    }
    plan.deletes = remote_files
        .keys()
        .filter(|path| !local_files.contains_key(*path))
        .map(|path| path.to_string())
        .collect();
    if plan.deletes.len() > options.max_deletes {
        return Err(MirrorError::TooManyDeletes {
            count: plan.deletes.len(),
            target: target.describe(),
            cap: options.max_deletes,
            dir: dir.to_path_buf(),
        });
    }
    if options.dry_run {
        return Ok(plan);
    }

    for path in &plan.uploads {
        let bytes = std::fs::read(dir.join(path))
            .map_err(|error| MirrorError::io(dir.join(path), error))?;
        let matches = local_files
            .get(path.as_str())
            .is_some_and(|entry| entry.check(&bytes).is_ok());
        if !matches {
            return Err(MirrorError::Stale { path: path.clone() });
        }
        target.put(path, &bytes).map_err(failed(path))?;
    }
    if let Some(signature) = &signature {
        target
            .put(SIGNATURE_PATH, signature)
            .map_err(failed(SIGNATURE_PATH))?;
    }
    target
        .put(MANIFEST_PATH, &manifest_bytes)
        .map_err(failed(MANIFEST_PATH))?;
    for path in &plan.deletes {
        target.delete(path).map_err(failed(path))?;
    }
    Ok(plan)
}
