//! WordPress exports become archives that build: WXR 1.2 and 1.0 (other
//! namespace URIs and prefixes), and Latin-1.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::{Path, PathBuf};

use site_gen::Quiet;
use site_gen::import::{Format, ImportOptions, ImportReport, Source};

fn fixture(name: &str) -> PathBuf {
    run::import_fixture("wxr", name)
}

fn import(export: &Path, archive: &Path, uploads: Option<PathBuf>) -> ImportReport {
    let options = ImportOptions {
        uploads,
        ..ImportOptions::default()
    };
    site_gen::import::import(
        Format::Wxr,
        &Source::Path(export.into()),
        archive,
        &options,
        &Quiet,
    )
    .unwrap()
}

fn read(archive: &Path, path: &str) -> String {
    fs::read_to_string(archive.join(path)).unwrap_or_else(|_| panic!("{path} is missing"))
}

/// The line of the `nth` (from 1) line holding `needle` in `file`.
fn line_of(file: &Path, needle: &str, nth: usize) -> usize {
    let text = fs::read_to_string(file).unwrap();
    text.lines()
        .enumerate()
        .filter(|(_, line)| line.contains(needle))
        .nth(nth - 1)
        .map(|(index, _)| index + 1)
        .unwrap()
}

/// Builds the archive strictly, checks its links with `site-gen check`, and
/// imports `export` again, which must change no byte; gives the output.
fn builds_checks_and_reimports_unchanged(
    export: &Path,
    archive: &Path,
    uploads: Option<&Path>,
) -> PathBuf {
    let out = archive.with_extension("out");
    let mut extra = Vec::new();
    if let Some(uploads) = uploads {
        extra.extend(["--uploads", uploads.to_str().unwrap()]);
    }
    run::builds_checks_and_reimports_unchanged(
        None,
        export.to_str().unwrap(),
        archive,
        &extra,
        &out,
    );
    out
}

