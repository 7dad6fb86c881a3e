//! The highest serial seen for each key, so that a mirror cannot roll a
//! reader back to an older, validly signed manifest.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::MirrorError;

/// Where the serials are kept unless `--state` says otherwise.
pub fn default_state_file() -> PathBuf {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state")))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("samizdat/seen-serials.json")
}

pub struct SeenSerials {
    path: PathBuf,
    serials: BTreeMap<String, u64>,
}

impl SeenSerials {
    pub fn load(path: &Path) -> Result<Self, MirrorError> {
        let serials = match std::fs::read(path) {
            Ok(bytes) => {
                serde_json::from_slice(&bytes).map_err(|source| MirrorError::SeenSerials {
                    path: path.to_path_buf(),
                    source,
                })?
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => BTreeMap::new(),
            Err(error) => return Err(MirrorError::io(path, error)),
        };
        Ok(Self {
            path: path.to_path_buf(),
            serials,
        })
    }

    /// Fails if `serial` is below the highest seen for `key_id`.
    pub fn check(&self, key_id: &str, serial: u64) -> Result<(), MirrorError> {
        match self.serials.get(key_id) {
            Some(&seen) if serial < seen => Err(MirrorError::Rollback {
                serial,
                seen,
                key_id: key_id.to_string(),
            }),
            _ => Ok(()),
        }
    }

    /// Records `serial` for `key_id` if it is the highest yet.
    pub fn record(&mut self, key_id: &str, serial: u64) -> Result<(), MirrorError> {
        let seen = self.serials.entry(key_id.to_string()).or_insert(0);
        if serial <= *seen {
            return Ok(());
        }
        *seen = serial;
        if let Some(parent) = self.path.parent() {
            std::fs::create_dir_all(parent).map_err(|error| MirrorError::io(parent, error))?;
        }
        let bytes = serde_json::to_vec_pretty(&self.serials).unwrap_or_default();
        std::fs::write(&self.path, bytes).map_err(|error| MirrorError::io(&self.path, error))
    }
}
