//! `site-gen deploy` to a real S3 implementation (moto) on loopback,
//! driven through the command line as an operator's script would.

mod common;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

use samizdat_manifest::FileProblem;
use site_gen::mirror::keys;
use site_gen::mirror::seen::SeenSerials;
use site_gen::mirror::storage::Store;
use site_gen::mirror::verify::verify_site;

struct S3Server {
    endpoint: String,
    child: Child,
}

impl S3Server {
    fn start() -> Self {
        let program =
            std::env::var("SAMIZDAT_MOTO_SERVER").unwrap_or_else(|_| "moto_server".into());
        let port = TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let child = Command::new(&program)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {program} ({error}): run scripts/setup"));
        let endpoint = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        while request("GET", port, "/").is_none() {
            assert!(
                Instant::now() < deadline,
                "moto_server did not start on {endpoint}"
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        // Buckets are made by the operator, not by deploy.
        let created = request("PUT", port, "/samizdat").expect("create the bucket");
        assert!(created.starts_with("HTTP/1.1 200"), "{created}");
        Self { endpoint, child }
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

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn site_gen(args: &[&str], endpoint: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(args)
        .args(["--endpoint", endpoint])
        .env("AWS_ACCESS_KEY_ID", "samizdat-test")
        .env("AWS_SECRET_ACCESS_KEY", "samizdat-test")
        .env("AWS_REGION", "us-east-1")
        .output()
        .unwrap()
}

fn build(archive: &Path, out: &Path, key: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args([
            "build",
            &archive.to_string_lossy(),
            "-o",
            &out.to_string_lossy(),
            "--sign-key",
            &key.to_string_lossy(),
        ])
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn summary(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "deploy failed: {stderr}");
    stderr.lines().last().unwrap_or_default().to_string()
}

#[test]
fn deploys_to_s3_uploading_only_changes_with_types_and_caching() {
    let server = S3Server::start();
    let work = tempfile::tempdir().unwrap();
    let archive: PathBuf = work.path().join("archive");
    common::copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples"),
        &archive,
    );
    let (secret, public) = keys::generate(&work.path().join("samizdat"), None).unwrap();
    let out = work.path().join("site");
    build(&archive, &out, &secret);
    let target = "s3://samizdat/lantern";

    let dry = site_gen(
        &["deploy", &out.to_string_lossy(), target, "--dry-run"],
        &server.endpoint,
    );
    assert!(summary(&dry).contains("would upload"));
    let bucket = Store::s3_with_credentials(
        target,
        Some(&server.endpoint),
        "samizdat-test",
        "samizdat-test",
    )
    .unwrap();
    assert!(
        bucket.served_headers("index.html").is_err(),
        "a dry run uploads nothing"
    );

    let first = summary(&site_gen(
        &["deploy", &out.to_string_lossy(), target],
        &server.endpoint,
    ));
    assert!(first.contains(", 0 unchanged, 0 deleted"), "{first}");

    // The bucket is a verifiable copy of the site.
    let mut seen = SeenSerials::load(&work.path().join("seen.json")).unwrap();
    let public_key = keys::load_public(&public).unwrap();
    let verify_bucket = |seen: &mut SeenSerials| {
        verify_site(&bucket, &public_key, seen, jiff::Timestamp::now()).unwrap()
    };
    let report = verify_bucket(&mut seen);
    assert_eq!(report.problems, Vec::<FileProblem>::new());

    let (page_type, page_cache) = bucket.served_headers("index.html").unwrap();
    assert_eq!(page_type.as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(page_cache.as_deref(), Some("public, max-age=300"));
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("samizdat-manifest.json")).unwrap())
            .unwrap();
    let theme = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|file| {
            file["path"]
                .as_str()
                .filter(|path| path.starts_with("assets/theme."))
        })
        .unwrap()
        .to_string();
    let (_, asset_cache) = bucket.served_headers(&theme).unwrap();
    assert_eq!(
        asset_cache.as_deref(),
        Some("public, max-age=31536000, immutable")
    );

    // One edited article: only the files it touches go up again.
    let article = archive.join("content/storm-season-guide.md");
    std::fs::write(
        &article,
        std::fs::read_to_string(&article)
            .unwrap()
            .replace("nine hours", "eleven hours"),
    )
    .unwrap();
    build(&archive, &out, &secret);
    let second = summary(&site_gen(
        &["deploy", &out.to_string_lossy(), target],
        &server.endpoint,
    ));
    let uploaded: usize = second
        .split("uploaded ")
        .nth(1)
        .and_then(|rest| rest.split(',').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap();
    assert!((1..20).contains(&uploaded), "{second}");
    let report = verify_bucket(&mut seen);
    assert_eq!(report.problems, Vec::<FileProblem>::new());

    // A site that lost most of its files is not deployed over the bucket.
    for name in [
        "harbour-council-vote.md",
        "conseil-du-port.md",
        "phare-gardiens.md",
    ] {
        std::fs::remove_file(archive.join("content").join(name)).unwrap();
    }
    build(&archive, &out, &secret);
    let refused = site_gen(
        &[
            "deploy",
            &out.to_string_lossy(),
            target,
            "--max-deletes",
            "3",
        ],
        &server.endpoint,
    );
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("more than --max-deletes 3"));
    let report = verify_bucket(&mut seen);
    assert_eq!(
        report.problems,
        Vec::<FileProblem>::new(),
        "the refused deploy changed nothing"
    );
}
