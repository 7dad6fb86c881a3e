//! Signed manifests, verify, pull and deploy, on real builds of the
//! example archive.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};

use samizdat_manifest::{FileProblem, MANIFEST_PATH, PublicKey, SignatureError, TrustError};
use site_gen::mirror::MirrorError;
use site_gen::mirror::deploy::{DeployOptions, deploy};
use site_gen::mirror::keys;
use site_gen::mirror::manifest::Naming;
use site_gen::mirror::pull::pull;
use site_gen::mirror::seen::SeenSerials;
use site_gen::mirror::storage::{HeldFile, Source, Store, Target};
use site_gen::mirror::verify::verify_site;
use site_gen::{BuildOptions, build_with};

/// A copy of a site in a folder.
fn folder(dir: &Path) -> Store {
    Store::folder(dir).unwrap()
}

fn missing(path: &str) -> FileProblem {
    FileProblem::Missing { path: path.into() }
}

struct Publisher {
    work: tempfile::TempDir,
    secret: minisign::SecretKey,
    public: PublicKey,
}

impl Publisher {
    fn new() -> Self {
        let work = tempfile::tempdir().unwrap();
        let archive = work.path().join("archive");
        common::copy_examples(&archive);
        let (secret, public) = keys::generate(&work.path().join("samizdat"), None).unwrap();
        Self {
            secret: keys::load_secret(&secret).unwrap(),
            public: keys::load_public(&public).unwrap(),
            work,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    fn build(&self, out: &str) -> PathBuf {
        let out = self.path(out);
        build_with(
            &self.path("archive"),
            &out,
            BuildOptions {
                sign_key: Some(&self.secret),
                ..BuildOptions::default()
            },
        )
        .unwrap();
        out
    }

    fn edit_article(&self) {
        let path = self.path("archive/content/storm-season-guide.md");
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("nine hours", "eleven hours");
        fs::write(path, text).unwrap();
    }

    fn seen(&self) -> SeenSerials {
        SeenSerials::load(&self.path("seen.json")).unwrap()
    }

    fn verify(&self, source: &dyn Source) -> Result<Vec<FileProblem>, MirrorError> {
        verify_site(
            source,
            &self.public,
            &mut self.seen(),
            jiff::Timestamp::now(),
        )
        .map(|report| report.problems)
    }
}

#[test]
fn two_signed_builds_into_fresh_folders_are_byte_identical() {
    let publisher = Publisher::new();
    let (one, two) = (publisher.build("one"), publisher.build("two"));
    for file in [MANIFEST_PATH, "samizdat-manifest.json.minisig"] {
        assert_eq!(
            fs::read(one.join(file)).unwrap(),
            fs::read(two.join(file)).unwrap(),
            "{file} differs between two builds of the same archive"
        );
    }
    assert_eq!(
        publisher.verify(&folder(&two)).unwrap(),
        Vec::<FileProblem>::new()
    );
}

#[test]
fn a_signed_build_verifies_and_one_changed_byte_is_named() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    assert_eq!(
        publisher.verify(&folder(&out)).unwrap(),
        Vec::<FileProblem>::new()
    );

    let page = out.join("night-watch/index.html");
    let mut bytes = fs::read(&page).unwrap();
    bytes[100] ^= 1;
    fs::write(&page, bytes).unwrap();
    let problems = publisher.verify(&folder(&out)).unwrap();
    assert_eq!(
        problems,
        [FileProblem::WrongContents {
            path: "night-watch/index.html".into()
        }]
    );
    assert_eq!(
        problems[0].to_string(),
        "night-watch/index.html: its contents differ from the manifest's (SHA-256)"
    );
}

#[test]
fn missing_and_unlisted_files_are_reported() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    fs::remove_file(out.join("robots.txt")).unwrap();
    fs::write(out.join("planted.html"), "<script>steal()</script>").unwrap();
    let problems = publisher.verify(&folder(&out)).unwrap();
    assert_eq!(
        problems,
        [
            FileProblem::Unlisted {
                path: "planted.html".into()
            },
            missing("robots.txt")
        ]
    );
}

