use jiff::SignedDuration;
use samizdat_manifest::{FileEntry, Manifest, SigningKey};

use std::path::Path;

use super::*;

/// A manifest signed by `signer` of one file holding `contents`.
fn signed(signer: &SigningKey, contents: &str) -> (Vec<u8>, Vec<u8>) {
    signed_for(signer, None, contents, "2026-01-01T00:00:00Z")
}

/// A manifest of `site` signed by `signer`, made at `created`, of one file
/// holding `contents`.
fn signed_for(
    signer: &SigningKey,
    site: Option<&str>,
    contents: &str,
    created: &str,
) -> (Vec<u8>, Vec<u8>) {
    let manifest = Manifest::following(
        vec![FileEntry::for_contents("index.html", contents.as_bytes())],
        site,
        created.parse().unwrap(),
        SignedDuration::from_hours(24),
        None,
    );
    let bytes = manifest.to_bytes();
    let signature = signer.sign(&bytes, "test").into_bytes();
    (bytes, signature)
}

const NOW: &str = "2026-01-01T12:00:00Z";

#[test]
fn an_empty_file_is_no_state_and_a_broken_one_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seen.json");
    std::fs::write(&path, " \n").unwrap();
    let signer = SigningKey::from_seed([1; 8], [1; 32]);
    let (bytes, signature) = signed(&signer, "a");
    let mut seen = SeenSerials::load(&path).unwrap();
    let accepted = seen
        .accept(&signer.public(), &bytes, &signature, NOW.parse().unwrap())
        .unwrap();
    seen.record(&signer.public().id(), None, &accepted.seen)
        .unwrap();
    let kept: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        kept[signer.public().id()]["sha256"],
        sha256_hex(&bytes).as_str()
    );

    std::fs::write(&path, "{ not json").unwrap();
    let error = SeenSerials::load(&path).err().unwrap();
    assert!(
        error
            .to_string()
            .starts_with(&format!("{}: not a serials file", path.display())),
        "{error}"
    );
}

#[test]
fn a_bare_serial_from_an_older_file_refuses_lower_serials_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seen.json");
    let signer = SigningKey::from_seed([1; 8], [1; 32]);
    let (bytes, signature) = signed(&signer, "a");
    let serial = Manifest::parse(&bytes).unwrap().serial;
    let id = signer.public().id();
    let now = NOW.parse().unwrap();

    std::fs::write(&path, format!("{{\"{id}\": {serial}}}")).unwrap();
    let mut seen = SeenSerials::load(&path).unwrap();
    let accepted = seen
        .accept(&signer.public(), &bytes, &signature, now)
        .unwrap();
    seen.record(&id, None, &accepted.seen).unwrap();
    let (other, other_signature) = signed(&signer, "b");
    assert_eq!(
        SeenSerials::load(&path)
            .unwrap()
            .accept(&signer.public(), &other, &other_signature, now),
        Err(TrustError::Replaced { serial }),
        "once the hash is kept, other contents under the serial are refused"
    );

    std::fs::write(&path, format!("{{\"{id}\": {}}}", serial + 1)).unwrap();
    assert_eq!(
        SeenSerials::load(&path)
            .unwrap()
            .accept(&signer.public(), &bytes, &signature, now),
        Err(TrustError::Rollback {
            serial,
            seen: serial + 1
        })
    );
}

/// Accepts a manifest against the state in `path` and records it.
fn accept_and_record(
    path: &Path,
    signer: &SigningKey,
    (bytes, signature): &(Vec<u8>, Vec<u8>),
) -> Result<u64, TrustError> {
    let mut seen = SeenSerials::load(path).unwrap();
    let accepted = seen.accept(&signer.public(), bytes, signature, NOW.parse().unwrap())?;
    let site = accepted.manifest.site.as_deref();
    seen.record(&signer.public().id(), site, &accepted.seen)
        .unwrap();
    Ok(accepted.seen.serial)
}

#[test]
fn each_site_of_a_key_keeps_its_own_serials_in_either_order() {
    let signer = SigningKey::from_seed([1; 8], [1; 32]);
    // The client's serial is far later than the site's, and the site's
    // later release still comes before it: one track for both would call
    // either a rollback.
    let site = signed_for(&signer, Some("the-lantern"), "site", "2026-01-01T01:00:00Z");
    let newer_site = signed_for(
        &signer,
        Some("the-lantern"),
        "site 2",
        "2026-01-01T02:00:00Z",
    );
    let client = signed_for(
        &signer,
        Some("samizdat-client"),
        "app",
        "2026-01-01T06:00:00Z",
    );
    let unnamed = signed_for(&signer, None, "old", "2026-01-01T00:00:00Z");
    for order in [[&site, &client, &unnamed], [&client, &unnamed, &site]] {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("seen.json");
        for _ in 0..2 {
            for manifest in order {
                accept_and_record(&path, &signer, manifest).unwrap();
            }
        }
        accept_and_record(&path, &signer, &newer_site).unwrap();
        accept_and_record(&path, &signer, &client).unwrap();
        assert!(matches!(
            accept_and_record(&path, &signer, &site),
            Err(TrustError::Rollback { .. })
        ));
        let other_client = signed_for(
            &signer,
            Some("samizdat-client"),
            "app?",
            "2026-01-01T06:00:00Z",
        );
        assert!(matches!(
            accept_and_record(&path, &signer, &other_client),
            Err(TrustError::Replaced { .. })
        ));
        let kept: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let id = signer.public().id();
        let serial = |track: &str| kept[track]["serial"].as_u64().unwrap();
        assert_eq!(
            serial(&format!("{id}/the-lantern")),
            Manifest::parse(&newer_site.0).unwrap().serial
        );
        assert_eq!(
            serial(&format!("{id}/samizdat-client")),
            Manifest::parse(&client.0).unwrap().serial
        );
        assert_eq!(serial(&id), Manifest::parse(&unnamed.0).unwrap().serial);
    }
}

#[test]
fn an_older_file_keyed_by_key_alone_holds_the_serials_of_unnamed_manifests() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("seen.json");
    let signer = SigningKey::from_seed([1; 8], [1; 32]);
    let id = signer.public().id();
    let old = signed_for(&signer, None, "a", "2026-01-01T00:00:00Z");
    let old_serial = Manifest::parse(&old.0).unwrap().serial;
    std::fs::write(
        &path,
        format!(
            "{{\"{id}\": {{\"serial\": {}, \"sha256\": \"{}\"}}}}",
            old_serial + 1,
            sha256_hex(b"later")
        ),
    )
    .unwrap();
    assert!(
        matches!(
            accept_and_record(&path, &signer, &old),
            Err(TrustError::Rollback { .. })
        ),
        "an unnamed manifest is still decided against the kept entry"
    );
    let named = signed_for(&signer, Some("the-lantern"), "a", "2026-01-01T00:00:00Z");
    assert_eq!(
        accept_and_record(&path, &signer, &named),
        Ok(old_serial),
        "a named site starts its own track"
    );
    let kept: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    assert_eq!(
        kept[&id]["serial"],
        old_serial + 1,
        "the older entry is kept as it was"
    );
}
