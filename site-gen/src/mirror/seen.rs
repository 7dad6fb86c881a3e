//! The last manifest accepted from each key, its serial and hash, so that
//! a mirror can neither roll a reader back to an older, validly signed
//! manifest nor pass off other contents under a serial already seen.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use samizdat_manifest::{Accepted, PublicKey, Seen, TrustError, accept, sha256_hex};
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

/// What is kept for one key.
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
    /// what was last accepted from `key`.
    pub fn accept(
        &self,
        key: &PublicKey,
        bytes: &[u8],
        signature: &[u8],
        now: Timestamp,
    ) -> Result<Accepted, TrustError> {
        let last = match self.entries.get(&key.id()) {
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

    /// Remembers `seen`, accepted from the key `key_id`, unless a later
    /// serial is already kept; writes the file only when it changes.
    pub fn record(&mut self, key_id: &str, seen: &Seen) -> Result<(), MirrorError> {
        let entry = Entry::Seen(seen.clone());
        let newer = match self.entries.get(key_id) {
            Some(Entry::Seen(kept)) => seen.serial > kept.serial,
            Some(Entry::SerialOnly(serial)) => seen.serial >= *serial,
            None => true,
        };
        if !newer {
            return Ok(());
        }
        self.entries.insert(key_id.to_string(), entry);
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
mod tests {
    use jiff::SignedDuration;
    use samizdat_manifest::{FileEntry, Manifest, SigningKey};

    use super::*;

    /// A manifest signed by `signer` of one file holding `contents`.
    fn signed(signer: &SigningKey, contents: &str) -> (Vec<u8>, Vec<u8>) {
        let manifest = Manifest::next(
            vec![FileEntry::for_contents("index.html", contents.as_bytes())],
            "2026-01-01T00:00:00Z".parse().unwrap(),
            SignedDuration::from_hours(24),
            None,
        );
        let bytes = manifest.to_bytes();
        let signature = signer.sign(&bytes, "test").into_bytes();
        (bytes, signature)
    }

    const NOW: &str = "2026-01-01T12:00:00Z";

    #[test]
    fn an_empty_file_is_no_state_and_a_broken_one_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("seen.json");
        std::fs::write(&path, " \n").unwrap();
        let signer = SigningKey::from_seed([1; 8], [1; 32]);
        let (bytes, signature) = signed(&signer, "a");
        let mut seen = SeenSerials::load(&path).unwrap();
        let accepted = seen
            .accept(&signer.public(), &bytes, &signature, NOW.parse().unwrap())
            .unwrap();
        seen.record(&signer.public().id(), &accepted.seen).unwrap();
        let kept: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(
            kept[signer.public().id()]["sha256"],
            sha256_hex(&bytes).as_str()
        );

        std::fs::write(&path, "{ not json").unwrap();
        let error = SeenSerials::load(&path).err().unwrap();
        assert!(
            error
                .to_string()
                .starts_with(&format!("{}: not a serials file", path.display())),
            "{error}"
        );
    }

    #[test]
    fn a_bare_serial_from_an_older_file_refuses_lower_serials_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("seen.json");
        let signer = SigningKey::from_seed([1; 8], [1; 32]);
        let (bytes, signature) = signed(&signer, "a");
        let serial = Manifest::parse(&bytes).unwrap().serial;
        let id = signer.public().id();
        let now = NOW.parse().unwrap();

        std::fs::write(&path, format!("{{\"{id}\": {serial}}}")).unwrap();
        let mut seen = SeenSerials::load(&path).unwrap();
        let accepted = seen
            .accept(&signer.public(), &bytes, &signature, now)
            .unwrap();
        seen.record(&id, &accepted.seen).unwrap();
        let (other, other_signature) = signed(&signer, "b");
        assert_eq!(
            SeenSerials::load(&path).unwrap().accept(
                &signer.public(),
                &other,
                &other_signature,
                now
            ),
            Err(TrustError::Replaced { serial }),
            "once the hash is kept, other contents under the serial are refused"
        );

        std::fs::write(&path, format!("{{\"{id}\": {}}}", serial + 1)).unwrap();
        assert_eq!(
            SeenSerials::load(&path)
                .unwrap()
                .accept(&signer.public(), &bytes, &signature, now),
            Err(TrustError::Rollback {
                serial,
                seen: serial + 1
            })
        );
    }
}
