//! `build --incremental` gives the very bytes of a full build: a copy of
//! the example archive goes through edits, additions, deletions, renames
//! and changes of settings and theme, and after each step every file of
//! the incremental output is compared with a full build's.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::{Path, PathBuf};

use run::{copy_tree, tree};
use site_gen::{BuildOptions, BuildReport, build_with};

struct Sites {
    archive: PathBuf,
    full: PathBuf,
    incremental: PathBuf,
    _work: tempfile::TempDir,
}

impl Sites {
    fn new() -> Self {
        let work = tempfile::tempdir().unwrap();
        let archive = work.path().join("archive");
        copy_tree(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples"),
            &archive,
        );
        Self {
            full: work.path().join("full/site"),
            incremental: work.path().join("incremental/site"),
            archive,
            _work: work,
        }
    }

    fn edit(&self, name: &str, change: impl FnOnce(String) -> String) {
        let path = self.archive.join(name);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, change(text)).unwrap();
    }

    /// Builds both ways, checks they agree file by file, and gives the
    /// incremental build's report.
    fn build(&self, step: &str) -> BuildReport {
        let options = BuildOptions::default();
        build_with(&self.archive, &self.full, options).unwrap();
        let report = build_with(
            &self.archive,
            &self.incremental,
            BuildOptions {
                incremental: true,
                ..options
            },
        )
        .unwrap_or_else(|problems| panic!("{step}: {problems}"));
        let (full, incremental) = (tree(&self.full), tree(&self.incremental));
        let names = |files: &[(PathBuf, Vec<u8>)]| -> Vec<PathBuf> {
            files.iter().map(|(path, _)| path.clone()).collect()
        };
        assert_eq!(names(&full), names(&incremental), "{step}: the same files");
        for ((path, expected), (_, found)) in full.iter().zip(&incremental) {
            assert!(
                expected == found,
                "{step}: {} differs from a full build's:\n{}",
                path.display(),
                String::from_utf8_lossy(found)
            );
        }
        report
    }
}

#[test]
fn incremental_builds_match_full_builds_through_a_sequence_of_changes() {
    let sites = Sites::new();
    let first = sites.build("first build, no cache");
    assert_eq!(first.carried, 0, "nothing to carry without a cache");
    assert!(first.jobs > 10);

    let again = sites.build("nothing changed");
    // The sitemap, the 404 page, the mirrors page and the search page.
    assert!(
        again.carried + 4 >= again.jobs,
        "only jobs without a fingerprint run again: {} of {}",
        again.carried,
        again.jobs
    );

    sites.edit("content/storm-season-guide.md", |text| {
        text + "\nAnd a torch with spare batteries.\n"
    });
    let edited = sites.build("a body edited");
    assert!(
        edited.carried < again.carried,
        "the edited article is rendered"
    );
    assert!(edited.carried > 0, "the other articles are carried over");

    sites.edit("content/storm-season-guide.md", |text| {
        text.replacen(
            "authors: [Mara Quist]\n",
            "authors: [Mara Quist]\ncomments: https://social.example/@lantern/1234\n",
            1,
        )
    });
    let commented = sites.build("comments asked for, which only the section shows");
    assert!(
        fs::read_to_string(sites.incremental.join("storm-season-guide/index.html"))
            .unwrap()
            .contains("social.example"),
        "the comments section is rendered"
    );
    assert_eq!(
        commented.carried, 0,
        "the first comments bring a script every page lists"
    );
    sites.edit("content/storm-season-guide.md", |text| {
        text.replace("@lantern/1234", "@lantern/5678")
    });
    let recommented = sites.build("another post announces it");
    assert!(recommented.carried > 0);

    sites.edit("content/harbour-council-vote.md", |text| {
        text.replace(
            "title: Harbour council votes to keep the night ferry",
            "title: Council keeps the night ferry",
        )
    });
    sites.build("a title that lists, feeds and a translation show");

    fs::write(
        sites.archive.join("content/tide-tables.md"),
        "---\ntitle: New tide tables\ndate: 2026-11-25T09:00:00Z\ntags: [harbour, tides]\n---\nThe tables for winter are out.\n",
    )
    .unwrap();
    sites.build("an article added, with a new tag");

    fs::remove_file(sites.archive.join("content/phare-gardiens.md")).unwrap();
    sites.build("a translated article with an alias deleted");

    fs::rename(
        sites.archive.join("content/conseil-du-port.md"),
        sites.archive.join("content/conseil-du-port-2026.md"),
    )
    .unwrap();
    sites.build("an article renamed");

    fs::write(
        sites.archive.join("content/about.md"),
        "---\ntitle: About the Lantern\nkind: page\n---\nWho we are.\n",
    )
    .unwrap();
    sites.build("a page added, which every footer links");

    sites.edit("site.toml", |text| {
        text.replace("paginate = 4", "paginate = 2")
    });
    sites.build("the lists' length changed");

    sites.edit("site.toml", |text| {
        text.replace(
            "title = \"The Lantern\"",
            "title = \"The Evening Lantern\"\nsite_id = \"the-lantern\"",
        )
    });
    let renamed = sites.build("the site's title changed");
    assert_eq!(renamed.carried, 0, "every page shows the site's title");

    fs::create_dir_all(sites.archive.join("templates")).unwrap();
    fs::write(
        sites.archive.join("templates/theme.css"),
        "body { color: #222; }\n",
    )
    .unwrap();
    let themed = sites.build("the theme changed");
    assert_eq!(themed.carried, 0, "every page links the new stylesheet");
}

#[test]
fn a_corrupt_cache_gives_a_full_build_not_a_wrong_one() {
    let sites = Sites::new();
    sites.build("first build");
    let cache = sites.incremental.parent().unwrap().join(".site.cache");
    assert!(cache.exists(), "the cache is kept beside the output");
    fs::write(&cache, b"{\"format\":1,\"jobs\":").unwrap();
    sites.edit("content/storm-season-guide.md", |text| {
        text + "\nOne more.\n"
    });
    let report = sites.build("a corrupt cache");
    assert_eq!(report.carried, 0);
}

#[test]
fn a_cache_whose_files_are_gone_renders_them_again() {
    let sites = Sites::new();
    sites.build("first build");
    // The outputs the cache points at vanish: nothing can be carried.
    fs::remove_dir_all(&sites.incremental).unwrap();
    let report = sites.build("the output removed");
    assert_eq!(report.carried, 0);
}

#[test]
fn a_page_edited_by_hand_in_the_output_is_written_again() {
    let sites = Sites::new();
    sites.build("first build");
    // The second build sets the first output aside, sharing its files.
    sites.build("second build");
    for site in [&sites.full, &sites.incremental] {
        let page = site.join("storm-season-guide/index.html");
        // In place, as some editors save: both trees see it.
        let mut file = fs::OpenOptions::new()
            .write(true)
            .truncate(true)
            .open(&page)
            .unwrap();
        std::io::Write::write_all(&mut file, b"edited by hand").unwrap();
    }
    let report = sites.build("after a hand edit");
    let page = fs::read_to_string(sites.full.join("storm-season-guide/index.html")).unwrap();
    assert!(page.contains("<html"), "the page is rebuilt: {page}");
    assert!(report.carried > 0);
}
