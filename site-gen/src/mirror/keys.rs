//! The publisher's key pair, in minisign's own formats so that operators
//! can also check signatures with the standard `minisign` tool.

use std::path::{Path, PathBuf};

use minisign::{KeyPair, PError, SecretKey, SecretKeyBox};
use samizdat_manifest::{PublicKey, SigningKey};

/// Where a password for an encrypted secret key may come from without a prompt.
pub const PASSWORD_ENV: &str = "SAMIZDAT_KEY_PASSWORD";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("{}: exists already; move it away or choose another --out", .0.display())]
    Exists(PathBuf),
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot make a key pair: {0}")]
    Generate(PError),
    #[error("{}: {source}", path.display())]
    Encode { path: PathBuf, source: PError },
    #[error("{}: not a minisign secret key ({source})", path.display())]
    NotSecret { path: PathBuf, source: PError },
    #[error("{}: cannot unlock it ({source}); set {PASSWORD_ENV}", path.display())]
    Locked { path: PathBuf, source: PError },
    #[error("{}: not a minisign public key ({source})", path.display())]
    NotPublic {
        path: PathBuf,
        source: samizdat_manifest::KeyError,
    },
    #[error("cannot sign: the secret key is not in minisign's layout")]
    Layout,
}

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> KeyError {
    let path = path.to_path_buf();
    move |source| KeyError::Io { path, source }
}

/// Writes `NAME.key` (secret, mode 0600) and `NAME.pub`; refuses to
/// overwrite either. With a password, the secret key is encrypted.
pub fn generate(name: &Path, password: Option<String>) -> Result<(PathBuf, PathBuf), KeyError> {
    let secret_path = name.with_extension("key");
    let public_path = name.with_extension("pub");
    for path in [&secret_path, &public_path] {
        if path.exists() {
            return Err(KeyError::Exists(path.clone()));
        }
    }
    let pair = match password {
        Some(password) => KeyPair::generate_encrypted_keypair(Some(password)),
        None => KeyPair::generate_unencrypted_keypair(),
    }
    .map_err(KeyError::Generate)?;
    let encode = |path: &Path| {
        let path = path.to_path_buf();
        move |source| KeyError::Encode { path, source }
    };
    let secret_box = pair
        .sk
        .to_box(Some("samizdat publisher secret key"))
        .map_err(encode(&secret_path))?;
    let public_box = pair.pk.to_box().map_err(encode(&public_path))?;
    write_private(&secret_path, secret_box.to_string().as_bytes())?;
    std::fs::write(&public_path, public_box.to_string()).map_err(io_error(&public_path))?;
    Ok((secret_path, public_path))
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &[u8]) -> Result<(), KeyError> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io_error(path))?;
    file.write_all(contents).map_err(io_error(path))
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &[u8]) -> Result<(), KeyError> {
    std::fs::write(path, contents).map_err(io_error(path))
}

/// Reads a secret key; an encrypted one takes its password from
/// `SAMIZDAT_KEY_PASSWORD`, or from a prompt on the terminal.
pub fn load_secret(path: &Path) -> Result<SecretKey, KeyError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    let secret_box = SecretKeyBox::from_string(&text).map_err(|source| KeyError::NotSecret {
        path: path.to_path_buf(),
        source,
    })?;
    let password = std::env::var(PASSWORD_ENV).ok();
    let unencrypted =
        SecretKeyBox::from_string(&text).and_then(SecretKeyBox::into_unencrypted_secret_key);
    match unencrypted {
        Ok(key) if !key.is_encrypted() => Ok(key),
        _ => secret_box
            .into_secret_key(password)
            .map_err(|source| KeyError::Locked {
                path: path.to_path_buf(),
                source,
            }),
    }
}

pub fn load_public(path: &Path) -> Result<PublicKey, KeyError> {
    let text = std::fs::read_to_string(path).map_err(io_error(path))?;
    PublicKey::from_text(&text).map_err(|source| KeyError::NotPublic {
        path: path.to_path_buf(),
        source,
    })
}

/// The key that signs manifests, read from a decrypted minisign secret
/// key's serialized layout: algorithm, KDF and checksum fields
/// (6 + 32 + 8 + 8 bytes), then the 8-byte key number and the 64-byte
/// secret key, whose first half is the Ed25519 seed. minisign's own
/// signing mixes random noise into each signature; this one is
/// deterministic.
pub fn signing_key(secret: &SecretKey) -> Result<SigningKey, KeyError> {
    const KEYNUM_AT: usize = 2 + 2 + 2 + 32 + 8 + 8;
    let bytes = secret.to_bytes();
    let keynum = bytes.get(KEYNUM_AT..KEYNUM_AT + 8);
    let seed = bytes.get(KEYNUM_AT + 8..KEYNUM_AT + 8 + 32);
    match (keynum, seed) {
        (Some(keynum), Some(seed)) if keynum == secret.keynum() => Ok(SigningKey::from_seed(
            keynum.try_into().map_err(|_| KeyError::Layout)?,
            seed.try_into().map_err(|_| KeyError::Layout)?,
        )),
        _ => Err(KeyError::Layout),
    }
}

#[cfg(test)]
mod tests;
