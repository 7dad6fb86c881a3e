//! Whole builds of real archives: golden output, determinism, atomicity and
//! the errors publishers see.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::{Path, PathBuf};

use run::tree;
use site_gen::build;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn write_article(archive: &Path, name: &str, text: &str) {
    let path = archive.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn golden_files_match_the_example_archive() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("site");
    build(&examples(), &out, true).unwrap();
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    for file in [
        "index.html",
        "conseil-du-port/index.html",
        "night-watch/index.html",
        "atom.xml",
        "rss.xml",
        "feed.json",
        "sitemap.xml",
        "tags/index.html",
    ] {
        let built = fs::read_to_string(out.join(file)).unwrap();
        let golden_path = golden.join(file.replace('/', "__"));
        if std::env::var_os("UPDATE_GOLDEN").is_some() {
            fs::write(&golden_path, &built).unwrap();
        }
        let expected = fs::read_to_string(&golden_path).unwrap_or_else(|_| {
            panic!(
                "{} is missing: run with UPDATE_GOLDEN=1",
                golden_path.display()
            )
        });
        assert_eq!(
            built,
            expected,
            "{file} differs from {}; if the change is meant, run with UPDATE_GOLDEN=1",
            golden_path.display()
        );
    }
}

#[test]
fn two_builds_give_identical_trees() {
    let work = tempfile::tempdir().unwrap();
    build(&examples(), &work.path().join("one"), false).unwrap();
    build(&examples(), &work.path().join("two"), false).unwrap();
    let (one, two) = (
        tree(&work.path().join("one")),
        tree(&work.path().join("two")),
    );
    assert!(one.len() > 50);
    assert_eq!(one, two);
}

#[test]
fn a_failed_build_leaves_the_previous_output() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let out = work.path().join("site");
    write_article(
        &archive,
        "content/a.md",
        "---\ntitle: A\ndate: 2026-01-01\n---\nfirst\n",
    );
    build(&archive, &out, false).unwrap();
    let before = tree(&out);

    write_article(
        &archive,
        "content/b.md",
        "---\ntitle: B\ndate: not a date\n---\n",
    );
    assert!(build(&archive, &out, false).is_err());
    assert_eq!(tree(&out), before, "the previous output is untouched");
    let leftovers: Vec<_> = fs::read_dir(work.path())
        .unwrap()
        .flatten()
        .map(|entry| entry.file_name())
        .collect();
    assert_eq!(
        leftovers.len(),
        2,
        "no staging folder is left behind: {leftovers:?}"
    );
}

#[test]
fn a_folder_site_gen_did_not_write_is_never_replaced() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    write_article(&archive, "a.md", "---\ntitle: A\ndate: 2026-01-01\n---\n");
    let precious = work.path().join("home");
    fs::create_dir_all(&precious).unwrap();
    fs::write(precious.join("thesis.tex"), "years of work").unwrap();
    let problems = build(&archive, &precious, false).unwrap_err().to_string();
    assert!(problems.contains("did not write"), "{problems}");
    assert_eq!(
        fs::read_to_string(precious.join("thesis.tex")).unwrap(),
        "years of work"
    );
}

