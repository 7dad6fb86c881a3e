//! A small zip writer and reader for stored (uncompressed) entries.
//! The media in an export is compressed already and the text is small,
//! so deflate would buy little and cost the browser bundle a codec.
//! Every entry carries the same fixed date, so the same backup always
//! gives the same bytes.

use thiserror::Error;

#[derive(Debug, Error, PartialEq, Eq)]
pub enum ZipError {
    #[error("the export is over 4 GB or 65,535 files, more than a plain zip holds")]
    TooLarge,
    #[error("this is not a zip file")]
    NotAZip,
    #[error("the zip file is cut short or damaged (try downloading it again)")]
    Damaged,
    #[error(
        "\"{0}\" in the zip is compressed, which Samizdat does not read: \
         zip the files again without compression (\"store\" only)"
    )]
    Compressed(String),
    #[error("\"{0}\" in the zip is damaged (its checksum does not match)")]
    BadChecksum(String),
}

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;
/// 1980-01-01 00:00, the first date a zip can say.
const DOS_DATE: u16 = (1 << 5) | 1;
const DOS_TIME: u16 = 0;
/// Names are UTF-8.
const UTF8_NAMES: u16 = 1 << 11;
const VERSION: u16 = 20;

const CRC_TABLE: [u32; 256] = crc_table();

const fn crc_table() -> [u32; 256] {
    let mut table = [0u32; 256];
    let mut n = 0;
    while n < 256 {
        let mut c = n as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        table[n] = c;
        n += 1;
    }
    table
}

pub fn crc32(bytes: &[u8]) -> u32 {
    !bytes.iter().fold(!0u32, |crc, byte| {
        CRC_TABLE[usize::from((crc as u8) ^ byte)] ^ (crc >> 8)
    })
}

/// A zip holding `files` in order, each stored as it is.
pub fn write(files: &[(String, Vec<u8>)]) -> Result<Vec<u8>, ZipError> {
    let count = u16::try_from(files.len()).map_err(|_| ZipError::TooLarge)?;
    let mut out = Vec::new();
    let mut directory = Vec::new();
    for (name, bytes) in files {
        let offset = size(out.len())?;
        let name_len = u16::try_from(name.len()).map_err(|_| ZipError::TooLarge)?;
        let len = size(bytes.len())?;
        let crc = crc32(bytes);

        put32(&mut out, LOCAL_HEADER);
        header_fields(&mut out, crc, len, name_len);
        put16(&mut out, 0); // extra field
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(bytes);

        put32(&mut directory, CENTRAL_HEADER);
        put16(&mut directory, VERSION); // made by
        header_fields(&mut directory, crc, len, name_len);
        for _ in 0..4 {
            put16(&mut directory, 0); // extra, comment, disk, internal attributes
        }
        put32(&mut directory, 0); // external attributes
        put32(&mut directory, offset);
        directory.extend_from_slice(name.as_bytes());
    }
    let directory_offset = size(out.len())?;
    let directory_len = size(directory.len())?;
    out.extend_from_slice(&directory);
    size(out.len())?;
    put32(&mut out, END_OF_DIRECTORY);
    put16(&mut out, 0); // this disk
    put16(&mut out, 0); // directory's disk
    put16(&mut out, count);
    put16(&mut out, count);
    put32(&mut out, directory_len);
    put32(&mut out, directory_offset);
    put16(&mut out, 0); // comment
    Ok(out)
}

/// The fields local and central headers share, from "version needed"
/// to the name's length.
fn header_fields(out: &mut Vec<u8>, crc: u32, len: u32, name_len: u16) {
    put16(out, VERSION);
    put16(out, UTF8_NAMES);
    put16(out, 0); // stored
    put16(out, DOS_TIME);
    put16(out, DOS_DATE);
    put32(out, crc);
    put32(out, len);
    put32(out, len);
    put16(out, name_len);
}

fn size(len: usize) -> Result<u32, ZipError> {
    u32::try_from(len).map_err(|_| ZipError::TooLarge)
}

fn put16(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// Whether `bytes` look like a zip at all.
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// One entry's name and where its bytes lie, read from the directory.
pub struct Entry<'a> {
    pub name: String,
    method: u16,
    crc: u32,
    bytes: &'a [u8],
}

