//! Minisign signatures over manifests, in minisign's prehashed format
//! (`ED`): Ed25519 over the BLAKE2b-512 of the data, then a global
//! signature over that signature and the trusted comment, so the standard
//! `minisign -V` checks them too.
//!
//! Signing is deterministic, as plain Ed25519 is: the same manifest and
//! key always give the same bytes, so two mirrors that build the same
//! archive publish identical files.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use blake2::{Blake2b512, Digest};
use ed25519_dalek::{Signature, Signer, VerifyingKey};

const PREHASHED: &[u8; 2] = b"ED";
const LEGACY: &[u8; 2] = b"Ed";
const UNTRUSTED_PREFIX: &str = "untrusted comment: ";
const TRUSTED_PREFIX: &str = "trusted comment: ";
/// What the signatures this crate writes say of themselves.
pub const UNTRUSTED_COMMENT: &str = "signature from samizdat site-gen";

/// A minisign public key: its key number and its Ed25519 point.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublicKey {
    keynum: [u8; 8],
    key: VerifyingKey,
}

/// Why a text is not a minisign public key.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum KeyError {
    #[error("it has no key line after its comment")]
    MissingKey,
    #[error("its key line is not the base64 of an Ed25519 key")]
    Encoding,
    #[error("its key is not a valid Ed25519 point")]
    Point,
}

/// A part of a `.minisig` text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignaturePart {
    UntrustedComment,
    Signature,
    TrustedComment,
    GlobalSignature,
}

impl std::fmt::Display for SignaturePart {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::UntrustedComment => "untrusted comment",
            Self::Signature => "signature line",
            Self::TrustedComment => "trusted comment",
            Self::GlobalSignature => "global signature line",
        })
    }
}

/// Why a signature does not vouch for some data.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignatureError {
    #[error("the signature file is not text")]
    NotText,
    #[error("the signature file cannot be read (its {0} is missing or malformed)")]
    Malformed(SignaturePart),
    #[error("it is a legacy signature without prehashing, which is not accepted")]
    Legacy,
    #[error("it uses an algorithm other than Ed25519")]
    Algorithm,
    #[error("it was made by key {signed_by}, not {expected}")]
    OtherKey { signed_by: String, expected: String },
    #[error("the signature does not match the data")]
    Data,
    #[error("the trusted comment's signature does not match")]
    TrustedComment,
}

/// Key numbers as minisign prints them: the bytes reversed, in hex.
fn key_id(keynum: &[u8; 8]) -> String {
    keynum
        .iter()
        .rev()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

impl PublicKey {
    /// Reads the text of a minisign `.pub` file: a comment line, then the
    /// base64 of the algorithm, the key number and the key.
    pub fn from_text(text: &str) -> Result<Self, KeyError> {
        let line = text.lines().nth(1).ok_or(KeyError::MissingKey)?;
        let bytes = BASE64.decode(line.trim()).map_err(|_| KeyError::Encoding)?;
        let (algorithm, rest) = bytes.split_at_checked(2).ok_or(KeyError::Encoding)?;
        let (keynum, key) = rest.split_at_checked(8).ok_or(KeyError::Encoding)?;
        let key: &[u8; 32] = key.try_into().map_err(|_| KeyError::Encoding)?;
        if algorithm != LEGACY {
            return Err(KeyError::Encoding);
        }
        Ok(Self {
            keynum: keynum.try_into().map_err(|_| KeyError::Encoding)?,
            key: VerifyingKey::from_bytes(key).map_err(|_| KeyError::Point)?,
        })
    }

    /// The key's ID as minisign prints it.
    pub fn id(&self) -> String {
        key_id(&self.keynum)
    }

    /// The key as the text of a minisign `.pub` file, which `from_text`
    /// reads back.
    pub fn to_text(&self) -> String {
        let mut packet = Vec::with_capacity(2 + self.keynum.len() + 32);
        packet.extend_from_slice(LEGACY);
        packet.extend_from_slice(&self.keynum);
        packet.extend_from_slice(self.key.as_bytes());
        format!(
            "{UNTRUSTED_PREFIX}minisign public key {}\n{}\n",
            self.id(),
            BASE64.encode(packet)
        )
    }

    /// Checks a `.minisig` text over `data`, and the trusted comment with it.
    pub fn verify(&self, signature: &[u8], data: &[u8]) -> Result<(), SignatureError> {
        let text = std::str::from_utf8(signature).map_err(|_| SignatureError::NotText)?;
        let parsed = ParsedSignature::from_text(text)?;
        match &parsed.algorithm {
            PREHASHED => {}
            LEGACY => return Err(SignatureError::Legacy),
            _ => return Err(SignatureError::Algorithm),
        }
        if parsed.keynum != self.keynum {
            return Err(SignatureError::OtherKey {
                signed_by: key_id(&parsed.keynum),
                expected: self.id(),
            });
        }
        self.key
            .verify_strict(&Blake2b512::digest(data), &parsed.signature)
            .map_err(|_| SignatureError::Data)?;
        let mut signed_comment = parsed.signature.to_bytes().to_vec();
        signed_comment.extend_from_slice(parsed.trusted_comment.as_bytes());
        self.key
            .verify_strict(&signed_comment, &parsed.global)
            .map_err(|_| SignatureError::TrustedComment)
    }
}

/// The four lines of a `.minisig` text, decoded.
struct ParsedSignature<'a> {
    algorithm: [u8; 2],
    keynum: [u8; 8],
    signature: Signature,
    trusted_comment: &'a str,
    global: Signature,
}

