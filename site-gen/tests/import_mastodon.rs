//! `site-gen import mastodon`: archives as Mastodon sends them (zip, and
//! tar.gz from older servers) and as Lifeboat exports them become
//! archives that build into a microblog, and a second import changes
//! nothing.

#[path = "import_mastodon/archives.rs"]
mod archives;
#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::Path;

use run::{assert_holds, build_and_check, read, tree};

/// Runs `site-gen import mastodon SOURCE -o ARCHIVE FLAGS…`; its report.
fn import(source: &Path, archive: &Path, flags: &[&str]) -> String {
    run::import(Some("mastodon"), source.to_str().unwrap(), archive, flags)
}

fn import_again_changes_nothing(source: &Path, archive: &Path, flags: &[&str]) {
    run::reimports_unchanged(Some("mastodon"), source.to_str().unwrap(), archive, flags);
}

fn post(archive: &Path, slug: &str) -> String {
    read(archive.join(format!("content/posts/{slug}/index.md")))
}

#[test]
fn a_zip_archive_becomes_a_microblog_that_builds() {
    let dir = tempfile::tempdir().unwrap();
    let source = archives::zip(dir.path(), "archive-20260110/");
    let archive = dir.path().join("site");
    let report = import(&source, &archive, &[]);

    assert!(report.contains("imported 9 articles: 9 new"), "{report}");
    for skipped in [
        "1 followers-only posts",
        "1 direct messages",
        "1 unreadable activities",
        "1 other activities",
        "1 posts without a date",
    ] {
        assert!(report.contains(skipped), "{skipped}: {report}");
    }
    assert!(report.contains("media: 3 copied, 2 missing"), "{report}");
    assert!(
        report.contains(
            "https://harbour.example/media_attachments/files/000/000/009/original/link.jpg"
        ),
        "{report}"
    );
    assert!(report.contains("points outside the archive"), "{report}");
    // A path that climbs is reported as given, never linked.
    assert!(report.contains("\n  /../../escape.png\n"), "{report}");
    assert!(!post(&archive, "ada-1011").contains("escape.png"));

    // Both path forms of the media, with the archive's folder before them.
    let fixture = archives::fixture().join("media_attachments/files/000/000");
    for (slug, file) in [
        ("ada-1001", "001/original/cat.png"),
        ("ada-1002", "002/original/soup.png"),
    ] {
        let name = Path::new(file).file_name().unwrap();
        assert_eq!(
            fs::read(archive.join("content/posts").join(slug).join(name)).unwrap(),
            fs::read(fixture.join(file)).unwrap()
        );
    }
    let first = post(&archive, "ada-1001");
    assert!(
        first.contains("title: The cat has taken over the boat."),
        "{first}"
    );
    assert!(
        first.contains("![A ginger cat asleep on a coiled rope](<cat.png>)"),
        "{first}"
    );
    assert!(
        first.contains("- Boats") && first.contains("lang: en"),
        "{first}"
    );
    assert!(
        first.contains("[@bob](https://quay.example/@bob)"),
        "{first}"
    );

    let warned = post(&archive, "ada-1002");
    assert_holds(
        &warned,
        &[
            "title: Food, very spicy",
            "content_warning: Food, very spicy",
            "<details><summary>Food, very spicy</summary>",
            "sensitive: true",
        ],
    );

    let sensitive = post(&archive, "ada-1010");
    assert_holds(
        &sensitive,
        &[
            "<details><summary>Sensitive media</summary>",
            "![Waves breaking over the harbour wall](<storm.png>)",
            "title: Waves breaking over the harbour wall",
        ],
    );

    let poll = post(&archive, "ada-1005");
    assert_holds(
        &poll,
        &[
            "- Bowline: 5 votes\n- Clove hitch: 1 vote\n- Sheet bend: 2 votes",
            "Poll closed 2026-01-07 10:00 UTC",
        ],
    );

    let boost = post(&archive, "ada-1006");
    assert_holds(
        &boost,
        &[
            "title: 'Boosted: a post by @bob@quay.example'",
            "<https://quay.example/users/bob/statuses/777>",
        ],
    );
    assert!(post(&archive, "ada-1003").contains("visibility: unlisted"));

    let out = dir.path().join("out");
    build_and_check(&archive, &out);
    let parent = read(out.join("ada-1001/index.html"));
    let replies = &parent[parent.find("data-replies").expect(&parent)..];
    assert!(
        replies.contains("ada-1003/\">Update: the cat now has a life jacket.</a>"),
        "{replies}"
    );
    let reply = read(out.join("ada-1003/index.html"));
    let answered = &reply[reply.find("data-in-reply-to").expect(&reply)..];
    assert!(
        answered.contains("ada-1001/\">The cat has taken over the boat.</a>"),
        "{answered}"
    );
    let elsewhere = read(out.join("ada-1004/index.html"));
    assert!(
        elsewhere.contains(
            "data-in-reply-to>In reply to: <a href=\"https://quay.example/users/bob/statuses/555\""
        ),
        "{elsewhere}"
    );
    assert!(!read(out.join("ada-1004/index.html")).contains("data-replies"));
    assert!(read(out.join("tags/storm/index.html")).contains("ada-1010/"));

    // Nothing was written outside the archive.
    let mut names: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names, ["archive-ada.zip", "out", "site"]);
    assert!(!Path::new("/tmp/samizdat-evil.txt").exists());
    assert!(
        !tree(&archive)
            .iter()
            .any(|(path, _)| path.to_string_lossy().contains("evil"))
    );

    import_again_changes_nothing(&source, &archive, &[]);
}

