//! One publisher's key signs two sites, the news site and the client, and
//! a reader keeps their serials apart in one state file: both verify and
//! pull in either order, again and again, while an older copy of either
//! is still refused as a rollback.

#[path = "common/cli.rs"]
mod cli;
mod common;

use std::fs;
use std::path::{Path, PathBuf};

use cli::{arg, serial, site_gen, site_gen_with, tree};

/// A publisher's folder: a copy of the example archive, a key pair, and
/// a state file shared by every check.
struct Desk {
    work: tempfile::TempDir,
    state: tempfile::NamedTempFile,
}

impl Desk {
    fn new() -> Self {
        let work = tempfile::tempdir().unwrap();
        common::copy_examples(&work.path().join("archive"));
        site_gen(&["keygen", "--out", arg(&work.path().join("samizdat"))]);
        Self {
            work,
            state: tempfile::NamedTempFile::new().unwrap(),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    /// A signed build into `out`, signed now so the test does not age.
    fn build(&self, out: &str, extra: &[&str]) -> cli::Run {
        let (archive, key, out) = (
            self.path("archive"),
            self.path("samizdat.key"),
            self.path(out),
        );
        let mut args = vec!["build", arg(&archive), "-o", arg(&out)];
        args.extend(["--sign-key", arg(&key), "--signed-at", "now"]);
        args.extend(extra);
        site_gen_with(&args, &[])
    }

    /// A correction to an article's text that leaves every date alone.
    fn correct(&self) {
        let path = self.path("archive/content/storm-season-guide.md");
        let text = fs::read_to_string(&path).unwrap();
        fs::write(path, text.replace("nine hours", "eleven hours")).unwrap();
    }

    /// A client-like folder holding `wasm`, signed `days_ago` days back,
    /// as `scripts/build-client` signs `dist/`.
    fn client(&self, name: &str, wasm: &[u8], days_ago: i64) -> PathBuf {
        let dir = self.path(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), "<!doctype html><title>app</title>").unwrap();
        fs::write(dir.join("app_bg.wasm"), wasm).unwrap();
        let signed_at = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * days_ago);
        let key = self.path("samizdat.key");
        let mut args = vec!["manifest", arg(&dir), "--sign-key", arg(&key)];
        let signed_at = signed_at.to_string();
        args.extend(["--signed-at", &signed_at, "--site", "samizdat-client"]);
        site_gen(&args);
        dir
    }

    /// `verify`, or `mirror pull` into `into`, of `copy` with the shared
    /// state file.
    fn check(&self, copy: &Path, into: Option<&Path>) -> cli::Run {
        let key = self.path("samizdat.pub");
        let mut args = match into {
            Some(into) => vec!["mirror", "pull", arg(copy), arg(into)],
            None => vec!["verify", arg(copy)],
        };
        args.extend(["--key", arg(&key), "--state", arg(self.state.path())]);
        site_gen_with(&args, &[])
    }

    fn accepted(&self, copy: &Path, into: Option<&Path>) {
        let run = self.check(copy, into);
        assert!(run.ok, "{} into {into:?}: {}", copy.display(), run.stderr);
    }

    fn refused(&self, copy: &Path, into: Option<&Path>, reason: &str) {
        let run = self.check(copy, into);
        assert!(
            !run.ok && run.stderr.contains(reason),
            "{} into {into:?} should be refused with “{reason}”: {}",
            copy.display(),
            run.stderr
        );
    }
}

#[test]
fn a_site_and_the_client_signed_by_one_key_verify_and_pull_with_one_state_file() {
    for client_first in [false, true] {
        let desk = Desk::new();
        let old_site = desk.path("site-1");
        assert!(desk.build("site-1", &[]).ok);
        desk.correct();
        let site = desk.path("site-2");
        assert!(desk.build("site-2", &[]).ok);
        let old_client = desk.client("client-1", b"\0asm one", 2);
        let client = desk.client("client-2", b"\0asm two", 1);
        assert_eq!(cli::manifest(&site)["site"], "the-lantern");
        assert_eq!(cli::manifest(&client)["site"], "samizdat-client");
        assert!(
            serial(&client) < serial(&site),
            "the client's serial is unrelated to the site's, here lower"
        );

        let (mirror_site, mirror_client) = (desk.path("mirror/site"), desk.path("mirror/app"));
        let mut copies = [
            (site.clone(), mirror_site.clone()),
            (client.clone(), mirror_client.clone()),
        ];
        if client_first {
            copies.reverse();
        }
        for _ in 0..2 {
            for (copy, mirror) in &copies {
                desk.accepted(copy, None);
                desk.accepted(copy, Some(mirror));
                desk.accepted(mirror, None);
            }
        }

        let rollback = "rollback";
        desk.refused(&old_site, None, rollback);
        desk.refused(&old_client, None, rollback);
        desk.refused(&old_site, Some(&mirror_site), rollback);
        desk.refused(&old_client, Some(&mirror_client), rollback);
        assert_eq!(
            fs::read(mirror_client.join("app_bg.wasm")).unwrap(),
            b"\0asm two",
            "the mirror keeps the newer client"
        );

        let kept: serde_json::Value =
            serde_json::from_slice(&fs::read(desk.state.path()).unwrap()).unwrap();
        let tracks: Vec<&String> = kept.as_object().unwrap().keys().collect();
        assert_eq!(tracks.len(), 2, "{kept}");
        assert!(tracks[0].ends_with("/samizdat-client"), "{kept}");
        assert!(tracks[1].ends_with("/the-lantern"), "{kept}");
    }
}

