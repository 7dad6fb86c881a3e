//! Reading a backup file back: our own export (a zip with the backup
//! and its media), a bare `samizdat-backup.json`, or a zip of
//! Mastodon's own CSV exports.

use std::collections::{HashMap, HashSet};

use thiserror::Error;

use super::{BACKUP_FILE, archive, csv_read, zip};
use crate::api::lifeboat::backup::FORMAT;
use crate::api::lifeboat::{Backup, BackupAccount};

/// A backup read from a file, with the stored files it came with.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportedBackup {
    pub backup: Backup,
    /// Stored files by key (`media/<id>`, `avatar`, `header`).
    pub media: Vec<(String, Vec<u8>)>,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    #[error("the file is empty")]
    Empty,
    #[error(
        "this file is not a Samizdat backup: pick the zip the Lifeboat export made, \
         its samizdat-backup.json, or a zip of Mastodon's CSV exports"
    )]
    NotABackup,
    #[error(
        "this zip holds no samizdat-backup.json and none of Mastodon's CSV exports; \
         pick the zip the Lifeboat export made"
    )]
    NoBackupInside,
    #[error(
        "this backup was made by a newer Samizdat (format {found}, this one reads up \
         to {known}); reload the page to get the newest version, then try again"
    )]
    NewerFormat { found: u64, known: u32 },
    #[error(
        "this is Mastodon's archive of your posts, which holds no follows or lists; \
         pick the zip the Lifeboat export made, or Mastodon's CSV exports"
    )]
    PostsArchiveOnly,
    #[error("samizdat-backup.json cannot be read ({0}); the file may be damaged")]
    Unreadable(String),
    #[error(transparent)]
    Zip(#[from] zip::ZipError),
    #[error(transparent)]
    Csv(#[from] csv_read::CsvError),
}

pub fn read_backup_file(bytes: &[u8]) -> Result<ImportedBackup, ImportError> {
    if zip::looks_like_zip(bytes) {
        return read_zip(bytes);
    }
    match bytes.trim_ascii_start().first() {
        None => Err(ImportError::Empty),
        Some(b'{') => Ok(ImportedBackup {
            backup: parse_backup(bytes)?,
            media: Vec::new(),
        }),
        Some(_) => Err(ImportError::NotABackup),
    }
}

/// A single CSV of Mastodon's, picked by itself: its name says what it
/// holds (`following_accounts.csv`, …). Other names are not a backup.
pub fn read_csv_file(name: &str, bytes: &[u8]) -> Result<ImportedBackup, ImportError> {
    let mut backup = Backup::new(BackupAccount::default());
    if !csv_read::read_into(name, bytes, &mut backup)? {
        return Err(ImportError::NotABackup);
    }
    Ok(ImportedBackup {
        backup,
        media: Vec::new(),
    })
}

fn read_zip(bytes: &[u8]) -> Result<ImportedBackup, ImportError> {
    let entries = zip::entries(bytes)?;
    let backup_entry = entries
        .iter()
        .find(|entry| entry.name.rsplit('/').next() == Some(BACKUP_FILE));
    let Some(backup_entry) = backup_entry else {
        return read_mastodon_csvs(&entries);
    };
    let mut backup = parse_backup(backup_entry.bytes()?)?;
    // The same backup always lays its files out the same way.
    let folder = backup_entry.name.strip_suffix(BACKUP_FILE).unwrap_or("");
    let by_name: HashMap<&str, &zip::Entry> = entries
        .iter()
        .map(|entry| (entry.name.as_str(), entry))
        .collect();
    let mut media = Vec::new();
    for wanted in archive::stored_files(&backup) {
        let path = format!("{folder}{}", wanted.path);
        if let Some(entry) = by_name.get(path.as_str()) {
            media.push((wanted.key, entry.bytes()?.to_vec()));
        }
    }
    // Media whose file did not come along must be fetched again, if ever.
    let came: HashSet<&str> = media.iter().map(|(key, _)| key.as_str()).collect();
    for post in &mut backup.posts {
        for item in &mut post.media {
            item.stored = item.stored && came.contains(format!("media/{}", item.id).as_str());
        }
    }
    Ok(ImportedBackup { backup, media })
}

/// A backup with what a zip of Mastodon's CSVs holds. Whose it was is
/// not in those files, so the account is left blank.
fn read_mastodon_csvs(entries: &[zip::Entry]) -> Result<ImportedBackup, ImportError> {
    let mut backup = Backup::new(BackupAccount::default());
    let mut found = false;
    for entry in entries {
        // Other files are not opened, so a compressed one is no bother.
        if csv_read::is_mastodon_csv(&entry.name) {
            found |= csv_read::read_into(&entry.name, entry.bytes()?, &mut backup)?;
        }
    }
    if !found {
        let has = |name: &str| entries.iter().any(|entry| entry.name == name);
        if has("outbox.json") && has("actor.json") {
            return Err(ImportError::PostsArchiveOnly);
        }
        return Err(ImportError::NoBackupInside);
    }
    Ok(ImportedBackup {
        backup,
        media: Vec::new(),
    })
}

fn parse_backup(bytes: &[u8]) -> Result<Backup, ImportError> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|error| ImportError::Unreadable(error.to_string()))?;
    let Some(fields) = value.as_object() else {
        return Err(ImportError::NotABackup);
    };
    let format = fields.get("format").and_then(serde_json::Value::as_u64);
    match format {
        None => return Err(ImportError::NotABackup),
        Some(found) if found > u64::from(FORMAT) => {
            return Err(ImportError::NewerFormat {
                found,
                known: FORMAT,
            });
        }
        Some(_) => {}
    }
    serde_json::from_value(value).map_err(|error| ImportError::Unreadable(error.to_string()))
}
