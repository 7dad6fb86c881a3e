//! Manifests too large to hold: a million articles make millions of files,
//! whose list is hundreds of megabytes of JSON and more again as entries.
//! A manifest is written here from a list walked entry by entry, and read
//! entry by entry into whatever the caller keeps of each. The bytes are
//! those [`Manifest::to_bytes`] writes, and the summaries those
//! [`Summary::of`] gives.

use std::io::{self, Read, Write};

use blake2::Blake2b512;
use jiff::{SignedDuration, Timestamp};
use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserializer, Serialize};
use sha2::{Digest, Sha256};

use crate::file::hex;
use crate::{FORMAT, FileEntry, ManifestError, Summary, check_relative_path};

/// A site's files, walked in order of path as often as needed.
pub trait FileList {
    fn len(&self) -> usize;

    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Calls `visit` with each file, sorted by path.
    fn each(&self, visit: &mut dyn FnMut(&FileEntry));
}

impl FileList for [FileEntry] {
    fn len(&self) -> usize {
        <[FileEntry]>::len(self)
    }

    fn each(&self, visit: &mut dyn FnMut(&FileEntry)) {
        self.iter().for_each(visit);
    }
}

/// A manifest as written: its summary, and the BLAKE2b-512 of its bytes,
/// which is what a signature signs.
pub struct WrittenManifest {
    pub summary: Summary,
    pub prehash: [u8; 64],
}

/// Writes to `out` the manifest [`crate::Manifest::following`] would make
/// of the same arguments, without holding its file list or its bytes.
pub fn write_following<L: FileList + ?Sized>(
    files: &L,
    site: Option<&str>,
    created: Timestamp,
    valid_for: SignedDuration,
    previous: Option<&Summary>,
    out: &mut dyn Write,
) -> io::Result<WrittenManifest> {
    let files_sha256 = list_sha256(files);
    let site = site
        .map(str::to_owned)
        .or_else(|| previous.and_then(|previous| previous.site.clone()));
    let header = previous
        .filter(|previous| {
            created <= previous.created
                && previous.site == site
                && previous.files_sha256 == files_sha256
        })
        .map(|previous| Header {
            site: previous.site.clone(),
            serial: previous.serial,
            created: previous.created,
            expires: previous.expires,
            previous: previous.previous.clone(),
        })
        // Kept only when it gives the very bytes the previous one hashed to.
        .filter(|same| {
            previous.is_some_and(|previous| {
                let mut hashing = Hashing::default();
                same.write(files, &mut hashing).is_ok()
                    && hex(&hashing.sha256.finalize()) == previous.sha256
            })
        })
        .unwrap_or_else(|| Header::following(site, created, valid_for, previous));
    let mut hashing = Hashing::default();
    header.write(files, &mut Tee(&mut hashing, out))?;
    Ok(WrittenManifest {
        summary: Summary {
            site: header.site,
            serial: header.serial,
            created: header.created,
            expires: header.expires,
            previous: header.previous,
            files_sha256,
            sha256: hex(&hashing.sha256.finalize()),
        },
        prehash: hashing.blake2b.finalize().into(),
    })
}

/// Reads a manifest from `reader`, handing each file to `visit`, and
/// returns its summary. Refuses what [`crate::Manifest::parse`] refuses.
pub fn read(reader: impl Read, mut visit: impl FnMut(FileEntry)) -> Result<Summary, ManifestError> {
    let mut hashing = HashingReader {
        inner: reader,
        sha256: Sha256::new(),
    };
    let mut files = FilesSeed {
        visit: &mut visit,
        files_sha256: String::new(),
        refused: None,
    };
    let parsed = {
        let mut de = serde_json::Deserializer::from_reader(io::BufReader::new(&mut hashing));
        let parsed = HeaderSeed { files: &mut files }.deserialize(&mut de);
        parsed.and_then(|header| de.end().map(|()| header))
    };
    if let Some(refused) = files.refused {
        return Err(refused);
    }
    let (format, header) = parsed?;
    if format != FORMAT {
        return Err(ManifestError::Format(format));
    }
    Ok(Summary {
        site: header.site,
        serial: header.serial,
        created: header.created,
        expires: header.expires,
        previous: header.previous,
        files_sha256: files.files_sha256,
        sha256: hex(&hashing.sha256.finalize()),
    })
}

/// Everything of a manifest but its files.
pub(crate) struct Header {
    pub(crate) site: Option<String>,
    pub(crate) serial: u64,
    pub(crate) created: Timestamp,
    pub(crate) expires: Timestamp,
    pub(crate) previous: Option<String>,
}

impl Header {
    /// A new manifest's header, as [`crate::Manifest::following`] sets it.
    pub(crate) fn following(
        site: Option<String>,
        created: Timestamp,
        valid_for: SignedDuration,
        previous: Option<&Summary>,
    ) -> Self {
        let created = previous.map_or(created, |previous| created.max(previous.created));
        let created_secs = u64::try_from(created.as_second()).unwrap_or(0);
        let serial = match previous {
            Some(previous) => created_secs.max(previous.serial.saturating_add(1)),
            None => created_secs,
        };
        Self {
            site,
            serial,
            created,
            expires: created.checked_add(valid_for).unwrap_or(Timestamp::MAX),
            previous: previous.map(|previous| previous.sha256.clone()),
        }
    }

