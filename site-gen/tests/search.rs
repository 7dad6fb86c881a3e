//! The search index of a built site answers queries: folded, stemmed in
//! each article's language, and split so a query reads few files.

#[path = "common/run.rs"]
mod run;
#[path = "common/search_query.rs"]
mod search_query;

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use search_query::Index;
use site_gen::build;

fn examples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

fn built_examples() -> (tempfile::TempDir, PathBuf) {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("site");
    build(&examples(), &out, true).unwrap();
    (work, out)
}

fn set(urls: Vec<String>) -> BTreeSet<String> {
    urls.into_iter().collect()
}

fn urls(list: &[&str]) -> BTreeSet<String> {
    list.iter().map(|url| url.to_string()).collect()
}

#[test]
fn english_and_french_words_find_their_articles() {
    let (_work, site) = built_examples();
    let mut index = Index::open(&site);
    // Stems: the article says "keepers".
    assert_eq!(set(index.search("keeper")), urls(&["night-watch/"]));
    assert_eq!(set(index.search("Keepers")), urls(&["night-watch/"]));
    // French stems: "gardiens" in the text, "gardien" asked.
    assert_eq!(set(index.search("gardien")), urls(&["une-nuit-au-phare/"]));
    // Accents fold away both ways: the text has "équipes" and "décidé".
    assert_eq!(set(index.search("EQUIPE")), urls(&["conseil-du-port/"]));
    // A form no article holds falls back to the stem that starts it.
    assert_eq!(set(index.search("décider")), urls(&["conseil-du-port/"]));
    // Every word must be found; the title's words rank first.
    assert_eq!(
        index.search("night ferry").first().map(String::as_str),
        Some("harbour-council-vote/")
    );
    assert!(index.search("zebra").is_empty());
    assert!(index.search("night zebra").is_empty());
}

#[test]
fn a_query_reads_the_entry_one_words_fragment_one_postings_fragment_and_its_results() {
    let (_work, site) = built_examples();
    let mut index = Index::open(&site);
    let found = index.search("ferry");
    assert!(!found.is_empty());
    let read: Vec<&str> = index.read.iter().map(String::as_str).collect();
    let fragments: Vec<&&str> = read.iter().filter(|name| !name.starts_with("d/")).collect();
    assert_eq!(fragments, [&"entry.js", &"p/0.js", &"w/0.js"]);
    // Then the metadata files of the results, each holding one at least.
    let metadata: Vec<&&str> = read.iter().filter(|name| name.starts_with("d/")).collect();
    assert!(!metadata.is_empty() && metadata.len() <= found.len());
    for name in metadata {
        let text = std::fs::read_to_string(site.join("search").join(name)).unwrap();
        assert!(
            found
                .iter()
                .any(|url| text.contains(&format!("\"u\":\"{url}\""))),
            "{name} holds none of the results {found:?}"
        );
    }
}

#[test]
fn filters_list_each_value_with_its_articles() {
    let (_work, site) = built_examples();
    let mut index = Index::open(&site);
    let filters = index.load("filters");
    let authors: Vec<&str> = filters["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|name| name.as_str().unwrap())
        .collect();
    assert_eq!(authors, ["Jules Arnaud", "Mara Quist"]);
    assert_eq!(filters["years"], serde_json::json!(["2026"]));
    let jules = index.load("f/authors-0");
    let titles: BTreeSet<String> = jules
        .as_array()
        .unwrap()
        .iter()
        .map(|doc| {
            let metadata = index.metadata(doc.as_u64().unwrap());
            metadata["u"].as_str().unwrap().to_string()
        })
        .collect();
    assert_eq!(
        titles,
        urls(&["conseil-du-port/", "night-watch/", "une-nuit-au-phare/"])
    );
}

#[test]
fn the_search_page_is_linked_from_every_page_and_runs_no_inline_script() {
    let (_work, site) = built_examples();
    let page = fs::read_to_string(site.join("search/index.html")).unwrap();
    assert!(page.contains(r#"<form role="search""#));
    assert!(page.contains(r#"<a href="../tags/">"#), "{page}");
    let script = page.find("<script").map(|at| &page[at..]).unwrap();
    assert!(
        script.starts_with(r#"<script src="../assets/search."#),
        "{script}"
    );
    assert_eq!(page.matches("<script").count(), 1);
    for file in [
        "index.html",
        "conseil-du-port/index.html",
        "tags/index.html",
    ] {
        let html = fs::read_to_string(site.join(file)).unwrap();
        assert!(
            html.contains("search/\">"),
            "{file} links to the search page"
        );
    }
}

#[test]
fn a_site_can_go_without_search() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    run::copy_tree(&examples(), &archive);
    let settings = archive.join("site.toml");
    let mut toml = fs::read_to_string(&settings).unwrap();
    toml.push_str("search = false\n");
    fs::write(&settings, toml).unwrap();
    let out = work.path().join("site");
    build(&archive, &out, true).unwrap();
    assert!(!out.join("search").exists(), "no search page or index");
    let assets: Vec<String> = fs::read_dir(out.join("assets"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !assets.iter().any(|name| name.starts_with("search.")),
        "{assets:?}"
    );
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(!home.contains("search/\">"), "{home}");
    assert!(home.contains("<header"));
}

#[test]
fn accents_fold_and_each_language_stems_its_own_words() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    fs::create_dir_all(archive.join("content")).unwrap();
    fs::write(archive.join("site.toml"), "title = \"Votes\"\n").unwrap();
    fs::write(
        archive.join("content/fr.md"),
        "---\ntitle: Les élections\ndate: 2026-01-02\nlang: fr\n---\nLe maire prépare les élections municipales.\n",
    )
    .unwrap();
    fs::write(
        archive.join("content/en.md"),
        "---\ntitle: The election\ndate: 2026-01-01\n---\nThe council counts every vote.\n",
    )
    .unwrap();
    let out = work.path().join("site");
    build(&archive, &out, true).unwrap();
    let mut index = Index::open(&out);
    let both = urls(&["fr/", "en/"]);
    assert_eq!(set(index.search("élection")), both);
    assert_eq!(set(index.search("ELECTIONS")), both);
    assert_eq!(set(index.search("municipal")), urls(&["fr/"]));
    assert_eq!(set(index.search("counted")), urls(&["en/"]));
    assert!(index.search("referendum").is_empty());
}
