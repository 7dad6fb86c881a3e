use std::io::Cursor;

use super::*;

#[test]
fn generated_keys_sign_what_minisign_and_the_manifest_crate_verify() {
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
        matches!(
            generate(&dir.path().join("samizdat"), None),
            Err(KeyError::Exists(_))
        ),
        "never overwrites a key"
    );
    let secret = load_secret(&secret_path).unwrap();
    let public = load_public(&public_path).unwrap();
    let signer = signing_key(&secret).unwrap();
    assert_eq!(signer.public(), public);
    let signature = signer.sign(b"manifest", "serial 1");
    public.verify(signature.as_bytes(), b"manifest").unwrap();
    assert_eq!(
        signing_key(&secret).unwrap().sign(b"manifest", "serial 1"),
        signature,
        "the same data and key always sign the same"
    );

    // The standard tool's own implementation agrees.
    let minisign_public = minisign::PublicKey::from_file(&public_path).unwrap();
    assert_eq!(
        minisign_public
            .keynum()
            .iter()
            .rev()
            .fold(String::new(), |id, byte| id + &format!("{byte:02X}")),
        public.id()
    );
    let parsed = minisign::SignatureBox::from_string(&signature).unwrap();
    minisign::verify(
        &minisign_public,
        &parsed,
        Cursor::new(b"manifest"),
        true,
        false,
        false,
    )
    .unwrap();
    let tampered =
        minisign::SignatureBox::from_string(&signature.replace("serial 1", "serial 9")).unwrap();
    assert!(
        minisign::verify(
            &minisign_public,
            &tampered,
            Cursor::new(b"manifest"),
            true,
            false,
            false
        )
        .is_err()
    );

    let (_, other_public) = generate(&dir.path().join("other"), None).unwrap();
    assert!(
        load_public(&other_public)
            .unwrap()
            .verify(signature.as_bytes(), b"manifest")
            .is_err()
    );
    assert!(matches!(
        load_public(&secret_path),
        Err(KeyError::NotPublic { .. })
    ));
}

#[test]
fn an_encrypted_key_needs_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let (secret_path, _) = generate(&dir.path().join("locked"), Some("hunter2".into())).unwrap();
    let text = std::fs::read_to_string(&secret_path).unwrap();
    let secret_box = SecretKeyBox::from_string(&text).unwrap();
    assert!(secret_box.into_secret_key(Some("wrong".into())).is_err());
    let secret_box = SecretKeyBox::from_string(&text).unwrap();
    assert!(secret_box.into_secret_key(Some("hunter2".into())).is_ok());
}