#[test]
fn a_tampered_manifest_or_another_key_fails_the_signature() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let manifest = fs::read_to_string(out.join(MANIFEST_PATH)).unwrap();
    fs::write(
        out.join(MANIFEST_PATH),
        manifest.replacen("\"size\": ", "\"size\": 1", 1),
    )
    .unwrap();
    assert!(matches!(
        publisher.verify(&folder(&out)),
        Err(MirrorError::Trust(TrustError::Signature(
            SignatureError::Data
        )))
    ));

    let stranger = Publisher::new();
    let other = stranger.build("site");
    assert!(matches!(
        publisher.verify(&folder(&other)),
        Err(MirrorError::Trust(TrustError::Signature(
            SignatureError::OtherKey { .. }
        )))
    ));
}

#[test]
fn an_older_signed_manifest_is_rejected_after_a_newer_one() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let old_copy = publisher.path("old-copy");
    common::copy_dir(&out, &old_copy);

    publisher.edit_article();
    let out = publisher.build("site");
    let old_serial: u64 = serde_json::from_slice::<serde_json::Value>(
        &fs::read(old_copy.join(MANIFEST_PATH)).unwrap(),
    )
    .unwrap()["serial"]
        .as_u64()
        .unwrap();
    let new: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join(MANIFEST_PATH)).unwrap()).unwrap();
    assert_eq!(new["serial"].as_u64().unwrap(), old_serial + 1);
    assert!(
        new["previous"].is_string(),
        "the new manifest names the one it follows"
    );

    // The old copy is validly signed, and accepted until a newer one is seen.
    assert_eq!(
        publisher.verify(&folder(&old_copy)).unwrap(),
        Vec::<FileProblem>::new()
    );
    assert_eq!(
        publisher.verify(&folder(&out)).unwrap(),
        Vec::<FileProblem>::new()
    );
    let replay = publisher.verify(&folder(&old_copy));
    assert!(
        matches!(&replay, Err(MirrorError::Trust(TrustError::Rollback { serial, seen })) if serial < seen),
        "{replay:?}"
    );
}

#[test]
fn an_expired_manifest_is_rejected() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let later = jiff::Timestamp::now()
        .checked_add(jiff::SignedDuration::from_hours(24 * 400))
        .unwrap();
    let result = verify_site(
        &folder(&out),
        &publisher.public,
        &mut publisher.seen(),
        later,
    );
    assert!(
        matches!(&result, Err(MirrorError::Trust(TrustError::Expired(at))) if *at < later),
        "{result:?}"
    );
}

/// Serves a folder over HTTP on loopback, counting the bytes it sends.
struct Origin {
    url: String,
    sent: Arc<AtomicU64>,
    runtime: tokio::runtime::Runtime,
}

/// Serves `router` on a free loopback port: its URL, and the runtime that
/// serves it until dropped.
fn serve_on_loopback(router: axum::Router) -> (String, tokio::runtime::Runtime) {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    runtime.spawn(async move { site_gen::serve::serve(listener, router).await });
    (url, runtime)
}

impl Origin {
    fn start(dir: PathBuf) -> Self {
        let sent = Arc::new(AtomicU64::new(0));
        let counter = sent.clone();
        let router = site_gen::serve::router(dir, &[], None).layer(axum::middleware::map_response(
            move |response: axum::response::Response| {
                let counter = counter.clone();
                async move {
                    let length = response
                        .headers()
                        .get("content-length")
                        .and_then(|value| value.to_str().ok()?.parse::<u64>().ok())
                        .unwrap_or(0);
                    counter.fetch_add(length, Ordering::SeqCst);
                    response
                }
            },
        ));
        let (url, runtime) = serve_on_loopback(router);
        Self { url, sent, runtime }
    }

    fn take_sent(&self) -> u64 {
        self.sent.swap(0, Ordering::SeqCst)
    }
}

