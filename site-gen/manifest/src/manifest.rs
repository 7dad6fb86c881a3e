//! The manifest: every file of a site, and for the whole site a serial, a
//! creation time, an expiry and the hash of the manifest it follows.

use std::collections::BTreeMap;

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};

use crate::streamed::Header;
use crate::{FileEntry, PathRefusal, Summary, check_relative_path};

pub const FORMAT: &str = "samizdat-manifest/1";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub format: String,
    /// Which of the publisher's sites this is, when the key signs more
    /// than one (a news site and the client, say): readers keep serials
    /// per key and site. Absent in manifests from before it existed,
    /// which keep their bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// Only ever increases from one manifest of a site to the next.
    pub serial: u64,
    pub created: Timestamp,
    pub expires: Timestamp,
    /// The SHA-256 of the manifest this one replaces.
    pub previous: Option<String>,
    /// Sorted by path.
    pub files: Vec<FileEntry>,
}

/// Why some bytes are not a manifest this crate can trust the shape of.
#[derive(Debug, thiserror::Error)]
pub enum ManifestError {
    #[error("{0}")]
    Json(#[from] serde_json::Error),
    #[error("its format is “{0}”, not {FORMAT}")]
    Format(String),
    #[error("it lists “{path}”, which is not a plain relative path: {reason}")]
    UnsafePath { path: String, reason: PathRefusal },
}

impl Manifest {
    /// The manifest that follows `previous` (the bytes of the site's last
    /// manifest, if any) for `files`, under the previous manifest's site
    /// name: [`Manifest::following`] its summary. Bytes that are not a
    /// manifest count as no previous manifest.
    pub fn next(
        files: Vec<FileEntry>,
        created: Timestamp,
        valid_for: SignedDuration,
        previous: Option<&[u8]>,
    ) -> Self {
        let previous = previous.and_then(|bytes| Summary::of(bytes).ok());
        Self::following(files, None, created, valid_for, previous.as_ref())
    }

    /// The manifest that follows the one `previous` summarises, for
    /// `files`, of the site named `site`, or without a name, of the
    /// previous manifest's site. When the files and the site are the same
    /// and `created` is no later, it is the previous manifest itself, so
    /// building again changes nothing. Otherwise it is a new one: created at the later of the two
    /// times, so an expiry never moves back; its serial that time in
    /// seconds, or one more than the previous serial when that is not
    /// later; and it names the previous manifest's hash. So a later
    /// `created` alone renews the expiry of unchanged files.
    pub fn following(
        mut files: Vec<FileEntry>,
        site: Option<&str>,
        created: Timestamp,
        valid_for: SignedDuration,
        previous: Option<&Summary>,
    ) -> Self {
        files.sort_by(|a, b| a.path.cmp(&b.path));
        let site = site
            .map(str::to_owned)
            .or_else(|| previous.and_then(|previous| previous.site.clone()));
        if let Some(previous) = previous
            && created <= previous.created
            && previous.site == site
            && let Some(same) = previous.restore(&files)
        {
            return same;
        }
        let header = Header::following(site, created, valid_for, previous);
        Self {
            format: FORMAT.into(),
            site: header.site,
            serial: header.serial,
            created: header.created,
            expires: header.expires,
            previous: header.previous,
            files,
        }
    }

    /// The bytes that are written, signed and hashed: pretty JSON and a
    /// final newline.
    pub fn to_bytes(&self) -> Vec<u8> {
        // About 180 bytes a file: sized once, not doubled as it grows.
        let mut bytes = Vec::with_capacity(256 + self.files.len() * 192);
        if serde_json::to_writer_pretty(&mut bytes, self).is_err() {
            bytes.clear();
        }
        bytes.push(b'\n');
        bytes
    }

    /// Reads a manifest, refusing another format and any path that could
    /// lead outside the site's folder.
    pub fn parse(bytes: &[u8]) -> Result<Self, ManifestError> {
        let manifest: Self = serde_json::from_slice(bytes)?;
        if manifest.format != FORMAT {
            return Err(ManifestError::Format(manifest.format));
        }
        for entry in &manifest.files {
            check_relative_path(&entry.path).map_err(|reason| ManifestError::UnsafePath {
                path: entry.path.clone(),
                reason,
            })?;
        }
        Ok(manifest)
    }

    pub fn by_path(&self) -> BTreeMap<&str, &FileEntry> {
        self.files
            .iter()
            .map(|entry| (entry.path.as_str(), entry))
            .collect()
    }

    pub fn is_expired(&self, now: Timestamp) -> bool {
        now > self.expires
    }
}

#[cfg(test)]
mod site_names;

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::sha256_hex;

    fn entry(path: &str, contents: &str) -> FileEntry {
        FileEntry::for_contents(path, contents.as_bytes())
    }

