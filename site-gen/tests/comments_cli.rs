//! `site-gen comments refresh` as a publisher runs it: what it reports,
//! and what it leaves in the archive when the comment server is gone.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use site_gen::comments::{Snapshot, save, snapshot_path};

/// Whether the command succeeded, and what it wrote to stderr.
fn site_gen_with(args: &[&str], env: &[(&str, &str)]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(args)
        .envs(env.iter().copied())
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap();
    (
        output.status.success(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

fn site_gen(args: &[&str]) -> String {
    let (ok, stderr) = site_gen_with(args, &[]);
    assert!(ok, "site-gen {args:?} failed:\n{stderr}");
    stderr
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

#[test]
fn an_archive_without_comments_has_nothing_to_refresh() {
    let dir = tempfile::tempdir().unwrap();
    common::copy_examples(dir.path());
    let stderr = site_gen(&["comments", "refresh", arg(dir.path())]);
    assert!(stderr.contains("nothing to refresh"), "{stderr}");
    assert!(!dir.path().join(".samizdat/comments").exists());
}

#[test]
fn a_server_that_is_gone_leaves_the_snapshot_and_fails_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    common::copy_examples(&archive);
    // A port that was free a moment ago: nothing answers there.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let server = format!("http://127.0.0.1:{port}");
    let article = archive.join("content/storm-season-guide.md");
    let text = fs::read_to_string(&article).unwrap();
    let text = text.replacen(
        "---\n",
        &format!("---\ncomments: \"{server}/@ada/42\"\n"),
        1,
    );
    fs::write(&article, text).unwrap();
    let snapshot: Snapshot = serde_json::from_value(serde_json::json!({
        "cut_short": false,
        "fetched_at": "2026-11-01T10:00:00Z",
        "format": "samizdat-comments/1",
        "post": { "counts": { "favourites": 4, "reblogs": 2, "replies": 1 }, "url": format!("{server}/@ada/42") },
        "replies": [{
            "account": { "acct": "alan@other.example", "avatar": null, "display_name": "Alan", "url": null },
            "content": "<p>Kept from the last refresh.</p>",
            "counts": { "favourites": 0, "reblogs": 0, "replies": 0 },
            "created_at": "2026-11-01T09:00:00Z",
            "id": "43",
            "in_reply_to_id": "42",
            "sensitive": false,
            "spoiler_text": "",
            "url": null,
        }],
        "server": server,
        "status_id": "42",
    }))
    .unwrap();
    let path = snapshot_path(&archive, "storm-season-guide");
    save(&path, &snapshot).unwrap();
    let kept = fs::read(&path).unwrap();

    let (ok, stderr) = site_gen_with(
        &["comments", "refresh", arg(&archive)],
        &[("SAMIZDAT_COMMENTS_TOKEN", "very-secret-token")],
    );
    assert!(!ok, "a refresh that failed fails the command");
    assert!(
        stderr.contains("content/storm-season-guide.md: not refreshed, its last snapshot is kept")
            && stderr.contains(&server)
            && stderr.contains("cannot be reached"),
        "{stderr}"
    );
    assert!(!stderr.contains("very-secret-token"));
    assert_eq!(fs::read(&path).unwrap(), kept);

    let out = dir.path().join("site");
    site_gen(&["build", arg(&archive), "-o", arg(&out), "--strict"]);
    let page = fs::read_to_string(out.join("storm-season-guide/index.html")).unwrap();
    assert!(
        page.contains("<p>Kept from the last refresh.</p>")
            && page.contains("<span data-count=\"favourites\">4 favourites</span>"),
        "{page}"
    );
}
