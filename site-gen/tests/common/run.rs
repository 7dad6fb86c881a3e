//! Running `site-gen` as a publisher would, reading the trees it leaves,
//! and the checks every imported archive must pass.

// Each test file that includes this module uses a part of it.
#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The file `name` among the import fixtures of `format`.
pub fn import_fixture(format: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import")
        .join(format)
        .join(name)
}

pub fn site_gen(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(args)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

/// `import [FORMAT] SOURCE -o ARCHIVE EXTRA…` as arguments.
fn import_args<'a>(
    format: Option<&'a str>,
    source: &'a str,
    archive: &'a str,
    extra: &[&'a str],
) -> Vec<&'a str> {
    let mut args = vec!["import"];
    args.extend(format);
    args.extend([source, "-o", archive]);
    args.extend(extra);
    args
}

/// Imports `source` into `archive`, which must succeed; gives the report.
pub fn import(format: Option<&str>, source: &str, archive: &Path, extra: &[&str]) -> String {
    let output = site_gen(&import_args(
        format,
        source,
        archive.to_str().unwrap(),
        extra,
    ));
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "import of {source} failed:\n{}{stdout}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Imports `source`, which must fail; gives what it said.
pub fn import_error(format: Option<&str>, source: &str) -> String {
    let archive = tempfile::tempdir().unwrap();
    let output = site_gen(&import_args(
        format,
        source,
        archive.path().to_str().unwrap(),
        &[],
    ));
    assert!(!output.status.success(), "import of {source} succeeded");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Every file below `dir`, by its path from `dir`, with its bytes, sorted
/// by path.
pub fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<(PathBuf, Vec<u8>)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(dir).unwrap().to_path_buf();
            (relative, fs::read(entry.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

/// Asserts that `text` holds every one of `parts`, naming the one missing.
pub fn assert_holds(text: &str, parts: &[&str]) {
    for part in parts {
        assert!(text.contains(part), "{part:?} is missing from:\n{text}");
    }
}

pub fn read(path: impl AsRef<Path>) -> String {
    let path = path.as_ref();
    fs::read_to_string(path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

pub fn article(archive: &Path, slug: &str) -> String {
    read(archive.join("content/posts").join(slug).join("index.md"))
}

/// Builds the archive into `out`, strictly, and checks its links.
pub fn build_and_check(archive: &Path, out: &Path) {
    if let Err(problems) = site_gen::build(archive, out, true) {
        panic!("the imported archive does not build:\n{problems}");
    }
    let check = site_gen(&["check", out.to_str().unwrap()]);
    assert!(
        check.status.success(),
        "check failed:\n{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
}

/// Imports `source` again, which must add, remove and change no file and
/// report nothing new or updated; gives the report.
pub fn reimports_unchanged(
    format: Option<&str>,
    source: &str,
    archive: &Path,
    extra: &[&str],
) -> String {
    let before = tree(archive);
    let report = import(format, source, archive, extra);
    assert!(report.contains(": 0 new, 0 updated,"), "{report}");
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
    report
}

/// The archive builds strictly into `out`, `check` passes on the site, and
/// a second import of `source` leaves every byte as it was; gives the
/// second import's report.
pub fn builds_checks_and_reimports_unchanged(
    format: Option<&str>,
    source: &str,
    archive: &Path,
    extra: &[&str],
    out: &Path,
) -> String {
    build_and_check(archive, out);
    reimports_unchanged(format, source, archive, extra)
}

/// A copy of the folder `from` at `to`, to change without touching it.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let dest = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest).unwrap();
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}
