//! What the previous builds left that a new build may keep: the spare
//! tree (the output before last, set aside by the last swap) and the
//! live output, each known by the SHA-256 its manifest gives per path.
//!
//! The spare tree becomes the new staging folder, so a file whose new
//! bytes match the spare's copy costs nothing; one that matches the live
//! output's copy is hard-linked from it; only the rest is written. The two
//! trees share the inodes of every file that did not change, so keeping
//! the spare costs disk only for what changed.
//!
//! Files are never rewritten in place, only unlinked and created anew, so
//! an inode the live output shares is never altered. The spare's
//! manifest is removed before anything in it changes: a spare without a
//! manifest is half-updated and is cleared instead of trusted.

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use samizdat_manifest::{FileEntry, read_manifest};

use crate::reserved::{MANIFEST_PATH, SIGNATURE_PATH};

/// A file as a tree's manifest lists it, in a third of a [`FileEntry`]'s
/// memory: a rebuild of a million articles knows two trees of millions.
pub struct Known {
    pub sha256: [u8; 32],
    pub size: u64,
}

/// What a tree's manifest lists, by path.
pub type Hashes = HashMap<Box<str>, Known>;

/// Whether the tree at `root`, whose manifest says `known`, holds the
/// file `entry` describes. The size on disk is checked too: a file edited
/// by hand in place (which, hard-linked, would show in both trees) is
/// then written again rather than trusted.
pub fn holds(known: &Hashes, root: &Path, entry: &FileEntry) -> bool {
    known.get(entry.path.as_str()).is_some_and(|file| {
        file.size == entry.size && sha256_bytes(&entry.sha256) == Some(file.sha256)
    }) && fs::metadata(root.join(&entry.path))
        .is_ok_and(|found| found.is_file() && found.len() == entry.size)
}

/// The manifest of the tree at `dir` as hashes by path; empty when it
/// has none or it cannot be read, which makes nothing reusable.
pub fn hashes_of(dir: &Path) -> Hashes {
    let Ok(file) = fs::File::open(dir.join(MANIFEST_PATH)) else {
        return Hashes::new();
    };
    let mut hashes = Hashes::new();
    // Read an entry at a time: the manifest of a million articles, held
    // whole, would be the largest thing in memory.
    let read = read_manifest(file, |entry| {
        if let Some(sha256) = sha256_bytes(&entry.sha256) {
            let known = Known {
                sha256,
                size: entry.size,
            };
            hashes.insert(entry.path.into(), known);
        }
    });
    if read.is_ok() { hashes } else { Hashes::new() }
}

/// The 32 bytes a manifest's SHA-256 spells in lower-case hex.
pub fn sha256_bytes(hex: &str) -> Option<[u8; 32]> {
    let digit = |c: u8| match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    };
    let hex = hex.as_bytes();
    if hex.len() != 64 {
        return None;
    }
    let mut bytes = [0; 32];
    for (byte, pair) in bytes.iter_mut().zip(hex.chunks_exact(2)) {
        *byte = digit(pair[0])? << 4 | digit(pair[1])?;
    }
    Some(bytes)
}

/// Takes the spare tree at `spare` as the staging folder `staging`, and
/// returns the hashes of what it holds. Without a usable spare, `staging`
/// is a fresh empty folder and nothing is known of it.
/// A spare without `mark`, the output marker, is not site-gen's and is
/// left alone.
pub fn take_spare(spare: &Path, staging: &Path, mark: &str) -> io::Result<Hashes> {
    let _ = fs::remove_dir_all(staging);
    // Renaming claims the spare: a second build at the same time finds none.
    if spare.join(mark).is_file() && fs::rename(spare, staging).is_ok() {
        let hashes = hashes_of(staging);
        // Invalidates the spare before the first change, so a build that
        // stops half-way leaves a tree the next build will not trust.
        let cleared = [MANIFEST_PATH, SIGNATURE_PATH]
            .into_iter()
            .all(|name| remove_if_present(&staging.join(name)).is_ok());
        if cleared && !hashes.is_empty() {
            return Ok(hashes);
        }
        let _ = fs::remove_dir_all(staging);
    }
    fs::create_dir_all(staging)?;
    Ok(Hashes::new())
}

