//! Writing the output: into a staging folder beside the target, swapped
//! in only when every file is written, so a failed build leaves the
//! previous site as it was. Files are written as they are rendered, from
//! many threads, so a build never holds the whole site in memory.
//!
//! A rebuild does not pay for files that did not change: the staging
//! folder is the tree the last swap set aside, and only files whose bytes
//! differ from it are replaced, by a hard link to the live output's copy
//! when that one matches, by a write otherwise (see `reuse`). The old
//! output is set aside in turn, not deleted, so no build removes a whole
//! tree file by file.

mod folders;
mod listing;
mod reuse;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock, PoisonError};

use rayon::prelude::*;

use folders::Folders;
use listing::{Listing, Paths};
use reuse::{Digest, KeyMap, path_key};

use samizdat_manifest::{FileEntry, FileList, check_relative_path};

use crate::content::Asset;
use crate::problem::{Problem, Problems};
use crate::reserved::{OUTPUT_MARKER, is_reserved};

/// A build's output while it is being written.
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    /// Every path claimed, by a 128-bit hash of it, with what was written
    /// there once it is, for the manifest (reserved files are not listed).
    /// No path is held while pages are written, as a million articles
    /// make millions of them: the manifest reads them from the folder.
    written: Mutex<KeyMap<Digest>>,
    /// Whether the staging folder was walked for the manifest, which
    /// cleared what the build did not write.
    swept: bool,
    /// Whether the staging folder is the spare tree, not a fresh folder.
    reusing: bool,
    /// What the live output holds.
    live: reuse::Hashes,
    folders: Folders,
    committed: bool,
    /// The first write refused for want of space: every later one would
    /// be refused too, so it stands for them all.
    full: OnceLock<Problem>,
}

impl Staging {
    pub fn create(out_dir: &Path) -> Result<Self, Problem> {
        check_replaceable(out_dir)?;
        let dir = sibling(out_dir, "building")?;
        let reusing = reuse::take_spare(&spare_path(out_dir), &dir, OUTPUT_MARKER)
            .map_err(|error| io_problem(&dir, error))?;
        Ok(Self {
            live: reuse::hashes_of(out_dir),
            reusing,
            out_dir: out_dir.to_path_buf(),
            dir,
            written: Mutex::new(KeyMap::default()),
            swept: false,
            folders: Folders::default(),
            committed: false,
            full: OnceLock::new(),
        })
    }

    /// Claims `dest` for one file, refusing a second writer; makes its
    /// folder unless `in_place`, where the staging folder holds it already.
    fn claim(&self, dest: &str, in_place: bool) -> Result<PathBuf, Problem> {
        // The last guard before the disk, whatever named the path.
        check_relative_path(dest).map_err(|reason| {
            Problem::new(
                dest,
                None,
                format!("this path cannot be written inside the output: {reason}"),
                "rename the page, alias or static file",
            )
        })?;
        let fresh = self.written.lock().is_ok_and(|mut written| {
            use std::collections::hash_map::Entry;
            match written.entry(path_key(dest)) {
                Entry::Vacant(vacant) => {
                    vacant.insert(Digest::PENDING);
                    true
                }
                Entry::Occupied(_) => false,
            }
        });
        if !fresh {
            return Err(Problem::new(
                dest,
                None,
                "two pages or files would be written to this path",
                "rename one of them (slug, alias or static file)",
            ));
        }
        let path = self.dir.join(dest);
        if in_place {
            return Ok(path);
        }
        self.folders.make_for(&self.dir, dest)?;
        Ok(path)
    }

    /// The problem of the first write refused because the disk is full.
    pub fn out_of_space(&self) -> Option<&Problem> {
        self.full.get()
    }

    /// Writes one file; `dest` is relative to the output root, with `/`.
    pub fn write(&self, dest: &str, contents: &[u8]) -> Result<FileEntry, Problem> {
        if let Some(problem) = self.full.get() {
            return Err(problem.clone());
        }
        let entry = FileEntry::for_contents(dest, contents);
        if !self.carry(&entry)? {
            let path = self.claim(dest, false)?;
            let written = if !self.reusing {
                fs::write(&path, contents)
            } else {
                reuse::write_new(&path, contents)
            };
            written.map_err(|error| self.write_problem(&path, error))?;
            self.record(&entry);
        }
        Ok(entry)
    }

    /// Puts the file `entry` describes in place from a previous build, if
    /// the staging folder or the live output holds those very bytes;
    /// returns whether it could.
    pub fn carry(&self, entry: &FileEntry) -> Result<bool, Problem> {
        let Some(kept) = self.found(entry) else {
            return Ok(false);
        };
        let dest = entry.path.as_str();
        let path = self.claim(dest, kept)?;
        if !kept {
            // A fresh staging folder has nothing to replace.
            let linked = if !self.reusing {
                reuse::link(&self.out_dir.join(dest), &path)
            } else {
                reuse::link_new(&self.out_dir.join(dest), &path)
            };
            linked.map_err(|error| self.write_problem(&path, error))?;
        }
        self.record(entry);
        Ok(true)
    }

