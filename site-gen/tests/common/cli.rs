//! Running the `site-gen` command as a publisher or an operator would.

use std::fs;
use std::path::Path;
use std::process::Command;

/// What one run of the command did.
pub struct Run {
    pub ok: bool,
    pub stderr: String,
}

/// Runs `site-gen` with `args`, with `env` set and no SOURCE_DATE_EPOCH
/// of the caller's.
pub fn site_gen_with(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_site-gen"));
    command.args(args).env_remove("SOURCE_DATE_EPOCH");
    for (name, value) in env {
        command.env(name, value);
    }
    let output = command.output().unwrap();
    Run {
        ok: output.status.success(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `site-gen` with `args`, which must succeed.
pub fn site_gen(args: &[&str]) -> Run {
    let run = site_gen_with(args, &[]);
    assert!(run.ok, "site-gen {args:?} failed:\n{}", run.stderr);
    run
}

/// `path` as an argument.
pub fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// The manifest of the site in `dir`, as JSON.
pub fn manifest(dir: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(dir.join("samizdat-manifest.json")).unwrap()).unwrap()
}

pub fn serial(dir: &Path) -> u64 {
    manifest(dir)["serial"].as_u64().unwrap()
}

/// Every file below `dir` with its bytes, sorted by path.
pub fn tree(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = walk(dir)
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(dir).unwrap().to_string_lossy().into();
            (relative, fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            files.extend(walk(&entry.path()));
        } else {
            files.push(entry.path());
        }
    }
    files
}
