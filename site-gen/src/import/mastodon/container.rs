//! The archive's files, read by name from a zip, a tar.gz or an unpacked
//! folder. Entry names are only ever keys to look up: nothing is written
//! to disk under a name the archive chose, names that climb out (`..`) or
//! start at the root are refused, links are never followed, and every
//! read is bounded, so a hostile archive can neither escape nor inflate
//! without limit.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use crate::import::ImportError;

#[cfg(test)]
mod bomb_tests;
mod stores;

/// How much an archive may inflate to.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// Bytes one entry may hold.
    pub entry: u64,
    /// Bytes all the entries read may hold together.
    pub total: u64,
}

impl Default for Limits {
    fn default() -> Self {
        // Mastodon caps a video at 99 MB and an outbox of 100,000 posts
        // stays well under 1 GB; far beyond either is an attack.
        Self {
            entry: 1 << 30,
            total: 64 << 30,
        }
    }
}

pub struct Container {
    path: PathBuf,
    store: Store,
    /// Entry names, cleaned, to where each is.
    entries: BTreeMap<String, usize>,
    /// Entry names that were refused, for the report.
    pub refused: Vec<String>,
    limits: Limits,
    read_so_far: u64,
}

enum Store {
    Zip(Box<zip::ZipArchive<BufReader<File>>>),
    /// A tar.gz cannot be read out of order: its files are copied once
    /// into a private folder, under numbers rather than their names.
    Spooled(tempfile::TempDir),
    Folder(Vec<PathBuf>),
}

impl Container {
    pub fn open(path: &Path, limits: Limits) -> Result<Self, ImportError> {
        let read_error = |source| ImportError::Read {
            path: path.to_path_buf(),
            source,
        };
        let mut container = Container {
            path: path.to_path_buf(),
            store: Store::Folder(Vec::new()),
            entries: BTreeMap::new(),
            refused: Vec::new(),
            limits,
            read_so_far: 0,
        };
        if path.is_dir() {
            container.index_folder()?;
            return Ok(container);
        }
        let mut magic = [0u8; 4];
        let mut file = File::open(path).map_err(read_error)?;
        let got = file.read(&mut magic).map_err(read_error)?;
        match &magic[..got] {
            [b'P', b'K', ..] => container.index_zip()?,
            [0x1f, 0x8b, ..] => container.spool_tar_gz()?,
            _ => {
                return Err(ImportError::Malformed {
                    at: path.display().to_string(),
                    message: "neither a zip, a tar.gz nor a folder: give the archive Mastodon sent (or its unpacked folder)".into(),
                });
            }
        }
        Ok(container)
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// Where problems with `name` are said to be.
    pub fn label(&self, name: &str) -> String {
        format!("{}: {name}", self.path.display())
    }

    /// The bytes of entry `name`, within the limits.
    pub fn read(&mut self, name: &str) -> Result<Vec<u8>, ImportError> {
        let Some(&index) = self.entries.get(name) else {
            return Err(ImportError::Malformed {
                at: self.label(name),
                message: "is not in the archive".into(),
            });
        };
        let budget = self
            .limits
            .entry
            .min(self.limits.total.saturating_sub(self.read_so_far));
        let mut bytes = Vec::new();
        let at = self.label(name);
        let failed = |error: String| ImportError::Malformed {
            at: at.clone(),
            message: format!("cannot be read ({error}): download the archive again"),
        };
        match &mut self.store {
            Store::Zip(zip) => {
                let entry = zip.by_index(index).map_err(|e| failed(e.to_string()))?;
                entry
                    .take(budget + 1)
                    .read_to_end(&mut bytes)
                    .map_err(|e| failed(e.to_string()))?;
            }
            Store::Spooled(dir) => {
                read_bounded(&dir.path().join(index.to_string()), budget, &mut bytes)
                    .map_err(|e| failed(e.to_string()))?;
            }
            Store::Folder(files) => {
                read_bounded(&files[index], budget, &mut bytes)
                    .map_err(|e| failed(e.to_string()))?;
            }
        }
        self.count(name, bytes.len() as u64)?;
        Ok(bytes)
    }

    fn count(&mut self, name: &str, size: u64) -> Result<(), ImportError> {
        if size > self.limits.entry {
            return Err(self.too_large(name, "this entry", self.limits.entry));
        }
        self.read_so_far += size;
        if self.read_so_far > self.limits.total {
            return Err(self.too_large(name, "the archive", self.limits.total));
        }
        Ok(())
    }

    fn too_large(&self, name: &str, what: &str, limit: u64) -> ImportError {
        ImportError::Refused {
            path: self.path.clone(),
            message: format!(
                "{name}: {what} inflates past {} MB, more than any Mastodon archive holds: refused (check that the file is the archive Mastodon sent)",
                limit >> 20
            ),
        }
    }

    /// Keeps `raw` as an entry's name if it stays inside the archive.
    fn add(&mut self, raw: &str, index: usize) {
        let name = raw.replace('\\', "/");
        let name = name.trim_start_matches("./");
        let climbs = name.split('/').any(|part| part == "..");
        let absolute = name.starts_with('/') || name.get(1..2) == Some(":");
        if climbs || absolute || name.is_empty() {
            self.refused.push(raw.to_string());
            return;
        }
        self.entries.insert(name.to_string(), index);
    }
}

fn read_bounded(path: &Path, budget: u64, bytes: &mut Vec<u8>) -> std::io::Result<()> {
    File::open(path)?.take(budget + 1).read_to_end(bytes)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn zip_of(entries: &[(&str, Vec<u8>)]) -> tempfile::NamedTempFile {
        let file = tempfile::NamedTempFile::new().unwrap();
        let mut zip = zip::ZipWriter::new(file.reopen().unwrap());
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            zip.start_file(*name, options).unwrap();
            zip.write_all(bytes).unwrap();
        }
        zip.finish().unwrap();
        file
    }

