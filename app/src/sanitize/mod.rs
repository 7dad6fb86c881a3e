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