#[test]
fn a_pull_after_one_edit_downloads_only_the_changed_files() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let origin = Origin::start(out.clone());
    let mirror = publisher.path("mirror");
    let first = pull(
        &Store::http(&origin.url).unwrap(),
        &mirror,
        &publisher.public,
        &mut publisher.seen(),
        jiff::Timestamp::now(),
    )
    .unwrap();
    assert_eq!(first.downloaded, first.files);
    let everything = origin.take_sent();
    assert!(
        everything > 20_000,
        "the first pull fetched the whole site ({everything} bytes)"
    );
    assert_eq!(
        publisher.verify(&folder(&mirror)).unwrap(),
        Vec::<FileProblem>::new()
    );

    publisher.edit_article();
    publisher.build("site");
    let second = pull(
        &Store::http(&origin.url).unwrap(),
        &mirror,
        &publisher.public,
        &mut publisher.seen(),
        jiff::Timestamp::now(),
    )
    .unwrap();
    let sent = origin.take_sent();
    assert!(
        second.downloaded >= 1 && second.downloaded < second.files / 3,
        "{second:?}"
    );
    assert!(
        sent < everything / 2,
        "the second pull fetched {sent} of {everything} bytes"
    );
    assert!(
        sent >= second.downloaded_bytes,
        "every downloaded byte came over HTTP"
    );
    let page = fs::read_to_string(mirror.join("storm-season-guide/index.html")).unwrap();
    assert!(page.contains("eleven hours"));
    assert_eq!(
        publisher.verify(&folder(&mirror)).unwrap(),
        Vec::<FileProblem>::new()
    );
    drop(origin.runtime);
}

/// An origin whose first answer for the manifest is a 503, as from an
/// overloaded host, and which has no `gone.html`.
fn start_unsteady_origin(dir: PathBuf) -> (String, Arc<AtomicUsize>, tokio::runtime::Runtime) {
    let manifest_requests = Arc::new(AtomicUsize::new(0));
    let counter = manifest_requests.clone();
    let router = site_gen::serve::router(dir, &[], None).layer(axum::middleware::from_fn(
        move |request: axum::extract::Request, next: axum::middleware::Next| {
            let counter = counter.clone();
            async move {
                if request.uri().path() == format!("/{MANIFEST_PATH}")
                    && counter.fetch_add(1, Ordering::SeqCst) == 0
                {
                    return axum::response::IntoResponse::into_response(
                        axum::http::StatusCode::SERVICE_UNAVAILABLE,
                    );
                }
                next.run(request).await
            }
        },
    ));
    let (url, runtime) = serve_on_loopback(router);
    (url, manifest_requests, runtime)
}

#[test]
fn an_http_origin_is_asked_again_after_a_server_error_but_not_after_a_404() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let (url, manifest_requests, runtime) = start_unsteady_origin(out);
    let origin = Store::http(&url).unwrap();
    assert_eq!(
        publisher.verify(&origin).unwrap(),
        Vec::<FileProblem>::new()
    );
    assert_eq!(
        manifest_requests.load(Ordering::SeqCst),
        2,
        "the manifest was asked for again after the 503"
    );
    let gone = Source::get(&origin, "gone.html");
    assert!(
        matches!(&gone, Err(MirrorError::Missing { location }) if location == &format!("{url}gone.html")),
        "{gone:?}"
    );
    drop(runtime);
}

/// A source that fails after a number of files, like a dropped connection.
struct Flaky {
    inner: Store,
    left: Countdown,
}

/// How many more calls succeed, counted down from many threads.
struct Countdown(AtomicUsize);

impl Countdown {
    fn new(calls: usize) -> Self {
        Self(AtomicUsize::new(calls))
    }

    /// Whether one more call may succeed.
    fn take(&self) -> bool {
        self.0
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |left| {
                left.checked_sub(1)
            })
            .is_ok()
    }
}

impl Source for Flaky {
    fn read_into(
        &self,
        path: &str,
        limit: u64,
        sink: &mut site_gen::mirror::storage::Sink,
    ) -> Result<u64, MirrorError> {
        if path != MANIFEST_PATH && !path.ends_with(".minisig") && !self.left.take() {
            return Err(MirrorError::Missing {
                location: format!("{path} (connection reset)"),
            });
        }
        self.inner.read_into(path, limit, sink)
    }
    fn describe(&self) -> String {
        "a flaky origin".into()
    }
}

