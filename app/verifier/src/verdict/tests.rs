use jiff::SignedDuration;
use samizdat_manifest::{Manifest, SigningKey, sha256_hex};

use super::*;

fn signer(seed: u8) -> SigningKey {
    SigningKey::from_seed([seed; 8], [seed; 32])
}

/// The `.pub` text of `signer`, as a publisher hands it out.
fn key_text(signer: &SigningKey) -> String {
    signer.public().to_text()
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

const NOW_MS: i64 = 1_769_904_000_000; // 2026-02-01

fn signed(signer: &SigningKey, contents: &str, created: &str) -> (Vec<u8>, Vec<u8>) {
    let manifest = Manifest::next(
        vec![FileEntry::for_contents("app.js", contents.as_bytes())],
        at(created),
        SignedDuration::from_hours(24 * 90),
        None,
    );
    let bytes = manifest.to_bytes();
    let signature = signer.sign(&bytes, "test").into_bytes();
    (bytes, signature)
}

fn kind(verdict: &Verdict) -> Option<Refusal> {
    match verdict {
        Verdict::Refused { kind, .. } => Some(*kind),
        Verdict::Accepted { .. } => None,
    }
}

#[test]
fn an_accepted_manifest_lists_its_files_and_what_to_remember() {
    let publisher = signer(1);
    let (bytes, signature) = signed(&publisher, "code", "2026-01-01T00:00:00Z");
    let verdict = judge_manifest(&bytes, &signature, &key_text(&publisher), None, NOW_MS);
    let json: serde_json::Value = serde_json::to_value(&verdict).unwrap();
    assert_eq!(json["ok"], true);
    assert_eq!(json["serial"], 1_767_225_600_u64);
    assert_eq!(json["seen"]["sha256"], sha256_hex(&bytes));
    assert_eq!(json["expires"], "2026-04-01T00:00:00Z");
    assert_eq!(json["files"][0]["path"], "app.js");
    assert_eq!(json["files"][0]["type"], "text/javascript; charset=utf-8");
    let seen = json["seen"].to_string();
    let again = judge_manifest(
        &bytes,
        &signature,
        &key_text(&publisher),
        Some(&seen),
        NOW_MS,
    );
    assert_eq!(again, verdict, "the same manifest again is accepted");
}

#[test]
fn each_refusal_has_its_own_word() {
    let publisher = signer(1);
    let key = key_text(&publisher);
    let (old, old_signature) = signed(&publisher, "old", "2026-01-01T00:00:00Z");
    let (new, new_signature) = signed(&publisher, "new", "2026-01-02T00:00:00Z");
    let (twin, twin_signature) = signed(&publisher, "twin", "2026-01-02T00:00:00Z");
    let seen = serde_json::to_string(&Seen {
        serial: 1_767_312_000,
        sha256: sha256_hex(&new),
    })
    .unwrap();
    let judge = |bytes: &[u8], signature: &[u8], key: &str, last: Option<&str>, now| {
        kind(&judge_manifest(bytes, signature, key, last, now))
    };
    assert_eq!(
        judge(&old, &old_signature, &key, Some(&seen), NOW_MS),
        Some(Refusal::Rollback)
    );
    assert_eq!(
        judge(&twin, &twin_signature, &key, Some(&seen), NOW_MS),
        Some(Refusal::Replaced)
    );
    assert_eq!(
        judge(&new, &new_signature, &key_text(&signer(2)), None, NOW_MS),
        Some(Refusal::OtherKey)
    );
    assert_eq!(
        judge(&new, &old_signature, &key, None, NOW_MS),
        Some(Refusal::Signature)
    );
    assert_eq!(
        judge(&new, &new_signature, &key, None, NOW_MS + 90 * 86_400_000),
        Some(Refusal::Expired)
    );
    assert_eq!(
        judge(&new, &new_signature, "not a key", None, NOW_MS),
        Some(Refusal::Key)
    );
    assert_eq!(
        judge(&new, &new_signature, &key, Some("{\"serial\":"), NOW_MS),
        Some(Refusal::State)
    );
    let wire = serde_json::to_value(judge_manifest(
        &old,
        &old_signature,
        &key,
        Some(&seen),
        NOW_MS,
    ))
    .unwrap();
    assert_eq!(wire["ok"], false);
    assert_eq!(wire["kind"], "rollback");
    assert!(wire["error"].as_str().unwrap().contains("rollback"));
}

#[test]
fn a_file_is_checked_against_its_entry() {
    let entry = serde_json::to_string(&FileEntry::for_contents("app.js", b"code")).unwrap();
    assert_eq!(file_problem(&entry, b"code"), None);
    assert_eq!(
        file_problem(&entry, b"codf").as_deref(),
        Some("app.js: its contents differ from the manifest's (SHA-256)")
    );
    assert_eq!(
        file_problem(&entry, b"longer").as_deref(),
        Some("app.js: 6 bytes where the manifest says 4")
    );
    assert!(
        file_problem("{}", b"code")
            .unwrap()
            .contains("cannot be read")
    );
}
