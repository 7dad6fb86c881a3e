//! Building the remote stores, HTTP and S3, with one retry policy and one
//! set of timeouts.

use std::time::Duration;

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::http::{HttpBuilder, HttpStore};
use object_store::{BackoffConfig, ClientOptions, RetryConfig};

use crate::mirror::MirrorError;

/// How many times a request is tried before the error is reported.
const ATTEMPTS: usize = 3;

/// Failed requests (connection errors, 5xx and 429 answers) are tried
/// again with a growing pause, up to `ATTEMPTS` tries in all.
fn retry_policy() -> RetryConfig {
    RetryConfig {
        backoff: BackoffConfig {
            init_backoff: Duration::from_millis(400),
            max_backoff: Duration::from_secs(5),
            base: 2.0,
        },
        max_retries: ATTEMPTS - 1,
        retry_timeout: Duration::from_secs(120),
    }
}

/// Generous for a large file on a slow link, short to notice a dead host.
fn http_client_options(allow_http: bool) -> ClientOptions {
    ClientOptions::new()
        .with_connect_timeout(Duration::from_secs(15))
        .with_timeout(Duration::from_secs(300))
        .with_allow_http(allow_http)
}

/// An HTTP(S) origin or mirror of a site at `base`.
pub fn http(base: &str) -> Result<HttpStore, MirrorError> {
    // A trailing `/` would make every request's path start with `//`.
    HttpBuilder::new()
        .with_url(base.trim_end_matches('/'))
        .with_client_options(http_client_options(base.starts_with("http://")))
        .with_retry(retry_policy())
        .build()
        .map_err(|source| MirrorError::Storage {
            location: base.to_string(),
            source,
        })
}

/// An S3 location: the bucket and the prefix inside it, without slashes
/// at either end.
pub struct S3Location<'a> {
    pub bucket: &'a str,
    pub prefix: &'a str,
}

impl<'a> S3Location<'a> {
    /// Reads `s3://bucket/prefix`.
    pub fn parse(url: &'a str) -> Result<Self, MirrorError> {
        let rest = url.strip_prefix("s3://").unwrap_or(url);
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(MirrorError::NoBucket(url.to_string()));
        }
        Ok(Self {
            bucket,
            prefix: prefix.trim_matches('/'),
        })
    }
}

/// The bucket of `location`; `endpoint` is for S3-compatible services
/// other than AWS itself.
pub fn s3(
    location: &S3Location,
    endpoint: Option<&str>,
    builder: AmazonS3Builder,
    url: &str,
) -> Result<AmazonS3, MirrorError> {
    // Client options from the environment are kept: only what the
    // endpoint needs is set.
    let mut builder = builder
        .with_bucket_name(location.bucket)
        .with_retry(retry_policy());
    if let Some(endpoint) = endpoint {
        builder = builder
            .with_endpoint(endpoint)
            .with_allow_http(endpoint.starts_with("http://"))
            .with_virtual_hosted_style_request(false);
    }
    if std::env::var_os("AWS_REGION").is_none() && std::env::var_os("AWS_DEFAULT_REGION").is_none()
    {
        builder = builder.with_region("us-east-1");
    }
    builder.build().map_err(|source| MirrorError::Storage {
        location: url.to_string(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_s3_url_names_a_bucket_and_a_prefix() {
        let location = S3Location::parse("s3://samizdat/lantern/").unwrap();
        assert_eq!((location.bucket, location.prefix), ("samizdat", "lantern"));
        let root = S3Location::parse("s3://samizdat").unwrap();
        assert_eq!((root.bucket, root.prefix), ("samizdat", ""));
        assert!(matches!(
            S3Location::parse("s3:///lantern"),
            Err(MirrorError::NoBucket(url)) if url == "s3:///lantern"
        ));
    }
}
