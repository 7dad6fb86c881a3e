//! WordPress exports that are refused before anything is written: one
//! with a DOCTYPE (entities that expand or fetch), and one cut short.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::{Path, PathBuf};

use site_gen::Quiet;
use site_gen::import::{Format, ImportOptions, Source};

fn fixture(name: &str) -> PathBuf {
    run::import_fixture("wxr", name)
}

/// Imports `export` into `archive`, which must fail; what it said.
fn refused(export: &Path, archive: &Path) -> String {
    site_gen::import::import(
        Format::Wxr,
        &Source::Path(export.to_path_buf()),
        archive,
        &ImportOptions::default(),
        &Quiet,
    )
    .unwrap_err()
    .to_string()
}

#[test]
fn a_doctype_is_refused_at_once_and_nothing_is_written() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let export = fixture("doctype-attack.xml");
    let started = std::time::Instant::now();
    let error = refused(&export, &archive);
    assert!(started.elapsed().as_secs() < 2, "refused quickly");
    assert!(
        error.contains(&export.display().to_string())
            && error.contains("line 2")
            && error.contains("DOCTYPE"),
        "{error}"
    );
    assert!(!archive.join("content").exists() && !archive.join("site.toml").exists());
}

#[test]
fn a_cut_file_is_an_error_naming_its_last_line_and_nothing_is_written() {
    let work = tempfile::tempdir().unwrap();
    let whole = fs::read_to_string(fixture("export-1.2.xml")).unwrap();
    let cut = &whole[..whole.find("<wp:comment_id>3").unwrap()];
    let export = work.path().join("cut.xml");
    fs::write(&export, cut).unwrap();
    let archive = work.path().join("archive");
    let error = refused(&export, &archive);
    let line = cut.matches('\n').count() + 1;
    assert!(
        error.starts_with(&format!("{}:{line}: ", export.display())),
        "{error}"
    );
    assert!(error.contains("cut short"), "{error}");
    assert!(!archive.join("content").exists());
}