    /// The problem of a failed write, remembered when the disk is full.
    fn write_problem(&self, path: &Path, error: std::io::Error) -> Problem {
        if !is_disk_full(&error) {
            return io_problem(path, error);
        }
        let problem = Problem::new(
            path,
            None,
            format!("cannot write: the disk is full ({error}); the build stopped here"),
            "free some space and build again: the site in place is untouched",
        );
        let _ = self.full.set(problem.clone());
        problem
    }

    /// Whether [`Staging::carry`] would find the file `entry` describes.
    pub fn can_carry(&self, entry: &FileEntry) -> bool {
        self.found(entry).is_some()
    }

    /// Where the file `entry` describes is: already in the staging folder
    /// (true), in the live output (false), or nowhere.
    fn found(&self, entry: &FileEntry) -> Option<bool> {
        if !reuse::holds(&self.live, &self.out_dir, entry) {
            return None;
        }
        // The spare's copy stays when it is the live file itself, linked
        // there by an earlier build and unchanged since.
        let path = &entry.path;
        let kept = self.reusing
            && self.folders.holds_plain_file(&self.dir, path)
            && reuse::same_file(&self.dir.join(path), &self.out_dir.join(path));
        Some(kept)
    }

    fn record(&self, entry: &FileEntry) {
        if !is_reserved(&entry.path)
            && let Ok(mut written) = self.written.lock()
            && let Some(digest) = written.get_mut(&path_key(&entry.path))
        {
            *digest = Digest::of(entry).unwrap_or(Digest::PENDING);
        }
    }

    /// Writes the file at `dest` through `write`, which is given every
    /// file written so far, sorted by path, one at a time: the manifest of
    /// a million articles is never held whole, as entries or as bytes.
    /// The file itself is not listed, as a manifest does not list itself.
    /// What the build did not write is cleared from the folder first.
    pub fn write_listing<T>(
        &mut self,
        dest: &str,
        write: impl FnOnce(&dyn FileList, &mut dyn Write) -> Result<T, Problem>,
    ) -> Result<T, Problem> {
        let path = self.claim(dest, false)?;
        if self.reusing {
            reuse::remove_if_present(&path).map_err(|error| io_problem(&path, error))?;
        }
        let mut file = fs::File::create(&path).map_err(|error| io_problem(&path, error))?;
        let paths = self.sweep()?;
        let written = self
            .written
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        write(
            &Listing {
                paths: &paths,
                written,
            },
            &mut file,
        )
    }

    /// Clears from the staging folder what this build did not write, and
    /// returns the paths of what it wrote that the manifest lists, sorted.
    fn sweep(&mut self) -> Result<Paths, Problem> {
        let written = &*self
            .written
            .get_mut()
            .unwrap_or_else(PoisonError::into_inner);
        let listed = Mutex::new((Paths::default(), false));
        reuse::sweep(&self.dir, |path| match written.get(&path_key(path)) {
            Some(digest) if *digest != Digest::PENDING => {
                let mut listed = listed.lock().unwrap_or_else(PoisonError::into_inner);
                let (paths, full) = &mut *listed;
                *full |= !paths.push(path);
                true
            }
            Some(_) => true,
            None => false,
        })
        .map_err(|error| io_problem(&self.dir, error))?;
        let (mut paths, full) = listed.into_inner().unwrap_or_else(PoisonError::into_inner);
        if full {
            return Err(Problem::new(
                &self.dir,
                None,
                "the output's paths take more than 4 GiB, more than a manifest can list",
                "split the archive into several sites",
            ));
        }
        self.swept = true;
        paths.sort();
        Ok(paths)
    }

    /// Every file written so far, as the manifest lists them.
    #[cfg(test)]
    pub fn entries(&mut self) -> Vec<FileEntry> {
        let paths = self.sweep().unwrap();
        let written = self.written.get_mut().unwrap();
        let mut entries = Vec::new();
        Listing {
            paths: &paths,
            written,
        }
        .each(&mut |entry| entries.push(entry.clone()));
        entries
    }

    /// Copies the static files and page-bundle assets, in parallel.
    pub fn copy_assets(&self, assets: &[Asset]) -> Result<(), Problems> {
        let problems: Vec<Problem> = assets
            .par_iter()
            .filter_map(|asset| {
                let contents = match fs::read(&asset.source) {
                    Ok(contents) => contents,
                    Err(error) => return Some(io_problem(&asset.source, error)),
                };
                self.write(&asset.dest, &contents).err()
            })
            .collect();
        if let Some(full) = self.out_of_space() {
            Err(Problems(vec![full.clone()]))
        } else if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }

