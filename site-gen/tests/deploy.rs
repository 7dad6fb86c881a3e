//! `site-gen deploy` and `verify` against a folder and against buckets on
//! two S3 servers (moto and s3rver) on loopback, driven through the
//! command line as an operator's script would. One story for every host:
//! what the host really holds decides what is uploaded and deleted.

mod common;
mod hosts;

use std::fs;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use hosts::{Host, S3Kind};
use md5::{Digest, Md5};
use site_gen::mirror::keys;

#[test]
fn a_folder_is_deployed_repaired_and_cleared_of_strays() {
    let work = tempfile::tempdir().unwrap();
    deploy_story(&Host::folder(&work.path().join("host")));
}

#[test]
fn a_bucket_on_moto_is_deployed_repaired_and_cleared_of_strays() {
    deploy_story(&Host::s3(S3Kind::Moto));
}

#[test]
fn a_bucket_on_s3rver_is_deployed_repaired_and_cleared_of_strays() {
    deploy_story(&Host::s3(S3Kind::S3rver));
}

fn build(archive: &Path, out: &Path, key: &Path) {
    let status = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(["build", &archive.to_string_lossy(), "-o"])
        .arg(out)
        .arg("--sign-key")
        .arg(key)
        .stderr(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The command said `text`, or the test shows everything it said.
fn assert_said(output: &Output, text: &str) {
    let said = stderr(output);
    assert!(said.contains(text), "expected “{text}” in: {said}");
}

/// What a deploy reports: uploaded (or would upload), unchanged, deleted.
fn counts(output: &Output) -> (usize, usize, usize) {
    let text = stderr(output);
    assert!(output.status.success(), "deploy failed: {text}");
    let summary = text.lines().last().unwrap_or_default();
    let numbers: Vec<usize> = summary
        .rsplit(": ")
        .next()
        .unwrap_or_default()
        .split(", ")
        .filter_map(|part| part.split(' ').find_map(|word| word.parse().ok()))
        .collect();
    let [uploaded, unchanged, deleted] = numbers[..] else {
        panic!("no counts in “{summary}”");
    };
    (uploaded, unchanged, deleted)
}

fn deploy_story(host: &Host) {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    common::copy_examples(&archive);
    let (secret, public) = keys::generate(&work.path().join("samizdat"), None).unwrap();
    let out = work.path().join("site");
    build(&archive, &out, &secret);
    let site = out.to_string_lossy().into_owned();
    let deploy = |extra: &[&str]| {
        let mut args = vec!["deploy", site.as_str(), host.location.as_str()];
        args.extend_from_slice(extra);
        host.site_gen(&args)
    };
    let state = work.path().join("seen.json");
    let verify = || {
        host.site_gen(&[
            "verify",
            &host.location,
            "--key",
            &public.to_string_lossy(),
            "--state",
            &state.to_string_lossy(),
        ])
    };
    let assert_verifies = |when: &str| {
        let verified = verify();
        assert!(verified.status.success(), "{when}: {}", stderr(&verified));
    };
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("samizdat-manifest.json")).unwrap()).unwrap();
    let files = manifest["files"].as_array().unwrap().len();

    let dry = deploy(&["--dry-run"]);
    assert_eq!(counts(&dry), (files, 0, 0));
    assert_said(&dry, "  would upload index.html");
    assert!(!host.holds("index.html"), "a dry run uploads nothing");

    assert_eq!(counts(&deploy(&[])), (files, 0, 0));
    assert_verifies("after the first deploy");
    if host.is_bucket() {
        check_served_headers(host, &manifest);
    }

    // One edited article: only the files it touches go up again.
    let article = archive.join("content/storm-season-guide.md");
    let text = fs::read_to_string(&article).unwrap();
    fs::write(&article, text.replace("nine hours", "eleven hours")).unwrap();
    build(&archive, &out, &secret);
    let (uploaded, unchanged, deleted) = counts(&deploy(&[]));
    assert!((1..20).contains(&uploaded), "{uploaded}");
    assert_eq!((uploaded + unchanged, deleted), (files, 0));
    assert_verifies("after deploying an edit");

    // Someone overwrites a page on the host, keeping its size, so only
    // the checksum (or the bytes read back) can tell.
    let page = fs::read(out.join("index.html")).unwrap();
    let mut tampered = page.clone();
    let middle = tampered.len() / 2;
    tampered[middle] ^= 1;
    host.put("index.html", &tampered);
    let refused = verify();
    assert!(!refused.status.success());
    assert_said(&refused, "index.html");
    let repair = deploy(&[]);
    assert_said(&repair, "  uploaded index.html");
    assert_eq!(counts(&repair), (1, files - 1, 0));
    assert_verifies("after the repair");

    // A file the site does not have is reported, then deleted.
    host.put("stray.txt", b"not the publisher's");
    let refused = verify();
    assert!(!refused.status.success());
    assert_said(&refused, "stray.txt: not in the manifest");
    let clear = deploy(&[]);
    assert_said(&clear, "  deleted stray.txt");
    assert_eq!(counts(&clear), (0, files, 1));
    assert!(!host.holds("stray.txt"));
    assert_verifies("after the stray was deleted");

    if host.is_bucket() {
        objects_uploaded_in_parts_are_read_back(host, &deploy, &page, &tampered, files);
        assert_verifies("after objects uploaded in parts");
    }

    assert_eq!(counts(&deploy(&["--force"])), (files, 0, 0));
    assert_verifies("after a forced deploy");

    // A site that lost most of its files is not deployed over the host.
    for name in [
        "harbour-council-vote.md",
        "conseil-du-port.md",
        "phare-gardiens.md",
    ] {
        fs::remove_file(archive.join("content").join(name)).unwrap();
    }
    build(&archive, &out, &secret);
    let refused = deploy(&["--max-deletes", "3"]);
    assert!(!refused.status.success());
    assert_said(&refused, "more than --max-deletes 3");
    assert_verifies("after the refused deploy, which changed nothing");
}

