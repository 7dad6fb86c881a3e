//! Writing a site's manifest, and with a key its signature: for a build's
//! output as it is staged, and for any folder, such as the client's
//! `dist/`. An unchanged set of files keeps its manifest, and signing is
//! deterministic, so writing again changes nothing.

use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use samizdat_manifest::{
    FileEntry, FileList, MANIFEST_PATH, Manifest, SIGNATURE_PATH, Summary, write_following,
};

use super::folder::scan_dir;

use super::published::latest;
use super::{MirrorError, keys};

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
        Some(key) => Some(keys::signing_key(key)?.sign(&bytes, &signed_comment(manifest.serial))),
        None => None,
    };
    Ok(Prepared {
        manifest,
        bytes,
        signature,
    })
}

/// Writes to `out` the manifest [`prepare`] would make, from `files`
/// walked one at a time, so neither the list nor the bytes are held;
/// returns its summary and, with a key, its signature.
pub fn write_streamed(
    files: &dyn FileList,
    naming: Naming,
    previous: Option<&Summary>,
    key: Option<&minisign::SecretKey>,
    created: Timestamp,
    valid_for: SignedDuration,
    out: &mut dyn std::io::Write,
) -> Result<(Summary, Option<String>), MirrorError> {
    naming.check(previous)?;
    let signing = key.map(keys::signing_key).transpose()?;
    let written = write_following(files, naming.site, created, valid_for, previous, out)
        .map_err(|error| MirrorError::io(MANIFEST_PATH, error))?;
    let signature = signing.map(|signing| {
        signing.sign_prehashed(&written.prehash, &signed_comment(written.summary.serial))
    });
    Ok((written.summary, signature))
}

/// The trusted comment a manifest's signature carries.
fn signed_comment(serial: u64) -> String {
    format!("samizdat manifest serial {serial}")
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
