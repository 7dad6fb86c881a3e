//! The file names site-gen keeps for itself in a site's folder: the
//! manifest and its signature, which describe the site's files, and the
//! marker that says a folder is site-gen's output.

pub use samizdat_manifest::{MANIFEST_PATH, SIGNATURE_PATH};

/// Marks a folder as site-gen's output, so a rebuild may replace it. A
/// folder without it is never replaced: it may hold someone's files.
pub const OUTPUT_MARKER: &str = ".site-gen-output";

/// Files that describe the site rather than belong to it, and so are
/// never listed in its manifest.
pub fn is_reserved(path: &str) -> bool {
    samizdat_manifest::is_manifest_file(path) || path == OUTPUT_MARKER
}
