//! How each kind of archive is indexed: a folder walked, a zip's
//! directory read, a tar.gz copied once, within the limits, to a private
//! folder, since it cannot be read out of order.

use std::fs::File;
use std::io::{BufReader, Read};

use super::{Container, Store};
use crate::import::ImportError;

impl Container {
    pub(super) fn index_folder(&mut self) -> Result<(), ImportError> {
        let mut files = Vec::new();
        for entry in walkdir::WalkDir::new(&self.path).follow_links(false) {
            let entry = entry.map_err(|error| ImportError::Read {
                path: self.path.clone(),
                source: error.into(),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            let relative = entry
                .path()
                .strip_prefix(&self.path)
                .unwrap_or(entry.path())
                .to_string_lossy()
                .into_owned();
            self.add(&relative, files.len());
            files.push(entry.into_path());
        }
        self.store = Store::Folder(files);
        Ok(())
    }

    pub(super) fn index_zip(&mut self) -> Result<(), ImportError> {
        let file = File::open(&self.path).map_err(|source| ImportError::Read {
            path: self.path.clone(),
            source,
        })?;
        let mut zip =
            zip::ZipArchive::new(BufReader::new(file)).map_err(|error| ImportError::Malformed {
                at: self.path.display().to_string(),
                message: format!("not a readable zip ({error}): download the archive again"),
            })?;
        for index in 0..zip.len() {
            let Ok(entry) = zip.by_index_raw(index) else {
                continue;
            };
            if entry.is_file() && !entry.is_symlink() {
                let name = entry.name().to_string();
                drop(entry);
                self.add(&name, index);
            }
        }
        self.store = Store::Zip(Box::new(zip));
        Ok(())
    }

    pub(super) fn spool_tar_gz(&mut self) -> Result<(), ImportError> {
        let file = File::open(&self.path).map_err(|source| ImportError::Read {
            path: self.path.clone(),
            source,
        })?;
        let dir = tempfile::tempdir().map_err(|source| ImportError::Write {
            path: std::env::temp_dir(),
            source,
        })?;
        let at = self.path.display().to_string();
        let damaged = |error: std::io::Error| ImportError::Malformed {
            at: at.clone(),
            message: format!("not a readable tar.gz ({error}): download the archive again"),
        };
        let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(BufReader::new(file)));
        let mut spooled = 0usize;
        let mut pending = Vec::new();
        for entry in archive.entries().map_err(damaged)? {
            let entry = entry.map_err(damaged)?;
            if !entry.header().entry_type().is_file() {
                continue;
            }
            let name = String::from_utf8_lossy(&entry.path_bytes()).into_owned();
            let budget = self
                .limits
                .entry
                .min(self.limits.total.saturating_sub(self.read_so_far));
            let target = dir.path().join(spooled.to_string());
            let mut out = File::create(&target).map_err(|source| ImportError::Write {
                path: target.clone(),
                source,
            })?;
            let copied = std::io::copy(&mut entry.take(budget + 1), &mut out).map_err(damaged)?;
            self.count(&name, copied)?;
            pending.push((name, spooled));
            spooled += 1;
        }
        for (name, index) in pending {
            self.add(&name, index);
        }
        // Reads count again from here; spooling has been counted.
        self.read_so_far = 0;
        self.store = Store::Spooled(dir);
        Ok(())
    }
}
