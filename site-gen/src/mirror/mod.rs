//! Mirrors: a manifest of every file in a site, signed by the publisher,
//! so that any copy can be verified, pulled incrementally and deployed.
//! Mirrors are untrusted transport; trust sits in the one signature.
//!
//! The manifest's format, its rules and its signatures are the
//! `samizdat-manifest` crate's; this module writes manifests to folders
//! and moves copies of a site between folders, HTTP origins and buckets.

mod caching;
pub mod deploy;
mod error;
pub mod folder;
pub mod keys;
pub mod manifest;
pub mod published;
pub mod pull;
pub mod seen;
pub mod storage;
pub mod verify;

pub use caching::{FileKind, cache_control};
pub use error::MirrorError;
