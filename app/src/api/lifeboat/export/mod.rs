//! A backup as files other tools read, and back: Mastodon's own CSVs
//! and filters, the posts in the layout of Mastodon's archive, and the
//! whole backup as JSON so that another browser can take it up again.
//!
//! The browser keeps the media; these functions only say which stored
//! file goes where (`ExportPlan::stored`), so they stay pure:
//! 1. `export_files` gives the text files and the stored files wanted;
//! 2. the browser adds each stored file's bytes under its archive path;
//! 3. `write_zip` makes the download.
//!
//! `read_backup_file` reads such a zip (or a bare backup JSON, or a zip
//! of Mastodon's own CSVs) back; `read_csv_file` reads one of Mastodon's
//! CSVs picked by itself.

mod activity;
mod archive;
pub mod csv;
mod csv_read;
mod filters;
mod import;
mod media_path;
mod zip;

use thiserror::Error;

pub use archive::StoredFile;
pub use csv_read::{CsvError, CsvProblem};
pub use import::{ImportError, ImportedBackup, read_backup_file, read_csv_file};
pub use zip::ZipError;

use crate::api::lifeboat::Backup;

/// The whole backup, for another browser.
pub const BACKUP_FILE: &str = "samizdat-backup.json";

/// What an export holds, less the stored files' bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportPlan {
    /// Files made from the backup: name and bytes.
    pub files: Vec<(String, Vec<u8>)>,
    /// Stored files to add: where each goes, and its key beside the
    /// backup. A file the browser no longer has can be left out; only
    /// its link in the archive stays unanswered.
    pub stored: Vec<StoredFile>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ExportError {
    #[error(transparent)]
    Zip(#[from] ZipError),
}

pub fn export_files(backup: &Backup) -> ExportPlan {
    let archive = archive::archive(backup);
    let mut files = vec![
        ("actor.json".to_string(), archive.actor),
        ("outbox.json".to_string(), archive.outbox),
        ("bookmarks.json".to_string(), archive.bookmarks),
    ];
    files.extend(csv::all(backup));
    files.push((
        filters::API_FILE.into(),
        to_json(&filters::api_filters(backup)),
    ));
    files.push((
        filters::MASTODON_FILE.into(),
        to_json(&filters::mastodon_filters(backup)),
    ));
    files.push(("profile.json".into(), to_json(&backup.profile)));
    files.push((BACKUP_FILE.into(), to_json(backup)));
    ExportPlan {
        files,
        stored: archive.stored,
    }
}

/// The zip to download, its entries in the order given.
pub fn write_zip(files: Vec<(String, Vec<u8>)>) -> Result<Vec<u8>, ExportError> {
    Ok(zip::write(&files)?)
}

fn to_json(value: &impl serde::Serialize) -> Vec<u8> {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_vec(value).unwrap_or_default()
}

#[cfg(test)]
mod tests;
