//! The publisher's and the operators' part of the drill: build and sign,
//! deploy to a bucket, pull a second mirror, and check copies.

use std::path::{Path, PathBuf};

use e2e::StaticServer;
use e2e::outage::Relay;
use e2e::s3_server::S3Server;

use crate::site_gen::{SiteGen, text};

/// Everything the drill makes on disk, in one temporary folder.
pub struct Work {
    _dir: tempfile::TempDir,
    pub secret_key: PathBuf,
    pub public_key: PathBuf,
    /// The serials seen, one file for the site and the client alike: each
    /// manifest names its site, and each site keeps its own serials.
    pub state: PathBuf,
    /// A copy of the example archive: a signed build keeps its record of
    /// the published manifest in the archive.
    pub archive: PathBuf,
    pub site: PathBuf,
    pub client: PathBuf,
    pub mirror_site: PathBuf,
    pub mirror_client: PathBuf,
}

impl Work {
    pub fn new() -> anyhow::Result<Self> {
        let dir = tempfile::tempdir()?;
        let at = |name: &str| dir.path().join(name);
        let work = Self {
            secret_key: at("publisher.key"),
            public_key: at("publisher.pub"),
            state: at("seen-serials.json"),
            archive: at("archive"),
            site: at("site"),
            client: at("client"),
            mirror_site: at("mirror/site"),
            mirror_client: at("mirror/app"),
            _dir: dir,
        };
        std::fs::create_dir_all(&work.mirror_site)?;
        std::fs::create_dir_all(&work.mirror_client)?;
        Ok(work)
    }

    fn key_name(&self) -> PathBuf {
        self.secret_key.with_extension("")
    }
}

/// A key pair, then the example archive built and signed with it.
pub async fn build_site(site_gen: &SiteGen, work: &Work) -> anyhow::Result<((), String)> {
    site_gen
        .run(&["keygen", "--out", text(&work.key_name())])
        .await?;
    let archive = &work.archive;
    e2e::signed_client::copy_folder(&e2e::repo_root().join("examples"), archive)?;
    let built = site_gen
        .run(&[
            "build",
            text(archive),
            "-o",
            text(&work.site),
            "--sign-key",
            text(&work.secret_key),
        ])
        .await?;
    Ok(((), built))
}

/// The bucket, with the site and the client deployed under their own
/// prefixes, and a host in front of it that serves them.
pub struct FirstHost {
    pub bucket: S3Server,
    /// The host in front of the bucket, which goes dark when cut.
    pub front: Relay,
}

pub async fn deploy(site_gen: &SiteGen, work: &Work) -> anyhow::Result<(FirstHost, String)> {
    let bucket = S3Server::start("drill").await?;
    let endpoint = bucket.endpoint();
    let mut said = Vec::new();
    for (dir, prefix) in [(&work.site, "site"), (&work.client, "app")] {
        let location = bucket.location(prefix);
        let deployed = site_gen
            .run(&["deploy", text(dir), &location, "--endpoint", &endpoint])
            .await?;
        said.push(format!("{location}: {deployed}"));
    }
    let front = Relay::start(bucket.port).await?;
    Ok((FirstHost { bucket, front }, said.join("; ")))
}

impl FirstHost {
    /// The URL of a deployed folder, as the host serves it.
    pub fn url(&self, prefix: &str) -> String {
        format!(
            "http://{}/{}/{prefix}/",
            self.front.addr(),
            self.bucket.bucket
        )
    }
}

/// The second mirror: both folders pulled from the first host, verified
/// as they come, and served from another origin.
pub async fn pull_mirror(
    site_gen: &SiteGen,
    work: &Work,
    first: &FirstHost,
    mirror: &StaticServer,
) -> anyhow::Result<((), String)> {
    let mut said = Vec::new();
    for (prefix, dir) in [("site", &work.mirror_site), ("app", &work.mirror_client)] {
        let pulled = site_gen
            .run(&[
                "mirror",
                "pull",
                &first.url(prefix),
                text(dir),
                "--key",
                text(&work.public_key),
                "--state",
                text(&work.state),
            ])
            .await?;
        said.push(pulled);
    }
    said.push(format!("serving on {}", mirror.url("/")));
    Ok(((), said.join("; ")))
}

/// One byte of the client's wasm flipped on the second mirror: verifying
/// that mirror must name the file.
pub async fn tamper_and_verify(
    site_gen: &SiteGen,
    work: &Work,
    mirror: &StaticServer,
) -> anyhow::Result<((), String)> {
    let wasm = work.mirror_client.join("app_bg.wasm");
    flip_a_byte(&wasm)?;
    let said = site_gen
        .refused(&[
            "verify",
            &mirror.url("/app/"),
            "--key",
            text(&work.public_key),
            "--state",
            text(&work.state),
        ])
        .await?;
    anyhow::ensure!(
        said.contains("app_bg.wasm"),
        "the refusal does not name app_bg.wasm: {said}"
    );
    let line = said.lines().find(|line| line.contains("app_bg.wasm"));
    Ok(((), line.unwrap_or_default().trim().to_string()))
}

pub fn flip_a_byte(path: &Path) -> anyhow::Result<()> {
    let mut bytes = std::fs::read(path)?;
    let middle = bytes.len() / 2;
    anyhow::ensure!(!bytes.is_empty(), "{} is empty", path.display());
    bytes[middle] ^= 0x01;
    std::fs::write(path, bytes)?;
    Ok(())
}

/// The site and the client verified where they were deployed, straight
/// from the bucket.
pub async fn verify_bucket(
    site_gen: &SiteGen,
    work: &Work,
    first: &FirstHost,
) -> anyhow::Result<((), String)> {
    let mut said = Vec::new();
    for prefix in ["site", "app"] {
        let verified = site_gen
            .run(&[
                "verify",
                &first.bucket.location(prefix),
                "--endpoint",
                &first.bucket.endpoint(),
                "--key",
                text(&work.public_key),
                "--state",
                text(&work.state),
            ])
            .await?;
        said.push(verified);
    }
    Ok(((), said.join("; ")))
}