#[test]
fn a_tar_gz_archive_gives_the_same_articles_and_follows_no_link() {
    let dir = tempfile::tempdir().unwrap();
    let from_zip = dir.path().join("from-zip");
    import(&archives::zip(dir.path(), ""), &from_zip, &[]);
    let source = archives::tar_gz(dir.path());
    let archive = dir.path().join("from-tar");
    let report = import(&source, &archive, &[]);
    assert!(report.contains("imported 9 articles: 9 new"), "{report}");
    assert!(report.contains("media: 3 copied, 2 missing"), "{report}");
    assert!(report.contains("../evil.txt"), "{report}");
    let content = |root: &Path| tree(&root.join("content"));
    assert!(
        content(&archive) == content(&from_zip),
        "the two imports differ"
    );
    assert!(!archive.join("content/posts/ada-1009/link.jpg").exists());
    assert!(!dir.path().parent().unwrap().join("evil.txt").exists());

    build_and_check(&archive, &dir.path().join("out"));
    import_again_changes_nothing(&source, &archive, &[]);
}

#[test]
fn boosts_can_be_left_out_and_private_posts_come_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let folder = archives::fixture();
    let archive = dir.path().join("site");
    let report = import(&folder, &archive, &["--skip-boosts"]);
    assert!(report.contains("imported 8 articles"), "{report}");
    assert!(report.contains("1 boosts"), "{report}");
    assert!(!archive.join("content/posts/ada-1006").exists());
    assert!(!archive.join("content/posts/ada-1007").exists());
    build_and_check(&archive, &dir.path().join("out"));
    import_again_changes_nothing(&folder, &archive, &["--skip-boosts"]);

    let private = dir.path().join("private");
    let report = import(&folder, &private, &["--include-private"]);
    assert!(report.contains("imported 11 articles"), "{report}");
    assert!(
        !report.contains("followers-only") && !report.contains("direct"),
        "{report}"
    );
    assert!(post(&private, "ada-1007").contains("visibility: followers"));
    assert!(post(&private, "ada-1008").contains("visibility: direct"));
    build_and_check(&private, &dir.path().join("out-private"));
}

#[test]
fn a_lifeboat_export_imports_and_builds() {
    let dir = tempfile::tempdir().unwrap();
    let source = archives::lifeboat(dir.path());
    let archive = dir.path().join("site");
    let report = import(&source, &archive, &[]);
    assert!(report.contains("imported 4 articles: 4 new"), "{report}");
    assert!(report.contains("media: 1 copied, 1 missing"), "{report}");
    assert!(
        report.contains("https://files.a.example/m/lost.png"),
        "{report}"
    );
    let site = read(archive.join("site.toml"));
    assert!(
        site.contains("title = \"Léa\"") && site.contains("Nets and boats."),
        "{site}"
    );

    let first = post(&archive, "lea-1");
    assert!(first.contains("![](<net.jpg>)"), "{first}");
    assert!(
        first.contains("![A lost picture](<https://files.a.example/m/lost.png>)"),
        "{first}"
    );
    assert!(
        first.contains("lang: fr") && first.contains("- nets"),
        "{first}"
    );
    assert!(post(&archive, "lea-3").contains("- Fish: 0 votes"));
    assert!(post(&archive, "lea-4").contains("Boosted: <https://b.example/users/bob/statuses/9>"));

    let out = dir.path().join("out");
    build_and_check(&archive, &out);
    assert!(read(out.join("lea-1/index.html")).contains("lea-2/\">And the second net.</a>"));
    assert!(read(out.join("lea-2/index.html")).contains("lea-1/\">Mending nets by the quay.</a>"));
    import_again_changes_nothing(&source, &archive, &[]);
}

#[test]
fn an_archive_without_an_outbox_is_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("not-an-archive");
    fs::create_dir_all(&folder).unwrap();
    fs::write(folder.join("actor.json"), "{}").unwrap();
    let error = run::import_error(Some("mastodon"), folder.to_str().unwrap());
    assert!(
        error.contains("outbox.json") && error.contains("not-an-archive"),
        "{error}"
    );
}

#[test]
fn a_truncated_outbox_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("cut");
    fs::create_dir_all(&folder).unwrap();
    let whole = read(archives::fixture().join("outbox.json"));
    fs::write(folder.join("outbox.json"), &whole[..whole.len() / 2]).unwrap();
    let error = run::import_error(Some("mastodon"), folder.to_str().unwrap());
    let lines = whole[..whole.len() / 2].lines().count();
    assert!(
        error.contains(&format!("outbox.json:{lines}"))
            && error.contains("download the archive again"),
        "{error}"
    );
}

#[test]
fn a_bare_outbox_is_read_with_its_folder_and_its_format_guessed() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("site");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .arg("import")
        .arg(archives::fixture().join("outbox.json"))
        .arg("-o")
        .arg(&archive)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{report}");
    assert!(
        report.contains("imported 9 articles") && report.contains("media: 3 copied"),
        "{report}"
    );
    assert!(archive.join("content/posts/ada-1001/cat.png").exists());
}
