//! Serials that survive a clean build: the example archive built into
//! fresh folders before and after a correction that changed no date, as CI
//! builds it, checked through the command line a publisher and an
//! operator use.

#[path = "common/cli.rs"]
mod cli;
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use cli::{arg, serial, site_gen, site_gen_with, tree};

const RECORD: &str = ".samizdat/published.json";

/// A publisher's folder: a copy of the example archive and a key pair.
struct Desk(tempfile::TempDir);

impl Desk {
    fn new() -> Self {
        let work = tempfile::tempdir().unwrap();
        common::copy_examples(&work.path().join("archive"));
        site_gen(&["keygen", "--out", arg(&work.path().join("samizdat"))]);
        Self(work)
    }

    fn path(&self, name: &str) -> PathBuf {
        self.0.path().join(name)
    }

    /// A signed build into the fresh folder `out`.
    fn build(&self, out: &str, extra: &[&str]) -> PathBuf {
        let (archive, key, out) = (
            self.path("archive"),
            self.path("samizdat.key"),
            self.path(out),
        );
        let mut args = vec!["build", arg(&archive), "-o", arg(&out)];
        args.extend(["--sign-key", arg(&key)]);
        args.extend(extra);
        site_gen(&args);
        out
    }

    /// A correction to an article's text that leaves every date alone.
    fn correct(&self) {
        let path = self.path("archive/content/storm-season-guide.md");
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains("nine hours"));
        fs::write(path, text.replace("nine hours", "eleven hours")).unwrap();
    }

    /// Runs `verify` or `mirror pull` with the public key and `state`.
    fn check(&self, args: &[&str], state: &Path) -> cli::Run {
        let key = self.path("samizdat.pub");
        let mut args = args.to_vec();
        args.extend(["--key", arg(&key), "--state", arg(state)]);
        site_gen_with(&args, &[])
    }
}

/// An empty state file, as `mktemp` makes.
fn empty_state() -> tempfile::NamedTempFile {
    tempfile::NamedTempFile::new().unwrap()
}

#[test]
fn a_correction_built_in_a_fresh_folder_moves_the_serial_and_the_old_copy_is_refused() {
    let desk = Desk::new();
    let before = desk.build("before", &[]);
    assert!(desk.path("archive").join(RECORD).is_file());
    desk.correct();
    let after = desk.build("after", &[]);
    assert!(
        serial(&after) > serial(&before),
        "{} then {}",
        serial(&before),
        serial(&after)
    );
    let before_sha = samizdat_manifest::sha256_hex(
        &fs::read(before.join(samizdat_manifest::MANIFEST_PATH)).unwrap(),
    );
    assert_eq!(cli::manifest(&after)["previous"], before_sha.as_str());

    let state = empty_state();
    let verified = desk.check(&["verify", arg(&after)], state.path());
    assert!(verified.ok, "{}", verified.stderr);
    let replay = desk.check(&["verify", arg(&before)], state.path());
    assert!(
        !replay.ok && replay.stderr.contains("rollback"),
        "{}",
        replay.stderr
    );

    let state = empty_state();
    let mirror = desk.path("mirror");
    let pulled = desk.check(&["mirror", "pull", arg(&after), arg(&mirror)], state.path());
    assert!(pulled.ok, "{}", pulled.stderr);
    let replay = desk.check(
        &["mirror", "pull", arg(&before), arg(&mirror)],
        state.path(),
    );
    assert!(
        !replay.ok && replay.stderr.contains("rollback"),
        "{}",
        replay.stderr
    );
    let page = fs::read_to_string(mirror.join("storm-season-guide/index.html")).unwrap();
    assert!(
        page.contains("eleven hours"),
        "the mirror keeps the corrected text"
    );
}

#[test]
fn without_the_record_previous_moves_the_serial_from_a_file_or_a_url() {
    let desk = Desk::new();
    let forget_record = || fs::remove_file(desk.path("archive").join(RECORD)).unwrap();
    let before = desk.build("before", &[]);
    forget_record();
    desk.correct();

    // With nothing to follow, the correction gets the same serial, and a
    // reader who has seen one refuses the other as a second text under it.
    let blind = desk.build("blind", &[]);
    forget_record();
    assert_eq!(serial(&blind), serial(&before));
    let state = empty_state();
    assert!(desk.check(&["verify", arg(&blind)], state.path()).ok);
    let other = desk.check(&["verify", arg(&before)], state.path());
    assert!(
        !other.ok && other.stderr.contains("seen before with other contents"),
        "{}",
        other.stderr
    );

    let published = before.join(samizdat_manifest::MANIFEST_PATH);
    let after = desk.build("after", &["--previous", arg(&published)]);
    forget_record();
    assert_eq!(serial(&after), serial(&before) + 1);

    let runtime = tokio::runtime::Runtime::new().unwrap();
    let listener = runtime
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let router = site_gen::serve::router(before.clone(), &[], None);
    runtime.spawn(async move { site_gen::serve::serve(listener, router).await });
    let from_url = desk.build("from-url", &["--previous", &url]);
    assert_eq!(tree(&from_url), tree(&after), "the URL of the site's root");
    forget_record();
    let manifest_url = format!("{url}samizdat-manifest.json");
    let from_manifest_url = desk.build("from-manifest-url", &["--previous", &manifest_url]);
    assert_eq!(tree(&from_manifest_url), tree(&after), "the manifest's URL");

    let archive = desk.path("archive");
    let gone = desk.path("gone.json");
    let out = desk.path("never");
    let refused = site_gen_with(
        &[
            "build",
            arg(&archive),
            "-o",
            arg(&out),
            "--previous",
            arg(&gone),
        ],
        &[],
    );
    assert!(
        !refused.ok && refused.stderr.contains("gone.json") && !out.exists(),
        "{}",
        refused.stderr
    );
}

#[test]
fn the_same_archive_built_twice_into_fresh_folders_is_byte_identical_and_keeps_its_record() {
    let desk = Desk::new();
    let one = desk.build("one", &[]);
    let record = desk.path("archive").join(RECORD);
    let (kept, written_at) = (
        fs::read(&record).unwrap(),
        fs::metadata(&record).unwrap().modified().unwrap(),
    );
    let two = desk.build("two", &[]);
    assert_eq!(tree(&one), tree(&two));
    assert_eq!(fs::read(&record).unwrap(), kept);
    assert_eq!(
        fs::metadata(&record).unwrap().modified().unwrap(),
        written_at,
        "an unchanged build leaves the record alone"
    );
    let published = one.join(samizdat_manifest::MANIFEST_PATH);
    let three = desk.build("three", &["--previous", arg(&published)]);
    assert_eq!(tree(&one), tree(&three));
}
