//! moto, a real S3 server, on loopback, with one bucket made the way an
//! operator makes it. Objects are read back anonymously over plain HTTP,
//! path-style (`/bucket/key`), as a static host in front of a public
//! bucket does.

use std::process::Stdio;
use std::time::Duration;

use tokio::process::{Child, Command};

use crate::{free_port, http_ok, wait_for};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

/// The credentials moto accepts; any will do, but they must be set.
pub const CREDENTIALS: [(&str, &str); 3] = [
    ("AWS_ACCESS_KEY_ID", "samizdat-test"),
    ("AWS_SECRET_ACCESS_KEY", "samizdat-test"),
    ("AWS_REGION", "us-east-1"),
];

pub struct S3Server {
    pub port: u16,
    pub bucket: String,
    _child: Child,
}

impl S3Server {
    /// Starts moto on a free port and makes `bucket`. The binary comes from
    /// `$SAMIZDAT_MOTO_SERVER` (set by scripts/env.sh) or from PATH.
    pub async fn start(bucket: &str) -> anyhow::Result<Self> {
        let program =
            std::env::var("SAMIZDAT_MOTO_SERVER").unwrap_or_else(|_| "moto_server".into());
        let port = free_port();
        let child = Command::new(&program)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|error| {
                anyhow::anyhow!("cannot start {program}: {error}; run scripts/setup first")
            })?;
        let endpoint = format!("http://127.0.0.1:{port}");
        wait_for("moto to answer", Duration::from_secs(30), || {
            http_ok(&endpoint)
        })
        .await?;
        make_public_bucket(port, bucket)
            .await
            .map_err(|error| anyhow::anyhow!("moto did not make the bucket {bucket}: {error}"))?;
        Ok(Self {
            port,
            bucket: bucket.to_string(),
            _child: child,
        })
    }

    /// What `--endpoint` takes.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// `s3://bucket/prefix`.
    pub fn location(&self, prefix: &str) -> String {
        format!("s3://{}/{prefix}", self.bucket)
    }
}

/// Makes `bucket` readable by anyone, as a bucket a static host serves
/// from is: the host in front reads it without credentials.
async fn make_public_bucket(port: u16, bucket: &str) -> anyhow::Result<()> {
    let mut stream = tokio::net::TcpStream::connect(("127.0.0.1", port)).await?;
    let request = format!(
        "PUT /{bucket} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nx-amz-acl: public-read\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    );
    stream.write_all(request.as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    let status = answer.lines().next().unwrap_or_default();
    anyhow::ensure!(status.contains(" 200 "), "{status}");
    Ok(())
}
