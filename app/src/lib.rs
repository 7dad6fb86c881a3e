//! Samizdat's client for any server that speaks the Mastodon client API.
//!
//! The crate is layered so that most of it is plain Rust, tested natively:
//! `api` (types, requests, parsing, server dialects), `route` (the hash
//! routes), `status_links` and `sanitize::policy` build on every target.
//! The browser glue, state and views build only for wasm32.

pub mod api;
pub mod i18n;
pub mod route;
pub mod sanitize;
pub mod status_links;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod fuzz;

#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod views;

#[cfg(target_arch = "wasm32")]
pub use views::start;
