//! The publisher's key pair and minisign signatures over manifests, in
//! minisign's own formats so that operators can also check them with the
//! standard `minisign` tool.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use minisign::{KeyPair, PublicKey, PublicKeyBox, SecretKey, SecretKeyBox, SignatureBox};

use super::MirrorError;

/// Where a password for an encrypted secret key may come from without a prompt.
pub const PASSWORD_ENV: &str = "SAMIZDAT_KEY_PASSWORD";

fn key_error(path: &Path, error: impl std::fmt::Display) -> MirrorError {
    MirrorError::Key(format!("{}: {error}", path.display()))
}

/// Writes `NAME.key` (secret, mode 0600) and `NAME.pub`; refuses to
/// overwrite either. With a password, the secret key is encrypted.
pub fn generate(name: &Path, password: Option<String>) -> Result<(PathBuf, PathBuf), MirrorError> {
    let secret_path = name.with_extension("key");
    let public_path = name.with_extension("pub");
    for path in [&secret_path, &public_path] {
        if path.exists() {
            return Err(key_error(
                path,
                "exists already; move it away or choose another --out",
            ));
        }
    }
    let pair = match password {
        Some(password) => KeyPair::generate_encrypted_keypair(Some(password)),
        None => KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(|error| MirrorError::Key(error.to_string()))?;
    let secret_box = pair
        .sk
        .to_box(Some("samizdat publisher secret key"))
        .map_err(|error| key_error(&secret_path, error))?;
    let public_box = pair
        .pk
        .to_box()
        .map_err(|error| key_error(&public_path, error))?;
    write_private(&secret_path, secret_box.to_string().as_bytes())?;
    std::fs::write(&public_path, public_box.to_string())
        .map_err(|error| key_error(&public_path, error))?;
    Ok((secret_path, public_path))
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &[u8]) -> Result<(), MirrorError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(|error| key_error(path, error))?;
    file.write_all(contents)
        .map_err(|error| key_error(path, error))
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &[u8]) -> Result<(), MirrorError> {
    std::fs::write(path, contents).map_err(|error| key_error(path, error))
}

/// Reads a secret key; an encrypted one takes its password from
/// `SAMIZDAT_KEY_PASSWORD`, or from a prompt on the terminal.
pub fn load_secret(path: &Path) -> Result<SecretKey, MirrorError> {
    let text = std::fs::read_to_string(path).map_err(|error| key_error(path, error))?;
    let secret_box = SecretKeyBox::from_string(&text)
        .map_err(|error| key_error(path, format!("not a minisign secret key ({error})")))?;
    let password = std::env::var(PASSWORD_ENV).ok();
    let unencrypted =
        SecretKeyBox::from_string(&text).and_then(SecretKeyBox::into_unencrypted_secret_key);
    match unencrypted {
        Ok(key) if !key.is_encrypted() => Ok(key),
        _ => secret_box.into_secret_key(password).map_err(|error| {
            key_error(
                path,
                format!("cannot unlock it ({error}); set {PASSWORD_ENV}"),
            )
        }),
    }
}

pub fn load_public(path: &Path) -> Result<PublicKey, MirrorError> {
    let text = std::fs::read_to_string(path).map_err(|error| key_error(path, error))?;
    PublicKeyBox::from_string(&text)
        .and_then(PublicKeyBox::into_public_key)
        .map_err(|error| key_error(path, format!("not a minisign public key ({error})")))
}

/// The key's ID as minisign prints it.
pub fn key_id(key: &PublicKey) -> String {
    key.keynum()
        .iter()
        .rev()
        .map(|byte| format!("{byte:02X}"))
        .collect()
}

