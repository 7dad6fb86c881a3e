//! A site's files in a folder on this machine: listed, and hashed for a
//! manifest. The reserved files (the manifest, its signature, the output
//! marker) describe the site rather than belong to it, and are left out.

use std::path::Path;

use rayon::prelude::*;
use samizdat_manifest::FileEntry;

use super::MirrorError;
use crate::reserved::is_reserved;

/// Every file below `dir`, hashed in parallel, but the reserved ones.
pub fn scan_dir(dir: &Path) -> Result<Vec<FileEntry>, MirrorError> {
    let mut entries: Vec<FileEntry> = list_files(dir)?
        .par_iter()
        .map(|relative| {
            let path = dir.join(relative);
            let contents = std::fs::read(&path).map_err(|error| MirrorError::io(path, error))?;
            Ok(FileEntry::for_contents(relative, &contents))
        })
        .collect::<Result<_, MirrorError>>()?;
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

/// Relative paths, with `/`, of every file below `dir` but the reserved
/// ones. Links are not followed.
pub fn list_files(dir: &Path) -> Result<Vec<String>, MirrorError> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.map_err(|error| {
            let path = error.path().unwrap_or(dir).to_path_buf();
            MirrorError::io(path, error.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if !is_reserved(&relative) {
            paths.push(relative);
        }
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use samizdat_manifest::{MANIFEST_PATH, SIGNATURE_PATH};

    use super::*;

    #[test]
    fn a_folder_lists_its_files_but_the_reserved_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        for name in ["a/b/c.html", "index.html", MANIFEST_PATH, SIGNATURE_PATH] {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        std::fs::write(dir.path().join(crate::reserved::OUTPUT_MARKER), "").unwrap();
        let mut listed = list_files(dir.path()).unwrap();
        listed.sort();
        assert_eq!(listed, ["a/b/c.html", "index.html"]);
        let entries = scan_dir(dir.path()).unwrap();
        assert_eq!(
            entries[0],
            FileEntry::for_contents("a/b/c.html", b"a/b/c.html")
        );
    }
}
