//! Whether a reader should accept a signed manifest, given the last one it
//! accepted from the same key: the signature, the shape, the expiry, and
//! the serial against rollback and against a second, different manifest
//! under a serial already seen. The command line's `verify` and `mirror
//! pull` and the client's service worker decide with this one function.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};

use crate::{Manifest, ManifestError, PublicKey, SignatureError, sha256_hex};

/// The last manifest accepted from one key: its serial and the SHA-256 of
/// its bytes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Seen {
    pub serial: u64,
    pub sha256: String,
}

/// A manifest that passed every check, with what to remember of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Accepted {
    pub manifest: Manifest,
    pub seen: Seen,
}

/// Why a signed manifest is refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum TrustError {
    #[error("the signature does not verify with this key: {0}")]
    Signature(#[from] SignatureError),
    #[error("the manifest cannot be read: {0}")]
    Manifest(String),
    #[error(
        "rollback: the manifest's serial {serial} is lower than {seen}, already seen for this key; this copy is older than one verified before"
    )]
    Rollback { serial: u64, seen: u64 },
    #[error(
        "the manifest's serial {serial} was seen before with other contents; a copy may be hiding a correction, so neither is trusted over the first one seen"
    )]
    Replaced { serial: u64 },
    #[error(
        "the manifest expired at {0}; the publisher must sign the site again with a fresh expiry (`site-gen build ARCHIVE --sign-key KEY --signed-at now`, or `site-gen manifest DIR --sign-key KEY --signed-at now` for a built folder)"
    )]
    Expired(Timestamp),
}

impl From<ManifestError> for TrustError {
    fn from(error: ManifestError) -> Self {
        Self::Manifest(error.to_string())
    }
}

/// Checks `bytes` and its `.minisig` `signature` against `key`, then the
/// manifest's expiry at `now` and its serial against `last`, the manifest
/// last accepted from this key. The same manifest again is accepted.
pub fn accept(
    bytes: &[u8],
    signature: &[u8],
    key: &PublicKey,
    last: Option<&Seen>,
    now: Timestamp,
) -> Result<Accepted, TrustError> {
    key.verify(signature, bytes)?;
    let manifest = Manifest::parse(bytes)?;
    let seen = Seen {
        serial: manifest.serial,
        sha256: sha256_hex(bytes),
    };
    if let Some(last) = last {
        if seen.serial < last.serial {
            return Err(TrustError::Rollback {
                serial: seen.serial,
                seen: last.serial,
            });
        }
        if seen.serial == last.serial && seen.sha256 != last.sha256 {
            return Err(TrustError::Replaced {
                serial: seen.serial,
            });
        }
    }
    if manifest.is_expired(now) {
        return Err(TrustError::Expired(manifest.expires));
    }
    Ok(Accepted { manifest, seen })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use jiff::SignedDuration;

    use super::*;
    use crate::{FileEntry, SigningKey};

    fn key(seed: u8) -> SigningKey {
        SigningKey::from_seed([seed; 8], [seed; 32])
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    /// A signed manifest of one file with `contents`, made at `created`.
    fn signed(signer: &SigningKey, contents: &str, created: &str) -> (Vec<u8>, Vec<u8>) {
        let manifest = Manifest::next(
            vec![FileEntry::for_contents("index.html", contents.as_bytes())],
            at(created),
            SignedDuration::from_hours(24 * 90),
            None,
        );
        let bytes = manifest.to_bytes();
        let signature = signer.sign(&bytes, "test").into_bytes();
        (bytes, signature)
    }

    const NOW: &str = "2026-02-01T00:00:00Z";

    #[test]
    fn a_valid_manifest_is_accepted_and_remembered() {
        let signer = key(1);
        let (bytes, signature) = signed(&signer, "a", "2026-01-01T00:00:00Z");
        let accepted = accept(&bytes, &signature, &signer.public(), None, at(NOW)).unwrap();
        assert_eq!(accepted.seen.serial, 1_767_225_600);
        assert_eq!(accepted.seen.sha256, sha256_hex(&bytes));
        let again = accept(
            &bytes,
            &signature,
            &signer.public(),
            Some(&accepted.seen),
            at(NOW),
        );
        assert_eq!(again.unwrap(), accepted, "the same manifest twice is fine");
    }

    #[test]
    fn an_older_serial_is_a_rollback() {
        let signer = key(1);
        let (old, old_signature) = signed(&signer, "a", "2026-01-01T00:00:00Z");
        let (new, new_signature) = signed(&signer, "b", "2026-01-02T00:00:00Z");
        let last = accept(&new, &new_signature, &signer.public(), None, at(NOW))
            .unwrap()
            .seen;
        assert_eq!(
            accept(&old, &old_signature, &signer.public(), Some(&last), at(NOW)),
            Err(TrustError::Rollback {
                serial: 1_767_225_600,
                seen: 1_767_312_000
            })
        );
    }

    #[test]
    fn other_contents_under_a_seen_serial_are_refused() {
        let signer = key(1);
        let (first, first_signature) = signed(&signer, "corrected", "2026-01-01T00:00:00Z");
        let (second, second_signature) = signed(&signer, "uncorrected", "2026-01-01T00:00:00Z");
        let last = accept(&first, &first_signature, &signer.public(), None, at(NOW))
            .unwrap()
            .seen;
        assert_eq!(
            accept(
                &second,
                &second_signature,
                &signer.public(),
                Some(&last),
                at(NOW)
            ),
            Err(TrustError::Replaced {
                serial: 1_767_225_600
            })
        );
    }

    #[test]
    fn another_key_a_changed_byte_or_an_expiry_is_refused() {
        let signer = key(1);
        let (bytes, signature) = signed(&signer, "a", "2026-01-01T00:00:00Z");
        assert!(matches!(
            accept(&bytes, &signature, &key(2).public(), None, at(NOW)),
            Err(TrustError::Signature(SignatureError::OtherKey { .. }))
        ));
        let mut changed = bytes.clone();
        changed[20] ^= 1;
        assert_eq!(
            accept(&changed, &signature, &signer.public(), None, at(NOW)),
            Err(TrustError::Signature(SignatureError::Data))
        );
        let expired = accept(
            &bytes,
            &signature,
            &signer.public(),
            None,
            at("2026-04-02T00:00:00Z"),
        );
        assert_eq!(
            expired,
            Err(TrustError::Expired(at("2026-04-01T00:00:00Z")))
        );
        assert!(expired.unwrap_err().to_string().contains("--signed-at now"));
    }
}
