//! The manifest: every file of a site with its size, SHA-256 and type,
//! and for the whole site a serial, a creation time, an expiry and the
//! hash of the manifest it follows.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::Timestamp;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{MirrorError, content_type, is_meta_file};

pub const FORMAT: &str = "samizdat-manifest/1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
    #[serde(rename = "type")]
    pub content_type: String,
}

impl FileEntry {
    pub fn for_contents(path: &str, contents: &[u8]) -> Self {
        Self {
            path: path.to_string(),
            size: contents.len() as u64,
            sha256: sha256_hex(contents),
            content_type: content_type(path).to_string(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// Only ever increases from one manifest of a site to the next.
    pub serial: u64,
    pub created: Timestamp,
    pub expires: Timestamp,
    /// The SHA-256 of the manifest this one replaces.
    pub previous: Option<String>,
    /// Sorted by path.
    pub files: Vec<FileEntry>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Manifest {
    /// The manifest that follows `previous` (the bytes of the site's last
    /// manifest, if any) for `files`. When the files are the same, it is
    /// the previous manifest itself, so rebuilding changes nothing.
    pub fn next(
        mut files: Vec<FileEntry>,
        created: Timestamp,
        valid_for: jiff::SignedDuration,
        previous: Option<&[u8]>,
    ) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let previous_manifest = previous.and_then(|bytes| Self::parse(bytes).ok());
        if let Some(manifest) = &previous_manifest
            && manifest.files == files
        {
            return manifest.clone();
        }
        let created_secs = u64::try_from(created.as_second()).unwrap_or(0);
        let serial = match &previous_manifest {
            Some(manifest) => created_secs.max(manifest.serial + 1),
            None => created_secs,
        };
        Self {
            format: FORMAT.into(),
            serial,
            created,
            expires: created.checked_add(valid_for).unwrap_or(Timestamp::MAX),
            previous: previous
                .filter(|_| previous_manifest.is_some())
                .map(sha256_hex),
            files,
        }
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        bytes
    }

    pub fn parse(bytes: &[u8]) -> Result<Self, MirrorError> {
        let manifest: Self = serde_json::from_slice(bytes)
            .map_err(|error| MirrorError::BadManifest(error.to_string()))?;
        if manifest.format != FORMAT {
            return Err(MirrorError::BadManifest(format!(
                "its format is “{}”, not {FORMAT}",
                manifest.format
            )));
        }
        for entry in &manifest.files {
            if !is_safe_relative_path(&entry.path) {
                return Err(MirrorError::BadManifest(format!(
                    "it lists “{}”, which is not a plain relative path",
                    entry.path
                )));
            }
        }
        Ok(manifest)
    }

    pub fn by_path(&self) -> BTreeMap<&str, &FileEntry> {
        self.files
            .iter()
            .map(|entry| (entry.path.as_str(), entry))
            .collect()
    }

    pub fn is_expired(&self, now: Timestamp) -> bool {
        now > self.expires
    }
}

/// A path a manifest may name: relative, with no `..`, `.` or empty parts,
/// so that no mirror can be made to write outside its folder.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path.split('/').all(|part| {
            !part.is_empty() && part != "." && part != ".." && !part.chars().any(char::is_control)
        })
}

/// Writes a manifest for any folder, such as the client's `dist/`, and
/// with a key its signature; an unchanged folder keeps its manifest.
pub fn write_for_dir(
    dir: &Path,
    key: Option<&minisign::SecretKey>,
    created: Timestamp,
    valid_for: jiff::SignedDuration,
) -> Result<Manifest, MirrorError> {
    use super::{MANIFEST_PATH, SIGNATURE_PATH};
    let previous = std::fs::read(dir.join(MANIFEST_PATH)).ok();
    let manifest = Manifest::next(scan_dir(dir)?, created, valid_for, previous.as_deref());
    let bytes = manifest.to_bytes();
    std::fs::write(dir.join(MANIFEST_PATH), &bytes)
        .map_err(|error| MirrorError::io(dir.join(MANIFEST_PATH).display(), error))?;
    if let Some(key) = key {
        let signature = super::keys::sign(
            key,
            &bytes,
            &format!("samizdat manifest serial {}", manifest.serial),
        )?;
        std::fs::write(dir.join(SIGNATURE_PATH), signature)
            .map_err(|error| MirrorError::io(dir.join(SIGNATURE_PATH).display(), error))?;
    }
    Ok(manifest)
}

