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

use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use rayon::prelude::*;

use samizdat_manifest::{FileEntry, read_manifest};

use crate::reserved::{MANIFEST_PATH, SIGNATURE_PATH};

/// A file's size and SHA-256, as a manifest gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Digest {
    pub size: u64,
    pub sha256: [u8; 32],
}

impl Digest {
    /// A path claimed and not written yet, or not listed (a reserved
    /// file): no file has this size.
    pub const PENDING: Self = Self {
        size: u64::MAX,
        sha256: [0; 32],
    };

    /// The digest of the file `entry` describes; `None` when its hash is
    /// not one.
    pub fn of(entry: &FileEntry) -> Option<Self> {
        Some(Self {
            size: entry.size,
            sha256: sha256_bytes(&entry.sha256)?,
        })
    }
}

/// What a tree's manifest lists: each file's digest by a 128-bit hash of
/// its path, sorted. No path is held, as the tree of a million articles
/// has millions of files.
#[derive(Default)]
pub struct Hashes(Vec<(PathKey, Digest)>);

impl Hashes {
    pub fn get(&self, path: &str) -> Option<&Digest> {
        let key = path_key(path);
        self.0
            .binary_search_by_key(&key, |&(key, _)| key)
            .ok()
            .map(|at| &self.0[at].1)
    }

    #[cfg(test)]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// A path's 128-bit hash: paths by the million are known by these, and
/// two of a million meet by chance about once in 2^89 builds. Two halves
/// rather than a `u128`, whose 16-byte alignment would pad each entry of
/// the maps that hold millions of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PathKey(u64, u64);

impl Hash for PathKey {
    /// A key is a hash already: its first half picks the bucket.
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_u64(self.0);
    }
}

pub fn path_key(path: &str) -> PathKey {
    let half = |salt: u8| {
        let mut hasher = std::hash::DefaultHasher::new();
        salt.hash(&mut hasher);
        path.hash(&mut hasher);
        hasher.finish()
    };
    PathKey(half(0), half(1))
}

/// Maps and sets by [`PathKey`], hashed as it is.
pub type KeyMap<V> = HashMap<PathKey, V, BuildHasherDefault<KeyHasher>>;
pub type KeySet = HashSet<PathKey, BuildHasherDefault<KeyHasher>>;

