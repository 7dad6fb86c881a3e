//! Reading a site's published manifest, as `--previous` names it: a file,
//! a built folder, or an HTTP(S) URL of the manifest or of the site's
//! root. A build follows it, so its serial moves on from the one readers
//! have seen even when the output folder is fresh.

use std::path::Path;

use samizdat_manifest::{MANIFEST_PATH, Summary};

use super::MirrorError;
use super::storage::{Source, Store};

/// The summary of the manifest published at `location`.
pub fn read_published(location: &str) -> Result<Summary, MirrorError> {
    let refused = |reason: String| MirrorError::Previous {
        location: location.to_string(),
        reason,
    };
    let bytes = if location.starts_with("http://") || location.starts_with("https://") {
        let root = location
            .strip_suffix(MANIFEST_PATH)
            .unwrap_or(location)
            .trim_end_matches('/');
        Store::http(root)
            .and_then(|store| store.get(MANIFEST_PATH))
            .map_err(|error| refused(error.to_string()))?
    } else {
        let path = Path::new(location);
        let file = if path.is_dir() {
            path.join(MANIFEST_PATH)
        } else {
            path.to_path_buf()
        };
        std::fs::read(&file).map_err(|error| refused(format!("{}: {error}", file.display())))?
    };
    Summary::of(&bytes).map_err(|error| refused(format!("not a manifest: {error}")))
}

/// Of every manifest a build could follow, the one with the highest
/// serial; on a tie, the first given.
pub fn latest(candidates: impl IntoIterator<Item = Option<Summary>>) -> Option<Summary> {
    candidates.into_iter().flatten().reduce(|best, next| {
        if next.serial > best.serial {
            next
        } else {
            best
        }
    })
}

#[cfg(test)]
mod tests {
    use jiff::SignedDuration;
    use samizdat_manifest::{FileEntry, Manifest};

    use super::*;

    #[test]
    fn a_file_or_a_folder_is_read_and_anything_else_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let manifest = Manifest::next(
            vec![FileEntry::for_contents("index.html", b"hello")],
            "2026-01-01T00:00:00Z".parse().unwrap(),
            SignedDuration::from_hours(24),
            None,
        );
        std::fs::write(dir.path().join(MANIFEST_PATH), manifest.to_bytes()).unwrap();
        let folder = dir.path().to_str().unwrap();
        let from_folder = read_published(folder).unwrap();
        assert_eq!(from_folder.serial, manifest.serial);
        let file = dir.path().join(MANIFEST_PATH);
        assert_eq!(read_published(file.to_str().unwrap()).unwrap(), from_folder);

        let missing = dir.path().join("gone.json");
        let error = read_published(missing.to_str().unwrap()).unwrap_err();
        assert!(
            error.to_string().contains("gone.json") && error.to_string().contains("--previous"),
            "{error}"
        );
        std::fs::write(&missing, "{}").unwrap();
        let error = read_published(missing.to_str().unwrap()).unwrap_err();
        assert!(error.to_string().contains("not a manifest"), "{error}");
    }

    #[test]
    fn the_highest_serial_wins_and_the_first_breaks_a_tie() {
        let summary = |serial, sha256: &str| Summary {
            site: None,
            serial,
            created: jiff::Timestamp::UNIX_EPOCH,
            expires: jiff::Timestamp::UNIX_EPOCH,
            previous: None,
            files_sha256: String::new(),
            sha256: sha256.into(),
        };
        let chosen = latest([
            Some(summary(2, "given")),
            None,
            Some(summary(1, "older")),
            Some(summary(2, "tied")),
        ]);
        assert_eq!(chosen.map(|summary| summary.sha256), Some("given".into()));
        assert_eq!(
            latest([None, Some(summary(3, "record"))]).unwrap().serial,
            3
        );
        assert_eq!(latest([None, None]), None);
    }
}