    fn at(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    /// A first manifest of one file, made at the start of 2026.
    fn first_of(path: &str, valid_for: SignedDuration) -> Manifest {
        Manifest::next(
            vec![entry(path, "a")],
            at("2026-01-01T00:00:00Z"),
            valid_for,
            None,
        )
    }

    #[test]
    fn serials_only_increase_and_unchanged_files_keep_the_manifest() {
        let valid = SignedDuration::from_hours(24 * 90);
        let first = Manifest::next(
            vec![entry("b.html", "b"), entry("a.html", "a")],
            at("2026-01-01T00:00:00Z"),
            valid,
            None,
        );
        assert_eq!(first.files[0].path, "a.html", "files are sorted");
        assert_eq!(first.serial, 1_767_225_600);
        assert_eq!(first.previous, None);
        assert_eq!(first.expires, at("2026-04-01T00:00:00Z"));

        let bytes = first.to_bytes();
        let same = Manifest::next(
            vec![entry("a.html", "a"), entry("b.html", "b")],
            at("2026-01-01T00:00:00Z"),
            valid,
            Some(&bytes),
        );
        assert_eq!(same, first);

        // An edit that leaves the archive's dates alone still moves the serial on.
        let edited = Manifest::next(
            vec![entry("a.html", "a2"), entry("b.html", "b")],
            at("2026-01-01T00:00:00Z"),
            valid,
            Some(&bytes),
        );
        assert_eq!(edited.serial, first.serial + 1);
        assert_eq!(edited.previous, Some(sha256_hex(&bytes)));
        assert_eq!(Manifest::parse(&edited.to_bytes()).unwrap(), edited);

        // A later build takes its serial from its time.
        let later = Manifest::next(
            vec![entry("a.html", "a3")],
            at("2026-02-01T00:00:00Z"),
            valid,
            Some(&edited.to_bytes()),
        );
        assert_eq!(later.serial, 1_769_904_000);
    }

    #[test]
    fn a_later_signing_time_renews_unchanged_files_and_an_earlier_one_keeps_them() {
        let valid = SignedDuration::from_hours(24 * 90);
        let files = || vec![entry("a.html", "a")];
        let first = Manifest::next(files(), at("2024-01-02T00:00:00Z"), valid, None);
        let bytes = first.to_bytes();

        for same_or_earlier in ["2024-01-02T00:00:00Z", "2023-06-01T00:00:00Z"] {
            let again = Manifest::next(files(), at(same_or_earlier), valid, Some(&bytes));
            assert_eq!(again.to_bytes(), bytes, "signed at {same_or_earlier}");
        }

        let renewed = Manifest::next(files(), at("2026-03-01T00:00:00Z"), valid, Some(&bytes));
        assert_eq!(renewed.files, first.files);
        assert_eq!(renewed.serial, 1_772_323_200);
        assert_eq!(renewed.expires, at("2026-05-30T00:00:00Z"));
        assert_eq!(renewed.previous, Some(sha256_hex(&bytes)));

        // A correction built without a signing time keeps the renewed
        // expiry rather than falling back to the archive's old date.
        let corrected = Manifest::next(
            vec![entry("a.html", "a, corrected")],
            at("2024-01-02T00:00:00Z"),
            valid,
            Some(&renewed.to_bytes()),
        );
        assert_eq!(corrected.serial, renewed.serial + 1);
        assert_eq!(corrected.created, renewed.created);
        assert_eq!(corrected.expires, renewed.expires);
    }

    #[test]
    fn a_summary_stands_for_the_previous_manifest() {
        let valid = SignedDuration::from_hours(24);
        let first = first_of("a.html", valid);
        let summary = Summary::of(&first.to_bytes()).unwrap();
        let same = Manifest::following(
            vec![entry("a.html", "a")],
            None,
            first.created,
            valid,
            Some(&summary),
        );
        assert_eq!(same, first);
        let edited = Manifest::following(
            vec![entry("a.html", "b")],
            None,
            first.created,
            valid,
            Some(&summary),
        );
        assert_eq!(edited.serial, first.serial + 1);
        assert_eq!(edited.previous, Some(summary.sha256));
    }

    #[test]
    fn the_bytes_are_pretty_json_with_a_final_newline() {
        let manifest = first_of("a.txt", SignedDuration::from_hours(24));
        let text = String::from_utf8(manifest.to_bytes()).unwrap();
        assert!(text.starts_with("{\n  \"format\": \"samizdat-manifest/1\",\n  \"serial\": 1767225600,\n  \"created\": \"2026-01-01T00:00:00Z\",\n  \"expires\": \"2026-01-02T00:00:00Z\",\n  \"previous\": null,\n"), "{text}");
        assert!(
            text.contains("\"type\": \"text/plain; charset=utf-8\""),
            "{text}"
        );
        assert!(text.ends_with("}\n"));
        assert!(!text.contains("\"site\""), "no name, no field: {text}");
    }

    #[test]
    fn another_format_or_an_escaping_path_is_refused() {
        let mut manifest = first_of("a", SignedDuration::ZERO);
        manifest.files[0].path = "../escape".into();
        assert!(matches!(
            Manifest::parse(&manifest.to_bytes()),
            Err(ManifestError::UnsafePath { path, reason: PathRefusal::DotPart }) if path == "../escape"
        ));
        manifest.files[0].path = "a".into();
        manifest.format = "samizdat-manifest/2".into();
        assert!(matches!(
            Manifest::parse(&manifest.to_bytes()),
            Err(ManifestError::Format(format)) if format == "samizdat-manifest/2"
        ));
        assert!(matches!(
            Manifest::parse(b"not json"),
            Err(ManifestError::Json(_))
        ));
    }

    #[test]
    fn a_manifest_expires_after_its_expiry_only() {
        let manifest = first_of("a", SignedDuration::from_hours(1));
        assert!(!manifest.is_expired(at("2026-01-01T01:00:00Z")));
        assert!(manifest.is_expired(at("2026-01-01T01:00:01Z")));
    }
}
