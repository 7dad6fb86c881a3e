//! Inputs for the fuzz targets: real manifests and signatures, and the
//! ways a hostile mirror could bend them (byte flips, truncation,
//! splices, hostile values in place of fields, hostile path names).

#![allow(dead_code)]

use std::fs;
use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use proptest::prelude::*;
use samizdat_manifest::{FileEntry, Manifest, SigningKey};
use serde_json::{Value, json};

/// Every case's failure is turned into a plain regression test instead
/// of a file in the source tree.
pub fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(cases),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The files of the example archive, as a site's folder holds them.
fn folder_entries(dir: &Path, prefix: &str, entries: &mut Vec<FileEntry>) {
    let Ok(listing) = fs::read_dir(dir) else {
        return;
    };
    for entry in listing.flatten() {
        let name = format!("{prefix}{}", entry.file_name().to_string_lossy());
        if entry.path().is_dir() {
            folder_entries(&entry.path(), &format!("{name}/"), entries);
        } else if let Ok(bytes) = fs::read(entry.path()) {
            entries.push(FileEntry::for_contents(&name, &bytes));
        }
    }
}

/// A manifest of a real folder: the example archive.
pub fn real_manifest() -> Manifest {
    let mut entries = Vec::new();
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    folder_entries(&examples, "", &mut entries);
    assert!(entries.len() >= 5, "the example archive is found");
    let created: Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    let first = Manifest::next(
        entries.clone(),
        created,
        SignedDuration::from_hours(24),
        None,
    );
    let mut second = Manifest::next(
        entries,
        created + SignedDuration::from_hours(1),
        SignedDuration::from_hours(24 * 90),
        Some(&first.to_bytes()),
    );
    second.site = Some("harbour-news".into());
    second
}

pub fn key() -> SigningKey {
    SigningKey::from_seed([3; 8], [9; 32])
}

/// One change to a byte string; positions are taken modulo its length.
#[derive(Clone, Debug)]
pub enum Mutation {
    Flip {
        at: usize,
        bit: u8,
    },
    Set {
        at: usize,
        byte: u8,
    },
    Truncate {
        at: usize,
    },
    Remove {
        at: usize,
        length: usize,
    },
    Splice {
        from: usize,
        length: usize,
        to: usize,
    },
    Insert {
        at: usize,
        bytes: Vec<u8>,
    },
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0u8..8).prop_map(|(at, bit)| Mutation::Flip { at, bit }),
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Set { at, byte }),
        any::<usize>().prop_map(|at| Mutation::Truncate { at }),
        (any::<usize>(), 1usize..64).prop_map(|(at, length)| Mutation::Remove { at, length }),
        (any::<usize>(), 1usize..256, any::<usize>())
            .prop_map(|(from, length, to)| Mutation::Splice { from, length, to }),
        (any::<usize>(), hostile_bytes()).prop_map(|(at, bytes)| Mutation::Insert { at, bytes }),
    ]
}

fn hostile_bytes() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 1..16),
        Just(b"../".to_vec()),
        Just(b"\\u0000".to_vec()),
        Just(b"\",\"path\":\"/etc/passwd".to_vec()),
        Just("\u{2215}\u{FF0E}".as_bytes().to_vec()),
        Just(b"\r\n".to_vec()),
        Just(b" ".to_vec()),
        Just(b"99999999999999999999".to_vec()),
    ]
}

pub fn apply(bytes: &[u8], mutations: &[Mutation]) -> Vec<u8> {
    let mut bytes = bytes.to_vec();
    for mutation in mutations {
        let length = bytes.len().max(1);
        match mutation {
            Mutation::Flip { at, bit } => {
                if let Some(byte) = bytes.get_mut(at % length) {
                    *byte ^= 1 << bit;
                }
            }
            Mutation::Set { at, byte } => {
                if let Some(slot) = bytes.get_mut(at % length) {
                    *slot = *byte;
                }
            }
            Mutation::Truncate { at } => bytes.truncate(at % length),
            Mutation::Remove { at, length: count } => {
                let start = at % length;
                let end = (start + count).min(bytes.len());
                if start < end {
                    bytes.drain(start..end);
                }
            }
            Mutation::Splice {
                from,
                length: count,
                to,
            } => {
                let start = from % length;
                let end = (start + count).min(bytes.len());
                let piece = bytes.get(start..end).unwrap_or_default().to_vec();
                let to = (to % length).min(bytes.len());
                bytes.splice(to..to, piece);
            }
            Mutation::Insert {
                at,
                bytes: inserted,
            } => {
                let at = (at % length).min(bytes.len());
                bytes.splice(at..at, inserted.iter().copied());
            }
        }
    }
    bytes
}