    /// Swaps the new output in; returns how many files it holds.
    pub fn commit(mut self) -> Result<usize, Problem> {
        let written =
            std::mem::take(&mut *self.written.lock().unwrap_or_else(PoisonError::into_inner));
        if !self.swept {
            reuse::sweep(&self.dir, |path| written.contains_key(&path_key(path)))
                .map_err(|error| io_problem(&self.dir, error))?;
        }
        reuse::write_new(&self.dir.join(OUTPUT_MARKER), b"")
            .map_err(|error| io_problem(&self.dir, error))?;
        swap_in(&self.dir, &self.out_dir)?;
        self.committed = true;
        Ok(written.len())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Whether `error` says the disk (or the user's quota) is full.
fn is_disk_full(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
    )
}

fn io_problem(path: &Path, error: std::io::Error) -> Problem {
    Problem::new(
        path,
        None,
        format!("cannot write: {error}"),
        "check free space and permissions",
    )
}

fn check_replaceable(out_dir: &Path) -> Result<(), Problem> {
    if !crate::swap::may_replace(out_dir, OUTPUT_MARKER) {
        return Err(Problem::new(
            out_dir,
            None,
            "this folder has files that site-gen did not write, and it will not replace them",
            "choose an empty or new output folder",
        ));
    }
    Ok(())
}

fn sibling(out_dir: &Path, purpose: &str) -> Result<PathBuf, Problem> {
    if out_dir.file_name().is_none() {
        return Err(Problem::new(
            out_dir,
            None,
            "the output path has no folder name",
            "give a folder such as public",
        ));
    }
    Ok(crate::swap::beside(
        out_dir,
        &format!("{purpose}-{}", std::process::id()),
    ))
}

/// Where the output before the current one waits to become the next
/// build's staging folder.
fn spare_path(out_dir: &Path) -> PathBuf {
    crate::swap::beside(out_dir, "spare")
}

fn swap_in(staging: &Path, out_dir: &Path) -> Result<(), Problem> {
    crate::swap::swap_in_keeping(staging, out_dir, &spare_path(out_dir), OUTPUT_MARKER).map_err(
        |error| {
            Problem::new(
                out_dir,
                None,
                format!("cannot put the new build in place: {error}"),
                "check permissions on the output's parent folder",
            )
        },
    )
}

#[cfg(test)]
mod tests {
    use super::listing::listed;
    use super::*;

    #[test]
    fn a_compact_entry_lists_as_a_full_one() {
        for (path, contents) in [
            ("index.html", &b"<p>home</p>"[..]),
            ("tags/sea/feed.json", b"{}"),
            ("assets/theme.0123.css", b""),
        ] {
            let entry = FileEntry::for_contents(path, contents);
            assert_eq!(listed(path, &Digest::of(&entry).unwrap()), entry);
        }
    }

    #[test]
    fn files_get_their_folders_and_a_path_is_written_once() {
        let dir = tempfile::tempdir().unwrap();
        let mut staging = Staging::create(&dir.path().join("out")).unwrap();
        staging.write("a/b/c/index.html", b"deep").unwrap();
        staging.write("a/b/other.html", b"beside").unwrap();
        let again = staging.write("a/b/other.html", b"twice").unwrap_err();
        assert!(again.message.contains("two pages"), "{again}");
        let paths: Vec<String> = staging.entries().into_iter().map(|e| e.path).collect();
        assert_eq!(paths, ["a/b/c/index.html", "a/b/other.html"]);
        assert_eq!(staging.commit().unwrap(), 2);
        let out = dir.path().join("out");
        assert_eq!(fs::read(out.join("a/b/c/index.html")).unwrap(), b"deep");
        assert_eq!(fs::read(out.join("a/b/other.html")).unwrap(), b"beside");
    }

    #[test]
    fn once_the_disk_is_full_no_more_is_written_and_one_problem_stands() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::create(&dir.path().join("out")).unwrap();
        staging.write("before.html", b"kept").unwrap();
        assert!(staging.out_of_space().is_none());
        let refused = staging.write_problem(
            &staging.dir.join("page.html"),
            std::io::Error::from(std::io::ErrorKind::StorageFull),
        );
        assert_eq!(staging.out_of_space(), Some(&refused));
        let after = staging.write("after.html", b"never").unwrap_err();
        assert_eq!(after, refused);
        assert!(!staging.dir.join("after.html").exists());
        // Other failures are each their own.
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        assert!(!is_disk_full(&denied));
    }

    /// The kernel's own "no space left" is known as such.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_write_to_a_full_device_is_told_apart() {
        let error = fs::write("/dev/full", b"x").unwrap_err();
        assert!(is_disk_full(&error), "{error:?}");
    }
}
