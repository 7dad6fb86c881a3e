#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use super::*;

fn key(keynum: u8, seed: u8) -> SigningKey {
    SigningKey::from_seed([keynum; 8], [seed; 32])
}

/// The `.pub` text minisign writes for `key`, with `algorithm`.
fn public_text_with(key: &SigningKey, algorithm: &[u8; 2]) -> String {
    let mut bytes = algorithm.to_vec();
    bytes.extend_from_slice(&key.keynum);
    bytes.extend_from_slice(key.key.verifying_key().as_bytes());
    format!(
        "untrusted comment: minisign public key {}\n{}\n",
        key.public().id(),
        BASE64.encode(bytes)
    )
}

fn public_text(key: &SigningKey) -> String {
    public_text_with(key, LEGACY)
}

/// `signature` with its lines replaced where `edit` says.
fn edited(signature: &str, edit: impl Fn(usize, &str) -> String) -> String {
    signature
        .lines()
        .enumerate()
        .map(|(index, line)| edit(index, line) + "\n")
        .collect()
}

#[test]
fn a_signature_verifies_and_signing_again_gives_the_same_bytes() {
    let signer = key(1, 7);
    let signature = signer.sign(b"manifest", "serial 1");
    assert!(signature.starts_with("untrusted comment: signature from samizdat site-gen\n"));
    assert!(signature.contains("\ntrusted comment: serial 1\n"));
    let public = PublicKey::from_text(&public_text(&signer)).unwrap();
    assert_eq!(public, signer.public());
    assert_eq!(public.id(), "0101010101010101");
    assert_eq!(public.verify(signature.as_bytes(), b"manifest"), Ok(()));
    assert_eq!(signer.sign(b"manifest", "serial 1"), signature);
}

#[test]
fn changed_data_comment_or_key_fail() {
    let signer = key(1, 7);
    let public = signer.public();
    let signature = signer.sign(b"manifest", "serial 1");
    assert_eq!(
        public.verify(signature.as_bytes(), b"manifesT"),
        Err(SignatureError::Data)
    );
    let comment = signature.replace("serial 1", "serial 9");
    assert_eq!(
        public.verify(comment.as_bytes(), b"manifest"),
        Err(SignatureError::TrustedComment)
    );
    let stranger = key(2, 8).public();
    assert_eq!(
        stranger.verify(signature.as_bytes(), b"manifest"),
        Err(SignatureError::OtherKey {
            signed_by: "0101010101010101".into(),
            expected: "0202020202020202".into()
        })
    );
    let same_number = key(1, 8).public();
    assert_eq!(
        same_number.verify(signature.as_bytes(), b"manifest"),
        Err(SignatureError::Data)
    );
}

#[test]
fn legacy_and_malformed_signatures_are_refused() {
    let signer = key(3, 9);
    let public = signer.public();
    let signature = signer.sign(b"data", "comment");
    let legacy = edited(&signature, |index, line| {
        if index == 1 {
            let mut packet = BASE64.decode(line).unwrap();
            packet[1] = b'd';
            BASE64.encode(packet)
        } else {
            line.to_string()
        }
    });
    assert_eq!(
        public.verify(legacy.as_bytes(), b"data"),
        Err(SignatureError::Legacy)
    );
    let short = edited(&signature, |index, line| {
        if index == 3 {
            "AAAA".into()
        } else {
            line.to_string()
        }
    });
    assert_eq!(
        public.verify(short.as_bytes(), b"data"),
        Err(SignatureError::Malformed(SignaturePart::GlobalSignature))
    );
    let truncated: String = signature.lines().take(2).collect::<Vec<_>>().join("\n");
    assert_eq!(
        public.verify(truncated.as_bytes(), b"data"),
        Err(SignatureError::Malformed(SignaturePart::TrustedComment))
    );
    assert_eq!(
        public.verify(&[0xff, 0xfe], b"data"),
        Err(SignatureError::NotText)
    );
}

#[test]
fn text_that_is_not_a_public_key_is_refused() {
    assert_eq!(
        PublicKey::from_text("comment only"),
        Err(KeyError::MissingKey)
    );
    assert_eq!(
        PublicKey::from_text("comment\nnot base64!"),
        Err(KeyError::Encoding)
    );
    let signer = key(4, 10);
    assert!(PublicKey::from_text(&public_text(&signer)).is_ok());
    assert_eq!(
        PublicKey::from_text(&public_text_with(&signer, b"XX")),
        Err(KeyError::Encoding)
    );
    let cut = public_text(&signer).replace("=", "").replacen("A", "", 3);
    assert_eq!(PublicKey::from_text(&cut), Err(KeyError::Encoding));
}

#[test]
fn a_public_key_writes_the_text_minisign_writes() {
    let signer = key(3, 9);
    let text = signer.public().to_text();
    assert_eq!(text, public_text(&signer));
    assert_eq!(PublicKey::from_text(&text), Ok(signer.public()));
}
