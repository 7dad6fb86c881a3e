//! The site a manifest names: written only when there is one, kept from
//! one manifest to the next, and a new manifest when it changes.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use jiff::{SignedDuration, Timestamp};

use crate::{FileEntry, Manifest, Summary, sha256_hex};

fn files() -> Vec<FileEntry> {
    vec![FileEntry::for_contents("index.html", b"a")]
}

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

const VALID: SignedDuration = SignedDuration::from_hours(24);

fn of_site(site: Option<&str>, previous: Option<&Summary>) -> Manifest {
    Manifest::following(files(), site, at("2026-01-01T00:00:00Z"), VALID, previous)
}

#[test]
fn a_named_site_is_signed_after_the_format_and_read_back() {
    let manifest = of_site(Some("the-lantern"), None);
    let text = String::from_utf8(manifest.to_bytes()).unwrap();
    assert!(
        text.starts_with(
            "{\n  \"format\": \"samizdat-manifest/1\",\n  \"site\": \"the-lantern\",\n  \"serial\": "
        ),
        "{text}"
    );
    let read = Manifest::parse(text.as_bytes()).unwrap();
    assert_eq!(read.site.as_deref(), Some("the-lantern"));
    assert_eq!(read, manifest);

    let unnamed = String::from_utf8(of_site(None, None).to_bytes()).unwrap();
    assert_eq!(
        Manifest::parse(unnamed.as_bytes()).unwrap().site,
        None,
        "a manifest from before site names reads as one without"
    );
}

#[test]
fn without_a_name_the_next_manifest_keeps_the_previous_one() {
    let first = of_site(Some("samizdat-client"), None);
    let summary = Summary::of(&first.to_bytes()).unwrap();
    assert_eq!(summary.site.as_deref(), Some("samizdat-client"));
    assert_eq!(
        of_site(None, Some(&summary)),
        first,
        "the same files again: the same manifest, name and all"
    );
    let edited = Manifest::following(
        vec![FileEntry::for_contents("index.html", b"b")],
        None,
        first.created,
        VALID,
        Some(&summary),
    );
    assert_eq!(edited.site.as_deref(), Some("samizdat-client"));
    assert_eq!(edited.serial, first.serial + 1);
    assert_eq!(
        Manifest::next(files(), first.created, VALID, Some(&first.to_bytes())),
        first
    );
}

#[test]
fn another_name_for_the_same_files_is_a_new_manifest_that_follows_the_old_one() {
    for (from, to) in [(None, "the-lantern"), (Some("the-lantern"), "lantern")] {
        let first = of_site(from, None);
        let bytes = first.to_bytes();
        let renamed = of_site(Some(to), Some(&Summary::of(&bytes).unwrap()));
        assert_eq!(renamed.site.as_deref(), Some(to), "from {from:?}");
        assert_eq!(renamed.files, first.files);
        assert_eq!(renamed.serial, first.serial + 1, "from {from:?}");
        assert_eq!(renamed.previous, Some(sha256_hex(&bytes)));
    }
}

#[test]
fn a_summary_restores_a_named_manifest_only_under_its_name() {
    let manifest = of_site(Some("the-lantern"), None);
    let summary = Summary::of_manifest(&manifest);
    assert_eq!(summary.restore(&files()), Some(manifest));
    let mut renamed = summary.clone();
    renamed.site = Some("lantern".into());
    assert_eq!(renamed.restore(&files()), None, "the hash covers the name");
}
