//! Pages (`kind: page`): built like articles, but outside the lists, feeds
//! and taxonomies, linked from every page's footer, and needing no date.

use std::fs;
use std::path::Path;

use site_gen::build;

fn write(archive: &Path, name: &str, text: &str) {
    let path = archive.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, text).unwrap();
}

#[test]
fn a_page_stands_outside_the_lists_and_feeds() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let out = work.path().join("out");
    fs::create_dir_all(&archive).unwrap();
    fs::write(
        archive.join("site.toml"),
        "title = \"T\"\nbase_url = \"https://example.org\"\n",
    )
    .unwrap();
    write(
        &archive,
        "news/a.md",
        "---\ntitle: Harbour news\ndate: 2026-01-01\ntags: [sea]\n---\nNews.\n",
    );
    write(
        &archive,
        "about.md",
        "---\ntitle: About us\nkind: page\ntags: [sea]\n---\nWho we are.\n",
    );
    build(&archive, &out, true).unwrap();
    let read = |path: &str| fs::read_to_string(out.join(path)).unwrap();

    let page = read("about/index.html");
    assert!(page.contains("Who we are."), "{page}");
    assert!(!page.contains("<time"), "a page shows no date: {page}");
    let home = read("index.html");
    assert!(home.contains("Harbour news") && home.contains("href=\"./about/\">About us</a>"));
    assert!(
        !home.contains("<h2><a href=\"./about/\""),
        "the page is linked from the footer, not listed: {home}"
    );
    assert!(!read("atom.xml").contains("About us"));
    let tag = read("tags/sea/index.html");
    assert!(tag.contains("<h2><a href=\"../../a/\""), "{tag}");
    assert!(!tag.contains("<h2><a href=\"../../about/\""), "{tag}");
    assert!(!read("years/index.html").contains("1970"));
    let sitemap = read("sitemap.xml");
    assert!(sitemap.contains("https://example.org/about/"), "{sitemap}");
    let news = read("a/index.html");
    assert!(news.contains("href=\"../about/\">About us</a>"), "{news}");
    let (_, broken) = site_gen::check::check_links(&out).unwrap();
    assert_eq!(broken, Vec::new());
}

#[test]
fn a_post_still_needs_a_date_and_an_unknown_kind_is_named() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    write(&archive, "a.md", "---\ntitle: A\n---\n");
    write(
        &archive,
        "b.md",
        "---\ntitle: B\ndate: 2026-01-01\nkind: essay\n---\n",
    );
    let problems = build(&archive, &work.path().join("out"), false)
        .unwrap_err()
        .to_string();
    assert!(
        problems.contains("a.md:1: the article has no date"),
        "{problems}"
    );
    assert!(problems.contains("b.md:4: `kind` is “essay”"), "{problems}");
}
