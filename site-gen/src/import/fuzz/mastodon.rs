//! Mastodon archives built in the test, as zip and as tar.gz, from the
//! fixture's files with damaged contents and hostile entry names: names
//! that climb out, start at a root or a drive, carry NUL or look-alike
//! dots, are very long, or are links.

use std::io::Write;

use proptest::prelude::*;
use proptest::sample::{Index, select};
use proptest::test_runner::TestRunner;

use super::Workspace;
use super::feed_wxr::{VALUES, replace_element};
use crate::fuzzing::{config, mutate, mutations};
use crate::import::{Format, ImportOptions};

const FIXTURE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/import/mastodon/archive"
);

/// Keys of the outbox whose values name media, posts and dates.
const KEYS: &[&str] = &[
    "\"url\"",
    "\"id\"",
    "\"name\"",
    "\"mediaType\"",
    "\"content\"",
    "\"published\"",
    "\"inReplyTo\"",
    "\"type\"",
    "\"summary\"",
];

const NAMES: &[&str] = &[
    "../secret.txt",
    "../../outbox.json",
    "/etc/outbox.json",
    "C:\\outbox.json",
    "C:/media_attachments/files/x.png",
    "archive/../../actor.json",
    "media_attachments/files/../../../secret.txt",
    "media_attachments\\..\\..\\secret.txt",
    "./outbox.json",
    "outbox.json\0.png",
    "．．/outbox.json",
    "media_attachments/files/000/000/001/original/\u{202e}gnp.exe",
    "",
    "/",
];

/// One entry: the fixture's file, maybe damaged, under its own name or a
/// hostile one, maybe as a link.
#[derive(Clone, Debug)]
struct Entry {
    name: String,
    bytes: Vec<u8>,
    link: bool,
}

fn fixture_files() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir::WalkDir::new(FIXTURE)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let name = entry.path().strip_prefix(FIXTURE).unwrap();
            let name = name.to_string_lossy().replace('\\', "/");
            (name, std::fs::read(entry.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn archive_entries(files: Vec<(String, Vec<u8>)>) -> impl Strategy<Value = (Vec<Entry>, bool)> {
    let count = files.len();
    let edit = (
        any::<Index>(),
        prop_oneof![
            3 => Just(None),
            1 => select(NAMES).prop_map(Some),
            1 => (1usize..4).prop_map(|n| Some(&*"a".repeat(n * 200).leak())),
        ],
        mutations(3),
        prop_oneof![9 => Just(false), 1 => Just(true)],
    );
    let value = (select(KEYS), select(VALUES), any::<Index>());
    (
        proptest::collection::vec(edit, 0..5),
        proptest::collection::vec(value, 0..6),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(move |(edits, values, prefixed, zip)| {
            let mut entries: Vec<Entry> = files
                .iter()
                .map(|(name, bytes)| Entry {
                    // Mastodon's own zip puts everything at the top; a
                    // Lifeboat export has one folder around it.
                    name: if prefixed {
                        format!("archive/{name}")
                    } else {
                        name.clone()
                    },
                    bytes: bytes.clone(),
                    link: false,
                })
                .collect();
            for entry in entries
                .iter_mut()
                .filter(|e| e.name.ends_with("outbox.json"))
            {
                let mut text = String::from_utf8_lossy(&entry.bytes).into_owned();
                for (key, value, occurrence) in &values {
                    text = replace_element(&text, key, value, occurrence);
                }
                entry.bytes = text.into_bytes();
            }
            for (which, name, damage, link) in edits {
                let mut entry = entries[which.index(count)].clone();
                entry.bytes = mutate(entry.bytes, &damage);
                entry.link = link;
                match name {
                    // A damaged copy under a hostile name, the original kept.
                    Some(name) => {
                        entry.name = name.to_string();
                        entries.push(entry);
                    }
                    None => entries[which.index(count)] = entry,
                }
            }
            (entries, zip)
        })
}

fn write_zip(path: &std::path::Path, entries: &[Entry]) {
    let mut zip = zip::ZipWriter::new(std::fs::File::create(path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for entry in entries {
        if entry.link {
            let target = String::from_utf8_lossy(&entry.bytes).into_owned();
            zip.add_symlink(entry.name.as_str(), "../secret.txt", options)
                .or_else(|_| zip.add_symlink(entry.name.as_str(), target.as_str(), options))
                .ok();
        } else if zip.start_file(entry.name.as_str(), options).is_ok() {
            zip.write_all(&entry.bytes).unwrap();
        }
    }
    zip.finish().unwrap();
}

fn write_tar_gz(path: &std::path::Path, entries: &[Entry]) {
    let file = std::fs::File::create(path).unwrap();
    let gz = flate2::write::GzEncoder::new(file, flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    for entry in entries {
        let mut header = tar::Header::new_gnu();
        // Written into the header as they are: the builder's own checks
        // would refuse the names an attacker writes.
        let name = entry.name.as_bytes();
        let field = &mut header.as_old_mut().name;
        let length = name.len().min(field.len());
        field[..length].copy_from_slice(&name[..length]);
        if entry.link {
            header.set_entry_type(tar::EntryType::Symlink);
            header.set_link_name("../secret.txt").unwrap();
            header.set_size(0);
            header.set_cksum();
            tar.append(&header, std::io::empty()).unwrap();
        } else {
            header.set_size(entry.bytes.len() as u64);
            header.set_mode(0o644);
            header.set_cksum();
            tar.append(&header, entry.bytes.as_slice()).unwrap();
        }
    }
    tar.into_inner().unwrap().finish().unwrap();
}

#[test]
fn fuzz_mastodon_archive_import() {
    let workspace = Workspace::new();
    let mut runner = TestRunner::new(config(96));
    runner
        .run(&archive_entries(fixture_files()), |(entries, zip)| {
            let source = workspace
                .path()
                .join(if zip { "archive.zip" } else { "archive.tar.gz" });
            if zip {
                write_zip(&source, &entries);
            } else {
                write_tar_gz(&source, &entries);
            }
            for options in [
                ImportOptions::default(),
                ImportOptions {
                    include_private: true,
                    ..ImportOptions::default()
                },
            ] {
                workspace.check_import(Format::Mastodon, &source, &options);
            }
            std::fs::remove_file(&source).unwrap();
            Ok(())
        })
        .unwrap();
}
