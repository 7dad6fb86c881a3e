//! Writing the output: into a fresh folder beside the target, swapped in
//! only when every file is written, so a failed build leaves the previous
//! site as it was.

use std::fs;
use std::path::{Path, PathBuf};

use crate::content::Asset;
use crate::problem::{Problem, Problems};
use crate::render::Page;

/// Marks a folder as site-gen's output, so a rebuild may replace it. A
/// folder without it is never replaced: it may hold someone's files.
pub const MARKER: &str = ".site-gen-output";

/// Writes `pages` and `assets` into `out_dir`, returning how many files.
pub fn write_atomically(
    out_dir: &Path,
    pages: &[Page],
    assets: &[Asset],
) -> Result<usize, Problems> {
    check_replaceable(out_dir)?;
    let staging = sibling(out_dir, "building")?;
    let result = write_all(&staging, pages, assets)
        .and_then(|count| swap_in(&staging, out_dir).map(|()| count));
    if result.is_err() {
        let _ = fs::remove_dir_all(&staging);
    }
    result
}

fn check_replaceable(out_dir: &Path) -> Result<(), Problem> {
    let occupied = fs::read_dir(out_dir)
        .map(|mut entries| entries.next().is_some())
        .unwrap_or(false);
    if occupied && !out_dir.join(MARKER).exists() {
        return Err(Problem::new(
            out_dir,
            None,
            "this folder has files that site-gen did not write, and it will not replace them",
            "choose an empty or new output folder",
        ));
    }
    Ok(())
}

/// A fresh path beside `out_dir`, on the same file system so renames are atomic.
fn sibling(out_dir: &Path, purpose: &str) -> Result<PathBuf, Problem> {
    let name = out_dir.file_name().ok_or_else(|| {
        Problem::new(
            out_dir,
            None,
            "the output path has no folder name",
            "give a folder such as public",
        )
    })?;
    let parent = out_dir
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    Ok(parent.join(format!(
        ".{}.{purpose}-{}",
        name.to_string_lossy(),
        std::process::id()
    )))
}

fn write_all(staging: &Path, pages: &[Page], assets: &[Asset]) -> Result<usize, Problems> {
    let _ = fs::remove_dir_all(staging);
    let io = |path: &Path, error: std::io::Error| {
        Problem::new(
            path,
            None,
            format!("cannot write: {error}"),
            "check free space and permissions",
        )
    };
    fs::create_dir_all(staging).map_err(|error| io(staging, error))?;
    let mut written = std::collections::BTreeSet::new();
    let mut problems = Vec::new();
    for (dest, write) in pages
        .iter()
        .map(|page| (&page.path, Either::Page(page)))
        .chain(
            assets
                .iter()
                .map(|asset| (&asset.dest, Either::Asset(asset))),
        )
    {
        if !written.insert(dest.clone()) {
            problems.push(Problem::new(
                dest,
                None,
                "two pages or files would be written to this path",
                "rename one of them (slug, alias or static file)",
            ));
            continue;
        }
        let path = staging.join(dest);
        if let Some(dir) = path.parent()
            && let Err(error) = fs::create_dir_all(dir)
        {
            problems.push(io(dir, error));
            continue;
        }
        let result = match write {
            Either::Page(page) => fs::write(&path, &page.contents),
            Either::Asset(asset) => fs::copy(&asset.source, &path).map(|_| ()),
        };
        if let Err(error) = result {
            problems.push(io(&path, error));
        }
    }
    fs::write(staging.join(MARKER), "").map_err(|error| io(staging, error))?;
    if problems.is_empty() {
        Ok(written.len())
    } else {
        Err(Problems(problems))
    }
}

enum Either<'a> {
    Page(&'a Page),
    Asset(&'a Asset),
}

fn swap_in(staging: &Path, out_dir: &Path) -> Result<(), Problems> {
    let io = |error: std::io::Error| {
        Problem::new(
            out_dir,
            None,
            format!("cannot put the new build in place: {error}"),
            "check permissions on the output's parent folder",
        )
    };
    if out_dir.exists() {
        let old = sibling(out_dir, "old")?;
        let _ = fs::remove_dir_all(&old);
        fs::rename(out_dir, &old).map_err(io)?;
        if let Err(error) = fs::rename(staging, out_dir) {
            let _ = fs::rename(&old, out_dir);
            return Err(io(error).into());
        }
        let _ = fs::remove_dir_all(&old);
    } else {
        fs::rename(staging, out_dir).map_err(io)?;
    }
    Ok(())
}