#[test]
fn an_interrupted_pull_resumes_where_it_stopped() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let mirror = publisher.path("mirror");
    let flaky = Flaky {
        inner: folder(&out),
        left: Countdown::new(10),
    };
    assert!(
        pull(
            &flaky,
            &mirror,
            &publisher.public,
            &mut publisher.seen(),
            jiff::Timestamp::now()
        )
        .is_err()
    );
    assert!(
        !mirror.exists(),
        "nothing is swapped in after an interruption"
    );

    let report = pull(
        &folder(&out),
        &mirror,
        &publisher.public,
        &mut publisher.seen(),
        jiff::Timestamp::now(),
    )
    .unwrap();
    assert_eq!(
        report.reused, 10,
        "the ten files fetched before the interruption are kept"
    );
    assert_eq!(report.downloaded, report.files - 10);
    assert_eq!(
        publisher.verify(&folder(&mirror)).unwrap(),
        Vec::<FileProblem>::new()
    );
}

#[test]
fn a_bad_new_copy_never_replaces_the_verified_one() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let mirror = publisher.path("mirror");
    pull(
        &folder(&out),
        &mirror,
        &publisher.public,
        &mut publisher.seen(),
        jiff::Timestamp::now(),
    )
    .unwrap();

    publisher.edit_article();
    let out = publisher.build("site");
    fs::write(out.join("storm-season-guide/index.html"), "<p>forged</p>").unwrap();
    let result = pull(
        &folder(&out),
        &mirror,
        &publisher.public,
        &mut publisher.seen(),
        jiff::Timestamp::now(),
    );
    assert!(
        matches!(&result, Err(MirrorError::Mismatch { problem, .. }) if problem.path() == "storm-season-guide/index.html"),
        "{result:?}"
    );
    assert!(
        fs::read_to_string(mirror.join("storm-season-guide/index.html"))
            .unwrap()
            .contains("nine hours")
    );
    assert_eq!(
        publisher.verify(&folder(&mirror)).unwrap(),
        Vec::<FileProblem>::new()
    );
}

#[test]
fn deploy_to_a_folder_uploads_changes_only_and_caps_deletions() {
    let publisher = Publisher::new();
    let out = publisher.build("site");
    let target = folder(&publisher.path("host"));
    let options = DeployOptions {
        dry_run: false,
        max_deletes: 5,
        force: false,
    };
    let first = deploy(&out, &target, options).unwrap();
    assert!(first.uploads.len() > 50 && first.deletes.is_empty());
    assert_eq!(
        publisher.verify(&folder(&publisher.path("host"))).unwrap(),
        Vec::<FileProblem>::new()
    );

    publisher.edit_article();
    let out = publisher.build("site");
    let dry = deploy(
        &out,
        &target,
        DeployOptions {
            dry_run: true,
            ..options
        },
    )
    .unwrap();
    let second = deploy(&out, &target, options).unwrap();
    assert_eq!(dry, second, "a dry run plans exactly what the deploy does");
    assert!(
        !second.uploads.is_empty() && second.uploads.len() < 20,
        "{second:?}"
    );
    assert_eq!(second.unchanged + second.uploads.len(), first.uploads.len());
    assert_eq!(
        publisher.verify(&folder(&publisher.path("host"))).unwrap(),
        Vec::<FileProblem>::new()
    );

    // Deploying an almost empty site would delete too much: nothing changes.
    let archive = publisher.path("archive/content");
    for entry in fs::read_dir(&archive).unwrap().flatten().skip(1) {
        if entry.path().is_dir() {
            fs::remove_dir_all(entry.path()).unwrap()
        } else {
            fs::remove_file(entry.path()).unwrap()
        }
    }
    let out = publisher.build("site");
    let refused = deploy(&out, &target, options);
    assert!(
        matches!(&refused, Err(error @ MirrorError::TooManyDeletes { cap: 5, .. }) if error.to_string().contains("--max-deletes 5")),
        "{refused:?}"
    );
    assert_eq!(
        publisher.verify(&folder(&publisher.path("host"))).unwrap(),
        Vec::<FileProblem>::new()
    );
}

/// A host that takes a number of files, then refuses every other, as a
/// full disk or a revoked credential would.
struct Full {
    inner: Store,
    left: Countdown,
}

