//! The live refresh, a theme asset: a file, not inline code, so that pages
//! work under a strict Content-Security-Policy.

use super::{Page, fingerprinted};

const SCRIPT: &str = include_str!("../comments/comments.js");

/// The script at its fingerprinted path.
pub fn script() -> Page {
    Page {
        path: fingerprinted("assets/comments", "js", SCRIPT.as_bytes()),
        contents: SCRIPT.to_string(),
    }
}
