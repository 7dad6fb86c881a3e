//! How long a host may cache a file, by the kind of file it is.

/// Files a host caches differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// Its name carries a hash of its contents, so it never changes.
    Fingerprinted,
    /// Pages, feeds and the manifest, which change in place.
    Changing,
}

impl FileKind {
    /// Fingerprinted when the name carries a content hash
    /// (`name.0123456789.css`, or Trunk's `name-0123456789abcdef.js`).
    pub fn of(path: &str) -> Self {
        let name = path.rsplit('/').next().unwrap_or(path);
        let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
        let stem = stem.strip_suffix("_bg").unwrap_or(stem);
        let hash = stem.rsplit(['.', '-']).next().unwrap_or_default();
        if hash.len() >= 10
            && hash.len() != stem.len()
            && hash.bytes().all(|b| b.is_ascii_hexdigit())
        {
            Self::Fingerprinted
        } else {
            Self::Changing
        }
    }
}

/// The Cache-Control a host should send: long for fingerprinted assets,
/// short for what changes in place.
pub fn cache_control(kind: FileKind) -> &'static str {
    match kind {
        FileKind::Fingerprinted => "public, max-age=31536000, immutable",
        FileKind::Changing => "public, max-age=300",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_cached_for_ever_and_the_rest_briefly() {
        for hashed in [
            "assets/theme.0123456789.css",
            "app-d2933ccc09244899_bg.wasm",
            "app-d2933ccc09244899.js",
        ] {
            assert_eq!(FileKind::of(hashed), FileKind::Fingerprinted, "{hashed}");
        }
        for changing in [
            "index.html",
            "samizdat-manifest.json",
            "2026-11-29-harbour.html",
        ] {
            assert_eq!(FileKind::of(changing), FileKind::Changing, "{changing}");
        }
        assert_eq!(cache_control(FileKind::Changing), "public, max-age=300");
        assert_eq!(
            cache_control(FileKind::Fingerprinted),
            "public, max-age=31536000, immutable"
        );
    }
}
