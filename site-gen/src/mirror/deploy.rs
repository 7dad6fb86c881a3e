//! Deploying a site to a static host: a local folder or any S3-compatible
//! bucket. Only changed files are uploaded; the manifest goes last, so no
//! reader ever sees a manifest that names a file not yet there; deletions
//! come after it, and are capped.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as ObjectPath;
use object_store::{Attribute, Attributes, ObjectStore, ObjectStoreExt, PutOptions, PutPayload};

use super::manifest::{Manifest, sha256_hex};
use super::{MANIFEST_PATH, MirrorError, SIGNATURE_PATH, cache_control, content_type};

/// Where a site is deployed.
pub trait Target: Sync {
    fn describe(&self) -> String;
    /// The file at `path`, or `None` where there is none.
    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MirrorError>;
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), MirrorError>;
    fn delete(&self, path: &str) -> Result<(), MirrorError>;
}

#[derive(Clone, Copy, Debug)]
pub struct DeployOptions {
    pub dry_run: bool,
    /// The most files one deploy may delete, as a guard against deploying
    /// the wrong folder.
    pub max_deletes: usize,
}

#[derive(Debug, Default, PartialEq, Eq)]
pub struct DeployPlan {
    pub uploads: Vec<String>,
    pub deletes: Vec<String>,
    pub unchanged: usize,
}

/// How many times an upload is tried before the deploy reports it.
const ATTEMPTS: u32 = 3;

fn with_retries(
    what: &str,
    mut action: impl FnMut() -> Result<(), MirrorError>,
) -> Result<(), MirrorError> {
    let mut last = None;
    for attempt in 0..ATTEMPTS {
        if attempt > 0 {
            std::thread::sleep(Duration::from_millis(250 * 2u64.pow(attempt)));
        }
        match action() {
            Ok(()) => return Ok(()),
            Err(error) => last = Some(error),
        }
    }
    Err(MirrorError::Target(format!(
        "{what}: {} (after {ATTEMPTS} tries; nothing after it was changed, so run the deploy again)",
        last.map(|error| error.to_string()).unwrap_or_default()
    )))
}

pub fn deploy(
    dir: &Path,
    target: &dyn Target,
    options: DeployOptions,
) -> Result<DeployPlan, MirrorError> {
    let manifest_bytes = std::fs::read(dir.join(MANIFEST_PATH)).map_err(|error| {
        MirrorError::io(
            dir.join(MANIFEST_PATH).display(),
            format!("{error}; build the site first, or write one with `site-gen manifest`"),
        )
    })?;
    let manifest = Manifest::parse(&manifest_bytes)?;
    let signature = std::fs::read(dir.join(SIGNATURE_PATH)).ok();
    let remote = match target.get(MANIFEST_PATH)? {
        Some(bytes) => Manifest::parse(&bytes).ok(),
        None => None,
    };
    let remote_files: BTreeMap<&str, &str> = remote
        .iter()
        .flat_map(|manifest| {
            manifest
                .files
                .iter()
                .map(|entry| (entry.path.as_str(), entry.sha256.as_str()))
        })
        .collect();
    let local_files = manifest.by_path();

    let mut plan = DeployPlan::default();
    for entry in &manifest.files {
        if remote_files.get(entry.path.as_str()) == Some(&entry.sha256.as_str()) {
            plan.unchanged += 1;
        } else {
            plan.uploads.push(entry.path.clone());
        }
    }
    plan.deletes = remote_files
        .keys()
        .filter(|path| !local_files.contains_key(*path))
        .map(|path| path.to_string())
        .collect();
    if plan.deletes.len() > options.max_deletes {
        return Err(MirrorError::Rejected(format!(
            "this deploy would delete {} files from {}, more than --max-deletes {}; check that {} is the right folder, or raise the cap",
            plan.deletes.len(),
            target.describe(),
            options.max_deletes,
            dir.display()
        )));
    }
    if options.dry_run {
        return Ok(plan);
    }

    for path in &plan.uploads {
        let bytes = std::fs::read(dir.join(path)).map_err(|error| MirrorError::io(path, error))?;
        let expected = local_files
            .get(path.as_str())
            .map(|entry| entry.sha256.as_str());
        if expected != Some(sha256_hex(&bytes).as_str()) {
            return Err(MirrorError::Rejected(format!(
                "{path}: the file no longer matches the manifest; build the site again"
            )));
        }
        with_retries(path, || target.put(path, &bytes))?;
    }
    if let Some(signature) = &signature {
        with_retries(SIGNATURE_PATH, || target.put(SIGNATURE_PATH, signature))?;
    }
    with_retries(MANIFEST_PATH, || target.put(MANIFEST_PATH, &manifest_bytes))?;
    for path in &plan.deletes {
        with_retries(path, || target.delete(path))?;
    }
    Ok(plan)
}

/// A folder on this machine, such as one a web server serves.
pub struct LocalFolder(pub PathBuf);

