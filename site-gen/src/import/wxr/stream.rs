//! The export as a stream of UTF-8 bytes, whatever its declared encoding,
//! with the count of lines read so far so that errors can name a line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::Path;

use encoding_rs::Encoding;

/// How much of the file's start is read for its XML declaration.
const DECLARATION_BYTES: usize = 512;
const CHUNK: usize = 64 * 1024;

/// UTF-8 bytes of the export; counts the lines its reader has consumed.
pub struct Utf8Stream {
    inner: Inner,
    lines: usize,
}

enum Inner {
    Utf8(BufReader<File>),
    Decoded(Decoding),
}

/// Another encoding, decoded chunk by chunk.
struct Decoding {
    file: BufReader<File>,
    decoder: encoding_rs::Decoder,
    out: Vec<u8>,
    position: usize,
    finished: bool,
}

impl Utf8Stream {
    /// Opens `path`, decoding it from the encoding its declaration names.
    /// An encoding that `encoding_rs` does not know is an error naming it.
    pub fn open(path: &Path) -> io::Result<Result<Self, String>> {
        let mut file = BufReader::with_capacity(CHUNK, File::open(path)?);
        let head = file.fill_buf()?;
        let head = &head[..head.len().min(DECLARATION_BYTES)];
        let inner = match declared_encoding(head) {
            None => Inner::Utf8(file),
            Some(label) => match Encoding::for_label(label.as_bytes()) {
                Some(encoding) if encoding == encoding_rs::UTF_8 => Inner::Utf8(file),
                Some(encoding) => Inner::Decoded(Decoding {
                    file,
                    decoder: encoding.new_decoder_without_bom_handling(),
                    out: Vec::with_capacity(CHUNK * 3),
                    position: 0,
                    finished: false,
                }),
                None => {
                    return Ok(Err(format!(
                        "the declared encoding “{label}” is unknown (convert the file to UTF-8)"
                    )));
                }
            },
        };
        Ok(Ok(Self { inner, lines: 1 }))
    }

    /// The line the reader has reached, from 1.
    pub fn line(&self) -> usize {
        self.lines
    }
}

/// The `encoding` of `<?xml … encoding="…"?>` at the start of `head`.
fn declared_encoding(head: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(head);
    let text = text.trim_start_matches('\u{feff}').trim_start();
    let declaration = &text[..text.strip_prefix("<?xml")?.find("?>")? + 5];
    let after = &declaration[declaration.find("encoding")? + "encoding".len()..];
    let after = after.trim_start().strip_prefix('=')?.trim_start();
    let quote = after.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &after[1..];
    Some(value[..value.find(quote)?].trim().to_string())
}

impl Read for Utf8Stream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let count = available.len().min(buf.len());
        buf[..count].copy_from_slice(&available[..count]);
        self.consume(count);
        Ok(count)
    }
}

impl BufRead for Utf8Stream {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        match &mut self.inner {
            Inner::Utf8(file) => file.fill_buf(),
            Inner::Decoded(decoding) => decoding.fill_buf(),
        }
    }

    fn consume(&mut self, amount: usize) {
        let consumed = match &mut self.inner {
            Inner::Utf8(file) => file.buffer().get(..amount),
            Inner::Decoded(decoding) => decoding
                .out
                .get(decoding.position..decoding.position + amount),
        };
        self.lines += consumed.map_or(0, |bytes| bytes.iter().filter(|&&b| b == b'\n').count());
        match &mut self.inner {
            Inner::Utf8(file) => file.consume(amount),
            Inner::Decoded(decoding) => decoding.position += amount,
        }
    }
}

impl Decoding {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        while self.position >= self.out.len() && !self.finished {
            self.out.clear();
            self.position = 0;
            let input = self.file.fill_buf()?;
            let last = input.is_empty();
            let mut decoded = String::with_capacity(CHUNK * 3);
            let (_, read, _) = self.decoder.decode_to_string(input, &mut decoded, last);
            let input_len = input.len();
            self.file.consume(read.min(input_len));
            self.out.extend_from_slice(decoded.as_bytes());
            self.finished = last;
        }
        Ok(&self.out[self.position..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_declared_encoding() {
        assert_eq!(
            declared_encoding(b"<?xml version=\"1.0\" encoding='ISO-8859-1' ?>\n<rss>").as_deref(),
            Some("ISO-8859-1")
        );
        assert_eq!(declared_encoding(b"<?xml version=\"1.0\"?><rss>"), None);
        assert_eq!(declared_encoding(b"<rss>"), None);
    }

    #[test]
    fn decodes_latin_1_and_counts_lines() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("latin1.xml");
        let mut bytes = b"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<t>".to_vec();
        bytes.extend([0xC9, b't', 0xE9, b'\n', b'<', b'/', b't', b'>', b'\n']);
        std::fs::write(&path, bytes).unwrap();
        let mut stream = Utf8Stream::open(&path).unwrap().unwrap();
        let mut text = String::new();
        stream.read_to_string(&mut text).unwrap();
        assert!(text.contains("<t>Été\n</t>"), "{text}");
        assert_eq!(stream.line(), 4);
    }
}