/// A minisign signature of `data`, as the text of a `.minisig` file.
///
/// Written here rather than by the minisign crate, which mixes random
/// noise into each signature: plain Ed25519 is deterministic, so the same
/// manifest and key always give the same bytes, and two mirrors that
/// build the same archive publish identical files. The format is
/// minisign's prehashed one (`ED`: Ed25519 over the BLAKE2b-512 of the
/// data, then a global signature over that signature and the trusted
/// comment), so the standard `minisign -V` checks it.
pub fn sign(secret: &SecretKey, data: &[u8], trusted_comment: &str) -> Result<String, MirrorError> {
    use base64::Engine;
    use blake2::{Blake2b512, Digest};
    use ed25519_dalek::Signer;

    let (keynum, seed) = raw_secret(secret)?;
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    let prehash = Blake2b512::digest(data);
    let signature = key.sign(&prehash).to_bytes();
    let mut packet = Vec::with_capacity(2 + keynum.len() + signature.len());
    packet.extend_from_slice(b"ED");
    packet.extend_from_slice(&keynum);
    packet.extend_from_slice(&signature);
    let mut signed_comment = signature.to_vec();
    signed_comment.extend_from_slice(trusted_comment.as_bytes());
    let global = key.sign(&signed_comment).to_bytes();
    let base64 = base64::engine::general_purpose::STANDARD;
    Ok(format!(
        "untrusted comment: signature from samizdat site-gen\n{}\ntrusted comment: {trusted_comment}\n{}\n",
        base64.encode(packet),
        base64.encode(global)
    ))
}

/// The key number and the Ed25519 seed of a decrypted minisign secret key,
/// read from its serialized layout: algorithm, KDF and checksum fields
/// (6 + 32 + 8 + 8 bytes), then the 8-byte key number and the 64-byte
/// secret key, whose first half is the seed.
fn raw_secret(secret: &SecretKey) -> Result<([u8; 8], [u8; 32]), MirrorError> {
    const KEYNUM_AT: usize = 2 + 2 + 2 + 32 + 8 + 8;
    let bytes = secret.to_bytes();
    let keynum = bytes.get(KEYNUM_AT..KEYNUM_AT + 8);
    let seed = bytes.get(KEYNUM_AT + 8..KEYNUM_AT + 8 + 32);
    match (keynum, seed) {
        (Some(keynum), Some(seed)) if keynum == secret.keynum() => Ok((
            keynum.try_into().unwrap_or_default(),
            seed.try_into().unwrap_or_default(),
        )),
        _ => Err(MirrorError::Key(
            "cannot sign: the secret key is not in minisign's layout".into(),
        )),
    }
}

/// Checks a `.minisig` text over `data`.
pub fn verify_signature(
    public: &PublicKey,
    signature: &str,
    data: &[u8],
) -> Result<(), MirrorError> {
    let signature = SignatureBox::from_string(signature).map_err(|error| {
        MirrorError::BadSignature(format!("the signature file cannot be read ({error})"))
    })?;
    minisign::verify(public, &signature, Cursor::new(data), true, false, false)
        .map_err(|error| MirrorError::BadSignature(error.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sign_and_verify_round_trip_and_tampering_fails() {
        let dir = tempfile::tempdir().unwrap();
        let (secret_path, public_path) = generate(&dir.path().join("samizdat"), None).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&secret_path)
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        assert!(
            generate(&dir.path().join("samizdat"), None).is_err(),
            "never overwrites a key"
        );
        let secret = load_secret(&secret_path).unwrap();
        let public = load_public(&public_path).unwrap();
        let signature = sign(&secret, b"manifest", "serial 1").unwrap();
        verify_signature(&public, &signature, b"manifest").unwrap();
        assert_eq!(
            sign(&secret, b"manifest", "serial 1").unwrap(),
            signature,
            "the same data and key always sign the same"
        );
        let tampered_comment = signature.replace("serial 1", "serial 9");
        assert!(verify_signature(&public, &tampered_comment, b"manifest").is_err());
        assert!(verify_signature(&public, &signature, b"manifesT").is_err());

        let (_, other_public) = generate(&dir.path().join("other"), None).unwrap();
        assert!(
            verify_signature(
                &load_public(&other_public).unwrap(),
                &signature,
                b"manifest"
            )
            .is_err()
        );
    }

    #[test]
    fn an_encrypted_key_needs_its_password() {
        let dir = tempfile::tempdir().unwrap();
        let (secret_path, _) =
            generate(&dir.path().join("locked"), Some("hunter2".into())).unwrap();
        let text = std::fs::read_to_string(&secret_path).unwrap();
        let secret_box = SecretKeyBox::from_string(&text).unwrap();
        assert!(secret_box.into_secret_key(Some("wrong".into())).is_err());
        let secret_box = SecretKeyBox::from_string(&text).unwrap();
        assert!(secret_box.into_secret_key(Some("hunter2".into())).is_ok());
    }
}
