//! The one way an import puts a file on disk: whole or not at all, and
//! not at all when the file already holds the same bytes, so a second
//! import leaves unchanged files untouched.

use std::path::Path;

use super::ImportError;

/// Writes `bytes` to `path` through a temporary file, unless it holds them
/// already. Says whether it wrote.
pub fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<bool, ImportError> {
    if std::fs::read(path).is_ok_and(|kept| kept == bytes) {
        return Ok(false);
    }
    let failed = |source| ImportError::Write {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(failed)?;
    }
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = path.with_file_name(format!(".{name}.importing"));
    std::fs::write(&temporary, bytes).map_err(failed)?;
    std::fs::rename(&temporary, path).map_err(failed)?;
    Ok(true)
}
