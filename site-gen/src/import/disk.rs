//! The one way an import puts a file on disk: whole or not at all, and
//! not at all when the file already holds the same bytes, so a second
//! import leaves unchanged files untouched. Names pass the path rules,
//! and a link in the archive folder is replaced, never written through.

use std::io::Write;
use std::path::Path;

use super::ImportError;
use crate::inside::{self, InsideError};

/// How much of a file's name its temporary name keeps.
const TEMPORARY_STEM_BYTES: usize = 200;

/// Writes `bytes` to the file `name` (relative, with `/`) below `root`
/// through a temporary file, unless it holds them already. Says whether
/// it wrote.
pub fn write_if_changed(root: &Path, name: &str, bytes: &[u8]) -> Result<bool, ImportError> {
    let path = root.join(name);
    if inside::is_plain_file(root, name) && std::fs::read(&path).is_ok_and(|kept| kept == bytes) {
        return Ok(false);
    }
    let failed = |source| ImportError::Write {
        path: path.clone(),
        source,
    };
    let (folder, file) = name.rsplit_once('/').unwrap_or(("", name));
    // The file's own name may take all the bytes a name can have.
    let mut end = file.len().min(TEMPORARY_STEM_BYTES);
    while !file.is_char_boundary(end) {
        end -= 1;
    }
    let stem = &file[..end];
    let temporary = if folder.is_empty() {
        format!(".{stem}.importing")
    } else {
        format!("{folder}/.{stem}.importing")
    };
    let (temporary_path, mut written) =
        inside::create(root, &temporary).map_err(|error| match error {
            InsideError::Io { source, .. } => failed(source),
            refused @ InsideError::Refused { .. } => failed(std::io::Error::other(refused)),
        })?;
    written.write_all(bytes).map_err(failed)?;
    drop(written);
    // A rename replaces a link at `path` rather than following it.
    std::fs::rename(&temporary_path, &path).map_err(failed)?;
    Ok(true)
}