pub fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Removes from the staging folder `dir` the files of the spare that this
/// build did not write, and the folders they leave empty.
pub fn remove_stale(dir: &Path, spare: &Hashes, written: impl Fn(&str) -> bool) -> io::Result<()> {
    let mut emptied: Vec<PathBuf> = Vec::new();
    for path in spare.keys().filter(|path| !written(path)) {
        let file = dir.join(&**path);
        remove_if_present(&file)?;
        emptied.extend(file.parent().map(Path::to_path_buf));
    }
    // Deepest first, so a folder is tried after its sub-folders.
    emptied.sort_by_key(|folder| std::cmp::Reverse(folder.components().count()));
    emptied.dedup();
    for mut folder in emptied {
        // Fails, as it should, on a folder that still holds something.
        while folder != dir && fs::remove_dir(&folder).is_ok() {
            if !folder.pop() {
                break;
            }
        }
    }
    Ok(())
}

/// Puts a file with `contents` at `path`, replacing what is there without
/// touching its inode, which the live output may share.
pub fn write_new(path: &Path, contents: &[u8]) -> io::Result<()> {
    remove_if_present(path)?;
    fs::write(path, contents)
}

/// Replaces `path` by a hard link to `from`; falls back to a copy where
/// the file system has no hard links.
pub fn link_new(from: &Path, path: &Path) -> io::Result<()> {
    remove_if_present(path)?;
    link(from, path)
}

/// Hard-links `from` at `path`, where nothing is yet; copies it where the
/// file system has no hard links.
pub fn link(from: &Path, path: &Path) -> io::Result<()> {
    fs::hard_link(from, path).or_else(|_| fs::copy(from, path).map(|_| ()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spare_without_a_manifest_is_cleared_not_trusted() {
        let work = tempfile::tempdir().unwrap();
        let (spare, staging) = (work.path().join("spare"), work.path().join("staging"));
        fs::create_dir_all(&spare).unwrap();
        fs::write(spare.join("page.html"), "half-written").unwrap();
        let known = take_spare(&spare, &staging, "page.html").unwrap();
        assert!(known.is_empty());
        assert!(!spare.exists());
        assert_eq!(fs::read_dir(&staging).unwrap().count(), 0);
    }

    #[test]
    fn a_folder_without_the_mark_is_not_taken() {
        let work = tempfile::tempdir().unwrap();
        let (spare, staging) = (work.path().join("spare"), work.path().join("staging"));
        fs::create_dir_all(&spare).unwrap();
        fs::write(spare.join("notes.txt"), "mine").unwrap();
        take_spare(&spare, &staging, "mark").unwrap();
        assert_eq!(fs::read_to_string(spare.join("notes.txt")).unwrap(), "mine");
    }

    #[test]
    fn stale_files_go_and_take_their_empty_folders_with_them() {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path();
        fs::create_dir_all(dir.join("a/b")).unwrap();
        fs::create_dir_all(dir.join("c")).unwrap();
        fs::write(dir.join("a/b/old.html"), "").unwrap();
        fs::write(dir.join("c/kept.html"), "").unwrap();
        fs::write(dir.join("c/old.html"), "").unwrap();
        let spare: Hashes = ["a/b/old.html", "c/kept.html", "c/old.html"]
            .into_iter()
            .map(|path| {
                let known = Known {
                    sha256: [0; 32],
                    size: 0,
                };
                (path.into(), known)
            })
            .collect();
        remove_stale(dir, &spare, |path| path == "c/kept.html").unwrap();
        assert!(!dir.join("a").exists());
        assert!(dir.join("c/kept.html").exists());
        assert!(!dir.join("c/old.html").exists());
    }

    #[test]
    fn a_digest_is_read_from_its_hex_only() {
        let entry = FileEntry::for_contents("a.html", b"a");
        let bytes = sha256_bytes(&entry.sha256).unwrap();
        let back: String = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
        assert_eq!(back, entry.sha256);
        assert_eq!(sha256_bytes(&entry.sha256.to_uppercase()), None);
        assert_eq!(sha256_bytes(&entry.sha256[1..]), None);
        assert_eq!(sha256_bytes(""), None);
    }

    #[test]
    fn replacing_a_linked_file_leaves_the_other_link_alone() {
        let work = tempfile::tempdir().unwrap();
        let (live, staged) = (work.path().join("live"), work.path().join("staged"));
        fs::write(&live, "old").unwrap();
        link_new(&live, &staged).unwrap();
        write_new(&staged, b"new").unwrap();
        assert_eq!(fs::read_to_string(&live).unwrap(), "old");
        assert_eq!(fs::read_to_string(&staged).unwrap(), "new");
    }
}
