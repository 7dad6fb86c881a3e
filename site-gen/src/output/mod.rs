//! Writing the output: into a fresh folder beside the target, swapped in
//! only when every file is written, so a failed build leaves the previous
//! site as it was. Files are written as they are rendered, from many
//! threads, so a build never holds the whole site in memory.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use rayon::prelude::*;

use samizdat_manifest::FileEntry;

use crate::content::Asset;
use crate::problem::{Problem, Problems};
use crate::reserved::{OUTPUT_MARKER, is_reserved};

/// A build's output while it is being written.
pub struct Staging {
    out_dir: PathBuf,
    dir: PathBuf,
    written: Mutex<HashSet<String>>,
    /// What was written, for the manifest.
    entries: Mutex<Vec<Written>>,
    committed: bool,
}

impl Staging {
    pub fn create(out_dir: &Path) -> Result<Self, Problem> {
        check_replaceable(out_dir)?;
        let dir = sibling(out_dir, "building")?;
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).map_err(|error| io_problem(&dir, error))?;
        Ok(Self {
            out_dir: out_dir.to_path_buf(),
            dir,
            written: Mutex::new(HashSet::new()),
            entries: Mutex::new(Vec::new()),
            committed: false,
        })
    }

    /// Claims `dest` for one file, refusing a second writer.
    fn claim(&self, dest: &str) -> Result<PathBuf, Problem> {
        let fresh = self
            .written
            .lock()
            .map(|mut written| written.insert(dest.to_string()))
            .unwrap_or(false);
        if !fresh {
            return Err(Problem::new(
                dest,
                None,
                "two pages or files would be written to this path",
                "rename one of them (slug, alias or static file)",
            ));
        }
        Ok(self.dir.join(dest))
    }

    /// Writes one file; `dest` is relative to the output root, with `/`.
    pub fn write(&self, dest: &str, contents: &[u8]) -> Result<(), Problem> {
        let path = self.claim(dest)?;
        // A file's folder is made when writing it first fails: a folder
        // costs one failed write, and no set of every folder made.
        let written = fs::write(&path, contents).or_else(|error| match path.parent() {
            Some(parent) if error.kind() == std::io::ErrorKind::NotFound => {
                fs::create_dir_all(parent)?;
                fs::write(&path, contents)
            }
            _ => Err(error),
        });
        written.map_err(|error| io_problem(&path, error))?;
        if !is_reserved(dest) {
            let entry = Written::of(dest, contents);
            if let Ok(mut entries) = self.entries.lock() {
                entries.push(entry);
            }
        }
        Ok(())
    }

    /// Every file written so far, as the manifest lists them.
    pub fn entries(&self) -> Vec<FileEntry> {
        self.entries
            .lock()
            .map(|entries| entries.iter().map(Written::entry).collect())
            .unwrap_or_default()
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
        if problems.is_empty() {
            Ok(())
        } else {
            Err(Problems(problems))
        }
    }

    /// Swaps the new output in; returns how many files it holds.
    pub fn commit(mut self) -> Result<usize, Problem> {
        fs::write(self.dir.join(OUTPUT_MARKER), "")
            .map_err(|error| io_problem(&self.dir, error))?;
        swap_in(&self.dir, &self.out_dir)?;
        self.committed = true;
        Ok(self
            .written
            .lock()
            .map(|written| written.len())
            .unwrap_or(0))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// A written file as the manifest will list it, in a third of a
/// [`FileEntry`]'s memory: a site of a million articles has a million and
/// a half files.
struct Written {
    path: Box<str>,
    size: u64,
    sha256: [u8; 32],
}

impl Written {
    fn of(path: &str, contents: &[u8]) -> Self {
        use sha2::Digest;
        Self {
            path: path.into(),
            size: contents.len() as u64,
            sha256: sha2::Sha256::digest(contents).into(),
        }
    }

    fn entry(&self) -> FileEntry {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let sha256 = self
            .sha256
            .iter()
            .flat_map(|byte| [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]])
            .map(char::from)
            .collect();
        FileEntry {
            path: self.path.to_string(),
            size: self.size,
            sha256,
            content_type: samizdat_manifest::content_type(&self.path).to_string(),
        }
    }
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

fn swap_in(staging: &Path, out_dir: &Path) -> Result<(), Problem> {
    crate::swap::swap_in(staging, out_dir).map_err(|error| {
        Problem::new(
            out_dir,
            None,
            format!("cannot put the new build in place: {error}"),
            "check permissions on the output's parent folder",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_compact_entry_lists_as_a_full_one() {
        for (path, contents) in [
            ("index.html", &b"<p>home</p>"[..]),
            ("tags/sea/feed.json", b"{}"),
            ("assets/theme.0123.css", b""),
        ] {
            assert_eq!(
                Written::of(path, contents).entry(),
                FileEntry::for_contents(path, contents)
            );
        }
    }

    #[test]
    fn files_get_their_folders_and_a_path_is_written_once() {
        let dir = tempfile::tempdir().unwrap();
        let staging = Staging::create(&dir.path().join("out")).unwrap();
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
}
