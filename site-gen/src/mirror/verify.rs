//! Verifying a copy of a site: the signature, the expiry and the serial,
//! decided by the manifest crate's `accept`, then every file's size and
//! hash.

use jiff::Timestamp;
use rayon::prelude::*;
use samizdat_manifest::{
    FileEntry, FileProblem, MANIFEST_PATH, Manifest, PublicKey, SIGNATURE_PATH, Seen,
};
use sha2::{Digest, Sha256};

use super::MirrorError;
use super::seen::SeenSerials;
use super::storage::Source;

/// A manifest whose signature, expiry and serial have been checked.
pub struct SignedManifest {
    pub manifest: Manifest,
    pub bytes: Vec<u8>,
    pub signature: Vec<u8>,
    pub key_id: String,
    /// What to remember of it once every file matched.
    pub seen: Seen,
}

/// Fetches the manifest and its signature from `source` and decides on
/// them against what was last accepted from the key.
pub fn fetch_signed_manifest(
    source: &dyn Source,
    public: &PublicKey,
    seen: &SeenSerials,
    now: Timestamp,
) -> Result<SignedManifest, MirrorError> {
    let bytes = source.get(MANIFEST_PATH)?;
    let signature = source.get(SIGNATURE_PATH)?;
    let accepted = seen.accept(public, &bytes, &signature, now)?;
    Ok(SignedManifest {
        manifest: accepted.manifest,
        bytes,
        signature,
        key_id: public.id(),
        seen: accepted.seen,
    })
}

#[derive(Debug)]
pub struct VerifyReport {
    /// The site the manifest names, if it names one.
    pub site: Option<String>,
    pub serial: u64,
    pub files: usize,
    /// Every file that differs from the manifest, by path.
    pub problems: Vec<FileProblem>,
}

/// How the copy of `entry` in `source` differs from it, if it does:
/// hashed as it streams, and read no further than its declared size.
fn check_file(source: &dyn Source, entry: &FileEntry) -> Option<FileProblem> {
    let mut hasher = Sha256::new();
    let read = source.read_into(&entry.path, entry.size, &mut |chunk| {
        hasher.update(chunk);
        Ok(())
    });
    let path = entry.path.clone();
    match read {
        Ok(size) => entry.check_digest(size, &hasher.finalize()).err(),
        Err(MirrorError::Oversized { declared, .. }) => Some(FileProblem::TooLong {
            path,
            expected: declared,
        }),
        Err(_) => Some(FileProblem::Missing { path }),
    }
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
    let mut problems: Vec<FileProblem> = signed
        .manifest
        .files
        .par_iter()
        .filter_map(|entry| check_file(source, entry))
        .collect();
    if let Some(listed) = source.list() {
        let known = signed.manifest.by_path();
        for path in listed? {
            if !known.contains_key(path.as_str()) {
                problems.push(FileProblem::Unlisted { path });
            }
        }
    }
    problems.sort_by(|a, b| a.path().cmp(b.path()));
    if problems.is_empty() {
        seen.record(
            &signed.key_id,
            signed.manifest.site.as_deref(),
            &signed.seen,
        )?;
    }
    Ok(VerifyReport {
        site: signed.manifest.site.clone(),
        serial: signed.manifest.serial,
        files: signed.manifest.files.len(),
        problems,
    })
}