    /// The manifest's bytes, as [`crate::Manifest::to_bytes`] writes them.
    fn write<L: FileList + ?Sized>(&self, files: &L, out: &mut dyn Write) -> io::Result<()> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        let view = View {
            format: FORMAT,
            site: self.site.as_deref(),
            serial: self.serial,
            created: self.created,
            expires: self.expires,
            previous: self.previous.as_deref(),
            files: Files(files),
        };
        serde_json::to_writer_pretty(&mut out, &view)?;
        out.write_all(b"\n")?;
        out.flush()
    }
}

/// The fields of [`crate::Manifest`], in its order and spelling.
#[derive(Serialize)]
#[serde(bound(serialize = "L: FileList"))]
struct View<'a, L: ?Sized> {
    format: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    site: Option<&'a str>,
    serial: u64,
    created: Timestamp,
    expires: Timestamp,
    previous: Option<&'a str>,
    files: Files<'a, L>,
}

struct Files<'a, L: ?Sized>(&'a L);

impl<L: FileList + ?Sized> Serialize for Files<'_, L> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        let mut failed = None;
        self.0.each(&mut |entry| {
            if failed.is_none()
                && let Err(error) = seq.serialize_element(entry)
            {
                failed = Some(error);
            }
        });
        match failed {
            Some(error) => Err(error),
            None => seq.end(),
        }
    }
}

/// What [`crate::files_sha256`] gives for the same files.
fn list_sha256<L: FileList + ?Sized>(files: &L) -> String {
    let mut hash = ListHash::default();
    files.each(&mut |entry| hash.add(entry));
    hash.finish()
}

/// The SHA-256 of a file list's compact JSON, fed one entry at a time.
#[derive(Default)]
struct ListHash {
    sha256: Sha256,
    started: bool,
}

impl ListHash {
    fn add(&mut self, entry: &FileEntry) {
        self.sha256
            .update(if self.started { b"," } else { b"[" }.as_slice());
        self.started = true;
        // Writing into a hash cannot fail, and an entry always serializes.
        let _ = serde_json::to_writer(&mut DigestWriter(&mut self.sha256), entry);
    }

    fn finish(mut self) -> String {
        self.sha256
            .update(if self.started { b"]".as_slice() } else { b"[]" });
        hex(&self.sha256.finalize())
    }
}

struct DigestWriter<'a, D>(&'a mut D);

impl<D: Digest> Write for DigestWriter<'_, D> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// Both hashes of a manifest's bytes: SHA-256 names it, BLAKE2b-512 is
/// what minisign signs.
#[derive(Default)]
struct Hashing {
    sha256: Sha256,
    blake2b: Blake2b512,
}

impl Write for Hashing {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.sha256.update(bytes);
        self.blake2b.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

struct Tee<'a>(&'a mut Hashing, &'a mut dyn Write);

impl Write for Tee<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let written = self.1.write(bytes)?;
        self.0.write_all(&bytes[..written])?;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.1.flush()
    }
}

struct HashingReader<R> {
    inner: R,
    sha256: Sha256,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.sha256.update(&buf[..read]);
        Ok(read)
    }
}

struct HeaderSeed<'a, 'b> {
    files: &'a mut FilesSeed<'b>,
}

impl<'de> DeserializeSeed<'de> for HeaderSeed<'_, '_> {
    type Value = (String, Header);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for HeaderSeed<'_, '_> {
    type Value = (String, Header);

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a manifest")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut format, mut site, mut serial, mut created, mut expires, mut previous) =
            (None, None, None, None, None, None);
        let mut listed = false;
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "format" => format = Some(map.next_value::<String>()?),
                "site" => site = map.next_value::<Option<String>>()?,
                "serial" => serial = Some(map.next_value::<u64>()?),
                "created" => created = Some(map.next_value::<Timestamp>()?),
                "expires" => expires = Some(map.next_value::<Timestamp>()?),
                "previous" => previous = map.next_value::<Option<String>>()?,
                "files" if !listed => {
                    listed = true;
                    map.next_value_seed(&mut *self.files)?;
                }
                "files" => return Err(de::Error::duplicate_field("files")),
                _ => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        if !listed {
            return Err(de::Error::missing_field("files"));
        }
        let header = Header {
            site,
            serial: serial.ok_or_else(|| de::Error::missing_field("serial"))?,
            created: created.ok_or_else(|| de::Error::missing_field("created"))?,
            expires: expires.ok_or_else(|| de::Error::missing_field("expires"))?,
            previous,
        };
        let format = format.ok_or_else(|| de::Error::missing_field("format"))?;
        Ok((format, header))
    }
}

struct FilesSeed<'a> {
    visit: &'a mut dyn FnMut(FileEntry),
    files_sha256: String,
    refused: Option<ManifestError>,
}

impl<'de> DeserializeSeed<'de> for &mut FilesSeed<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for &mut FilesSeed<'_> {
    type Value = ();

    fn expecting(&self, formatter: &mut std::fmt::Formatter) -> std::fmt::Result {
        formatter.write_str("a list of files")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut hash = ListHash::default();
        while let Some(entry) = seq.next_element::<FileEntry>()? {
            if let Err(reason) = check_relative_path(&entry.path) {
                let path = entry.path.clone();
                self.refused = Some(ManifestError::UnsafePath { path, reason });
                return Err(de::Error::custom(
                    "a path that is not a plain relative path",
                ));
            }
            hash.add(&entry);
            (self.visit)(entry);
        }
        self.files_sha256 = hash.finish();
        Ok(())
    }
}

#[cfg(test)]
mod tests;
