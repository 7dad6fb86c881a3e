//! A manifest without its file list: all the next manifest needs to know
//! of it, and enough to restore it exactly from the same files. Small
//! enough for a publisher to keep beside the archive, so a build in a
//! fresh folder still knows the serial it must move on from.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::{FORMAT, FileEntry, Manifest, ManifestError, sha256_hex};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    pub serial: u64,
    pub created: Timestamp,
    pub expires: Timestamp,
    /// The SHA-256 of the manifest the summarised one follows.
    pub previous: Option<String>,
    /// The SHA-256 of the file list, as [`files_sha256`] computes it.
    pub files_sha256: String,
    /// The SHA-256 of the summarised manifest's bytes.
    pub sha256: String,
}

/// The SHA-256 of a file list (sorted by path), as its compact JSON,
/// hashed as it is written rather than held: a million files' list is
/// hundreds of megabytes.
pub fn files_sha256(files: &[FileEntry]) -> String {
    use sha2::Digest;
    struct Hashing(sha2::Sha256);
    impl std::io::Write for Hashing {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0.update(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut hashing = Hashing(sha2::Sha256::new());
    // Writing into a hash cannot fail, and a file list always serializes.
    let _ = serde_json::to_writer(std::io::BufWriter::new(&mut hashing), files);
    hashing
        .0
        .finalize()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

impl Summary {
    /// The summary of a manifest's `bytes`, which it hashes as they are.
    pub fn of(bytes: &[u8]) -> Result<Self, ManifestError> {
        Ok(Self::with_hash(&Manifest::parse(bytes)?, sha256_hex(bytes)))
    }

    /// The summary of `manifest`, given the bytes [`Manifest::to_bytes`]
    /// made of it, which are not made again.
    pub fn of_manifest_bytes(manifest: &Manifest, bytes: &[u8]) -> Self {
        Self::with_hash(manifest, sha256_hex(bytes))
    }

    /// The summary of `manifest` as [`Manifest::to_bytes`] writes it.
    pub fn of_manifest(manifest: &Manifest) -> Self {
        Self::with_hash(manifest, sha256_hex(&manifest.to_bytes()))
    }

    fn with_hash(manifest: &Manifest, sha256: String) -> Self {
        Self {
            site: manifest.site.clone(),
            serial: manifest.serial,
            created: manifest.created,
            expires: manifest.expires,
            previous: manifest.previous.clone(),
            files_sha256: files_sha256(&manifest.files),
            sha256,
        }
    }

    /// The summarised manifest, when `files` (sorted by path) are its own
    /// and it comes out byte for byte as it was.
    pub fn restore(&self, files: &[FileEntry]) -> Option<Manifest> {
        if files_sha256(files) != self.files_sha256 {
            return None;
        }
        let manifest = Manifest {
            format: FORMAT.into(),
            site: self.site.clone(),
            serial: self.serial,
            created: self.created,
            expires: self.expires,
            previous: self.previous.clone(),
            files: files.to_vec(),
        };
        (sha256_hex(&manifest.to_bytes()) == self.sha256).then_some(manifest)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use jiff::SignedDuration;

    use super::*;

    fn files(contents: &str) -> Vec<FileEntry> {
        vec![
            FileEntry::for_contents("a.html", contents.as_bytes()),
            FileEntry::for_contents("b.html", b"b"),
        ]
    }

    #[test]
    fn a_summary_restores_its_manifest_from_the_same_files_only() {
        let manifest = Manifest::next(
            files("a"),
            "2026-01-01T00:00:00Z".parse().unwrap(),
            SignedDuration::from_hours(24),
            None,
        );
        let bytes = manifest.to_bytes();
        let summary = Summary::of(&bytes).unwrap();
        assert_eq!(summary.serial, manifest.serial);
        assert_eq!(summary.sha256, sha256_hex(&bytes));
        assert_eq!(Summary::of_manifest(&manifest), summary);
        assert_eq!(summary.restore(&files("a")), Some(manifest));
        assert_eq!(summary.restore(&files("a2")), None);

        // Bytes written by hand, not as `to_bytes` writes them, cannot be
        // restored, so a build never signs a second text under their serial.
        let respaced = String::from_utf8(bytes).unwrap().replace("  ", "\t");
        let summary = Summary::of(respaced.as_bytes()).unwrap();
        assert_eq!(summary.restore(&files("a")), None);
    }
}
