//! Running `site-gen import` as a publisher would, and the checks every
//! imported archive must pass.

// Each test file that includes this module uses a part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn site_gen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

/// Imports `source` into `archive`, which must succeed; gives the report.
pub fn import(source: &str, archive: &Path) -> String {
    let output = site_gen(&["import", "feed", source, "-o", archive.to_str().unwrap()]);
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "import of {source} failed:\n{}{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Imports `source`, which must fail; gives what it said.
pub fn import_error(source: &str) -> String {
    let archive = tempfile::tempdir().unwrap();
    let output = site_gen(&[
        "import",
        "feed",
        source,
        "-o",
        archive.path().to_str().unwrap(),
    ]);
    assert!(!output.status.success(), "import of {source} succeeded");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| (entry.path().to_path_buf(), fs::read(entry.path()).unwrap()))
        .collect();
    files.sort();
    files
}

pub fn article(archive: &Path, slug: &str) -> String {
    let path = archive.join("content/posts").join(slug).join("index.md");
    fs::read_to_string(&path).unwrap_or_else(|_| panic!("{} is missing", path.display()))
}

/// The archive builds strictly, `check` passes on the site, and a second
/// import of `source` leaves every byte as it was.
pub fn builds_checks_and_reimports_unchanged(source: &str, archive: &Path, articles: usize) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    if let Err(problems) = site_gen::build(archive, &site, true) {
        panic!("the imported archive does not build:\n{problems}");
    }
    let check = site_gen(&["check", site.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "check failed:\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let before = tree(archive);
    let report = import(source, archive);
    let unchanged = format!(": 0 new, 0 updated, {articles} unchanged");
    assert!(report.contains(&unchanged), "{report}");
    let after = tree(archive);
    let paths = |files: &[(PathBuf, Vec<u8>)]| -> Vec<PathBuf> {
        files.iter().map(|(path, _)| path.clone()).collect()
    };
    assert_eq!(
        paths(&after),
        paths(&before),
        "a second import added or removed files"
    );
    assert!(after == before, "a second import changed a file");
}
