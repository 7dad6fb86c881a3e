//! Where a site keeps its manifest and the manifest's signature.

/// The manifest's path in a site.
pub const MANIFEST_PATH: &str = "samizdat-manifest.json";
/// The signature's path in a site, beside the manifest.
pub const SIGNATURE_PATH: &str = "samizdat-manifest.json.minisig";

/// Whether `path` is the manifest or its signature, which describe the
/// site's files rather than belong to them.
pub fn is_manifest_file(path: &str) -> bool {
    path == MANIFEST_PATH || path == SIGNATURE_PATH
}
