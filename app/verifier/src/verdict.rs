//! The decisions the service worker asks for, as plain data: whether a
//! signed manifest is accepted (and what to remember of it), and whether
//! a file's bytes are the ones it lists. Pure, so it is tested natively.

use jiff::Timestamp;
use samizdat_manifest::{FileEntry, PublicKey, Seen, SignatureError, TrustError, accept};
use serde::Serialize;

/// Why a manifest was refused, as a word the page can translate.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Refusal {
    /// The key the worker was given is not a minisign public key.
    Key,
    /// What the worker remembered of the last manifest cannot be read.
    State,
    /// Signed by another key than the publisher's.
    OtherKey,
    /// The signature is missing, malformed or does not match.
    Signature,
    /// Signed, but not a manifest this client understands.
    Unreadable,
    Rollback,
    Replaced,
    Expired,
}

/// The answer to "may this manifest be trusted?".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Verdict {
    Accepted {
        ok: bool,
        seen: Seen,
        serial: u64,
        expires: String,
        files: Vec<FileEntry>,
    },
    Refused {
        ok: bool,
        kind: Refusal,
        error: String,
    },
}

impl Verdict {
    fn refused(kind: Refusal, error: String) -> Self {
        Self::Refused {
            ok: false,
            kind,
            error,
        }
    }
}

fn refusal(error: &TrustError) -> Refusal {
    match error {
        TrustError::Signature(SignatureError::OtherKey { .. }) => Refusal::OtherKey,
        TrustError::Signature(_) => Refusal::Signature,
        TrustError::Manifest(_) => Refusal::Unreadable,
        TrustError::Rollback { .. } => Refusal::Rollback,
        TrustError::Replaced { .. } => Refusal::Replaced,
        TrustError::Expired(_) => Refusal::Expired,
    }
}

/// Judges a manifest's `bytes` and `signature` with the publisher's key
/// (the text of a minisign `.pub`), against `last` (the JSON of the last
/// accepted `Seen`, if any) at `now_ms` milliseconds since the epoch.
pub fn judge_manifest(
    bytes: &[u8],
    signature: &[u8],
    key_text: &str,
    last: Option<&str>,
    now_ms: i64,
) -> Verdict {
    let key = match PublicKey::from_text(key_text) {
        Ok(key) => key,
        Err(error) => {
            return Verdict::refused(
                Refusal::Key,
                format!("the publisher's key cannot be read: {error}"),
            );
        }
    };
    let last = match last.map(serde_json::from_str::<Seen>).transpose() {
        Ok(last) => last,
        Err(error) => {
            return Verdict::refused(
                Refusal::State,
                format!("the last manifest remembered cannot be read: {error}"),
            );
        }
    };
    let Ok(now) = Timestamp::from_millisecond(now_ms) else {
        return Verdict::refused(
            Refusal::State,
            format!("{now_ms} is not a time in milliseconds"),
        );
    };
    match accept(bytes, signature, &key, last.as_ref(), now) {
        Ok(accepted) => Verdict::Accepted {
            ok: true,
            serial: accepted.manifest.serial,
            expires: accepted.manifest.expires.to_string(),
            files: accepted.manifest.files,
            seen: accepted.seen,
        },
        Err(error) => Verdict::refused(refusal(&error), error.to_string()),
    }
}

/// Why `bytes` are not the file `entry` (the JSON of a manifest's file
/// entry) lists, or `None` when they are.
pub fn file_problem(entry: &str, bytes: &[u8]) -> Option<String> {
    match serde_json::from_str::<FileEntry>(entry) {
        Ok(entry) => entry.check(bytes).err().map(|problem| problem.to_string()),
        Err(error) => Some(format!("the manifest's entry cannot be read: {error}")),
    }
}

#[cfg(test)]
mod tests;