#[test]
fn a_copy_of_one_site_is_never_replaced_by_the_other() {
    let desk = Desk::new();
    assert!(desk.build("site", &[]).ok);
    let client = desk.client("client", b"\0asm", 1);
    let mirror = desk.path("mirror");
    desk.accepted(&desk.path("site"), Some(&mirror));
    desk.refused(
        &client,
        Some(&mirror),
        "holds a copy of the site “the-lantern”",
    );
    assert!(mirror.join("index.html").is_file(), "the site stays");
    assert!(!mirror.join("app_bg.wasm").exists());
}

#[test]
fn a_new_site_name_is_refused_unless_the_publisher_starts_a_new_track() {
    let desk = Desk::new();
    let first = desk.build("first", &[]);
    assert!(first.ok, "{}", first.stderr);
    let first = desk.path("first");
    let config = desk.path("archive/site.toml");
    let toml = fs::read_to_string(&config).unwrap();

    // A new title moves the default name: the record names the old one.
    fs::write(&config, toml.replace("The Lantern", "The Lantern Gazette")).unwrap();
    let renamed = desk.build("renamed", &[]);
    assert!(
        !renamed.ok
            && renamed.stderr.contains("site.toml")
            && renamed.stderr.contains("“the-lantern”")
            && renamed.stderr.contains("“the-lantern-gazette”")
            && renamed.stderr.contains("--rename-site"),
        "{}",
        renamed.stderr
    );
    assert!(!desk.path("renamed").exists());

    // Pinning the old name in site_id keeps the site's track.
    fs::write(
        &config,
        format!(
            "{}site_id = \"the-lantern\"\n",
            toml.replace("The Lantern", "The Lantern Gazette")
        ),
    )
    .unwrap();
    let pinned = desk.build("pinned", &[]);
    assert!(pinned.ok, "{}", pinned.stderr);
    assert_eq!(cli::manifest(&desk.path("pinned"))["site"], "the-lantern");

    // Asked for, the new name follows the old manifest on a fresh track.
    fs::write(&config, format!("{toml}site_id = \"lantern\"\n")).unwrap();
    let moved = desk.build("moved", &["--rename-site"]);
    assert!(moved.ok, "{}", moved.stderr);
    let moved = desk.path("moved");
    let manifest = cli::manifest(&moved);
    assert_eq!(manifest["site"], "lantern");
    assert!(serial(&moved) > serial(&desk.path("pinned")));
    desk.accepted(&moved, None);
    // The price of a new track: the old name's manifests are their own
    // track, and stay valid until they expire.
    desk.accepted(&first, None);

    fs::write(&config, format!("{toml}site_id = \"The Lantern\"\n")).unwrap();
    let bad = desk.build("bad", &[]);
    assert!(
        !bad.ok && bad.stderr.contains("site.toml:") && bad.stderr.contains("“the-lantern”"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_folder_keeps_its_site_name_and_changes_it_only_when_told() {
    let desk = Desk::new();
    let client = desk.client("client", b"\0asm", 1);
    let key = desk.path("samizdat.key");
    let manifest = |extra: &[&str]| {
        let mut args = vec!["manifest", arg(&client), "--sign-key", arg(&key)];
        args.extend(extra);
        site_gen_with(&args, &[])
    };
    let before = tree(&client);
    assert!(manifest(&[]).ok);
    assert_eq!(
        tree(&client),
        before,
        "without --site the name is kept, and so is the manifest"
    );
    let other = manifest(&["--site", "lantern-app"]);
    assert!(
        !other.ok
            && other.stderr.contains("“samizdat-client”")
            && other.stderr.contains("--rename-site"),
        "{}",
        other.stderr
    );
    assert_eq!(tree(&client), before, "a refused name writes nothing");
    assert!(manifest(&["--site", "lantern-app", "--rename-site"]).ok);
    assert_eq!(cli::manifest(&client)["site"], "lantern-app");
    let not_a_slug = manifest(&["--site", "Lantern App"]);
    assert!(
        !not_a_slug.ok && not_a_slug.stderr.contains("lower-case letters"),
        "{}",
        not_a_slug.stderr
    );

    // A folder whose manifest named no site, from before names, takes one.
    let unnamed = desk.path("unnamed");
    fs::create_dir_all(&unnamed).unwrap();
    fs::write(unnamed.join("index.html"), "old").unwrap();
    site_gen(&["manifest", arg(&unnamed), "--sign-key", arg(&key)]);
    assert!(cli::manifest(&unnamed).get("site").is_none());
    let old_serial = serial(&unnamed);
    site_gen(&[
        "manifest",
        arg(&unnamed),
        "--sign-key",
        arg(&key),
        "--site",
        "samizdat-client",
    ]);
    assert_eq!(cli::manifest(&unnamed)["site"], "samizdat-client");
    assert!(serial(&unnamed) > old_serial);
}
