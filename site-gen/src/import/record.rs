//! The archive's record of what imports wrote: for each source item, the
//! article's path and the hash of what was written. A second import
//! compares the file with it to tell an untouched article (updated if the
//! source changed) from one the publisher has edited since (kept).

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::ImportError;

/// Relative to the archive; hidden, so never published.
pub const RECORD_PATH: &str = ".samizdat/imported.json";

const FORMAT: &str = "samizdat-imported/1";

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct ImportRecord {
    format: String,
    /// By item key.
    pub items: BTreeMap<String, Written>,
}

#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub struct Written {
    /// The article's file, relative to the archive, with `/` separators.
    pub path: String,
    pub slug: String,
    pub sha256: String,
    /// The files beside it, by name.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub media: BTreeMap<String, String>,
}

impl ImportRecord {
    pub fn load(archive: &Path) -> Result<Self, ImportError> {
        let path = archive.join(RECORD_PATH);
        let bytes = match std::fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self {
                    format: FORMAT.into(),
                    items: BTreeMap::new(),
                });
            }
            Err(source) => return Err(ImportError::Read { path, source }),
        };
        let record: Self = serde_json::from_slice(&bytes).map_err(|error| ImportError::Record {
            path: path.clone(),
            message: format!("not a record of earlier imports ({error}); restore it from the archive's history, or remove it to import as if for the first time (edited articles would then be kept only if their path is taken)"),
        })?;
        if record.format != FORMAT {
            return Err(ImportError::Record {
                path,
                message: format!("its format is “{}”, not {FORMAT}", record.format),
            });
        }
        Ok(record)
    }

    pub fn save(&self, archive: &Path) -> Result<(), ImportError> {
        let mut bytes = serde_json::to_vec_pretty(self).unwrap_or_default();
        bytes.push(b'\n');
        super::disk::write_if_changed(archive, RECORD_PATH, &bytes).map(|_| ())
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}
