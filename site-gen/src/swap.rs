//! Replacing a folder whole: the new copy is made beside it, then renamed
//! into place, so a reader sees the old folder or the new one, never half.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// A hidden path beside `dir`, on the same file system so that renames
/// are atomic: `.NAME.PURPOSE`.
pub fn beside(dir: &Path, purpose: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_else(|| "site".into());
    let parent = dir
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    parent.join(format!(".{name}.{purpose}"))
}

/// Whether `dir` may be replaced whole: it is missing or empty, or it
/// holds `mark`, the file that says what kind of folder it is. Anything
/// else may be someone's files.
pub fn may_replace(dir: &Path, mark: &str) -> bool {
    let occupied = fs::read_dir(dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    !occupied || dir.join(mark).exists()
}

/// Puts `next` where `dir` is. The old folder is moved aside first and
/// restored if the swap fails; it is removed only once `next` is in place.
pub fn swap_in(next: &Path, dir: &Path) -> io::Result<()> {
    if !dir.exists() {
        if let Some(parent) = dir.parent().filter(|parent| !parent.as_os_str().is_empty()) {
            fs::create_dir_all(parent)?;
        }
        return fs::rename(next, dir);
    }
    let old = beside(dir, &format!("old-{}", std::process::id()));
    let _ = fs::remove_dir_all(&old);
    fs::rename(dir, &old)?;
    if let Err(error) = fs::rename(next, dir) {
        let _ = fs::rename(&old, dir);
        return Err(error);
    }
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Puts `next` where `dir` is, like [`swap_in`], but keeps the old folder
/// at `keep` instead of deleting it, for the next build to reuse: removing
/// a large tree costs as much as writing it.
/// A folder already at `keep` is replaced only if it holds `mark`; if it
/// does not, it may be someone's, and the old folder is deleted instead.
pub fn swap_in_keeping(next: &Path, dir: &Path, keep: &Path, mark: &str) -> io::Result<()> {
    if !dir.exists() || !may_replace(keep, mark) {
        return swap_in(next, dir);
    }
    // Left by a build that ran at the same time; this one's is newer.
    let _ = fs::remove_dir_all(keep);
    fs::rename(dir, keep)?;
    if let Err(error) = fs::rename(next, dir) {
        let _ = fs::rename(keep, dir);
        return Err(error);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_empty_missing_or_marked_folders_may_be_replaced() {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path().join("site");
        assert!(may_replace(&dir, "mark"));
        fs::create_dir_all(&dir).unwrap();
        assert!(may_replace(&dir, "mark"));
        fs::write(dir.join("notes.txt"), "mine").unwrap();
        assert!(!may_replace(&dir, "mark"));
        fs::write(dir.join("mark"), "").unwrap();
        assert!(may_replace(&dir, "mark"));
    }

    #[test]
    fn swaps_a_folder_whole_and_leaves_nothing_beside_it() {
        let work = tempfile::tempdir().unwrap();
        let dir = work.path().join("site");
        let next = beside(&dir, "next");
        fs::create_dir_all(&next).unwrap();
        fs::write(next.join("a"), "1").unwrap();
        swap_in(&next, &dir).unwrap();
        assert_eq!(fs::read_to_string(dir.join("a")).unwrap(), "1");

        fs::create_dir_all(&next).unwrap();
        fs::write(next.join("b"), "2").unwrap();
        swap_in(&next, &dir).unwrap();
        assert!(!dir.join("a").exists());
        assert_eq!(
            fs::read_dir(work.path()).unwrap().count(),
            1,
            "only the site is left"
        );
    }

    #[test]
    fn a_swap_that_keeps_the_old_folder_sets_it_aside() {
        let work = tempfile::tempdir().unwrap();
        let (dir, next, keep) = (
            work.path().join("site"),
            work.path().join("next"),
            work.path().join("keep"),
        );
        // Both are outputs, marked as such.
        for (folder, text) in [(&next, "1"), (&keep, "stale")] {
            fs::create_dir_all(folder).unwrap();
            fs::write(folder.join("a"), text).unwrap();
            fs::write(folder.join("mark"), "").unwrap();
        }
        swap_in_keeping(&next, &dir, &keep, "mark").unwrap();
        assert_eq!(fs::read_to_string(dir.join("a")).unwrap(), "1");
        fs::create_dir_all(&next).unwrap();
        fs::write(next.join("a"), "2").unwrap();
        swap_in_keeping(&next, &dir, &keep, "mark").unwrap();
        assert_eq!(fs::read_to_string(dir.join("a")).unwrap(), "2");
        assert_eq!(fs::read_to_string(keep.join("a")).unwrap(), "1");
        assert!(!next.exists());

        // A folder at `keep` without the mark is left alone.
        fs::remove_dir_all(&keep).unwrap();
        fs::create_dir_all(&keep).unwrap();
        fs::write(keep.join("notes.txt"), "mine").unwrap();
        fs::create_dir_all(&next).unwrap();
        fs::write(next.join("a"), "3").unwrap();
        swap_in_keeping(&next, &dir, &keep, "mark").unwrap();
        assert_eq!(fs::read_to_string(dir.join("a")).unwrap(), "3");
        assert_eq!(fs::read_to_string(keep.join("notes.txt")).unwrap(), "mine");
    }
}
