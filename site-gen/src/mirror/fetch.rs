//! Where a site's files come from: a local folder or any HTTP(S) origin
//! or mirror.

use std::path::PathBuf;
use std::time::Duration;

use super::MirrorError;

/// A copy of a site, read one file at a time.
pub trait Source: Sync {
    /// The bytes of the file at `path`, relative to the site's root.
    fn get(&self, path: &str) -> Result<Vec<u8>, MirrorError>;
    /// Every file's path, where the source can list them.
    fn list(&self) -> Option<Result<Vec<String>, MirrorError>> {
        None
    }
    fn describe(&self) -> String;
}

pub struct LocalDir(pub PathBuf);

impl Source for LocalDir {
    fn get(&self, path: &str) -> Result<Vec<u8>, MirrorError> {
        std::fs::read(self.0.join(path)).map_err(|error| MirrorError::io(path, error))
    }

    fn list(&self) -> Option<Result<Vec<String>, MirrorError>> {
        let mut paths = Vec::new();
        Some(super::manifest::list_files(&self.0, &self.0, &mut paths).map(|()| paths))
    }

    fn describe(&self) -> String {
        self.0.display().to_string()
    }
}

pub struct Http {
    base: String,
    agent: ureq::Agent,
}

impl Http {
    /// `base` is the site's root URL; a trailing `/` is added if missing.
    pub fn new(base: &str) -> Self {
        let base = if base.ends_with('/') {
            base.to_string()
        } else {
            format!("{base}/")
        };
        let config = ureq::Agent::config_builder()
            .timeout_connect(Some(Duration::from_secs(15)))
            .timeout_global(Some(Duration::from_secs(300)))
            .http_status_as_error(false)
            .build();
        Self {
            base,
            agent: config.into(),
        }
    }
}

/// What a path segment escapes: all but RFC 3986's unreserved characters.
const PATH_SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// How many times a failed request is tried before giving up.
const ATTEMPTS: u32 = 3;

impl Source for Http {
    fn get(&self, path: &str) -> Result<Vec<u8>, MirrorError> {
        let encoded: Vec<String> = path
            .split('/')
            .map(|part| percent_encoding::utf8_percent_encode(part, PATH_SEGMENT).to_string())
            .collect();
        let url = format!("{}{}", self.base, encoded.join("/"));
        let mut last = String::new();
        for attempt in 0..ATTEMPTS {
            if attempt > 0 {
                std::thread::sleep(Duration::from_millis(200 * 2u64.pow(attempt)));
            }
            match self.agent.get(&url).call() {
                Ok(mut response) if response.status().is_success() => {
                    return response
                        .body_mut()
                        .with_config()
                        .limit(1 << 30)
                        .read_to_vec()
                        .map_err(|error| MirrorError::Fetch {
                            url: url.clone(),
                            message: error.to_string(),
                        });
                }
                Ok(response) if response.status().is_server_error() || response.status() == 429 => {
                    last = format!("HTTP {}", response.status())
                }
                Ok(response) => {
                    return Err(MirrorError::Fetch {
                        url,
                        message: format!("HTTP {}", response.status()),
                    });
                }
                Err(error) => last = error.to_string(),
            }
        }
        Err(MirrorError::Fetch {
            url,
            message: format!("{last} after {ATTEMPTS} tries"),
        })
    }

    fn describe(&self) -> String {
        self.base.clone()
    }
}

/// A folder path, an `http(s)://` URL, or an `s3://bucket/prefix` (with
/// `endpoint` for S3-compatible services, credentials from the environment).
pub fn source_for(location: &str, endpoint: Option<&str>) -> Result<Box<dyn Source>, MirrorError> {
    if location.starts_with("http://") || location.starts_with("https://") {
        Ok(Box::new(Http::new(location)))
    } else if location.starts_with("s3://") {
        Ok(Box::new(super::deploy::S3Bucket::new(location, endpoint)?))
    } else {
        Ok(Box::new(LocalDir(PathBuf::from(location))))
    }
}