impl Target for LocalFolder {
    fn describe(&self) -> String {
        self.0.display().to_string()
    }

    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MirrorError> {
        match std::fs::read(self.0.join(path)) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(MirrorError::io(path, error)),
        }
    }

    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), MirrorError> {
        let to = self.0.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| MirrorError::io(parent.display(), error))?;
        }
        // Written beside, then renamed: a reader sees the old file or the new.
        let temporary = to.with_file_name(format!(
            ".{}.deploying",
            to.file_name()
                .map(|name| name.to_string_lossy())
                .unwrap_or_default()
        ));
        std::fs::write(&temporary, bytes).map_err(|error| MirrorError::io(path, error))?;
        std::fs::rename(&temporary, &to).map_err(|error| MirrorError::io(path, error))
    }

    fn delete(&self, path: &str) -> Result<(), MirrorError> {
        match std::fs::remove_file(self.0.join(path)) {
            Err(error) if error.kind() != std::io::ErrorKind::NotFound => {
                Err(MirrorError::io(path, error))
            }
            _ => Ok(()),
        }
    }
}

/// An S3-compatible bucket, with credentials from the usual AWS
/// environment variables.
pub struct S3Bucket {
    store: AmazonS3,
    prefix: String,
    description: String,
    runtime: tokio::runtime::Runtime,
}

impl S3Bucket {
    /// `url` is `s3://bucket/prefix`; `endpoint` is for S3-compatible
    /// services other than AWS itself.
    pub fn new(url: &str, endpoint: Option<&str>) -> Result<Self, MirrorError> {
        Self::from_builder(url, endpoint, AmazonS3Builder::from_env())
    }

    /// As `new`, with credentials given rather than taken from the environment.
    pub fn with_credentials(
        url: &str,
        endpoint: Option<&str>,
        key_id: &str,
        secret: &str,
    ) -> Result<Self, MirrorError> {
        let builder = AmazonS3Builder::new()
            .with_access_key_id(key_id)
            .with_secret_access_key(secret);
        Self::from_builder(url, endpoint, builder)
    }

    fn from_builder(
        url: &str,
        endpoint: Option<&str>,
        builder: AmazonS3Builder,
    ) -> Result<Self, MirrorError> {
        let rest = url
            .strip_prefix("s3://")
            .ok_or_else(|| MirrorError::Target(format!("“{url}” is not an s3:// URL")))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(MirrorError::Target(format!(
                "“{url}” names no bucket: write s3://bucket/prefix"
            )));
        }
        let mut builder = builder.with_bucket_name(bucket);
        if let Some(endpoint) = endpoint {
            builder = builder
                .with_endpoint(endpoint)
                .with_allow_http(endpoint.starts_with("http://"))
                .with_virtual_hosted_style_request(false);
        }
        if std::env::var_os("AWS_REGION").is_none()
            && std::env::var_os("AWS_DEFAULT_REGION").is_none()
        {
            builder = builder.with_region("us-east-1");
        }
        let store = builder
            .build()
            .map_err(|error| MirrorError::Target(error.to_string()))?;
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|error| MirrorError::Target(error.to_string()))?;
        Ok(Self {
            store,
            prefix: prefix.trim_matches('/').to_string(),
            description: url.to_string(),
            runtime,
        })
    }

    /// The Content-Type and Cache-Control the bucket serves `path` with.
    pub fn served_headers(
        &self,
        path: &str,
    ) -> Result<(Option<String>, Option<String>), MirrorError> {
        self.runtime.block_on(async {
            let result = self
                .store
                .get(&self.location(path))
                .await
                .map_err(|error| MirrorError::Target(error.to_string()))?;
            let attribute =
                |name: &Attribute| result.attributes.get(name).map(|value| value.to_string());
            Ok((
                attribute(&Attribute::ContentType),
                attribute(&Attribute::CacheControl),
            ))
        })
    }

    fn location(&self, path: &str) -> ObjectPath {
        if self.prefix.is_empty() {
            ObjectPath::from(path)
        } else {
            ObjectPath::from(format!("{}/{path}", self.prefix))
        }
    }
}

impl Target for S3Bucket {
    fn describe(&self) -> String {
        self.description.clone()
    }

    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MirrorError> {
        self.runtime.block_on(async {
            match self.store.get(&self.location(path)).await {
                Ok(result) => result
                    .bytes()
                    .await
                    .map(|bytes| Some(bytes.to_vec()))
                    .map_err(|error| MirrorError::Target(error.to_string())),
                Err(object_store::Error::NotFound { .. }) => Ok(None),
                Err(error) => Err(MirrorError::Target(error.to_string())),
            }
        })
    }

    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), MirrorError> {
        let mut attributes = Attributes::new();
        attributes.insert(Attribute::ContentType, content_type(path).into());
        attributes.insert(Attribute::CacheControl, cache_control(path).into());
        let options = PutOptions {
            attributes,
            ..PutOptions::default()
        };
        let payload = PutPayload::from(bytes.to_vec());
        self.runtime
            .block_on(self.store.put_opts(&self.location(path), payload, options))
            .map(|_| ())
            .map_err(|error| MirrorError::Target(error.to_string()))
    }

    fn delete(&self, path: &str) -> Result<(), MirrorError> {
        self.runtime
            .block_on(self.store.delete(&self.location(path)))
            .map_err(|error| MirrorError::Target(error.to_string()))
    }
}

/// A bucket is also a copy of the site to verify or pull from.
impl super::fetch::Source for S3Bucket {
    fn get(&self, path: &str) -> Result<Vec<u8>, MirrorError> {
        Target::get(self, path)?.ok_or_else(|| MirrorError::Fetch {
            url: format!("{}/{path}", self.description),
            message: "no such object".into(),
        })
    }

    fn describe(&self) -> String {
        self.description.clone()
    }
}
