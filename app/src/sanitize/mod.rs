//! Status HTML from any server passes an allowlist before it reaches the page.
//!
//! `policy` decides, in plain Rust, what may stay; `dom` walks the browser's
//! inert parse of the HTML and applies it.

pub mod emoji;
pub mod policy;

#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub use dom::sanitize_html;

/// A link in status HTML as the walk meets it: where it points (already
/// found safe), its `class` and its text. Servers mark mentions and hashtags
/// with classes and text even when the target is on another server.
#[derive(Clone, Copy, Debug, Default)]
pub struct Anchor<'a> {
    pub href: &'a str,
    pub class: &'a str,
    pub text: &'a str,
}
