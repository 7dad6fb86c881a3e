//! Content types and cache lifetimes by file name.

/// The Content-Type a host should send for `path`.
pub fn content_type(path: &str) -> &'static str {
    let ext = path
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "webmanifest" => "application/manifest+json",
        "xml" => "application/xml",
        "txt" => "text/plain; charset=utf-8",
        "minisig" => "text/plain; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        "pdf" => "application/pdf",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        _ => "application/octet-stream",
    }
}

/// Whether the name carries a content hash (`name.0123456789.css`, or
/// Trunk's `name-0123456789abcdef.js`), so it can be cached for ever.
pub fn is_fingerprinted(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or(path);
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    let hash = stem.rsplit(['.', '-']).next().unwrap_or_default();
    hash.len() >= 10 && hash.len() != stem.len() && hash.bytes().all(|b| b.is_ascii_hexdigit())
}

/// The Cache-Control a host should send: long for fingerprinted assets,
/// short for pages and the manifest, which change in place.
pub fn cache_control(path: &str) -> &'static str {
    if is_fingerprinted(path) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=300"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn types_and_lifetimes() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("app_bg.WASM"), "application/wasm");
        assert_eq!(content_type("noext"), "application/octet-stream");
        assert!(is_fingerprinted("assets/theme.0123456789.css"));
        assert!(is_fingerprinted("app-d2933ccc09244899_bg.wasm"));
        assert!(is_fingerprinted("app-d2933ccc09244899.js"));
        assert!(!is_fingerprinted("index.html"));
        assert!(!is_fingerprinted("samizdat-manifest.json"));
        assert!(!is_fingerprinted("2026-11-29-harbour.html"));
        assert_eq!(cache_control("index.html"), "public, max-age=300");
    }
}