/// An object uploaded in parts: moto, as AWS does, gives it an ETag
/// ending in `-N`, which is no MD5 of its body, so its bytes are read
/// back; s3rver gives it the body's MD5. Either way a right one stays and
/// a wrong one is sent again, in one part.
fn objects_uploaded_in_parts_are_read_back(
    host: &Host,
    deploy: &dyn Fn(&[&str]) -> Output,
    page: &[u8],
    tampered: &[u8],
    files: usize,
) {
    let md5 = |bytes: &[u8]| {
        Md5::digest(bytes)
            .iter()
            .map(|byte| format!("{byte:02x}"))
            .collect::<String>()
    };
    host.put_in_parts("index.html", page);
    let expected = match host.s3_kind() {
        Some(S3Kind::S3rver) => Some(md5(page)),
        _ => None,
    };
    assert_eq!(host.held("index.html").md5, expected, "an ETag from parts");
    assert_eq!(counts(&deploy(&[])), (0, files, 0));
    host.put_in_parts("index.html", tampered);
    let repair = deploy(&[]);
    assert_said(&repair, "  uploaded index.html");
    assert_eq!(counts(&repair), (1, files - 1, 0));
    assert_eq!(host.held("index.html").md5, Some(md5(page)));
}

fn check_served_headers(host: &Host, manifest: &serde_json::Value) {
    let bucket = host.store();
    let (page_type, page_cache) = bucket.served_headers("index.html").unwrap();
    assert_eq!(page_type.as_deref(), Some("text/html; charset=utf-8"));
    assert_eq!(page_cache.as_deref(), Some("public, max-age=300"));
    let theme = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|file| {
            file["path"]
                .as_str()
                .filter(|path| path.starts_with("assets/theme."))
        })
        .unwrap();
    let (_, asset_cache) = bucket.served_headers(theme).unwrap();
    assert_eq!(
        asset_cache.as_deref(),
        Some("public, max-age=31536000, immutable")
    );
}
