//! A site's manifest: every file with its size, SHA-256 and type, a serial
//! that only increases, an expiry, and the publisher's minisign signature
//! over it all. Mirrors are untrusted transport; trust sits in the one
//! signature, which anyone holding the publisher's public key can check.
//!
//! This crate holds the format and its rules, and nothing that touches a
//! disk or a network, so the command line that writes and checks copies
//! and the browser that checks what a mirror served share one definition.

mod content_type;
mod file;
mod manifest;
mod names;
mod path;
mod signature;
mod streamed;
mod summary;
mod trust;

pub use content_type::content_type;
pub use file::{FileEntry, FileProblem, sha256_hex};
pub use manifest::{FORMAT, Manifest, ManifestError};
pub use names::{MANIFEST_PATH, SIGNATURE_PATH, is_manifest_file};
pub use path::{
    MAX_PART_BYTES, MAX_PATH_BYTES, PathRefusal, check_relative_path, is_safe_relative_path,
};
pub use signature::{
    KeyError, PublicKey, SignatureError, SignaturePart, SigningKey, UNTRUSTED_COMMENT,
};
pub use streamed::{FileList, WrittenManifest, read as read_manifest, write_following};
pub use summary::{Summary, files_sha256};
pub use trust::{Accepted, Seen, TrustError, accept};

#[cfg(all(test, target_arch = "wasm32"))]
wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);