#[test]
fn a_wxr_1_2_export_becomes_an_archive_that_builds() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let export = fixture("export-1.2.xml");
    let uploads = fixture("uploads");
    let report = import(&export, &archive, Some(uploads.clone()));
    let text = report.to_string();
    assert_eq!((report.created, report.updated), (4, 0), "{text}");
    for (reason, count) in [
        ("drafts", 1),
        ("private posts", 1),
        ("menu items", 1),
        ("spam comments", 1),
        ("unapproved comments", 1),
    ] {
        assert_eq!(report.skipped.get(reason), Some(&count), "{reason}: {text}");
    }
    // The three uploads it uses, and its comments.
    assert_eq!(report.media_copied, 4, "{text}");
    let mut missing = report.media_missing.clone();
    missing.sort();
    assert_eq!(
        missing,
        [
            "https://example.org/wp-content/uploads/2021/01/arrival.mp4",
            "https://example.org/wp-content/uploads/2021/01/night-sky.jpg",
        ]
    );
    let label = export.display().to_string();
    let shortcode: Vec<_> = report
        .warnings
        .iter()
        .filter(|(_, m)| m.contains("[contact-form-7]"))
        .collect();
    assert_eq!(shortcode.len(), 1, "one warning per shortcode name: {text}");
    assert_eq!(shortcode[0].0.file, label);
    assert_eq!(shortcode[0].0.line, Some(line_of(&export, "<item>", 1)));
    assert_eq!(shortcode[0].0.item, Some(1));
    assert!(
        text.contains(&format!(
            "{label}:{} (item 1): the shortcode",
            line_of(&export, "<item>", 1)
        )),
        "{text}"
    );
    let offset = report
        .warnings
        .iter()
        .find(|(_, m)| m.contains("offset +01"))
        .expect(&text);
    assert_eq!(offset.0.item, Some(6));

    let post = read(&archive, "content/posts/hello-world/index.md");
    for field in [
        "title: Hello & welcome\ndate: 2021-01-10T09:30:00Z\nupdated: 2021-02-01T11:00:00Z\nslug: hello-world\n",
        "description: The lighthouse is lit again.\n",
        "tags:\n- Boats\n- Lights\ncategories:\n- News\nauthors:\n- Alice Keeper\n",
        "aliases:\n- 2021/01/hello-world\nimage: lighthouse.jpg\n",
        "  wordpress_id: 10\n",
        "  sticky: true\n",
        "  wordpress_terms:\n    post_format:\n    - Image\n",
    ] {
        assert!(post.contains(field), "{field:?} in\n{post}");
    }
    let body = post.split("\n---\n").nth(1).unwrap();
    for kept in [
        "The **lighthouse** is lit again.  \nIt shines every night.",
        "![The lighthouse at dusk](lighthouse.jpg)",
        "*The lighthouse at dusk*",
        "https://example.org/wp-content/uploads/2021/01/night-sky.jpg",
        "(https://video.example/watch/42)",
        "(https://maps.example/harbour)",
        "[foghorn.mp3](foghorn.mp3)",
        "(https://example.org/wp-content/uploads/2021/01/arrival.mp4)",
        "![The harbour](harbour-300x200.jpg)",
        "contact-form-7",
        "```\nkeep\n  this   spacing\n```",
    ] {
        assert!(body.contains(kept), "{kept:?} in\n{body}");
    }
    for gone in ["wp:paragraph", "alert", "[caption", "[gallery", "[embed"] {
        assert!(!body.contains(gone), "{gone:?} in\n{body}");
    }
    let folder = archive.join("content/posts/hello-world");
    assert_eq!(
        fs::read(folder.join("lighthouse.jpg")).unwrap(),
        fs::read(uploads.join("2021/01/lighthouse.jpg")).unwrap()
    );
    assert!(folder.join("foghorn.mp3").exists() && folder.join("harbour-300x200.jpg").exists());
    let comments = read(&archive, "content/posts/hello-world/comments.json");
    let comments: serde_json::Value = serde_json::from_str(&comments).unwrap();
    assert_eq!(comments.as_array().unwrap().len(), 2, "{comments}");
    assert_eq!(comments[0]["author"], "Marin");
    assert_eq!(comments[0]["content"], "Lovely to see it.\n\nThank you!");
    assert_eq!(comments[0]["date"], "2021-01-11T07:00:00Z");
    assert_eq!(
        (comments[1]["id"].clone(), comments[1]["parent"].clone()),
        (2.into(), 1.into())
    );
    let comments = comments.to_string();
    assert!(
        !comments.contains("@example")
            && !comments.contains("192.0.2")
            && !comments.contains("198.51"),
        "{comments}"
    );

    let about = read(&archive, "content/pages/about/index.md");
    assert!(
        about.contains("kind: page") && !about.contains("date:") && !about.contains("aliases"),
        "{about}"
    );
    assert!(
        about.contains("## Who we are") && about.contains("Keepers of the harbour light"),
        "{about}"
    );
    let team = read(&archive, "content/pages/team/index.md");
    assert!(team.contains("aliases:\n- about/team\n"), "{team}");
    let summer = read(&archive, "content/posts/été-au-port/index.md");
    assert!(
        summer.contains("title: Été au port\ndate: 2020-07-14T17:00:00Z\n"),
        "{summer}"
    );
    assert!(
        summer.contains("wordpress_id: 15") && !summer.contains("aliases"),
        "{summer}"
    );
    assert!(read(&archive, "site.toml").contains("title = \"Harbour Notes\""));

    let out = builds_checks_and_reimports_unchanged(&export, &archive, Some(&uploads));
    assert!(out.join("2021/01/hello-world/index.html").exists());
    let page = fs::read_to_string(out.join("hello-world/index.html")).unwrap();
    let kept = &page[page
        .find("<section class=\"comments\" data-comments-archived")
        .unwrap()..];
    let first = kept.find("data-comment-id=\"1\"").unwrap();
    let answer = kept
        .find("<ol><li class=\"comment\" data-comment-id=\"2\"")
        .unwrap();
    assert!(
        first < answer,
        "the answer is nested under comment 1: {kept}"
    );
    assert!(
        kept.contains("<span class=\"display-name\">Marin</span>")
            && kept.contains("<p>Lovely to see it.</p>"),
        "{kept}"
    );
    assert!(
        !page.contains("assets/comments."),
        "no server, so no live script"
    );
    assert!(out.join("hello-world/lighthouse.jpg").exists());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    let script = home
        .split("<script src=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|src| src.trim_start_matches("./"))
        .expect(&home);
    assert!(
        script.starts_with("assets/wordpress-ids.") && script.ends_with(".js"),
        "{script}"
    );
    let script = fs::read_to_string(out.join(script)).unwrap();
    for (id, path) in [
        ("10", "hello-world/"),
        ("13", "about/"),
        ("15", "été-au-port/"),
    ] {
        assert!(
            script.contains(&format!("\"{id}\":\"{path}\"")),
            "{id} in {script}"
        );
    }
    assert!(
        !script.contains("<") && !home.contains("<script>"),
        "no inline script"
    );
    let article = fs::read_to_string(out.join("hello-world/index.html")).unwrap();
    assert!(
        !article.contains("wordpress-ids"),
        "only the home page loads it"
    );
}

