//! Running an import, a build and a check, and reading what they left.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Runs `site-gen import mastodon SOURCE -o ARCHIVE FLAGS…`; its report.
pub fn import(source: &Path, archive: &Path, flags: &[&str]) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .arg("import")
        .arg("mastodon")
        .arg(source)
        .arg("-o")
        .arg(archive)
        .args(flags)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(
        output.status.success(),
        "import failed: {stdout}\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    stdout
}

/// Builds the archive into `out`, strictly, and checks its links.
pub fn build_and_check(archive: &Path, out: &Path) {
    site_gen::build(archive, out, true).unwrap_or_else(|problems| panic!("{problems}"));
    let output = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .arg("check")
        .arg(out)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "check failed: {}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Every file below `dir` with its bytes.
pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in fs::read_dir(&current).unwrap().flatten() {
            let path = entry.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let bytes = fs::read(&path).unwrap();
                files.insert(path.strip_prefix(dir).unwrap().to_path_buf(), bytes);
            }
        }
    }
    files
}

/// Imports again and asserts that nothing changed, in bytes or in the report.
pub fn import_again_changes_nothing(source: &Path, archive: &Path, flags: &[&str]) {
    let before = snapshot(archive);
    let report = import(source, archive, flags);
    assert!(report.contains(" 0 new, 0 updated"), "{report}");
    assert!(
        before == snapshot(archive),
        "the second import changed files"
    );
}

pub fn read(path: PathBuf) -> String {
    fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}