    #[test]
    fn names_that_climb_out_or_start_at_the_root_are_refused() {
        let file = zip_of(&[
            ("outbox.json", b"{}".to_vec()),
            ("../evil.txt", b"x".to_vec()),
            ("/etc/evil.txt", b"x".to_vec()),
            ("a/../../evil.txt", b"x".to_vec()),
        ]);
        let container = Container::open(file.path(), Limits::default()).unwrap();
        assert_eq!(container.names().collect::<Vec<_>>(), ["outbox.json"]);
        assert_eq!(container.refused.len(), 3, "{:?}", container.refused);
    }

    #[test]
    fn an_entry_that_inflates_past_the_limit_is_refused_by_name() {
        let file = zip_of(&[("outbox.json", vec![b' '; 100_000])]);
        let limits = Limits {
            entry: 10_000,
            total: 1 << 20,
        };
        let mut container = Container::open(file.path(), limits).unwrap();
        let error = container.read("outbox.json").unwrap_err().to_string();
        assert!(
            error.contains("outbox.json") && error.contains("refused"),
            "{error}"
        );
    }

    #[test]
    fn the_whole_archive_is_bounded_too() {
        let file = zip_of(&[("a", vec![0; 6000]), ("b", vec![0; 6000])]);
        let limits = Limits {
            entry: 10_000,
            total: 10_000,
        };
        let mut container = Container::open(file.path(), limits).unwrap();
        assert_eq!(container.read("a").unwrap().len(), 6000);
        let error = container.read("b").unwrap_err().to_string();
        assert!(error.contains("the archive inflates"), "{error}");
    }

    #[cfg(unix)]
    #[test]
    fn a_folder_link_is_not_followed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("outbox.json"), "{}").unwrap();
        std::os::unix::fs::symlink("/etc/hostname", dir.path().join("stolen.txt")).unwrap();
        let container = Container::open(dir.path(), Limits::default()).unwrap();
        assert_eq!(container.names().collect::<Vec<_>>(), ["outbox.json"]);
    }
}
