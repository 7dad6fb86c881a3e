//! Putting a file at a name that came from outside (a manifest, an
//! archive) inside a folder. The name must pass the manifest crate's path
//! rules, and nothing the folder already holds is trusted to lead inside
//! it: a link where a folder or the file should be is removed, never
//! followed, so no write lands outside the folder.

use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};

use samizdat_manifest::{PathRefusal, check_relative_path};

#[derive(Debug, thiserror::Error)]
pub enum InsideError {
    #[error("“{name}” cannot be a file inside {}: {reason}", base.display())]
    Refused {
        base: PathBuf,
        name: String,
        reason: PathRefusal,
    },
    #[error("{}: {source}", path.display())]
    Io { path: PathBuf, source: io::Error },
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> InsideError + '_ {
    move |source| InsideError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// `name`'s parts, checked by the path rules.
fn parts<'a>(base: &Path, name: &'a str) -> Result<Vec<&'a str>, InsideError> {
    check_relative_path(name).map_err(|reason| InsideError::Refused {
        base: base.to_path_buf(),
        name: name.to_string(),
        reason,
    })?;
    Ok(name.split('/').collect())
}

/// Makes the folders of `name` below `base` (which is trusted, and made
/// if missing), replacing whatever else is where a folder should be, and
/// clears the place of the file itself. Returns the file's path.
pub fn make_room(base: &Path, name: &str) -> Result<PathBuf, InsideError> {
    clear_way(base, name, true)
}

/// Makes the folder `name` below `base` and the folders above it, as
/// [`make_room`] does.
pub fn make_folders(base: &Path, name: &str) -> Result<PathBuf, InsideError> {
    clear_way(base, name, false)
}

fn clear_way(base: &Path, name: &str, ends_in_file: bool) -> Result<PathBuf, InsideError> {
    let parts = parts(base, name)?;
    fs::create_dir_all(base).map_err(io_error(base))?;
    let mut path = base.to_path_buf();
    let last = parts.len().saturating_sub(1);
    for (index, part) in parts.into_iter().enumerate() {
        path.push(part);
        let found = match fs::symlink_metadata(&path) {
            Ok(found) => Some(found),
            Err(error) if error.kind() == io::ErrorKind::NotFound => None,
            Err(error) => return Err(io_error(&path)(error)),
        };
        let is_file = ends_in_file && index == last;
        // `symlink_metadata` sees a link as a link, never as its target.
        let is_dir = found.as_ref().is_some_and(fs::Metadata::is_dir);
        if found.is_some() && (is_file || !is_dir) {
            let removed = if is_dir {
                fs::remove_dir_all(&path)
            } else {
                fs::remove_file(&path)
            };
            // Another thread making the same folders may have been first.
            let now_a_folder = || fs::symlink_metadata(&path).is_ok_and(|found| found.is_dir());
            match removed {
                Err(error) if error.kind() == io::ErrorKind::NotFound => {}
                Err(_) if !is_file && now_a_folder() => {}
                removed => removed.map_err(io_error(&path))?,
            }
        }
        if !is_file && !is_dir {
            match fs::create_dir(&path) {
                Err(error)
                    if error.kind() == io::ErrorKind::AlreadyExists
                        && fs::symlink_metadata(&path).is_ok_and(|found| found.is_dir()) => {}
                made => made.map_err(io_error(&path))?,
            }
        }
    }
    Ok(path)
}

/// Creates the file `name` below `base`, as [`make_room`] prepares it.
/// `create_new` refuses to open through a link, should one appear after
/// the place was cleared.
pub fn create(base: &Path, name: &str) -> Result<(PathBuf, File), InsideError> {
    let path = make_room(base, name)?;
    let file = File::options()
        .write(true)
        .create_new(true)
        .open(&path)
        .map_err(io_error(&path))?;
    Ok((path, file))
}

/// Whether `name` below `base` is a plain file reached through plain
/// folders, with no link on the way.
pub fn is_plain_file(base: &Path, name: &str) -> bool {
    let Ok(parts) = parts(base, name) else {
        return false;
    };
    let last = parts.len().saturating_sub(1);
    let mut path = base.to_path_buf();
    parts.into_iter().enumerate().all(|(index, part)| {
        path.push(part);
        fs::symlink_metadata(&path).is_ok_and(|found| {
            if index == last {
                found.is_file()
            } else {
                found.is_dir()
            }
        })
    })
}

#[cfg(test)]
mod tests;
