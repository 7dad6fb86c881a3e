//! Text helpers every importer needs, so that all formats escape and
//! shorten text the same way.

/// Text as it may stand inside HTML, attribute values included.
pub fn escape_html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
