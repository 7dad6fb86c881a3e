//! The last manifest accepted from each key for each of its sites, its
//! serial and hash, so that a mirror can neither roll a reader back to an
//! older, validly signed manifest nor pass off other contents under a
//! serial already seen. One key may sign several sites (a news site and
//! the client) whose serials have nothing to do with each other, so each
//! site the manifests name keeps its own.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use samizdat_manifest::{Accepted, Manifest, PublicKey, Seen, TrustError, accept, sha256_hex};
use serde::{Deserialize, Serialize};

use super::MirrorError;

/// Where the serials are kept unless `--state` says otherwise.
pub fn default_state_file() -> PathBuf {
    let base = std::env::var_os("XDG_STATE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".local/state")))
        .unwrap_or_else(|| PathBuf::from("."));
    base.join("samizdat/seen-serials.json")
}

/// The state file's entry for the manifests of `site` signed by `key_id`.
/// Manifests that name no site are kept under the key id alone, as every
/// entry was before manifests named their site, so an older file keeps
/// its meaning. A key id is hex, so `/` cannot be part of one.
fn track(key_id: &str, site: Option<&str>) -> String {
    match site {
        Some(site) => format!("{key_id}/{site}"),
        None => key_id.to_string(),
    }
}

/// What is kept for one key and site.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum Entry {
    Seen(Seen),
    /// A bare serial, as older versions kept it: the hash is unknown.
    SerialOnly(u64),
}

pub struct SeenSerials {
    path: PathBuf,
    entries: BTreeMap<String, Entry>,
}

impl SeenSerials {
    /// Reads the state file; a missing or empty one (as `mktemp` makes)
    /// is no state yet.
    pub fn load(path: &Path) -> Result<Self, MirrorError> {
        let entries = match std::fs::read(path) {
            Ok(bytes) if bytes.trim_ascii().is_empty() => BTreeMap::new(),
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
            entries,
        })
    }

    /// Decides on the manifest `bytes`, signed by `signature`, against
    /// what was last accepted from `key` for the site the manifest names.
    pub fn accept(
        &self,
        key: &PublicKey,
        bytes: &[u8],
        signature: &[u8],
        now: Timestamp,
    ) -> Result<Accepted, TrustError> {
        // The name is read before the signature is checked only to choose
        // which serials to decide against; `accept` then checks these very
        // bytes, name included, and refuses them unless they are signed.
        let site = Manifest::parse(bytes)
            .ok()
            .and_then(|manifest| manifest.site);
        let last = match self.entries.get(&track(&key.id(), site.as_deref())) {
            Some(Entry::Seen(seen)) => Some(seen.clone()),
            // With no hash to compare, the same serial is taken to be the
            // same manifest: only a lower one is refused.
            Some(Entry::SerialOnly(serial)) => Some(Seen {
                serial: *serial,
                sha256: sha256_hex(bytes),
            }),
            None => None,
        };
        accept(bytes, signature, key, last.as_ref(), now)
    }

    /// Remembers `seen`, accepted from the key `key_id` for `site`,
    /// unless a later serial is already kept; writes the file only when it
    /// changes.
    pub fn record(
        &mut self,
        key_id: &str,
        site: Option<&str>,
        seen: &Seen,
    ) -> Result<(), MirrorError> {
        let track = track(key_id, site);
        let entry = Entry::Seen(seen.clone());
        let newer = match self.entries.get(&track) {
            Some(Entry::Seen(kept)) => seen.serial > kept.serial,
            Some(Entry::SerialOnly(serial)) => seen.serial >= *serial,
            None => true,
        };
        if !newer {
            return Ok(());
        }
        self.entries.insert(track, entry);
        if let Some(parent) = self.path.parent()
            && !parent.as_os_str().is_empty()
        {
            std::fs::create_dir_all(parent).map_err(|error| MirrorError::io(parent, error))?;
        }
        let bytes = serde_json::to_vec_pretty(&self.entries).unwrap_or_default();
        std::fs::write(&self.path, bytes).map_err(|error| MirrorError::io(&self.path, error))
    }
}

#[cfg(test)]
mod tests;