#[test]
fn every_error_is_reported_at_once_with_file_and_line() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    write_article(
        &archive,
        "content/no-title.md",
        "---\ndate: 2026-01-01\n---\n",
    );
    write_article(&archive, "content/no-date.md", "+++\ntitle = \"x\"\n+++\n");
    write_article(
        &archive,
        "content/bad-date.md",
        "---\ntitle: x\ndate: 31/12/2026\n---\n",
    );
    write_article(
        &archive,
        "content/escape.md",
        "---\ntitle: x\ndate: 2026-01-01\nslug: ../../outside\n---\n",
    );
    write_article(
        &archive,
        "content/alias.md",
        "---\ntitle: x\ndate: 2026-01-01\naliases: [\"../up\"]\n---\n",
    );
    write_article(
        &archive,
        "content/alias-taken.md",
        "---\ntitle: x\ndate: 2026-01-03\naliases: [same]\n---\n",
    );
    write_article(
        &archive,
        "content/one.md",
        "---\ntitle: x\ndate: 2026-01-01\nslug: same\n---\n",
    );
    write_article(
        &archive,
        "content/two.md",
        "---\ntitle: y\ndate: 2026-01-02\nslug: same\n---\n",
    );
    fs::write(
        archive.join("content/latin1.md"),
        b"---\ntitle: caf\xe9\ndate: 2026-01-01\n---\n",
    )
    .unwrap();
    let report = build(&archive, &work.path().join("out"), false)
        .unwrap_err()
        .to_string();
    for expected in [
        "content/no-title.md:1: the article has no title",
        "content/no-date.md:1: the article has no date",
        "content/bad-date.md:3: `date` is “31/12/2026”, which is not a date",
        "content/escape.md:4: the slug “../../outside” has an empty, `.` or `..` part",
        "content/alias.md:4: the alias “../up” has an empty, `.` or `..` part",
        "content/one.md: the slug “same” is a URL that content/alias-taken.md takes too",
        "content/two.md: the slug “same” is a URL that content/alias-taken.md takes too",
        "content/latin1.md: the file is not UTF-8 text",
    ] {
        assert!(
            report.contains(expected),
            "missing {expected:?} in:\n{report}"
        );
    }
    assert!(
        !work.path().join("out").exists(),
        "nothing is written when the build fails"
    );
}

#[test]
fn unknown_fields_warn_and_strict_makes_them_errors() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    write_article(
        &archive,
        "a.md",
        "---\ntitle: A\ndate: 2026-01-01\nmood: calm\n---\n",
    );
    let report = build(&archive, &work.path().join("out"), false).unwrap();
    assert_eq!(report.warnings.len(), 1);
    let strict = build(&archive, &work.path().join("strict"), true)
        .unwrap_err()
        .to_string();
    assert!(strict.contains("a.md:4: unknown field `mood`"), "{strict}");
}

#[test]
fn publisher_templates_override_the_built_in_ones() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    write_article(
        &archive,
        "a.md",
        "---\ntitle: Hello\ndate: 2026-01-01\nextra: {kicker: Exclusive}\n---\nBody\n",
    );
    write_article(
        &archive,
        "templates/article.html",
        "<p>{{ article.extra.kicker }}: {{ article.title }}</p>{{ content | safe }}",
    );
    build(&archive, &work.path().join("out"), false).unwrap();
    let page = fs::read_to_string(work.path().join("out/a/index.html")).unwrap();
    assert_eq!(page, "<p>Exclusive: Hello</p><p>Body</p>\n");
}

#[test]
fn every_internal_link_of_the_example_site_resolves() {
    let out = tempfile::tempdir().unwrap();
    let out = out.path().join("site");
    build(&examples(), &out, true).unwrap();
    let (links, broken) = site_gen::check::check_links(&out).unwrap();
    assert!(links > 100, "the check saw the site's links ({links})");
    assert_eq!(broken, Vec::new());

    // The check itself catches a broken link.
    fs::write(
        out.join("extra.html"),
        "<a href=\"gone/\">x</a><a href=\"/rooted/\">y</a>",
    )
    .unwrap();
    let (_, broken) = site_gen::check::check_links(&out).unwrap();
    assert_eq!(broken.len(), 2, "{broken:?}");
}

#[test]
fn site_toml_chooses_the_taxonomies_and_names_a_wrong_one() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    write_article(
        &archive,
        "a.md",
        "---\ntitle: A\ndate: 2026-01-01\ntags: [sea]\nauthors: [Ada]\n---\n",
    );
    fs::write(archive.join("site.toml"), "taxonomies = [\"tags\"]\n").unwrap();
    build(&archive, &work.path().join("out"), false).unwrap();
    assert!(work.path().join("out/tags/sea/index.html").exists());
    assert!(!work.path().join("out/authors").exists());
    assert!(!work.path().join("out/years").exists());
    let page = fs::read_to_string(work.path().join("out/a/index.html")).unwrap();
    assert!(
        !page.contains("authors/"),
        "no links to archives that were not built"
    );

    fs::write(
        archive.join("site.toml"),
        "title = \"x\"\ntaxonomies = [\"tags\", \"moods\"]\n",
    )
    .unwrap();
    let problems = build(&archive, &work.path().join("out2"), false)
        .unwrap_err()
        .to_string();
    assert!(
        problems.contains("site.toml:2: unknown variant `moods`, expected one of `tags`"),
        "{problems}"
    );
}
