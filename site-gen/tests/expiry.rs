//! Expiry a publisher can renew: an archive whose newest article is two
//! years old, built and signed today, is refused as expired, with the
//! date and the fix; signed again with a fresh time, it verifies, with no
//! change to its files.

#[path = "common/cli.rs"]
mod cli;

use std::fs;
use std::path::{Path, PathBuf};

use cli::{arg, serial, site_gen, site_gen_with, tree};

/// An archive of one article dated 2024-01-02, and a key pair.
fn quiet_archive(work: &Path) -> PathBuf {
    let archive = work.join("archive");
    fs::create_dir_all(archive.join("content")).unwrap();
    fs::write(
        archive.join("site.toml"),
        "title = \"The Closed Gazette\"\n",
    )
    .unwrap();
    fs::write(
        archive.join("content/last-issue.md"),
        "---\ntitle: The last issue\ndate: 2024-01-02\n---\nWe were shut down today.\n",
    )
    .unwrap();
    site_gen(&["keygen", "--out", arg(&work.join("samizdat"))]);
    archive
}

/// `verify` of `out` with a fresh, empty state file.
fn verify(work: &Path, out: &Path) -> cli::Run {
    let state = tempfile::NamedTempFile::new().unwrap();
    let key = work.join("samizdat.pub");
    site_gen_with(
        &[
            "verify",
            arg(out),
            "--key",
            arg(&key),
            "--state",
            arg(state.path()),
        ],
        &[],
    )
}

fn expires(out: &Path) -> jiff::Timestamp {
    cli::manifest(out)["expires"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[test]
fn a_two_year_old_archive_is_refused_as_expired_until_signed_again() {
    let work = tempfile::tempdir().unwrap();
    let archive = quiet_archive(work.path());
    let key = work.path().join("samizdat.key");
    let out = work.path().join("site");
    let build = |extra: &[&str], env: &[(&str, &str)]| {
        let mut args = vec![
            "build",
            arg(&archive),
            "-o",
            arg(&out),
            "--sign-key",
            arg(&key),
        ];
        args.extend(extra);
        let run = site_gen_with(&args, env);
        assert!(run.ok, "{}", run.stderr);
    };

    build(&[], &[]);
    let refused = verify(work.path(), &out);
    assert!(!refused.ok);
    assert!(
        refused.stderr.contains("expired at 2024-04-01")
            && refused
                .stderr
                .contains("site-gen build ARCHIVE --sign-key KEY --signed-at now"),
        "{}",
        refused.stderr
    );
    let old = tree(&out);
    build(&[], &[]);
    assert_eq!(tree(&out), old, "without a signing time, nothing changes");

    build(&["--signed-at", "now"], &[]);
    let renewed = verify(work.path(), &out);
    assert!(renewed.ok, "{}", renewed.stderr);
    assert!(expires(&out) > jiff::Timestamp::now());
    let old_manifest = old
        .iter()
        .find(|(path, _)| path == "samizdat-manifest.json");
    assert_eq!(
        cli::manifest(&out)["previous"],
        samizdat_manifest::sha256_hex(&old_manifest.unwrap().1).as_str(),
        "the renewed manifest follows the expired one"
    );
    let files = |tree: Vec<(String, Vec<u8>)>| -> Vec<(String, Vec<u8>)> {
        tree.into_iter()
            .filter(|(path, _)| !path.starts_with("samizdat-manifest"))
            .collect()
    };
    assert_eq!(files(tree(&out)), files(old), "only the manifest changed");

    // SOURCE_DATE_EPOCH, as a CI build sets it, renews it too, and the
    // same signing time twice changes nothing.
    let next_year = jiff::Timestamp::now().as_second() + 365 * 86_400;
    let epoch = next_year.to_string();
    let before = serial(&out);
    build(&[], &[("SOURCE_DATE_EPOCH", &epoch)]);
    assert_eq!(serial(&out), u64::try_from(next_year).unwrap());
    assert!(serial(&out) > before);
    let signed = tree(&out);
    build(&[], &[("SOURCE_DATE_EPOCH", &epoch)]);
    assert_eq!(tree(&out), signed);
}

#[test]
fn a_built_folder_is_signed_again_without_building() {
    let work = tempfile::tempdir().unwrap();
    let archive = quiet_archive(work.path());
    let key = work.path().join("samizdat.key");
    let out = work.path().join("site");
    site_gen(&[
        "build",
        arg(&archive),
        "-o",
        arg(&out),
        "--sign-key",
        arg(&key),
    ]);
    let before = cli::manifest(&out);
    assert!(!verify(work.path(), &out).ok);

    let at = "2030-01-01T00:00:00Z";
    let resign = [
        "manifest",
        arg(&out),
        "--sign-key",
        arg(&key),
        "--signed-at",
        at,
    ];
    site_gen(&resign);
    let renewed = verify(work.path(), &out);
    assert!(renewed.ok, "{}", renewed.stderr);
    let after = cli::manifest(&out);
    assert_eq!(
        after["files"], before["files"],
        "the same files, and no others"
    );
    assert_eq!(after["expires"], "2030-04-01T00:00:00Z");
    let signed = tree(&out);
    site_gen(&resign);
    assert_eq!(tree(&out), signed, "the same signing time changes nothing");

    let bad = site_gen_with(&["manifest", arg(&out), "--signed-at", "soon"], &[]);
    assert!(!bad.ok && bad.stderr.contains("RFC 3339"), "{}", bad.stderr);
}
