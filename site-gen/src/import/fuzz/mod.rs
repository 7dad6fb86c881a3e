//! Fuzz targets for the importers. Each case imports a damaged or hostile
//! source into a fresh archive inside a private folder, then checks that
//! the import either wrote an archive that stays inside its folder and
//! holds nothing from outside it, or stopped with an error that names
//! where in the source it stopped.

mod feed_wxr;
mod limits;
mod mastodon;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use super::{Format, ImportError, ImportOptions, Source, import};

/// A file beside every source and uploads folder that no import may read.
const CANARY: &[u8] = b"canary: outside the source, never to be imported";

/// A private folder holding the source, an uploads folder and the canary.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("secret.txt"), CANARY).unwrap();
        std::fs::create_dir_all(dir.path().join("uploads/2021/01")).unwrap();
        std::fs::write(dir.path().join("uploads/2021/01/lighthouse.jpg"), b"jpg").unwrap();
        Self { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Imports `source` (a file or folder inside the workspace) into a new
    /// archive, checks the outcome, and removes the archive. Says whether
    /// the import went through.
    pub fn check_import(&self, format: Format, source: &Path, options: &ImportOptions) -> bool {
        let archive = self.path().join("archive");
        // A case that failed before its clean-up leaves its archive behind.
        std::fs::remove_dir_all(&archive).ok();
        let before = tree(self.path());
        let outcome = import(
            format,
            &Source::Path(source.to_path_buf()),
            &archive,
            options,
            &crate::Quiet,
        );
        let mut after = tree(self.path());
        after.retain(|path| !path.starts_with(&archive));
        assert_eq!(before, after, "the import wrote outside its archive");
        let imported = match outcome {
            Ok(_) => {
                check_archive(&archive);
                true
            }
            Err(error) => {
                check_error(&error, source);
                false
            }
        };
        std::fs::remove_dir_all(&archive).ok();
        imported
    }
}

/// Every path below `dir`, links not followed.
fn tree(dir: &Path) -> BTreeSet<PathBuf> {
    walkdir::WalkDir::new(dir)
        .follow_links(false)
        .into_iter()
        .filter_map(Result::ok)
        .map(|entry| entry.into_path())
        .collect()
}

fn check_archive(archive: &Path) {
    for entry in walkdir::WalkDir::new(archive).follow_links(false) {
        let entry = entry.unwrap();
        assert!(
            !entry.path_is_symlink(),
            "the import made a link: {}",
            entry.path().display()
        );
        let relative = entry.path().strip_prefix(archive).unwrap();
        assert!(
            relative
                .components()
                .all(|part| matches!(part, std::path::Component::Normal(_))),
            "{}",
            relative.display()
        );
        if entry.file_type().is_file() {
            let bytes = std::fs::read(entry.path()).unwrap();
            assert!(
                !bytes.windows(CANARY.len()).any(|window| window == CANARY),
                "{} holds a file from outside the source",
                relative.display()
            );
        }
    }
}

/// An import may refuse its source, but only saying where and why; it may
/// not fail to write an archive it chose the names of.
fn check_error(error: &ImportError, source: &Path) {
    let name = source.file_name().unwrap().to_string_lossy().into_owned();
    match error {
        ImportError::Malformed { at, message } => {
            assert!(at.contains(&name), "{error}");
            assert!(!message.is_empty(), "{error}");
        }
        ImportError::Refused { path, message } => {
            assert!(path.to_string_lossy().contains(&name), "{error}");
            assert!(!message.is_empty(), "{error}");
        }
        ImportError::Read { path, .. } => {
            assert!(
                path.starts_with(source) || source.starts_with(path),
                "{error}"
            )
        }
        other => panic!("the import failed in a way the source cannot explain: {other}"),
    }
}
