//! One file of a pull, streamed from the source to its part file and
//! hashed on the way, so no file is ever held whole in memory and a copy
//! that sends more than the manifest declares is cut off there.

use std::fs::File;
use std::io::{BufWriter, Read, Write};
use std::path::Path;

use samizdat_manifest::FileEntry;
use sha2::{Digest, Sha256};

use crate::inside;
use crate::mirror::MirrorError;
use crate::mirror::storage::Source;

/// How much of a local file is hashed at a time.
const CHUNK: usize = 64 * 1024;

/// Whether the file `entry` names below `base` is the one it describes,
/// read as a plain file: a link on the way is not followed.
pub fn holds(base: &Path, entry: &FileEntry) -> bool {
    if !inside::is_plain_file(base, &entry.path) {
        return false;
    }
    let Ok(mut file) = File::open(base.join(&entry.path)) else {
        return false;
    };
    if file
        .metadata()
        .map_or(true, |meta| meta.len() != entry.size)
    {
        return false;
    }
    let mut hasher = Sha256::new();
    let mut chunk = vec![0; CHUNK];
    let mut size: u64 = 0;
    loop {
        match file.read(&mut chunk) {
            Ok(0) => break,
            Ok(read) => {
                size = size.saturating_add(read as u64);
                if size > entry.size {
                    return false;
                }
                hasher.update(&chunk[..read]);
            }
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
    entry.check_digest(size, &hasher.finalize()).is_ok()
}

/// Streams the file `entry` names from `source` into its place below
/// `partial`, reading no more than its declared size, and checks it.
/// Returns its size.
pub fn download(
    source: &dyn Source,
    entry: &FileEntry,
    partial: &Path,
) -> Result<u64, MirrorError> {
    let (path, file) = inside::create(partial, &entry.path)?;
    let mut writer = BufWriter::with_capacity(CHUNK, file);
    let mut hasher = Sha256::new();
    let size = source.read_into(&entry.path, entry.size, &mut |chunk| {
        hasher.update(chunk);
        writer
            .write_all(chunk)
            .map_err(|error| MirrorError::io(&path, error))
    })?;
    writer
        .flush()
        .map_err(|error| MirrorError::io(&path, error))?;
    entry
        .check_digest(size, &hasher.finalize())
        .map_err(|problem| MirrorError::Mismatch {
            problem,
            origin: source.describe(),
        })?;
    Ok(size)
}
