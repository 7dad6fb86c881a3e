//! One store for every kind of copy: object_store does the reading and
//! writing, this adds the site's view (paths relative to its root, the
//! listing of a folder or a bucket, and the headers a bucket serves files
//! with).

use std::future::Future;
use std::io::Read;
use std::path::{Path, PathBuf};

use futures::StreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::local::LocalFileSystem;
use object_store::path::Path as ObjectPath;
use object_store::{Attribute, Attributes, ObjectStore, ObjectStoreExt, PutOptions, PutPayload};
use samizdat_manifest::content_type;

use super::remote::{self, S3Location};
use super::{HeldFile, Sink, Source, Target};
use crate::mirror::{FileKind, MirrorError, cache_control};

mod listing;
mod resolve;

/// How much of a file is read at a time.
const CHUNK: usize = 64 * 1024;

use resolve::resolve;

pub struct Store {
    inner: Box<dyn ObjectStore>,
    kind: Kind,
    /// Where the site's root is inside the store.
    prefix: String,
    description: String,
    /// Remote stores need tokio; a folder is read on the calling thread.
    runtime: Option<tokio::runtime::Runtime>,
}

enum Kind {
    Folder(PathBuf),
    Http,
    S3,
}

impl Store {
    /// A folder on this machine; it need not exist yet.
    pub fn folder(dir: &Path) -> Result<Self, MirrorError> {
        let absolute = resolve(dir).map_err(|error| MirrorError::io(dir, error))?;
        let prefix =
            ObjectPath::from_absolute_path(&absolute).map_err(|error| MirrorError::Storage {
                location: dir.display().to_string(),
                source: error.into(),
            })?;
        Ok(Self {
            inner: Box::new(LocalFileSystem::new()),
            kind: Kind::Folder(dir.to_path_buf()),
            prefix: prefix.to_string(),
            description: dir.display().to_string(),
            runtime: None,
        })
    }

    /// Any HTTP(S) origin or mirror; `base` is the site's root URL.
    pub fn http(base: &str) -> Result<Self, MirrorError> {
        Ok(Self {
            inner: Box::new(remote::http(base)?),
            kind: Kind::Http,
            prefix: String::new(),
            description: base.to_string(),
            runtime: Some(runtime()?),
        })
    }

    /// An S3-compatible bucket, `s3://bucket/prefix`, with credentials from
    /// the usual AWS environment variables; `endpoint` is for services
    /// other than AWS itself.
    pub fn s3(url: &str, endpoint: Option<&str>) -> Result<Self, MirrorError> {
        Self::s3_with(url, endpoint, AmazonS3Builder::from_env())
    }

    /// As `s3`, with credentials given rather than taken from the environment.
    pub fn s3_with_credentials(
        url: &str,
        endpoint: Option<&str>,
        key_id: &str,
        secret: &str,
    ) -> Result<Self, MirrorError> {
        let builder = AmazonS3Builder::new()
            .with_access_key_id(key_id)
            .with_secret_access_key(secret);
        Self::s3_with(url, endpoint, builder)
    }

    fn s3_with(
        url: &str,
        endpoint: Option<&str>,
        builder: AmazonS3Builder,
    ) -> Result<Self, MirrorError> {
        let location = S3Location::parse(url)?;
        Ok(Self {
            inner: Box::new(remote::s3(&location, endpoint, builder, url)?),
            kind: Kind::S3,
            prefix: location.prefix.to_string(),
            description: url.to_string(),
            runtime: Some(runtime()?),
        })
    }

    fn run<F: Future>(&self, future: F) -> F::Output {
        match &self.runtime {
            Some(runtime) => runtime.block_on(future),
            None => futures::executor::block_on(future),
        }
    }

    /// Where `path`, relative to the site's root, is in the store.
    fn location(&self, path: &str) -> Result<ObjectPath, MirrorError> {
        let full = if self.prefix.is_empty() {
            path.to_string()
        } else {
            format!("{}/{path}", self.prefix)
        };
        ObjectPath::parse(&full).map_err(|error| MirrorError::Storage {
            location: self.name(path),
            source: error.into(),
        })
    }

    /// `path` as the person running site-gen knows it.
    fn name(&self, path: &str) -> String {
        format!("{}/{path}", self.description.trim_end_matches('/'))
    }

    fn failed(&self, path: &str) -> impl FnOnce(object_store::Error) -> MirrorError {
        let location = self.name(path);
        move |source| match source {
            object_store::Error::NotFound { .. } => MirrorError::Missing { location },
            source => MirrorError::Storage { location, source },
        }
    }

    fn read(&self, path: &str) -> Result<Vec<u8>, MirrorError> {
        Source::get(self, path)
    }

    /// What `path` is when the copy sent more than `limit` bytes of it.
    fn oversized(&self, path: &str, limit: u64) -> MirrorError {
        MirrorError::Oversized {
            location: self.name(path),
            declared: limit,
        }
    }

