//! The archives the tests import, made from the fixture folder so that
//! the fixture stays readable: a zip as Mastodon sends it (with hostile
//! entries added), an older tar.gz, and a Lifeboat export.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import/mastodon/archive")
}

/// The fixture's files, relative paths with `/`, sorted.
fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walkdir(dir)
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (name, fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walkdir(&path));
        } else {
            found.push(path);
        }
    }
    found
}

/// Names no archive should be able to write to.
pub const HOSTILE: [&str; 3] = ["../evil.txt", "/tmp/samizdat-evil.txt", "a/../../evil.txt"];

/// The fixture as a deflated zip, every entry under `prefix`, with
/// entries whose names climb out or start at the root.
pub fn zip(out: &Path, prefix: &str) -> PathBuf {
    let path = out.join("archive-ada.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in files(&fixture()) {
        zip.start_file(format!("{prefix}{name}"), options).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    for name in HOSTILE {
        zip.start_file(name, options).unwrap();
        zip.write_all(b"must not be written").unwrap();
    }
    zip.finish().unwrap();
    path
}

/// The fixture as a tar.gz, with an entry named `../evil.txt` and a link
/// standing where a post's image should be.
pub fn tar_gz(out: &Path) -> PathBuf {
    let path = out.join("archive-ada.tar.gz");
    let gz = flate2::write::GzEncoder::new(
        fs::File::create(&path).unwrap(),
        flate2::Compression::default(),
    );
    let mut tar = tar::Builder::new(gz);
    for (name, bytes) in files(&fixture()) {
        let mut header = tar::Header::new_gnu();
        header.set_size(bytes.len() as u64);
        header.set_mode(0o644);
        tar.append_data(&mut header, &name, bytes.as_slice())
            .unwrap();
    }
    let mut header = tar::Header::new_gnu();
    let bytes = b"must not be written";
    let raw = b"../evil.txt";
    header.as_gnu_mut().unwrap().name[..raw.len()].copy_from_slice(raw);
    header.set_size(bytes.len() as u64);
    header.set_mode(0o644);
    header.set_cksum();
    tar.append(&header, &bytes[..]).unwrap();
    let mut link = tar::Header::new_gnu();
    link.set_entry_type(tar::EntryType::Symlink);
    link.set_size(0);
    tar.append_link(
        &mut link,
        "media_attachments/files/000/000/009/original/link.jpg",
        "/etc/passwd",
    )
    .unwrap();
    tar.into_inner().unwrap().finish().unwrap();
    path
}

/// A Lifeboat export as the client writes it: stored (uncompressed)
/// entries, the outbox on one line, `null` where a post has no content
/// warning, reply or alt text, a file the backup never got kept at its
/// old address, and the backup's other files beside the archive's.
pub fn lifeboat(out: &Path) -> PathBuf {
    use serde_json::json;
    let public = "https://www.w3.org/ns/activitystreams#Public";
    let actor = "https://a.example/users/lea";
    let followers = format!("{actor}/followers");
    let note = |id: &str, content: &str, extra: serde_json::Value| {
        let mut note = json!({
            "id": format!("{actor}/statuses/{id}"), "type": "Note", "summary": null,
            "inReplyTo": null, "published": format!("2026-02-0{id}T10:00:00.000Z"),
            "url": format!("https://a.example/@lea/{id}"), "attributedTo": actor,
            "to": [public], "cc": [followers], "sensitive": false, "content": content,
            "attachment": [], "tag": [],
        });
        for (key, value) in extra.as_object().unwrap() {
            note[key] = value.clone();
        }
        json!({"id": format!("{actor}/statuses/{id}/activity"), "type": "Create", "actor": actor,
               "published": note["published"], "to": [public], "cc": [followers], "object": note})
    };
    let stored = "media_attachments/files/000/000/555/original/net.jpg";
    let items = vec![
        note(
            "1",
            "<p>Mending nets by the quay.</p>",
            json!({"contentMap": {"fr": "<p>Mending nets by the quay.</p>"},
                   "attachment": [
                       {"type": "Document", "mediaType": "image/jpeg", "url": format!("/{stored}"), "name": null},
                       {"type": "Document", "mediaType": "image/png", "url": "https://files.a.example/m/lost.png", "name": "A lost picture"}
                   ],
                   "tag": [{"type": "Hashtag", "href": "https://a.example/tags/nets", "name": "#nets"}]}),
        ),
        note(
            "2",
            "<p>And the second net.</p>",
            json!({"inReplyTo": format!("{actor}/statuses/1")}),
        ),
        note(
            "3",
            "<p>Lunch?</p>",
            json!({"type": "Question", "oneOf": [
                {"type": "Note", "name": "Fish", "replies": {"type": "Collection", "totalItems": 0}},
                {"type": "Note", "name": "Soup", "replies": {"type": "Collection", "totalItems": 0}}]}),
        ),
        json!({"id": format!("{actor}/statuses/4/activity"), "type": "Announce", "actor": actor,
               "published": "2026-02-04T10:00:00.000Z", "to": [public], "cc": [followers],
               "object": "https://b.example/users/bob/statuses/9"}),
    ];
    let outbox = json!({"@context": ["https://www.w3.org/ns/activitystreams"], "id": "outbox.json",
                        "type": "OrderedCollection", "totalItems": items.len(), "orderedItems": items});
    let actor_doc = json!({"id": actor, "type": "Person", "preferredUsername": "lea",
                           "name": "Léa", "summary": "<p>Nets and boats.</p>",
                           "url": "https://a.example/@lea", "outbox": "outbox.json"});
    let entries: Vec<(&str, Vec<u8>)> = vec![
        ("actor.json", serde_json::to_vec(&actor_doc).unwrap()),
        ("outbox.json", serde_json::to_vec(&outbox).unwrap()),
        ("bookmarks.json", br#"{"orderedItems":[]}"#.to_vec()),
        ("following_accounts.csv", b"Account address\n".to_vec()),
        ("samizdat-backup.json", b"{}".to_vec()),
        (stored, b"\xff\xd8\xff\xe0 not really a jpeg".to_vec()),
    ];
    let path = out.join("samizdat-export.zip");
    let mut zip = zip::ZipWriter::new(fs::File::create(&path).unwrap());
    let options =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, bytes) in entries {
        zip.start_file(name, options).unwrap();
        zip.write_all(&bytes).unwrap();
    }
    zip.finish().unwrap();
    path
}