#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Keys hash through `write_u64`; this is here for the trait.
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, half: u64) {
        self.0 = half;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Whether the tree at `root`, whose manifest says `known`, holds the
/// file `entry` describes. The size on disk is checked too: a file edited
/// by hand in place (which, hard-linked, would show in both trees) is
/// then written again rather than trusted.
pub fn holds(known: &Hashes, root: &Path, entry: &FileEntry) -> bool {
    known
        .get(&entry.path)
        .is_some_and(|file| Digest::of(entry) == Some(*file))
        && fs::metadata(root.join(&entry.path))
            .is_ok_and(|found| found.is_file() && found.len() == entry.size)
}

/// Whether `a` and `b` are one file under two names (hard links): a file
/// of the staging folder that is the live output's, unchanged since.
#[cfg(unix)]
pub fn same_file(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (fs::symlink_metadata(a), fs::symlink_metadata(b)) {
        (Ok(a), Ok(b)) => a.is_file() && a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

/// Without inode numbers, a staging file is never known to be the live
/// one's, and is linked or copied again.
#[cfg(not(unix))]
pub fn same_file(_: &Path, _: &Path) -> bool {
    false
}

/// The manifest of the tree at `dir` as hashes by path; empty when it
/// has none or it cannot be read, which makes nothing reusable.
pub fn hashes_of(dir: &Path) -> Hashes {
    let Ok(file) = fs::File::open(dir.join(MANIFEST_PATH)) else {
        return Hashes::default();
    };
    let mut known = Vec::new();
    // Read an entry at a time: the manifest of a million articles, held
    // whole, would be the largest thing in memory.
    let read = read_manifest(io::BufReader::with_capacity(1 << 16, file), |entry| {
        if let Some(digest) = Digest::of(&entry) {
            known.push((path_key(&entry.path), digest));
        }
    });
    if read.is_err() {
        return Hashes::default();
    }
    known.sort_unstable_by_key(|&(key, _)| key);
    known.shrink_to_fit();
    Hashes(known)
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

/// Takes the spare tree at `spare` as the staging folder `staging`;
/// returns whether it could. Without a spare, `staging` is a fresh empty
/// folder. A spare without `mark`, the output marker, is not site-gen's
/// and is left alone. Nothing in the spare is trusted for what it holds:
/// a file is kept only when it is the live output's very file, and the
/// rest is replaced or removed (see [`remove_stale`]), so a spare left
/// half-updated by a build that stopped is as good as any.
pub fn take_spare(spare: &Path, staging: &Path, mark: &str) -> io::Result<bool> {
    let _ = fs::remove_dir_all(staging);
    // Renaming claims the spare: a second build at the same time finds none.
    if spare.join(mark).is_file() && fs::rename(spare, staging).is_ok() {
        // Its manifest no longer describes it once anything changes.
        let cleared = [MANIFEST_PATH, SIGNATURE_PATH]
            .into_iter()
            .all(|name| remove_if_present(&staging.join(name)).is_ok());
        if cleared {
            return Ok(true);
        }
        let _ = fs::remove_dir_all(staging);
    }
    fs::create_dir_all(staging)?;
    Ok(false)
}

pub fn remove_if_present(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
        _ => Ok(()),
    }
}

/// Walks the staging folder `dir`, handing `keep` the path (from `dir`,
/// with `/`) of each file and link in it; removes those it refuses, and
/// the folders they leave empty. This build's files are kept; the spare's
/// pages since deleted, and whatever a build that stopped half-way left,
/// are not.
/// The folders are walked in parallel, one top-level entry at a time:
/// each article's folder is one, and a walk is mostly waiting on calls.
pub fn sweep(dir: &Path, keep: impl Fn(&str) -> bool + Sync) -> io::Result<()> {
    let emptied: Mutex<Vec<PathBuf>> = Mutex::default();
    // Bridged, not collected: a million articles make a million entries.
    fs::read_dir(dir)?.par_bridge().try_for_each(|top| {
        // A link at the top is seen as a link, as below it.
        for found in walkdir::WalkDir::new(top?.path()).follow_root_links(false) {
            let found = found?;
            if found.file_type().is_dir() {
                continue;
            }
            let relative = found.path().strip_prefix(dir).ok().and_then(Path::to_str);
            let kept = relative.is_some_and(|path| {
                if std::path::MAIN_SEPARATOR == '/' {
                    keep(path)
                } else {
                    keep(&path.replace(std::path::MAIN_SEPARATOR, "/"))
                }
            });
            if !kept {
                remove_if_present(found.path())?;
                if let Some(parent) = found.path().parent() {
                    emptied
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner)
                        .push(parent.to_path_buf());
                }
            }
        }
        Ok::<(), io::Error>(())
    })?;
    let mut emptied = emptied.into_inner().unwrap_or_else(PoisonError::into_inner);
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
    fn a_written_file_costs_a_key_and_a_digest_and_no_padding() {
        assert_eq!(std::mem::size_of::<(PathKey, Digest)>(), 56);
        let mut map = KeyMap::default();
        map.insert(path_key("a/index.html"), 1);
        map.insert(path_key("b/index.html"), 2);
        assert_eq!(map.get(&path_key("b/index.html")), Some(&2));
        assert_eq!(map.get(&path_key("c/index.html")), None);
    }

    #[test]
    fn a_spare_is_taken_without_its_manifest() {
        let work = tempfile::tempdir().unwrap();
        let (spare, staging) = (work.path().join("spare"), work.path().join("staging"));
        fs::create_dir_all(&spare).unwrap();
        fs::write(spare.join("mark"), "").unwrap();
        fs::write(spare.join(MANIFEST_PATH), "{}").unwrap();
        fs::write(spare.join("page.html"), "half-written").unwrap();
        assert!(take_spare(&spare, &staging, "mark").unwrap());
        assert!(!spare.exists());
        assert!(!staging.join(MANIFEST_PATH).exists());
        assert!(staging.join("page.html").exists());
        // Nothing to take: a fresh folder.
        assert!(!take_spare(&spare, &staging, "mark").unwrap());
        assert_eq!(fs::read_dir(&staging).unwrap().count(), 0);
    }

    #[test]
    fn hashes_are_found_by_path_and_compared_in_full() {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path();
        let contents = |n: usize| format!("page {n}");
        let files: Vec<FileEntry> = (0..50)
            .map(|n| FileEntry::for_contents(&format!("p/{n}/index.html"), contents(n).as_bytes()))
            .collect();
        for (n, entry) in files.iter().enumerate() {
            fs::create_dir_all(dir.join(&entry.path).parent().unwrap()).unwrap();
            fs::write(dir.join(&entry.path), contents(n)).unwrap();
        }
        let manifest = samizdat_manifest::Manifest::next(
            files.clone(),
            "2026-01-01T00:00:00Z".parse().unwrap(),
            jiff::SignedDuration::from_hours(1),
            None,
        );
        fs::write(dir.join(MANIFEST_PATH), manifest.to_bytes()).unwrap();
        let known = hashes_of(dir);
        for entry in &files {
            assert_eq!(known.get(&entry.path), Digest::of(entry).as_ref());
            assert!(holds(&known, dir, entry));
        }
        fs::write(dir.join("p/7/index.html"), "page 77").unwrap();
        assert!(!holds(&known, dir, &files[7]));
        assert_eq!(known.get("p/50/index.html"), None);
        let other = FileEntry::for_contents("p/1/index.html", b"2");
        assert!(!holds(&known, dir, &other));
        assert!(hashes_of(&dir.join("p")).is_empty());
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
        std::os::unix::fs::symlink("/etc", dir.join("c/link")).unwrap();
        // Links at the top are walked as links, never into.
        let outside = tempfile::tempdir().unwrap();
        fs::write(outside.path().join("theirs.html"), "").unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.join("top-link")).unwrap();
        fs::write(dir.join("top.html"), "").unwrap();
        fs::write(dir.join("stale.html"), "").unwrap();
        let seen = Mutex::new(Vec::new());
        sweep(dir, |path| {
            seen.lock().unwrap().push(path.to_string());
            path == "c/kept.html" || path == "top.html"
        })
        .unwrap();
        let mut seen = seen.into_inner().unwrap();
        seen.sort();
        assert_eq!(
            seen,
            [
                "a/b/old.html",
                "c/kept.html",
                "c/link",
                "c/old.html",
                "stale.html",
                "top-link",
                "top.html"
            ]
        );
        assert!(outside.path().join("theirs.html").exists());
        assert!(fs::symlink_metadata(dir.join("top-link")).is_err());
        assert!(dir.join("top.html").exists() && !dir.join("stale.html").exists());
        assert!(!dir.join("c/link").exists());
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
