//! Telling a source's format from its name and first bytes, when that is clear.

use std::io::Read;

use super::{Format, ImportError, Source};

/// How much of a file is read to tell its format.
const SNIFF_BYTES: u64 = 8192;

pub fn guess_format(source: &Source) -> Result<Format, ImportError> {
    let path = match source {
        Source::Url(_) => return Ok(Format::Feed),
        Source::Path(path) => path,
    };
    let unknown = |why: &str| ImportError::UnknownFormat {
        source_label: source.label(),
        why: why.into(),
    };
    if path.is_dir() {
        return if path.join("outbox.json").is_file() {
            Ok(Format::Mastodon)
        } else {
            Err(unknown(
                "a folder is read only as an unpacked Mastodon archive, and this one has no outbox.json",
            ))
        };
    }
    let name = path
        .file_name()
        .map(|name| name.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    if [".zip", ".tar.gz", ".tgz"]
        .iter()
        .any(|suffix| name.ends_with(suffix))
    {
        return Ok(Format::Mastodon);
    }
    let mut head = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(SNIFF_BYTES).read_to_end(&mut head))
        .map_err(|source| ImportError::Read {
            path: path.clone(),
            source,
        })?;
    let text = String::from_utf8_lossy(&head);
    let start = text.trim_start_matches('\u{feff}').trim_start();
    if start.starts_with('{') {
        if text.contains("jsonfeed.org/version") {
            return Ok(Format::Feed);
        }
        if text.contains("OrderedCollection") || text.contains("orderedItems") {
            return Ok(Format::Mastodon);
        }
        return Err(unknown(
            "a JSON file that is neither a JSON Feed nor a Mastodon outbox",
        ));
    }
    if start.starts_with('<') {
        if text.contains("wordpress.org/export/") {
            return Ok(Format::Wxr);
        }
        if ["<rss", "<feed", "<rdf:RDF"]
            .iter()
            .any(|tag| text.contains(tag))
        {
            return Ok(Format::Feed);
        }
        return Err(unknown(
            "an XML file that is neither a WordPress export nor a feed",
        ));
    }
    Err(unknown("neither XML, JSON, a zip nor a tar.gz"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guess_text(name: &str, text: &str) -> Result<Format, ImportError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        guess_format(&Source::Path(path))
    }

    #[test]
    fn tells_each_format_from_its_first_bytes() {
        let wxr =
            "<?xml version=\"1.0\"?>\n<rss xmlns:wp=\"http://wordpress.org/export/1.2/\"><channel>";
        assert_eq!(guess_text("export.xml", wxr).unwrap(), Format::Wxr);
        assert_eq!(
            guess_text("f.xml", "<rss version=\"2.0\"><channel>").unwrap(),
            Format::Feed
        );
        assert_eq!(
            guess_text(
                "a.atom",
                "<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
            )
            .unwrap(),
            Format::Feed
        );
        assert_eq!(
            guess_text(
                "f.json",
                "{\"version\": \"https://jsonfeed.org/version/1.1\"}"
            )
            .unwrap(),
            Format::Feed
        );
        assert_eq!(
            guess_text("outbox.json", "{\"type\": \"OrderedCollection\"}").unwrap(),
            Format::Mastodon
        );
        assert_eq!(guess_text("archive.tar.gz", "").unwrap(), Format::Mastodon);
        assert_eq!(
            guess_format(&Source::parse("https://example.org/feed")).unwrap(),
            Format::Feed
        );
    }

    #[test]
    fn an_unclear_file_is_an_error_that_says_how_to_name_the_format() {
        let error = guess_text("notes.txt", "hello").unwrap_err().to_string();
        assert!(
            error.contains("notes.txt") && error.contains("site-gen import wordpress"),
            "{error}"
        );
    }
}