impl<'a> Entry<'a> {
    /// The entry's bytes, checked against its checksum.
    pub fn bytes(&self) -> Result<&'a [u8], ZipError> {
        if self.method != 0 {
            return Err(ZipError::Compressed(self.name.clone()));
        }
        if crc32(self.bytes) != self.crc {
            return Err(ZipError::BadChecksum(self.name.clone()));
        }
        Ok(self.bytes)
    }
}

/// The entries of a zip, from its central directory. Compressed entries
/// are listed; only reading their bytes fails.
pub fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, ZipError> {
    if !looks_like_zip(zip) {
        return Err(ZipError::NotAZip);
    }
    let end = find_end(zip).ok_or(ZipError::Damaged)?;
    let count = u16_at(zip, end + 10)?;
    let mut at = u32_at(zip, end + 16)? as usize;
    let mut entries = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        if u32_at(zip, at)? != CENTRAL_HEADER {
            return Err(ZipError::Damaged);
        }
        let method = u16_at(zip, at + 10)?;
        let crc = u32_at(zip, at + 16)?;
        let len = u32_at(zip, at + 20)? as usize;
        let name_len = usize::from(u16_at(zip, at + 28)?);
        let skip = usize::from(u16_at(zip, at + 30)?) + usize::from(u16_at(zip, at + 32)?);
        let local = u32_at(zip, at + 42)? as usize;
        let name = slice(zip, at + 46, name_len)?;
        at += 46 + name_len + skip;

        if u32_at(zip, local)? != LOCAL_HEADER {
            return Err(ZipError::Damaged);
        }
        let local_skip =
            usize::from(u16_at(zip, local + 26)?) + usize::from(u16_at(zip, local + 28)?);
        entries.push(Entry {
            name: String::from_utf8_lossy(name).into_owned(),
            method,
            crc,
            bytes: slice(zip, local + 30 + local_skip, len)?,
        });
    }
    Ok(entries)
}

/// The end-of-directory record, searched from the end past any comment.
fn find_end(zip: &[u8]) -> Option<usize> {
    let last = zip.len().checked_sub(22)?;
    let first = last.saturating_sub(usize::from(u16::MAX));
    (first..=last)
        .rev()
        .find(|&at| u32_at(zip, at).ok() == Some(END_OF_DIRECTORY))
}

fn slice(zip: &[u8], at: usize, len: usize) -> Result<&[u8], ZipError> {
    zip.get(at..at.checked_add(len).ok_or(ZipError::Damaged)?)
        .ok_or(ZipError::Damaged)
}

fn u16_at(zip: &[u8], at: usize) -> Result<u16, ZipError> {
    let bytes = slice(zip, at, 2)?
        .try_into()
        .map_err(|_| ZipError::Damaged)?;
    Ok(u16::from_le_bytes(bytes))
}

fn u32_at(zip: &[u8], at: usize) -> Result<u32, ZipError> {
    let bytes = slice(zip, at, 4)?
        .try_into()
        .map_err(|_| ZipError::Damaged)?;
    Ok(u32::from_le_bytes(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Vec<(String, Vec<u8>)> {
        vec![
            ("a.txt".into(), b"hello".to_vec()),
            (
                "media/é.png".into(),
                (0..=255u8).cycle().take(70_000).collect(),
            ),
            ("empty".into(), Vec::new()),
        ]
    }

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn what_is_written_reads_back_in_order_and_the_same_every_time() {
        let zip = write(&sample()).unwrap();
        assert_eq!(zip, write(&sample()).unwrap());
        let read: Vec<(String, Vec<u8>)> = entries(&zip)
            .unwrap()
            .iter()
            .map(|entry| (entry.name.clone(), entry.bytes().unwrap().to_vec()))
            .collect();
        assert_eq!(read, sample());
    }

    #[test]
    fn cut_or_altered_zips_are_refused() {
        let zip = write(&sample()).unwrap();
        assert!(matches!(
            entries(&zip[..zip.len() / 2]),
            Err(ZipError::Damaged)
        ));
        assert!(matches!(entries(b"{\"format\":1}"), Err(ZipError::NotAZip)));
        let mut altered = zip.clone();
        altered[36] ^= 0xff; // inside "hello"
        let first = entries(&altered).unwrap().into_iter().next().unwrap();
        assert_eq!(first.bytes(), Err(ZipError::BadChecksum("a.txt".into())));
    }
}
