//! The publisher's mirrors: `mirrors.json` beside the pages, listed in
//! the signed manifest, and a link to the mirrors page in every page's
//! footer.

use std::fs;
use std::path::Path;

fn examples() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples")
}

/// The footer of an HTML page, or `None` for a page without one.
fn footer(page: &str) -> Option<&str> {
    let start = page.find("<footer class=\"site\">")?;
    let end = page[start..].find("</footer>")? + start;
    Some(&page[start..end])
}

#[test]
fn mirrors_are_listed_as_json_in_the_manifest_and_linked_from_every_footer() {
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("site");
    site_gen::build(&examples(), &out, true).unwrap();

    let listed: Vec<String> =
        serde_json::from_slice(&fs::read(out.join("mirrors.json")).unwrap()).unwrap();
    let config = site_gen::config::SiteConfig::load(&examples()).unwrap();
    assert!(!config.mirrors.is_empty());
    assert_eq!(listed, config.mirrors);
    let manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join(samizdat_manifest::MANIFEST_PATH)).unwrap())
            .unwrap();
    let entry = manifest["files"]
        .as_array()
        .unwrap()
        .iter()
        .find(|entry| entry["path"] == "mirrors.json");
    assert_eq!(
        entry.map(|entry| entry["type"].as_str().unwrap()),
        Some("application/json"),
        "the manifest lists mirrors.json"
    );

    let mut pages = 0;
    for entry in walkdir::WalkDir::new(&out) {
        let entry = entry.unwrap();
        let path = entry.path().strip_prefix(&out).unwrap().to_string_lossy();
        if !path.ends_with(".html") {
            continue;
        }
        let page = fs::read_to_string(entry.path()).unwrap();
        if page.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let footer = footer(&page).unwrap_or_else(|| panic!("{path} has no footer"));
        let depth = path.matches('/').count();
        let relative = if depth == 0 {
            "./mirrors/".to_string()
        } else {
            "../".repeat(depth) + "mirrors/"
        };
        assert!(
            footer.contains(&format!("href=\"{relative}\""))
                || footer.contains("href=\"https://lantern.example/mirrors/\""),
            "{path}: {footer}"
        );
        pages += 1;
    }
    assert!(pages > 20, "every page was checked ({pages})");
}

#[test]
fn a_site_without_mirrors_has_no_list_and_no_link() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    fs::create_dir_all(&archive).unwrap();
    fs::write(
        archive.join("one.md"),
        "---\ntitle: One\ndate: 2026-01-01\n---\nText.\n",
    )
    .unwrap();
    let out = work.path().join("site");
    site_gen::build(&archive, &out, true).unwrap();
    assert!(!out.join("mirrors.json").exists());
    assert!(!out.join("mirrors/index.html").exists());
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(footer(&home).is_some_and(|footer| !footer.contains("mirrors/")));
}
