//! One file as a manifest lists it, and how a copy of it can differ.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::content_type;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub path: String,
    pub size: u64,
    pub sha256: String,
    #[serde(rename = "type")]
    pub content_type: String,
}

/// How a copy of a site differs from its manifest, one file at a time.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FileProblem {
    #[error("{path}: missing")]
    Missing { path: String },
    #[error("{path}: {size} bytes where the manifest says {expected}")]
    WrongSize {
        path: String,
        size: u64,
        expected: u64,
    },
    #[error("{path}: longer than the {expected} bytes the manifest says")]
    TooLong { path: String, expected: u64 },
    #[error("{path}: its contents differ from the manifest's (SHA-256)")]
    WrongContents { path: String },
    #[error("{path}: not in the manifest")]
    Unlisted { path: String },
}

impl FileProblem {
    /// The file the problem is about.
    pub fn path(&self) -> &str {
        match self {
            Self::Missing { path }
            | Self::WrongSize { path, .. }
            | Self::TooLong { path, .. }
            | Self::WrongContents { path }
            | Self::Unlisted { path } => path,
        }
    }
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

    /// Whether `contents` are this file's, by size and then by hash.
    pub fn check(&self, contents: &[u8]) -> Result<(), FileProblem> {
        self.check_digest(contents.len() as u64, &Sha256::digest(contents))
    }

    /// Whether a file of `size` bytes whose SHA-256 is `digest` is this
    /// one: for contents hashed as they stream by, never held whole.
    pub fn check_digest(&self, size: u64, digest: &[u8]) -> Result<(), FileProblem> {
        if size != self.size {
            return Err(FileProblem::WrongSize {
                path: self.path.clone(),
                size,
                expected: self.size,
            });
        }
        if hex(digest) != self.sha256 {
            return Err(FileProblem::WrongContents {
                path: self.path.clone(),
            });
        }
        Ok(())
    }
}

/// The SHA-256 of `bytes`, in lower-case hex, as manifests write it.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn an_entry_describes_its_contents_and_names_a_difference() {
        let entry = FileEntry::for_contents("a/index.html", b"hello");
        assert_eq!(entry.size, 5);
        assert_eq!(
            entry.sha256,
            "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
        );
        assert_eq!(entry.content_type, "text/html; charset=utf-8");
        assert_eq!(entry.check(b"hello"), Ok(()));
        let longer = entry.check(b"hello!").unwrap_err();
        assert_eq!(
            longer.to_string(),
            "a/index.html: 6 bytes where the manifest says 5"
        );
        let changed = entry.check(b"jello").unwrap_err();
        assert_eq!(
            changed,
            FileProblem::WrongContents {
                path: "a/index.html".into()
            }
        );
        assert_eq!(changed.path(), "a/index.html");
    }
}