/// Values a hostile manifest might hold where a field should be.
pub fn hostile_value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        Just(json!(true)),
        Just(json!(-1)),
        Just(json!(u64::MAX)),
        Just(json!(1e300)),
        Just(json!(0.5)),
        Just(json!("")),
        Just(json!([])),
        Just(json!({})),
        Just(json!("samizdat-manifest/2")),
        Just(json!("9999-12-31T23:59:59Z")),
        Just(json!("-009999-01-01T00:00:00Z")),
        Just(json!("2026-02-30T00:00:00Z")),
        Just(json!("2026-01-01T00:00:00+99:00")),
        Just(json!("text/html; charset=utf-8")),
        Just(json!("x".repeat(70_000))),
        (0usize..300).prop_map(|depth| { (0..depth).fold(json!(1), |inner, _| json!([inner])) }),
        hostile_path().prop_map(Value::String),
    ]
}

/// Path names from the ways out of a folder: `..`, absolute paths, drive
/// letters, backslashes, NUL and control characters, look-alikes,
/// percent-encoding, over-long parts and paths, empty parts, trailing
/// dots and spaces, mixed with ordinary names.
pub fn hostile_path() -> impl Strategy<Value = String> {
    let part = prop_oneof![
        4 => "[a-z0-9_-]{1,12}(\\.html)?",
        1 => Just("..".to_string()),
        1 => Just(".".to_string()),
        1 => Just(String::new()),
        1 => Just("C:".to_string()),
        1 => Just("c:\\windows".to_string()),
        1 => Just("..\\..".to_string()),
        1 => Just("a\0b".to_string()),
        1 => Just("\u{1b}[2J".to_string()),
        1 => Just("..\u{2215}..".to_string()),
        1 => Just("\u{2044}etc".to_string()),
        1 => Just("\u{FF0E}\u{FF0E}".to_string()),
        1 => Just("\u{FF0F}".to_string()),
        1 => Just("%2e%2e".to_string()),
        1 => Just("%2F".to_string()),
        1 => Just(".. ".to_string()),
        1 => Just("...".to_string()),
        1 => Just("name. ".to_string()),
        1 => Just("é\u{301}".to_string()),
        1 => (250usize..300).prop_map(|length| "n".repeat(length)),
        1 => "\\PC{1,6}",
    ];
    let separator = prop_oneof![6 => Just("/"), 1 => Just("\\"), 1 => Just("//")];
    (
        prop_oneof![4 => Just(""), 1 => Just("/"), 1 => Just("\\"), 1 => Just("C:")],
        proptest::collection::vec((part, separator), 1..8),
        prop_oneof![8 => Just(0usize), 1 => 1usize..1100],
    )
        .prop_map(|(start, parts, repeat)| {
            let mut path = start.to_string();
            for (index, (part, separator)) in parts.iter().enumerate() {
                if index > 0 {
                    path.push_str(separator);
                }
                path.push_str(part);
            }
            // A path over 4096 bytes made of short, good parts.
            for _ in 0..repeat {
                path.push_str("/abcd");
            }
            path
        })
}

/// Replaces the `index`th node (depth first, modulo their number) of
/// `value` with `with`.
pub fn replace_node(value: &mut Value, index: usize, with: Value) {
    let count = count_nodes(value);
    let mut left = index % count;
    replace_at(value, &mut left, with);
}

fn count_nodes(value: &Value) -> usize {
    1 + match value {
        Value::Array(items) => items.iter().map(count_nodes).sum(),
        Value::Object(fields) => fields.values().map(count_nodes).sum(),
        _ => 0,
    }
}

fn replace_at(value: &mut Value, left: &mut usize, with: Value) -> Option<Value> {
    if *left == 0 {
        *value = with;
        return None;
    }
    *left -= 1;
    let mut with = Some(with);
    let children: Vec<&mut Value> = match value {
        Value::Array(items) => items.iter_mut().collect(),
        Value::Object(fields) => fields.values_mut().collect(),
        _ => Vec::new(),
    };
    for child in children {
        let Some(replacement) = with.take() else {
            break;
        };
        with = replace_at(child, left, replacement);
    }
    with
}
