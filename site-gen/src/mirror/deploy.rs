//! Deploying a site to a static host: a local folder or any S3-compatible
//! bucket. What to upload is decided from what the target really holds,
//! so a file changed or removed there behind the publisher's back is put
//! right; the manifest goes last, so no reader ever sees a manifest that
//! names a file not yet there; deletions come after it, and are capped.

mod plan;

use std::path::Path;

use samizdat_manifest::{MANIFEST_PATH, Manifest, SIGNATURE_PATH};

use super::MirrorError;
use super::storage::Target;
pub use plan::DeployPlan;

#[derive(Clone, Copy, Debug)]
pub struct DeployOptions {
    pub dry_run: bool,
    /// The most files one deploy may delete, as a guard against deploying
    /// the wrong folder.
    pub max_deletes: usize,
    /// Upload every file, whatever the target holds.
    pub force: bool,
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
    let plan = plan::plan(dir, &manifest, target, options.force)?;
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

    let local_files = manifest.by_path();
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