    fn read_folder(
        &self,
        dir: &Path,
        path: &str,
        limit: u64,
        sink: &mut Sink,
    ) -> Result<u64, MirrorError> {
        let location = || self.name(path);
        let file = std::fs::File::open(dir.join(path)).map_err(|error| match error.kind() {
            std::io::ErrorKind::NotFound => MirrorError::Missing {
                location: location(),
            },
            _ => MirrorError::io(location(), error),
        })?;
        // One byte past the limit is enough to know the file is too long.
        let mut file = file.take(limit.saturating_add(1));
        let mut chunk = vec![0; CHUNK];
        let mut size: u64 = 0;
        loop {
            let read = match file.read(&mut chunk) {
                Ok(0) => return Ok(size),
                Ok(read) => read,
                Err(error) if error.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(error) => return Err(MirrorError::io(location(), error)),
            };
            size = size.saturating_add(read as u64);
            if size > limit {
                return Err(self.oversized(path, limit));
            }
            sink(&chunk[..read])?;
        }
    }

    async fn read_remote(
        &self,
        path: &str,
        limit: u64,
        sink: &mut Sink<'_>,
    ) -> Result<u64, MirrorError> {
        let location = self.location(path)?;
        let result = self.inner.get(&location).await.map_err(self.failed(path))?;
        // A declared length past the limit is refused before the body.
        if result.meta.size > limit {
            return Err(self.oversized(path, limit));
        }
        let mut body = result.into_stream();
        let mut size: u64 = 0;
        while let Some(chunk) = body.next().await {
            let chunk = chunk.map_err(self.failed(path))?;
            size = size.saturating_add(chunk.len() as u64);
            if size > limit {
                return Err(self.oversized(path, limit));
            }
            sink(&chunk)?;
        }
        Ok(size)
    }

    /// The Content-Type and Cache-Control the store serves `path` with.
    pub fn served_headers(
        &self,
        path: &str,
    ) -> Result<(Option<String>, Option<String>), MirrorError> {
        let location = self.location(path)?;
        let result = self
            .run(self.inner.get(&location))
            .map_err(self.failed(path))?;
        let attribute =
            |name: &Attribute| result.attributes.get(name).map(|value| value.to_string());
        Ok((
            attribute(&Attribute::ContentType),
            attribute(&Attribute::CacheControl),
        ))
    }
}

fn runtime() -> Result<tokio::runtime::Runtime, MirrorError> {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(MirrorError::Runtime)
}

impl Source for Store {
    fn read_into(&self, path: &str, limit: u64, sink: &mut Sink) -> Result<u64, MirrorError> {
        // Verifying a large site is mostly reading files: object_store's
        // mapping of each path to a file costs a quarter of that time
        // again, so a folder's files are read straight from it. Writes
        // still go through object_store, for its atomic renames.
        match &self.kind {
            Kind::Folder(dir) => self.read_folder(dir, path, limit, sink),
            Kind::Http | Kind::S3 => self.run(self.read_remote(path, limit, sink)),
        }
    }

    /// A folder and a bucket list what they hold; an HTTP origin cannot.
    fn list(&self) -> Option<Result<Vec<String>, MirrorError>> {
        match &self.kind {
            Kind::Folder(dir) => Some(crate::mirror::folder::list_files(dir)),
            Kind::S3 => self
                .held_files()
                .map(|held| held.map(|files| files.into_iter().map(|file| file.path).collect())),
            Kind::Http => None,
        }
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}

impl Target for Store {
    fn describe(&self) -> String {
        self.description.clone()
    }

    fn list(&self) -> Result<Vec<HeldFile>, MirrorError> {
        self.held_files().unwrap_or_else(|| Ok(Vec::new()))
    }

    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MirrorError> {
        match self.read(path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(MirrorError::Missing { .. }) => Ok(None),
            Err(error) => Err(error),
        }
    }

    /// A folder gets the file whole, written beside and renamed, so a
    /// reader sees the old file or the new; a bucket also gets the headers
    /// to serve it with.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), MirrorError> {
        let mut attributes = Attributes::new();
        if let Kind::S3 = self.kind {
            attributes.insert(Attribute::ContentType, content_type(path).into());
            attributes.insert(
                Attribute::CacheControl,
                cache_control(FileKind::of(path)).into(),
            );
        }
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        let location = self.location(path)?;
        let payload = PutPayload::from(bytes.to_vec());
        self.run(self.inner.put_opts(&location, payload, options))
            .map(|_| ())
            .map_err(self.failed(path))
    }

    fn delete(&self, path: &str) -> Result<(), MirrorError> {
        let location = self.location(path)?;
        match self.run(self.inner.delete(&location)) {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(self.failed(path)(error)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_is_found_through_dots_and_made_when_written_to() {
        let work = tempfile::tempdir().unwrap();
        let root = work.path();
        for folder in ["a", "site"] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
        }
        std::fs::write(root.join("site/index.html"), "hello").unwrap();
        let store = Store::folder(&root.join("a/../site/.")).unwrap();
        assert_eq!(Source::get(&store, "index.html").unwrap(), b"hello");
        assert!(matches!(
            Source::get(&store, "gone.html"),
            Err(MirrorError::Missing { location }) if location.ends_with("gone.html")
        ));

        let target = Store::folder(&root.join("a/new/host")).unwrap();
        assert_eq!(Target::get(&target, "x/page.html").unwrap(), None);
        target.put("x/page.html", b"page").unwrap();
        let written = root.join("a/new/host/x/page.html");
        assert_eq!(std::fs::read(&written).unwrap(), b"page");
        target.delete("x/page.html").unwrap();
        target.delete("x/page.html").unwrap();
        assert!(!written.exists());
    }
}
