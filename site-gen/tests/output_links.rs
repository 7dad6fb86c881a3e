//! A build writes into the tree the last build set aside; a link left in
//! that tree is replaced, never followed out of it.

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use site_gen::build;

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

fn edit(archive: &Path, from: &str, to: &str) {
    let path = archive.join("content/storm-season-guide.md");
    let text = fs::read_to_string(&path).unwrap().replace(from, to);
    fs::write(path, text).unwrap();
}

#[test]
fn a_build_replaces_links_in_the_set_aside_tree_rather_than_following_them() {
    let work = tempfile::tempdir().unwrap();
    let (archive, out) = (work.path().join("archive"), work.path().join("out"));
    common::copy_examples(&archive);
    build(&archive, &out, false).unwrap();
    edit(&archive, "nine hours", "ten hours");
    build(&archive, &out, false).unwrap();
    let spare = work.path().join(".out.spare");
    assert!(spare.is_dir(), "the second build set the first one aside");

    // Every folder of the set-aside tree becomes a link to a copy outside.
    let outside = work.path().join("outside");
    let mut folders = 0;
    for entry in fs::read_dir(&spare).unwrap().map(Result::unwrap) {
        if entry.file_type().unwrap().is_dir() {
            let copy = outside.join(entry.file_name());
            common::copy_dir(&entry.path(), &copy);
            fs::remove_dir_all(entry.path()).unwrap();
            symlink(&copy, entry.path()).unwrap();
            folders += 1;
        }
    }
    assert!(folders > 0);
    let before = tree(&outside);

    edit(&archive, "ten hours", "eleven hours");
    build(&archive, &out, false).unwrap();
    assert_eq!(tree(&outside), before, "nothing outside the output changed");
    let page = tree(&out).into_iter().find(|(path, bytes)| {
        path.ends_with("index.html") && String::from_utf8_lossy(bytes).contains("eleven hours")
    });
    assert!(page.is_some(), "the edit is in the output");
    for entry in fs::read_dir(&out).unwrap().map(Result::unwrap) {
        assert!(
            !entry.file_type().unwrap().is_symlink(),
            "{:?}",
            entry.path()
        );
    }
}
