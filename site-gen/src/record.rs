//! The archive's record of the manifest its last signed build wrote: the
//! serial, times and hashes, without the file list. A publisher who
//! commits the archive commits the record with it, so a build in a fresh
//! folder, as in CI, follows the manifest readers have already seen and
//! moves the serial on for any change of content. An unchanged archive
//! restores the very same manifest from it, and leaves it untouched.

use std::path::Path;

use samizdat_manifest::Summary;
use serde::{Deserialize, Serialize};

use crate::problem::Problem;

/// Where the record is kept, relative to the archive. Hidden folders are
/// not part of the site, so it is never published.
pub const RECORD_PATH: &str = ".samizdat/published.json";

const FORMAT: &str = "samizdat-published/1";

#[derive(Serialize, Deserialize)]
struct Record {
    format: String,
    #[serde(flatten)]
    manifest: Summary,
}

/// The record in `archive`, if there is one.
pub fn load(archive: &Path) -> Result<Option<Summary>, Problem> {
    let path = archive.join(RECORD_PATH);
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(error) => {
            return Err(Problem::new(
                &path,
                None,
                format!("cannot read it: {error}"),
                "check its permissions",
            ));
        }
    };
    let refused = |reason: String| {
        Problem::new(
            &path,
            None,
            reason,
            "restore it from the archive's history, or remove it and build with --previous and the published manifest",
        )
    };
    let record: Record = serde_json::from_slice(&bytes)
        .map_err(|error| refused(format!("not a record of a published manifest: {error}")))?;
    if record.format != FORMAT {
        return Err(refused(format!(
            "its format is “{}”, not {FORMAT}",
            record.format
        )));
    }
    Ok(Some(record.manifest))
}

/// Writes `manifest` as the archive's record, unless it is the record
/// already.
pub fn save(archive: &Path, manifest: &Summary) -> Result<(), Problem> {
    let path = archive.join(RECORD_PATH);
    let record = Record {
        format: FORMAT.into(),
        manifest: manifest.clone(),
    };
    let mut bytes = serde_json::to_vec_pretty(&record).unwrap_or_default();
    bytes.push(b'\n');
    if std::fs::read(&path).is_ok_and(|kept| kept == bytes) {
        return Ok(());
    }
    let cannot_write = |error: std::io::Error| {
        Problem::new(
            &path,
            None,
            format!("cannot write the record of the published manifest: {error}"),
            "check the archive's permissions; the site itself was built",
        )
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(cannot_write)?;
    }
    std::fs::write(&path, bytes).map_err(cannot_write)
}
