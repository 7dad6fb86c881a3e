//! Fuzz targets for reading a manifest: a real manifest mutated byte by
//! byte and field by field never panics the reader, and whatever it
//! accepts names only safe paths and reads back as itself.

#![cfg(not(target_arch = "wasm32"))]

mod hostile;

use hostile::{apply, config, hostile_path, hostile_value, mutation, real_manifest, replace_node};
use jiff::Timestamp;
use proptest::prelude::*;
use samizdat_manifest::{FORMAT, FileEntry, Manifest, Summary, check_relative_path};

/// What holds of any bytes the reader is given.
fn check_read(bytes: &[u8]) -> Result<(), TestCaseError> {
    let _ = Summary::of(bytes);
    if let Ok(manifest) = Manifest::parse(bytes) {
        prop_assert_eq!(&manifest.format, FORMAT);
        for entry in &manifest.files {
            prop_assert_eq!(check_relative_path(&entry.path), Ok(()));
        }
        let again = Manifest::parse(&manifest.to_bytes());
        prop_assert!(again.is_ok(), "{again:?}");
        prop_assert_eq!(again.ok(), Some(manifest));
    }
    Ok(())
}

/// A manifest whose every field is drawn at random, with safe paths.
fn any_manifest() -> impl Strategy<Value = Manifest> {
    let entry = (
        "[a-z0-9]{1,8}(/[a-z0-9._-]{0,8}[a-z0-9]){0,3}",
        any::<u64>(),
        "[0-9a-f]{64}",
        "\\PC{0,20}",
    )
        .prop_map(|(path, size, sha256, content_type)| FileEntry {
            path,
            size,
            sha256,
            content_type,
        });
    let time = (Timestamp::MIN.as_second()..=Timestamp::MAX.as_second())
        .prop_map(|seconds| Timestamp::from_second(seconds).unwrap());
    (
        proptest::option::of("\\PC{0,20}"),
        any::<u64>(),
        time.clone(),
        time,
        proptest::option::of("[0-9a-f]{64}"),
        proptest::collection::vec(entry, 0..8),
    )
        .prop_map(
            |(site, serial, created, expires, previous, files)| Manifest {
                format: FORMAT.into(),
                site,
                serial,
                created,
                expires,
                previous,
                files,
            },
        )
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn fuzz_manifest_bytes_mutated(mutations in proptest::collection::vec(mutation(), 1..6)) {
        check_read(&apply(&real_manifest().to_bytes(), &mutations))?;
    }

    #[test]
    fn fuzz_manifest_fields_replaced(
        replacements in proptest::collection::vec((any::<usize>(), hostile_value()), 1..4),
        pretty in any::<bool>(),
    ) {
        let mut value = serde_json::to_value(real_manifest()).unwrap();
        for (index, with) in replacements {
            replace_node(&mut value, index, with);
        }
        let bytes = if pretty {
            serde_json::to_vec_pretty(&value).unwrap()
        } else {
            serde_json::to_vec(&value).unwrap()
        };
        check_read(&bytes)?;
    }

    #[test]
    fn fuzz_manifest_hostile_paths(path in hostile_path(), index in any::<usize>()) {
        let mut manifest = real_manifest();
        let count = manifest.files.len();
        manifest.files[index % count].path = path.clone();
        let read = Manifest::parse(&manifest.to_bytes());
        prop_assert_eq!(read.is_ok(), check_relative_path(&path).is_ok(), "{:?}", path);
        check_read(&manifest.to_bytes())?;
    }

    #[test]
    fn fuzz_manifest_valid_round_trip(manifest in any_manifest()) {
        let bytes = manifest.to_bytes();
        let read = Manifest::parse(&bytes);
        prop_assert!(read.is_ok(), "{read:?}");
        prop_assert_eq!(read.ok(), Some(manifest.clone()));
        let summary = Summary::of(&bytes);
        prop_assert!(summary.is_ok(), "{summary:?}");
        prop_assert_eq!(summary.ok().and_then(|summary| summary.restore(&manifest.files)), Some(manifest));
    }
}