#[test]
fn a_wxr_1_0_export_with_other_prefixes_becomes_an_archive_that_builds() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let export = fixture("export-1.0.xml");
    let report = import(&export, &archive, None);
    let text = report.to_string();
    assert_eq!(report.created, 3, "{text}");
    assert_eq!(
        report.skipped.get("posts pending review"),
        Some(&1),
        "{text}"
    );
    assert_eq!(
        report.media_missing,
        ["http://quay.example/blog/wp-content/uploads/2009/08/tide-chart.png"]
    );
    let utc = report
        .warnings
        .iter()
        .find(|(_, m)| m.contains("taken as UTC"))
        .expect(&text);
    assert_eq!(
        (utc.0.line, utc.0.item),
        (Some(line_of(&export, "<item>", 3)), Some(3))
    );

    let post = read(&archive, "content/posts/first-tide-table/index.md");
    for field in [
        "title: First tide table\ndate: 2009-08-31T18:00:00Z\nslug: first-tide-table\n",
        "description: Tides for September\ntags:\n- Tides\ncategories:\n- Harbour\nauthors:\n- harbourmaster\n",
        "aliases:\n- 2009/08/first-tide-table\n",
        "High water at *noon*.  \nLow water at six.",
        "![](http://quay.example/blog/wp-content/uploads/2009/08/tide-chart.png)",
    ] {
        assert!(post.contains(field), "{field:?} in\n{post}");
    }
    let comments = read(&archive, "content/posts/first-tide-table/comments.json");
    assert!(
        comments.contains("\"type\": \"pingback\"") && comments.contains("A sailor"),
        "{comments}"
    );
    assert!(
        read(&archive, "content/posts/before-the-storm/index.md")
            .contains("date: 2009-08-20T07:30:00Z\n")
    );
    assert!(read(&archive, "content/pages/harbour-rules/index.md").contains("aliases:\n- rules\n"));
    assert!(read(&archive, "site.toml").contains("language = \"fr\""));
    builds_checks_and_reimports_unchanged(&export, &archive, None);
}

#[test]
fn a_latin_1_export_keeps_its_accents() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let export = fixture("latin1.xml");
    let report = import(&export, &archive, None);
    assert_eq!(report.created, 1, "{report}");
    let post = read(&archive, "content/posts/ete-a-noel/index.md");
    for text in [
        "title: L'été à Noël",
        "- Cuisine française",
        "- José Le Guénnéc",
        "Crème brûlée, gâteau à l'œuf — ou presque.",
    ] {
        assert!(post.contains(text), "{text:?} in\n{post}");
    }
    assert!(read(&archive, "site.toml").contains("title = \"Café du Port\""));
    builds_checks_and_reimports_unchanged(&export, &archive, None);
}
