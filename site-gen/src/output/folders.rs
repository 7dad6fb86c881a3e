//! The staging folder's folders: each made once (on some file systems a
//! `mkdir` costs as much as writing a page), and none of them a link. The
//! staging folder may be the tree the last build set aside; a link left
//! in it is replaced, never written through, and a file behind one is
//! never kept as this build's.

use std::fs;
use std::path::Path;
use std::sync::Mutex;

use super::reuse::{KeySet, path_key};
use crate::inside;
use crate::problem::Problem;

#[derive(Default)]
pub struct Folders {
    /// Folders known to be plain, by a 128-bit hash of their path from
    /// the staging folder's root (`""` for the root itself): made by this
    /// build, or checked. No path is held, as a million articles make a
    /// million folders.
    plain: Mutex<KeySet>,
}

impl Folders {
    fn known(&self, folder: &str) -> bool {
        self.plain
            .lock()
            .map(|plain| plain.contains(&path_key(folder)))
            .unwrap_or(false)
    }

    fn remember(&self, folder: &str) {
        if let Ok(mut plain) = self.plain.lock() {
            plain.insert(path_key(folder));
        }
    }

    /// Makes the folders of `dest` below `dir`, the staging folder.
    pub fn make_for(&self, dir: &Path, dest: &str) -> Result<(), Problem> {
        let Some((folder, _)) = dest.rsplit_once('/') else {
            return Ok(());
        };
        if self.known(folder) {
            return Ok(());
        }
        // Below a folder known to be plain, a folder `mkdir` makes is
        // plain too: one call, where checking each part costs several.
        let parent = folder.rsplit_once('/').map_or("", |(parent, _)| parent);
        if self.known(parent) && fs::create_dir(dir.join(folder)).is_ok() {
            self.remember(folder);
            return Ok(());
        }
        inside::make_folders(dir, folder).map_err(|error| {
            Problem::new(
                dest,
                None,
                error.to_string(),
                "check that the output folder is site-gen's and writable",
            )
        })?;
        // Every folder on the way was checked or made, not only the last.
        let mut ancestors = folder;
        loop {
            self.remember(ancestors);
            let Some((parent, _)) = ancestors.rsplit_once('/') else {
                break;
            };
            ancestors = parent;
        }
        Ok(())
    }

    /// Whether `dest` below `dir` is a plain file reached through plain
    /// folders.
    pub fn holds_plain_file(&self, dir: &Path, dest: &str) -> bool {
        let path = dir.join(dest);
        let parent = dest.rsplit_once('/').map_or("", |(folder, _)| folder);
        if self.known(parent) {
            return fs::symlink_metadata(&path).is_ok_and(|found| found.is_file());
        }
        let plain = inside::is_plain_file(dir, dest);
        if plain {
            self.remember(parent);
        }
        plain
    }
}
