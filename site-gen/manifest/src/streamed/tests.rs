#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use blake2::{Blake2b512, Digest};
use jiff::{SignedDuration, Timestamp};

use super::*;
use crate::{Manifest, sha256_hex};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

fn day() -> SignedDuration {
    SignedDuration::from_hours(24)
}

fn files(extra: &str) -> Vec<FileEntry> {
    let mut files = vec![
        FileEntry::for_contents("index.html", b"home"),
        FileEntry::for_contents("a/\u{e9}t\u{e9} \"q\".html", b"quoted"),
        FileEntry::for_contents("feed.xml", extra.as_bytes()),
    ];
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

fn streamed(
    files: &[FileEntry],
    site: Option<&str>,
    created: Timestamp,
    previous: Option<&Summary>,
) -> (Vec<u8>, WrittenManifest) {
    let mut bytes = Vec::new();
    let written = write_following(files, site, created, day(), previous, &mut bytes).unwrap();
    (bytes, written)
}

/// The streamed manifest is the held one, byte for byte, and its summary
/// and prehash are those of its bytes.
fn assert_same_as_held(
    files: &[FileEntry],
    site: Option<&str>,
    created: Timestamp,
    previous: Option<&Summary>,
) -> Summary {
    let held = Manifest::following(files.to_vec(), site, created, day(), previous);
    let (bytes, written) = streamed(files, site, created, previous);
    assert_eq!(
        String::from_utf8(bytes.clone()).unwrap(),
        String::from_utf8(held.to_bytes()).unwrap()
    );
    assert_eq!(written.summary, Summary::of(&bytes).unwrap());
    assert_eq!(
        written.prehash,
        <[u8; 64]>::from(Blake2b512::digest(&bytes))
    );
    written.summary
}

#[test]
fn a_streamed_manifest_is_the_held_one_byte_for_byte() {
    let first = assert_same_as_held(&[], None, at("2026-01-01T00:00:00Z"), None);
    let named = assert_same_as_held(
        &files("a"),
        Some("news"),
        at("2026-01-02T00:00:00Z"),
        Some(&first),
    );
    assert_eq!(named.previous.as_deref(), Some(first.sha256.as_str()));
    // The same files again, no later: the previous manifest itself.
    let same = assert_same_as_held(&files("a"), None, at("2026-01-01T12:00:00Z"), Some(&named));
    assert_eq!(same, named);
    // Other files, or a later time: a new serial.
    let changed = assert_same_as_held(&files("b"), None, at("2026-01-01T12:00:00Z"), Some(&named));
    assert_eq!(changed.serial, named.serial + 1);
    let renewed = assert_same_as_held(&files("a"), None, at("2026-02-01T00:00:00Z"), Some(&named));
    assert!(renewed.serial > named.serial);
    assert_eq!(renewed.site.as_deref(), Some("news"));
}

#[test]
fn a_summary_whose_bytes_differ_is_not_restored() {
    let (_, written) = streamed(&files("a"), None, at("2026-01-02T00:00:00Z"), None);
    let mut doctored = written.summary.clone();
    doctored.sha256 = sha256_hex(b"other bytes");
    let (_, next) = streamed(
        &files("a"),
        None,
        at("2026-01-01T00:00:00Z"),
        Some(&doctored),
    );
    assert_eq!(next.summary.serial, doctored.serial + 1);
    assert_eq!(next.summary.previous, Some(doctored.sha256));
}

#[test]
fn a_manifest_read_entry_by_entry_gives_its_summary_and_files() {
    let held = Manifest::following(
        files("a"),
        Some("news"),
        at("2026-01-02T00:00:00Z"),
        day(),
        None,
    );
    let bytes = held.to_bytes();
    let mut seen = Vec::new();
    let summary = read(bytes.as_slice(), |entry| seen.push(entry)).unwrap();
    assert_eq!(summary, Summary::of(&bytes).unwrap());
    assert_eq!(seen, held.files);

    // A field this version does not know is skipped, as parsing does.
    let text = String::from_utf8(bytes).unwrap();
    let extended = text.replacen("\"serial\"", "\"later\": [1, {\"x\": 2}],\n  \"serial\"", 1);
    let summary = read(extended.as_bytes(), |_| {}).unwrap();
    assert_eq!(summary, Summary::of(extended.as_bytes()).unwrap());
}

#[test]
fn reading_refuses_what_parsing_refuses() {
    let held = Manifest::following(files("a"), None, at("2026-01-02T00:00:00Z"), day(), None);
    let text = String::from_utf8(held.to_bytes()).unwrap();
    let escaping = text.replace("\"feed.xml\"", "\"../feed.xml\"");
    match read(escaping.as_bytes(), |_| {}) {
        Err(ManifestError::UnsafePath { path, .. }) => assert_eq!(path, "../feed.xml"),
        other => panic!("{other:?}"),
    }
    let other_format = text.replace(FORMAT, "samizdat-manifest/9");
    assert!(matches!(
        read(other_format.as_bytes(), |_| {}),
        Err(ManifestError::Format(format)) if format == "samizdat-manifest/9"
    ));
    for broken in [
        format!("{text}trailing"),
        text[..text.len() / 2].to_string(),
        text.replace("\"serial\"", "\"serials\""),
        text.replace("\"files\"", "\"filez\""),
        "[]".to_string(),
    ] {
        assert!(
            matches!(read(broken.as_bytes(), |_| {}), Err(ManifestError::Json(_))),
            "{broken}"
        );
        assert!(Manifest::parse(broken.as_bytes()).is_err());
    }
}
