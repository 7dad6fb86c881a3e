//! Fuzz targets for the signature: a manifest or a `.minisig` changed in
//! any way that matters never verifies, a mangled public key never
//! panics, and `accept` decides on signed hostile manifests with a typed
//! answer.

#![cfg(not(target_arch = "wasm32"))]

mod hostile;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use hostile::{apply, config, hostile_value, key, mutation, real_manifest, replace_node};
use proptest::prelude::*;
use samizdat_manifest::{PublicKey, Seen, accept, check_relative_path};

/// What a `.minisig` text vouches for: its signature packet, its trusted
/// comment and its global signature, decoded. The untrusted comment and
/// the whitespace around the lines are not signed, and may change.
fn signed_parts(text: &[u8]) -> Option<(Vec<u8>, String, Vec<u8>)> {
    let text = std::str::from_utf8(text).ok()?;
    let lines: Vec<&str> = text.lines().collect();
    let packet = BASE64.decode(lines.get(1)?.trim()).ok()?;
    let comment = lines.get(2)?.strip_prefix("trusted comment: ")?.trim();
    let global = BASE64.decode(lines.get(3)?.trim()).ok()?;
    Some((packet, comment.to_string(), global))
}

proptest! {
    #![proptest_config(config(64))]

    #[test]
    fn fuzz_signature_over_a_changed_manifest_fails(
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let bytes = real_manifest().to_bytes();
        let signature = key().sign(&bytes, "serial 1");
        let changed = apply(&bytes, &mutations);
        let verified = key().public().verify(signature.as_bytes(), &changed);
        prop_assert_eq!(verified.is_ok(), changed == bytes);
    }

    #[test]
    fn fuzz_signature_text_mutated(mutations in proptest::collection::vec(mutation(), 1..6)) {
        let bytes = real_manifest().to_bytes();
        let signature = key().sign(&bytes, "serial 1");
        let changed = apply(signature.as_bytes(), &mutations);
        if key().public().verify(&changed, &bytes).is_ok() {
            prop_assert_eq!(signed_parts(&changed), signed_parts(signature.as_bytes()));
        }
    }

    #[test]
    fn fuzz_public_key_text_mutated(mutations in proptest::collection::vec(mutation(), 1..4)) {
        let public = key().public();
        let bytes = real_manifest().to_bytes();
        let signature = key().sign(&bytes, "serial 1");
        let text = apply(public.to_text().as_bytes(), &mutations);
        if let Ok(read) = PublicKey::from_text(&String::from_utf8_lossy(&text)) {
            let verified = read.verify(signature.as_bytes(), &bytes);
            prop_assert_eq!(verified.is_ok(), read == public, "{:?}", verified);
        }
    }

    /// The signer's own key signing a hostile manifest: the signature
    /// holds, so only the reader's checks stand between it and the disk.
    #[test]
    fn fuzz_accept_signed_hostile_manifests(
        replacements in proptest::collection::vec((any::<usize>(), hostile_value()), 1..4),
        last_serial in proptest::option::of(any::<u64>()),
        now in any::<i64>(),
    ) {
        let mut value = serde_json::to_value(real_manifest()).unwrap();
        for (index, with) in replacements {
            replace_node(&mut value, index, with);
        }
        let bytes = serde_json::to_vec_pretty(&value).unwrap();
        let signature = key().sign(&bytes, "hostile");
        let last = last_serial.map(|serial| Seen { serial, sha256: "0".repeat(64) });
        let now = jiff::Timestamp::from_second(now).unwrap_or(jiff::Timestamp::UNIX_EPOCH);
        if let Ok(accepted) = accept(&bytes, signature.as_bytes(), &key().public(), last.as_ref(), now) {
            prop_assert!(!accepted.manifest.is_expired(now));
            for entry in &accepted.manifest.files {
                prop_assert_eq!(check_relative_path(&entry.path), Ok(()));
            }
            if let Some(last) = last {
                prop_assert!(accepted.manifest.serial > last.serial);
            }
        }
    }
}
