//! Writing a site's manifest, and with a key its signature: for a build's
//! output as it is staged, and for any folder, such as the client's
//! `dist/`. An unchanged set of files keeps its manifest, and signing is
//! deterministic, so writing again changes nothing.

use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use rayon::prelude::*;
use samizdat_manifest::{FileEntry, MANIFEST_PATH, Manifest, SIGNATURE_PATH, Summary};

use super::published::latest;
use super::{MirrorError, keys};
use crate::reserved::is_reserved;

/// A manifest ready to be written: its bytes and, with a key, its signature.
pub struct Prepared {
    pub manifest: Manifest,
    pub bytes: Vec<u8>,
    pub signature: Option<String>,
}

/// Which of the publisher's sites a manifest is for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Naming<'a> {
    /// The site's name; without one, the manifest keeps the name of the
    /// one it follows.
    pub site: Option<&'a str>,
    /// Whether the name may differ from the one of the manifest it
    /// follows, starting a fresh serial track for readers.
    pub rename: bool,
}

impl Naming<'_> {
    /// Refuses a name other than the one of the manifest it follows,
    /// unless renaming was asked for: readers keep serials per key and
    /// site, so a new name loses the rollback protection the old one had
    /// built up, which should never happen by a typo in site.toml or by
    /// following another site's manifest. A previous manifest that named
    /// no site predates names and may take one.
    pub fn check(&self, previous: Option<&Summary>) -> Result<(), MirrorError> {
        let Some(previous) = previous else {
            return Ok(());
        };
        match (&previous.site, self.site) {
            (Some(old), Some(new)) if old != new && !self.rename => Err(MirrorError::SiteRenamed {
                previous: previous.site.clone(),
                site: new.to_string(),
            }),
            _ => Ok(()),
        }
    }
}

/// The manifest that follows the one `previous` summarises, if any, for
/// `files` of the site `naming` names, signed when there is a key.
pub fn prepare(
    files: Vec<FileEntry>,
    naming: Naming,
    previous: Option<&Summary>,
    key: Option<&minisign::SecretKey>,
    created: Timestamp,
    valid_for: SignedDuration,
) -> Result<Prepared, MirrorError> {
    naming.check(previous)?;
    let manifest = Manifest::following(files, naming.site, created, valid_for, previous);
    let bytes = manifest.to_bytes();
    let signature = match key {
        Some(key) => Some(keys::signing_key(key)?.sign(
            &bytes,
            &format!("samizdat manifest serial {}", manifest.serial),
        )),
        None => None,
    };
    Ok(Prepared {
        manifest,
        bytes,
        signature,
    })
}

/// Writes a manifest for any folder, and with a key its signature. It
/// follows the folder's own manifest or `published`, whichever has the
/// higher serial, and names the site as `naming` says. Its creation time
/// is `signed_at`; without one, the clock, unless the files and the name
/// are those of the manifest it follows, which is then kept as it is.
pub fn write_for_dir(
    dir: &Path,
    key: Option<&minisign::SecretKey>,
    signed_at: Option<Timestamp>,
    valid_for: SignedDuration,
    published: Option<&Summary>,
    naming: Naming,
) -> Result<Manifest, MirrorError> {
    let own = std::fs::read(dir.join(MANIFEST_PATH))
        .ok()
        .and_then(|bytes| Summary::of(&bytes).ok());
    let previous = latest([published.cloned(), own]);
    let files = scan_dir(dir)?;
    let created = match (signed_at, &previous) {
        (Some(at), _) => at,
        (None, Some(previous))
            if naming
                .site
                .is_none_or(|site| previous.site.as_deref() == Some(site))
                && previous.restore(&files).is_some() =>
        {
            previous.created
        }
        (None, _) => Timestamp::now(),
    };
    let prepared = prepare(files, naming, previous.as_ref(), key, created, valid_for)?;
    let write = |name: &str, bytes: &[u8]| {
        let path = dir.join(name);
        std::fs::write(&path, bytes).map_err(|error| MirrorError::io(path, error))
    };
    write(MANIFEST_PATH, &prepared.bytes)?;
    if let Some(signature) = &prepared.signature {
        write(SIGNATURE_PATH, signature.as_bytes())?;
    }
    Ok(prepared.manifest)
}

/// Every file below `dir`, hashed in parallel, but the reserved ones.
pub fn scan_dir(dir: &Path) -> Result<Vec<FileEntry>, MirrorError> {
    let mut entries: Vec<FileEntry> = list_files(dir)?
        .par_iter()
        .map(|relative| {
            let path = dir.join(relative);
            let contents = std::fs::read(&path).map_err(|error| MirrorError::io(path, error))?;
            Ok(FileEntry::for_contents(relative, &contents))
        })
        .collect::<Result<_, MirrorError>>()?;
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

/// Relative paths, with `/`, of every file below `dir` but the reserved
/// ones. Links are not followed.
pub fn list_files(dir: &Path) -> Result<Vec<String>, MirrorError> {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(dir).min_depth(1) {
        let entry = entry.map_err(|error| {
            let path = error.path().unwrap_or(dir).to_path_buf();
            MirrorError::io(path, error.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let relative = entry
            .path()
            .strip_prefix(dir)
            .unwrap_or(entry.path())
            .to_string_lossy()
            .replace('\\', "/");
        if !is_reserved(&relative) {
            paths.push(relative);
        }
    }
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_lists_its_files_but_the_reserved_ones() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        for name in ["a/b/c.html", "index.html", MANIFEST_PATH, SIGNATURE_PATH] {
            std::fs::write(dir.path().join(name), name).unwrap();
        }
        std::fs::write(dir.path().join(crate::reserved::OUTPUT_MARKER), "").unwrap();
        let mut listed = list_files(dir.path()).unwrap();
        listed.sort();
        assert_eq!(listed, ["a/b/c.html", "index.html"]);
        let entries = scan_dir(dir.path()).unwrap();
        assert_eq!(
            entries[0],
            FileEntry::for_contents("a/b/c.html", b"a/b/c.html")
        );
    }
}