impl<'a> ParsedSignature<'a> {
    fn from_text(text: &'a str) -> Result<Self, SignatureError> {
        let mut lines = text.lines();
        let mut line = |part| lines.next().ok_or(SignatureError::Malformed(part));
        let untrusted = line(SignaturePart::UntrustedComment)?;
        let packet = line(SignaturePart::Signature)?;
        let trusted = line(SignaturePart::TrustedComment)?;
        let global = line(SignaturePart::GlobalSignature)?;
        if !untrusted.starts_with(UNTRUSTED_PREFIX) {
            return Err(SignatureError::Malformed(SignaturePart::UntrustedComment));
        }
        let trusted_comment = trusted
            .strip_prefix(TRUSTED_PREFIX)
            .ok_or(SignatureError::Malformed(SignaturePart::TrustedComment))?
            .trim();
        let packet: [u8; 2 + 8 + 64] = decode(packet, SignaturePart::Signature)?;
        let global: [u8; 64] = decode(global, SignaturePart::GlobalSignature)?;
        let mut algorithm = [0; 2];
        let mut keynum = [0; 8];
        let mut signature = [0; 64];
        algorithm.copy_from_slice(&packet[..2]);
        keynum.copy_from_slice(&packet[2..10]);
        signature.copy_from_slice(&packet[10..]);
        Ok(Self {
            algorithm,
            keynum,
            signature: Signature::from_bytes(&signature),
            trusted_comment,
            global: Signature::from_bytes(&global),
        })
    }
}

fn decode<const N: usize>(line: &str, part: SignaturePart) -> Result<[u8; N], SignatureError> {
    BASE64
        .decode(line.trim())
        .ok()
        .and_then(|bytes| bytes.try_into().ok())
        .ok_or(SignatureError::Malformed(part))
}

/// A secret key to sign manifests with: minisign's key number and the
/// Ed25519 seed.
pub struct SigningKey {
    keynum: [u8; 8],
    key: ed25519_dalek::SigningKey,
}

impl SigningKey {
    pub fn from_seed(keynum: [u8; 8], seed: [u8; 32]) -> Self {
        Self {
            keynum,
            key: ed25519_dalek::SigningKey::from_bytes(&seed),
        }
    }

    pub fn public(&self) -> PublicKey {
        PublicKey {
            keynum: self.keynum,
            key: self.key.verifying_key(),
        }
    }

    /// A `.minisig` text signing `data` and `trusted_comment`.
    pub fn sign(&self, data: &[u8], trusted_comment: &str) -> String {
        self.sign_prehashed(&Blake2b512::digest(data).into(), trusted_comment)
    }

    /// The same for data whose BLAKE2b-512 is `prehash`: for data hashed
    /// as it was written, never held whole.
    pub fn sign_prehashed(&self, prehash: &[u8; 64], trusted_comment: &str) -> String {
        let signature = self.key.sign(prehash).to_bytes();
        let mut packet = Vec::with_capacity(2 + self.keynum.len() + signature.len());
        packet.extend_from_slice(PREHASHED);
        packet.extend_from_slice(&self.keynum);
        packet.extend_from_slice(&signature);
        let mut signed_comment = signature.to_vec();
        signed_comment.extend_from_slice(trusted_comment.as_bytes());
        let global = self.key.sign(&signed_comment).to_bytes();
        format!(
            "{UNTRUSTED_PREFIX}{UNTRUSTED_COMMENT}\n{}\n{TRUSTED_PREFIX}{trusted_comment}\n{}\n",
            BASE64.encode(packet),
            BASE64.encode(global)
        )
    }
}

#[cfg(test)]
mod tests;