impl Target for Full {
    fn describe(&self) -> String {
        "a full host".into()
    }
    fn list(&self) -> Result<Vec<HeldFile>, MirrorError> {
        Target::list(&self.inner)
    }
    fn get(&self, path: &str) -> Result<Option<Vec<u8>>, MirrorError> {
        Target::get(&self.inner, path)
    }
    fn put(&self, path: &str, bytes: &[u8]) -> Result<(), MirrorError> {
        if !self.left.take() {
            return Err(MirrorError::io(
                path,
                std::io::ErrorKind::StorageFull.into(),
            ));
        }
        self.inner.put(path, bytes)
    }
    fn delete(&self, path: &str) -> Result<(), MirrorError> {
        self.inner.delete(path)
    }
}

#[test]
fn a_deploy_that_fails_midway_names_the_file_and_leaves_the_old_manifest() {
    let publisher = Publisher::new();
    let host = publisher.path("host");
    let options = DeployOptions {
        dry_run: false,
        max_deletes: 5,
        force: false,
    };
    deploy(&publisher.build("site"), &folder(&host), options).unwrap();
    let deployed = fs::read(host.join(MANIFEST_PATH)).unwrap();

    publisher.edit_article();
    let out = publisher.build("site");
    let full = Full {
        inner: folder(&host),
        left: Countdown::new(1),
    };
    let failed = deploy(&out, &full, options);
    let Err(error @ MirrorError::Deploy { path, .. }) = &failed else {
        panic!("{failed:?}");
    };
    assert_ne!(path, MANIFEST_PATH, "it stopped before the manifest");
    let message = error.to_string();
    assert!(
        message.contains(path.as_str()) && message.contains("run the deploy again"),
        "{message}"
    );
    assert_eq!(
        fs::read(host.join(MANIFEST_PATH)).unwrap(),
        deployed,
        "readers still see the manifest of the last whole deploy"
    );
}

#[test]
fn any_folder_such_as_the_clients_dist_gets_a_manifest_to_verify_and_pull() {
    let publisher = Publisher::new();
    let dist = publisher.path("dist");
    fs::create_dir_all(dist.join("nested")).unwrap();
    fs::write(
        dist.join("index.html"),
        "<!doctype html><title>client</title>",
    )
    .unwrap();
    fs::write(
        dist.join("app-0123456789abcdef_bg.wasm"),
        [0u8, 97, 115, 109],
    )
    .unwrap();
    fs::write(dist.join("nested/icon.svg"), "<svg/>").unwrap();
    let created: jiff::Timestamp = "2026-11-29T00:00:00Z".parse().unwrap();
    let valid = jiff::SignedDuration::from_hours(24 * 30);
    let manifest = site_gen::mirror::manifest::write_for_dir(
        &dist,
        Some(&publisher.secret),
        Some(created),
        valid,
        None,
        Naming {
            site: Some("samizdat-client"),
            rename: false,
        },
    )
    .unwrap();
    assert_eq!(manifest.site.as_deref(), Some("samizdat-client"));
    assert_eq!(manifest.files.len(), 3);
    assert_eq!(manifest.files[0].content_type, "application/wasm");
    let again = site_gen::mirror::manifest::write_for_dir(
        &dist,
        Some(&publisher.secret),
        Some(created),
        valid,
        None,
        Naming::default(),
    )
    .unwrap();
    assert_eq!(
        again, manifest,
        "an unchanged folder keeps its manifest, and its name unless told another"
    );

    let now: jiff::Timestamp = "2026-12-01T00:00:00Z".parse().unwrap();
    let report = verify_site(
        &folder(&dist),
        &publisher.public,
        &mut publisher.seen(),
        now,
    )
    .unwrap();
    assert_eq!(report.problems, Vec::<FileProblem>::new());
    let copy = publisher.path("dist-mirror");
    let pulled = pull(
        &folder(&dist),
        &copy,
        &publisher.public,
        &mut publisher.seen(),
        now,
    )
    .unwrap();
    assert_eq!(pulled.downloaded, 3);
    assert_eq!(fs::read(copy.join("nested/icon.svg")).unwrap(), b"<svg/>");
}
