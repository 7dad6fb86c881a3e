//! Folder paths as object_store can hold them.

use std::path::{Path, PathBuf};

/// `dir` as an absolute path without `.` or `..`, which object_store's
/// paths cannot hold. The deepest part that exists is resolved by the
/// system, links and all; the rest does not exist yet, so holds no links.
pub(super) fn resolve(dir: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(dir)?;
    let mut existing = absolute.as_path();
    let mut missing = Vec::new();
    loop {
        match std::fs::canonicalize(existing) {
            Ok(resolved) => {
                return Ok(missing
                    .iter()
                    .rev()
                    .fold(resolved, |path, part| path.join(part)));
            }
            Err(error) => match (existing.parent(), existing.file_name()) {
                (Some(parent), Some(name)) => {
                    missing.push(name);
                    existing = parent;
                }
                _ => return Err(error),
            },
        }
    }
}