/// Every file below `dir`, hashed in parallel, leaving out the manifest,
/// its signature and the build marker.
pub fn scan_dir(dir: &Path) -> Result<Vec<FileEntry>, MirrorError> {
    let mut paths = Vec::new();
    list_files(dir, dir, &mut paths)?;
    let mut entries: Vec<FileEntry> = paths
        .par_iter()
        .map(|relative| {
            let contents = std::fs::read(dir.join(relative))
                .map_err(|error| MirrorError::io(relative, error))?;
            Ok(FileEntry::for_contents(relative, &contents))
        })
        .collect::<Result<_, MirrorError>>()?;
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

/// Relative paths, with `/`, of every file below `dir` but the meta files.
pub fn list_files(root: &Path, dir: &Path, out: &mut Vec<String>) -> Result<(), MirrorError> {
    let entries = std::fs::read_dir(dir).map_err(|error| MirrorError::io(dir.display(), error))?;
    for entry in entries {
        let entry = entry.map_err(|error| MirrorError::io(dir.display(), error))?;
        let path = entry.path();
        let kind = entry
            .file_type()
            .map_err(|error| MirrorError::io(path.display(), error))?;
        if kind.is_dir() {
            list_files(root, &path, out)?;
        } else if kind.is_file() {
            let relative = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            if !is_meta_file(&relative) {
                out.push(relative);
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(path: &str, contents: &str) -> FileEntry {
        FileEntry::for_contents(path, contents.as_bytes())
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn serials_only_increase_and_unchanged_files_keep_the_manifest() {
        let valid = jiff::SignedDuration::from_hours(24 * 90);
        let first = Manifest::next(
            vec![entry("b.html", "b"), entry("a.html", "a")],
            at("2026-01-01T00:00:00Z"),
            valid,
            None,
        );
        assert_eq!(first.files[0].path, "a.html", "files are sorted");
        assert_eq!(first.serial, 1_767_225_600);
        assert_eq!(first.previous, None);
        assert_eq!(first.expires, at("2026-04-01T00:00:00Z"));

        let bytes = first.to_bytes();
        let same = Manifest::next(
            vec![entry("a.html", "a"), entry("b.html", "b")],
            at("2026-01-01T00:00:00Z"),
            valid,
            Some(&bytes),
        );
        assert_eq!(same, first);

        // An edit that leaves the archive's dates alone still moves the serial on.
        let edited = Manifest::next(
            vec![entry("a.html", "a2"), entry("b.html", "b")],
            at("2026-01-01T00:00:00Z"),
            valid,
            Some(&bytes),
        );
        assert_eq!(edited.serial, first.serial + 1);
        assert_eq!(edited.previous, Some(sha256_hex(&bytes)));
        assert_eq!(Manifest::parse(&edited.to_bytes()).unwrap(), edited);
    }

    #[test]
    fn paths_that_escape_the_folder_are_refused() {
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "a//b",
            "a\\b",
            "",
            "./a",
        ] {
            assert!(!is_safe_relative_path(bad), "{bad:?}");
        }
        let mut manifest = Manifest::next(
            vec![entry("a", "a")],
            at("2026-01-01T00:00:00Z"),
            jiff::SignedDuration::ZERO,
            None,
        );
        manifest.files[0].path = "../escape".into();
        assert!(Manifest::parse(&manifest.to_bytes()).is_err());
    }
}
