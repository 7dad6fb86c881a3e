//! Reading a feed with feed-rs, and saying where a broken one breaks.

use feed_rs::parser::{ParseErrorKind, ParseFeedError};
use url::Url;

use super::dates::DateLog;
use crate::import::ImportError;

pub fn parse(
    bytes: &[u8],
    base: Option<&Url>,
    label: &str,
) -> Result<(feed_rs::model::Feed, DateLog), ImportError> {
    let dates = DateLog::default();
    let parser = feed_rs::parser::Builder::new()
        .base_uri(base.map(Url::as_str))
        // The content is sanitized as `build` sanitizes it, on the way to
        // Markdown; sanitizing twice would drop more than a build does.
        .sanitize_content(false)
        // An entry without an id gets a stable key of ours rather than a
        // random one, so that a second import finds it again.
        .id_generator(|_, _, _| String::new())
        .timestamp_parser(dates.parser())
        .build();
    let feed = parser
        .parse(bytes)
        .map_err(|error| malformed(bytes, label, &error))?;
    Ok((feed, dates))
}

fn malformed(bytes: &[u8], label: &str, error: &ParseFeedError) -> ImportError {
    let at = |line: Option<usize>| match line {
        Some(line) => format!("{label}:{line}"),
        None => label.to_string(),
    };
    let (line, message) = match error {
        ParseFeedError::ParseError(ParseErrorKind::NoFeedRoot) => (
            None,
            "this is not a feed: it has no <rss>, <feed> or <rdf:RDF> element and is no JSON Feed (import a WordPress export or a Mastodon archive with their own format)".to_string(),
        ),
        ParseFeedError::ParseError(
            ParseErrorKind::UnknownMimeType { position, .. }
            | ParseErrorKind::MissingContent { position, .. }
            | ParseErrorKind::UnknownEnumVariant { position, .. }
            | ParseErrorKind::IllegalState { position, .. },
        ) => (
            Some(line_at(bytes, *position)),
            format!("not a feed as its format describes it: {error}"),
        ),
        ParseFeedError::JsonSerde(json) => (
            Some(json.line()),
            format!("not a JSON Feed: {json}"),
        ),
        ParseFeedError::JsonUnsupportedVersion(version) => (
            None,
            format!("a JSON Feed of version “{version}”, which is not 1.0 or 1.1"),
        ),
        ParseFeedError::XmlReader(_) => (
            xml_error_line(bytes),
            format!("not well-formed XML: {error} (fix the file there, or fetch it again if it was cut short)"),
        ),
        ParseFeedError::IoError(io) => (None, format!("cannot read it: {io}")),
    };
    ImportError::Malformed {
        at: at(line),
        message,
    }
}

/// The line of the first XML error, found by reading the bytes again
/// with the same XML reader feed-rs uses, which keeps the position.
fn xml_error_line(bytes: &[u8]) -> Option<usize> {
    let mut reader = quick_xml::Reader::from_reader(bytes);
    let mut buffer = Vec::new();
    loop {
        match reader.read_event_into(&mut buffer) {
            Ok(quick_xml::events::Event::Eof) => {
                return Some(line_at(bytes, reader.buffer_position()));
            }
            Ok(_) => buffer.clear(),
            Err(_) => return Some(line_at(bytes, reader.error_position())),
        }
    }
}

fn line_at(bytes: &[u8], position: u64) -> usize {
    let end = usize::try_from(position)
        .unwrap_or(usize::MAX)
        .min(bytes.len());
    bytes[..end].iter().filter(|&&byte| byte == b'\n').count() + 1
}
