//! Whatever an imported item's slug, aliases and media are called, the
//! import writes inside the archive folder only, and a link in that
//! folder is replaced rather than written through.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use proptest::prelude::*;
use site_gen::Quiet;
use site_gen::import::{ArchiveWriter, Item, Media, MediaSource, Sink};

/// Every file below `dir`, links not followed, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| (entry.path().to_path_buf(), fs::read(entry.path()).unwrap()))
        .collect();
    files.sort();
    files
}

/// An archive folder whose `content/posts` and `.samizdat` lead out to
/// `outside`, which holds a file of its own.
fn trap(work: &Path) -> (PathBuf, PathBuf) {
    let (archive, outside) = (work.join("archive"), work.join("outside"));
    fs::create_dir_all(archive.join("content")).unwrap();
    fs::create_dir_all(&outside).unwrap();
    fs::write(outside.join("victim"), "kept").unwrap();
    symlink(&outside, archive.join("content/posts")).unwrap();
    symlink(&outside, archive.join(".samizdat")).unwrap();
    symlink(outside.join("victim"), archive.join("site.toml")).unwrap();
    (archive, outside)
}

fn item(slug: &str, aliases: Vec<String>, media: Vec<String>) -> Item {
    Item {
        key: format!("key-{slug}"),
        title: slug.to_string(),
        slug: slug.to_string(),
        date: Some("2021-01-10T12:00:00Z".parse().unwrap()),
        body: "Text.".into(),
        aliases,
        media: media
            .into_iter()
            .map(|name| Media {
                name,
                source: MediaSource::Bytes(b"bytes".to_vec()),
            })
            .collect(),
        ..Item::default()
    }
}

fn import(archive: &Path, items: Vec<Item>) {
    let mut writer = ArchiveWriter::open(archive, &Quiet).unwrap();
    for item in items {
        writer.item(item).unwrap();
    }
    writer.finish().unwrap();
}

#[test]
fn an_import_over_links_writes_inside_the_archive() {
    let work = tempfile::tempdir().unwrap();
    let (archive, outside) = trap(work.path());
    let before = tree(&outside);
    import(
        &archive,
        vec![item(
            "victim",
            vec![],
            vec!["victim".into(), "a.png".into()],
        )],
    );
    assert_eq!(tree(&outside), before);
    let written = fs::read_to_string(archive.join("content/posts/victim/index.md")).unwrap();
    assert!(written.contains("Text."), "{written}");
    assert!(archive.join("content/posts/victim/a.png").is_file());
    for link in ["content/posts", ".samizdat"] {
        let kind = fs::symlink_metadata(archive.join(link))
            .unwrap()
            .file_type();
        assert!(!kind.is_symlink(), "{link} is the archive's own now");
    }
}

/// Found by `fuzz_import_names_stay_inside`: the temporary file of a
/// media file whose name takes nearly all of the 255 bytes a name may
/// have was longer than that, and failed the whole import.
#[test]
fn a_media_name_of_255_bytes_is_written() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let name = "n".repeat(255);
    import(&archive, vec![item("a-b", vec![], vec![name.clone()])]);
    assert_eq!(
        fs::read(archive.join("content/posts/a-b").join(&name)).unwrap(),
        b"bytes"
    );
}

/// A slug made from a long title was longer than a folder name may be,
/// and failed the whole import.
#[test]
fn a_title_of_300_letters_gets_a_slug_a_folder_can_have() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    import(&archive, vec![item(&"n".repeat(300), vec![], vec![])]);
    let slug = "n".repeat(200);
    assert!(
        archive
            .join("content/posts")
            .join(&slug)
            .join("index.md")
            .is_file()
    );
}

/// Found by `fuzz_import_names_stay_inside`: a slug ending in a dot and
/// a hyphen lost the hyphen and kept the dot, which the path rules
/// refuse, and failed the whole import.
#[test]
fn a_slug_ending_in_a_dot_and_a_hyphen_is_imported() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    import(&archive, vec![item("\u{17F1}.-", vec![], vec![])]);
    assert!(archive.join("content/posts/\u{17F1}/index.md").is_file());
}

fn hostile_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("..".to_string()),
        Just("../../outside/victim".to_string()),
        Just("/etc/passwd".to_string()),
        Just("C:\\x".to_string()),
        Just("a\0b".to_string()),
        Just("..\u{2215}..".to_string()),
        Just("\u{FF0E}\u{FF0E}".to_string()),
        Just("%2e%2e".to_string()),
        Just("name. ".to_string()),
        Just("index.md".to_string()),
        (200usize..400).prop_map(|length| "n".repeat(length)),
        "\\PC{1,12}",
        "[a-z./]{1,12}",
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn fuzz_import_names_stay_inside(
        slug in hostile_name(),
        aliases in proptest::collection::vec(hostile_name(), 0..3),
        media in proptest::collection::vec(hostile_name(), 0..3),
    ) {
        let work = tempfile::tempdir().unwrap();
        let (archive, outside) = trap(work.path());
        let before = tree(&outside);
        import(&archive, vec![item(&slug, aliases, media)]);
        prop_assert_eq!(tree(&outside), before);
        for (path, _) in tree(&archive) {
            let below = path.strip_prefix(&archive).unwrap();
            prop_assert!(below.components().all(|part| matches!(part, std::path::Component::Normal(_))));
        }
    }
}
