//! Where copies of a site live: a folder on this machine, any HTTP(S)
//! origin or mirror, or an S3-compatible bucket. All of them are
//! object_store stores behind one `Store`, and the remote ones share one
//! retry policy.

mod remote;
mod store;

pub use store::Store;

use super::MirrorError;

/// Takes a file's bytes a chunk at a time as they arrive.
pub type Sink<'a> = dyn FnMut(&[u8]) -> Result<(), MirrorError> + 'a;

/// A copy of a site, read one file at a time.
pub trait Source: Sync {
    /// Streams the file at `path`, relative to the site's root, into
    /// `sink`, and returns its size. A copy may be hostile: once it has
    /// sent more than `limit` bytes the file is refused with
    /// [`MirrorError::Oversized`] and no more is read, so no answer costs
    /// more memory, disk or bandwidth than the manifest allows.
    fn read_into(&self, path: &str, limit: u64, sink: &mut Sink) -> Result<u64, MirrorError>;
    /// The bytes of the file at `path`, whole.
    fn get(&self, path: &str) -> Result<Vec<u8>, MirrorError> {
        let mut bytes = Vec::new();
        self.read_into(path, u64::MAX, &mut |chunk| {
            bytes.extend_from_slice(chunk);
            Ok(())
        })?;
        Ok(bytes)
    }
    /// Every file's path but the reserved ones, where the source can list them.
    fn list(&self) -> Option<Result<Vec<String>, MirrorError>> {
        None
    }
    fn describe(&self) -> String;
}

/// A file a target holds, as the target's listing describes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeldFile {
    /// Relative to the site's root.
    pub path: String,
    pub size: u64,
    /// The MD5 of the file's bytes, in lowercase hex, where the store
    /// reports it (a bucket's ETag for a single-part upload).
    pub md5: Option<String>,
}

/// Where a site is deployed.
pub trait Target: Sync {
    fn describe(&self) -> String;
    /// Every file the target holds but the reserved ones.
    fn list(&self) -> Result<Vec<HeldFile>, MirrorError>;
    /// The file at `path`, or `None` where there is none.
    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MirrorError>;
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), MirrorError>;
    /// Deleting a file that is not there is no error.
    fn delete(&self, path: &str) -> Result<(), MirrorError>;
}

/// A folder path, an `http(s)://` URL, or an `s3://bucket/prefix` (with
/// `endpoint` for S3-compatible services, credentials from the environment).
pub fn open(location: &str, endpoint: Option<&str>) -> Result<Store, MirrorError> {
    if location.starts_with("http://") || location.starts_with("https://") {
        Store::http(location)
    } else if location.starts_with("s3://") {
        Store::s3(location, endpoint)
    } else {
        Store::folder(location.as_ref())
    }
}
