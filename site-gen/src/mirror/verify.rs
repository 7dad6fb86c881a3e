//! Verifying a copy of a site: the signature, the expiry, the serial
//! against rollback, and every file's size and hash.

use jiff::Timestamp;
use minisign::PublicKey;
use rayon::prelude::*;

use super::fetch::Source;
use super::keys::{key_id, verify_signature};
use super::manifest::{Manifest, sha256_hex};
use super::seen::SeenSerials;
use super::{MANIFEST_PATH, MirrorError, SIGNATURE_PATH};

/// A manifest whose signature, expiry and serial have been checked.
pub struct SignedManifest {
    pub manifest: Manifest,
    pub bytes: Vec<u8>,
    pub signature: String,
    pub key_id: String,
}

/// Fetches the manifest and its signature from `source` and checks them.
pub fn fetch_signed_manifest(
    source: &dyn Source,
    public: &PublicKey,
    seen: &SeenSerials,
    now: Timestamp,
) -> Result<SignedManifest, MirrorError> {
    let bytes = source.get(MANIFEST_PATH)?;
    let signature = String::from_utf8(source.get(SIGNATURE_PATH)?)
        .map_err(|_| MirrorError::BadSignature("the signature file is not text".into()))?;
    verify_signature(public, &signature, &bytes)?;
    let manifest = Manifest::parse(&bytes)?;
    if manifest.is_expired(now) {
        return Err(MirrorError::Rejected(format!(
            "the manifest expired at {}; the publisher must build and sign the site again",
            manifest.expires
        )));
    }
    let key_id = key_id(public);
    seen.check(&key_id, manifest.serial)?;
    Ok(SignedManifest {
        manifest,
        bytes,
        signature,
        key_id,
    })
}

#[derive(Debug)]
pub struct VerifyReport {
    pub serial: u64,
    pub files: usize,
    /// One line per mismatch, naming the file.
    pub problems: Vec<String>,
}

/// Checks every file of `source` against its signed manifest. Records the
/// serial as seen only when everything matched.
pub fn verify_site(
    source: &dyn Source,
    public: &PublicKey,
    seen: &mut SeenSerials,
    now: Timestamp,
) -> Result<VerifyReport, MirrorError> {
    let signed = fetch_signed_manifest(source, public, seen, now)?;
    let mut problems: Vec<String> = signed
        .manifest
        .files
        .par_iter()
        .filter_map(|entry| match source.get(&entry.path) {
            Err(_) => Some(format!("{}: missing", entry.path)),
            Ok(bytes) if bytes.len() as u64 != entry.size => Some(format!(
                "{}: {} bytes where the manifest says {}",
                entry.path,
                bytes.len(),
                entry.size
            )),
            Ok(bytes) if sha256_hex(&bytes) != entry.sha256 => Some(format!(
                "{}: its contents differ from the manifest's (SHA-256)",
                entry.path
            )),
            Ok(_) => None,
        })
        .collect();
    if let Some(listed) = source.list() {
        let known = signed.manifest.by_path();
        for path in listed? {
            if !known.contains_key(path.as_str()) {
                problems.push(format!("{path}: not in the manifest"));
            }
        }
    }
    problems.sort();
    if problems.is_empty() {
        seen.record(&signed.key_id, signed.manifest.serial)?;
    }
    Ok(VerifyReport {
        serial: signed.manifest.serial,
        files: signed.manifest.files.len(),
        problems,
    })
}
