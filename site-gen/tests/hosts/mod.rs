//! Where the deploy tests deploy: a folder, or a bucket on one of two S3
//! servers (moto and s3rver), each started on a free loopback port for
//! one test and stopped after it.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::path::Path as ObjectPath;
use object_store::{ObjectStoreExt, PutPayload};
use site_gen::mirror::storage::{HeldFile, Store, Target};

pub const BUCKET: &str = "samizdat";
const PREFIX: &str = "lantern";
/// s3rver checks every request's signature against its one built-in
/// account; moto takes any credentials.
const KEY_ID: &str = "S3RVER";
const SECRET: &str = "S3RVER";

#[derive(Clone, Copy, Debug)]
pub enum S3Kind {
    Moto,
    S3rver,
}

struct S3Server {
    kind: S3Kind,
    endpoint: String,
    child: Child,
    /// s3rver keeps its objects in a folder.
    _data: tempfile::TempDir,
}

impl S3Server {
    fn start(kind: S3Kind) -> Self {
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
            .to_string();
        let data = tempfile::tempdir().unwrap();
        let (variable, default, args) = match kind {
            S3Kind::Moto => (
                "SAMIZDAT_MOTO_SERVER",
                "moto_server",
                vec!["-H", "127.0.0.1", "-p", &port],
            ),
            S3Kind::S3rver => (
                "SAMIZDAT_S3RVER",
                "s3rver",
                vec![
                    "-d",
                    data.path().to_str().unwrap(),
                    "-a",
                    "127.0.0.1",
                    "-p",
                    &port,
                    "--silent",
                    "--no-vhost-buckets",
                ],
            ),
        };
        let program = std::env::var(variable).unwrap_or_else(|_| default.into());
        let child = Command::new(&program)
            .args(args)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {program} ({error}): run scripts/setup"));
        let port: u16 = port.parse().unwrap();
        let endpoint = format!("http://127.0.0.1:{port}");
        let server = Self {
            kind,
            endpoint,
            child,
            _data: data,
        };
        let deadline = Instant::now() + Duration::from_secs(30);
        while request("GET", port, "/").is_none() {
            assert!(
                Instant::now() < deadline,
                "{kind:?} did not start on {}",
                server.endpoint
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        // Buckets are made by the operator, not by deploy.
        let created = request("PUT", port, &format!("/{BUCKET}")).expect("create the bucket");
        assert!(created.starts_with("HTTP/1.1 200"), "{kind:?}: {created}");
        server
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The status line of a bare HTTP/1.1 request to loopback, if any came.
fn request(method: &str, port: u16, path: &str) -> Option<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .ok()?;
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .ok()?;
    let mut response = String::new();
    stream.read_to_string(&mut response).ok()?;
    response.lines().next().map(str::to_string)
}

/// A place to deploy to, with a way in that goes around site-gen, as
/// anyone with write access to the host has.
pub struct Host {
    pub location: String,
    server: Option<S3Server>,
    store: Store,
}

impl Host {
    pub fn folder(dir: &Path) -> Self {
        Self {
            location: dir.to_string_lossy().into_owned(),
            server: None,
            store: Store::folder(dir).unwrap(),
        }
    }

    pub fn s3(kind: S3Kind) -> Self {
        let server = S3Server::start(kind);
        let location = format!("s3://{BUCKET}/{PREFIX}");
        let store =
            Store::s3_with_credentials(&location, Some(&server.endpoint), KEY_ID, SECRET).unwrap();
        Self {
            location,
            server: Some(server),
            store,
        }
    }

    pub fn is_bucket(&self) -> bool {
        self.server.is_some()
    }

    pub fn s3_kind(&self) -> Option<S3Kind> {
        self.server.as_ref().map(|server| server.kind)
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Runs site-gen with this host's endpoint and credentials.
    pub fn site_gen(&self, args: &[&str]) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_site-gen"));
        command.args(args);
        if let Some(server) = &self.server {
            command
                .args(["--endpoint", &server.endpoint])
                .env("AWS_ACCESS_KEY_ID", KEY_ID)
                .env("AWS_SECRET_ACCESS_KEY", SECRET)
                .env("AWS_REGION", "us-east-1");
        }
        command.output().unwrap()
    }

    pub fn put(&self, path: &str, bytes: &[u8]) {
        self.store.put(path, bytes).unwrap();
    }

    pub fn holds(&self, path: &str) -> bool {
        Target::get(&self.store, path).unwrap().is_some()
    }

    pub fn held(&self, path: &str) -> HeldFile {
        let listing = Target::list(&self.store).unwrap();
        listing
            .into_iter()
            .find(|file| file.path == path)
            .unwrap_or_else(|| panic!("{path} is not in the listing"))
    }

    /// Uploads `bytes` in parts, as large-file tools do, so that the
    /// object's ETag is no MD5 of its body. Only for buckets.
    pub fn put_in_parts(&self, path: &str, bytes: &[u8]) {
        let server = self.server.as_ref().expect("a bucket");
        let bucket: AmazonS3 = AmazonS3Builder::new()
            .with_endpoint(&server.endpoint)
            .with_allow_http(true)
            .with_virtual_hosted_style_request(false)
            .with_bucket_name(BUCKET)
            .with_region("us-east-1")
            .with_access_key_id(KEY_ID)
            .with_secret_access_key(SECRET)
            .build()
            .unwrap();
        let location = ObjectPath::from(format!("{PREFIX}/{path}"));
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        runtime.block_on(async {
            let mut upload = bucket.put_multipart(&location).await.unwrap();
            upload
                .put_part(PutPayload::from(bytes.to_vec()))
                .await
                .unwrap();
            upload.complete().await.unwrap();
        });
    }
}
