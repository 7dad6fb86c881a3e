//! Folders written for Hugo, Zola and Jekyll, as their users write them,
//! build without a single edit: their articles land at the addresses
//! those generators gave them (or redirect from them), their dates come
//! from file names and dated paths when the front matter has none, and
//! whatever site-gen has no use for is said once in the warnings.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use run::tree;
use site_gen::{BuildReport, Problem};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/sites")
        .join(name)
}

/// A built fixture: its output, the build's report, and every warning as
/// printed.
struct Built {
    _work: tempfile::TempDir,
    out: PathBuf,
    report: BuildReport,
    warnings: Vec<String>,
}

impl Built {
    fn page(&self, path: &str) -> String {
        fs::read_to_string(self.out.join(path))
            .unwrap_or_else(|error| panic!("{path} was not written: {error}"))
    }

    fn has(&self, path: &str) -> bool {
        self.out.join(path).is_file()
    }

    /// The one warning that contains every part of `parts`.
    fn warning(&self, parts: &[&str]) -> &str {
        let found: Vec<&String> = self
            .warnings
            .iter()
            .filter(|warning| parts.iter().all(|part| warning.contains(part)))
            .collect();
        assert_eq!(found.len(), 1, "{parts:?} in {:#?}", self.warnings);
        found[0]
    }

    /// Where the alias page at `alias` sends the reader.
    fn redirect(&self, alias: &str) -> String {
        let page = self.page(&format!("{alias}/index.html"));
        let start = page.find("url=").expect("a refresh") + 4;
        let end = start + page[start..].find('"').unwrap();
        page[start..end].to_string()
    }
}

/// Builds the fixture as it is, checks its links with `site-gen check`,
/// and that the build changed nothing in the folder.
fn build(name: &str) -> Built {
    let source = fixture(name);
    let before = tree(&source);
    let work = tempfile::tempdir().unwrap();
    let out = work.path().join("out");
    let report = site_gen::build(&source, &out, false)
        .unwrap_or_else(|problems| panic!("{name} does not build: {problems}"));
    assert_eq!(
        tree(&source),
        before,
        "the build wrote into the {name} folder"
    );
    let check = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .arg("check")
        .arg(&out)
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "site-gen check on {name}:\n{}",
        String::from_utf8_lossy(&check.stderr)
    );
    let warnings: Vec<String> = report.warnings.iter().map(Problem::to_string).collect();
    let mut distinct = warnings.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(
        distinct.len(),
        warnings.len(),
        "a warning said twice: {warnings:#?}"
    );
    Built {
        _work: work,
        out,
        report,
        warnings,
    }
}

#[test]
fn a_zola_site_builds_as_it_is() {
    let site = build("zola");
    assert_eq!(site.report.articles, 4, "{:#?}", site.warnings);

    let frost = site.page("blog/first-frost/index.html");
    assert!(frost.contains("First frost on the mudflats"));
    assert!(
        frost.contains("datetime=\"2021-01-10"),
        "date from the file name"
    );
    assert!(
        frost.contains("src=\"../../images/heron.gif\""),
        "a root link made relative"
    );
    assert!(site.has("images/heron.gif"));
    assert!(
        site.redirect("notes/first-frost")
            .ends_with("blog/first-frost/")
    );

    let tides = site.page("2014/12/12/tide-tables/index.html");
    assert!(
        tides.contains("datetime=\"2014-12-12"),
        "date from the dated path"
    );
    assert!(site.has("2014/12/12/tide-tables/tide-chart.gif"));

    let heron = site.page("blog/heron-returns/index.html");
    assert!(heron.contains("datetime=\"2021-03-02"));
    assert!(site.has("tags/birds/index.html") && site.has("categories/wildlife/index.html"));
    assert!(
        site.page("tags/tides/index.html")
            .contains("Reading the tide tables")
    );
    assert!(
        !site.out.join("blog/unfinished").exists(),
        "a draft is left out"
    );

    let about = site.page("about/index.html");
    assert!(about.contains("cabin above the high-water mark"));
    assert!(
        !site.page("index.html").contains("cabin above"),
        "a page is not in the list"
    );
    let home = site.page("index.html");
    assert!(
        home.contains("<title>Tidewater Notes"),
        "the title from config.toml"
    );
    assert!(
        !home.contains("get_section"),
        "Zola's Tera templates are not site-gen's"
    );

    site.warning(&["templates", "Tera", "not used"]);
    site.warning(&["sass/", "not used"]);
    site.warning(&[
        "config.toml",
        "`compile_sass`",
        "`markdown`",
        "`taxonomies`",
    ]);
    site.warning(&["section files (_index.md)", "and in 1 other file"]);
    site.warning(&["content/blog/heron-returns.md:", "Zola taxonomy `series`"]);
    site.warning(&["content/blog/heron-returns.md:18:", "{{ youtube(id="]);
    site.warning(&["`template` is not used"]);
    site.warning(&["`weight` is not used"]);
}

#[test]
fn a_hugo_site_builds_as_it_is() {
    let site = build("hugo");
    assert_eq!(site.report.articles, 5, "{:#?}", site.warnings);

    let storm = site.page("posts/storm-warning/index.html");
    assert!(storm.contains("datetime=\"2023-10-04"));
    assert!(storm.contains("href=\"../../posts/the-fleet-returns/\""));
    for alias in [
        "notices/storm-warning",
        "posts/storm-2023",
        "2023/10/storm-warning-for-the-outer-moorings",
    ] {
        assert!(
            site.redirect(alias).ends_with("posts/storm-warning/"),
            "{alias}"
        );
    }

    let fleet = site.page("posts/the-fleet-returns/index.html");
    assert!(
        fleet.contains("datetime=\"2023-11-02"),
        "publishDate as the date"
    );
    assert!(site.has("posts/the-fleet-returns/fleet.gif"));
    assert!(
        site.redirect("2023/11/the-fleet-returns")
            .ends_with("posts/the-fleet-returns/")
    );

    assert!(
        site.page("ferry/timetable/index.html").contains("07:10"),
        "url gives the address"
    );
    assert!(!site.out.join("posts/summer-regatta").exists(), "expired");
    assert!(!site.out.join("posts/new-pontoon").exists(), "a draft");
    assert!(
        site.page("about/index.html")
            .contains("after the evening tide")
    );
    let rules = site.page("harbour-rules/index.html");
    assert!(
        rules.contains("<h1>Harbour Rules</h1>"),
        "no front matter: titled by its name"
    );
    assert!(!rules.contains("<time"), "and a page");
    assert!(site.has("images/breakwater.gif"));
    assert!(
        !site.page("robots.txt").contains("Disallow:\n"),
        "site-gen's own robots.txt"
    );
    assert!(site.page("index.html").contains("<title>Harbour Log"));

    for folder in ["layouts/", "themes/", "archetypes/", "assets/", "data/"] {
        site.warning(&[folder, "not used"]);
    }
    site.warning(&["hugo.toml", "`theme`", "`menus`", "`markup`"]);
    site.warning(&["static/robots.txt", "site-gen writes this file itself"]);
    site.warning(&[
        "content/posts/storm-warning.md",
        "`notices/storm-warning.html` becomes `notices/storm-warning/`",
    ]);
    site.warning(&[
        "content/posts/summer-regatta.md:4:",
        "expiryDate has passed",
    ]);
    site.warning(&[
        "content/posts/storm-warning.md:18:",
        "Hugo shortcodes",
        "{{< figure",
    ]);
    site.warning(&["unknown field `showToc`", "and in 1 other file"]);
    site.warning(&["`type` is not used"]);
    site.warning(&["`keywords` is not used"]);
}

#[test]
fn a_jekyll_site_builds_as_it_is() {
    let site = build("jekyll");
    assert_eq!(site.report.articles, 4, "{:#?}", site.warnings);

    let egrets = site.page("egrets-at-dawn/index.html");
    assert!(egrets.contains("datetime=\"2020-05-01"));
    assert!(egrets.contains("src=\"../assets/images/egret.gif\""));
    assert!(
        site.page("tags/egret/index.html")
            .contains("Egrets at dawn"),
        "space-separated tags"
    );
    assert!(site.has("categories/marsh/index.html"));
    assert!(
        site.redirect("birds/marsh/2020/05/01/egrets-at-dawn")
            .ends_with("egrets-at-dawn/"),
        "the permalink pattern's address"
    );

    let tide = site.page("king-tide-2020/index.html");
    assert!(tide.contains("King Tide"), "a title from the file name");
    assert!(
        tide.contains("datetime=\"2020-06-12"),
        "a date from the file name"
    );
    assert!(site.redirect("tides/king").ends_with("king-tide-2020/"));

    let restoration = site.page("marsh-restoration/index.html");
    assert!(
        restoration.contains("categories/news/"),
        "the folder above _posts/ is a category"
    );
    assert!(site.has("news/restoration/2021/02/03/marsh-restoration/index.html"));

    assert!(
        !site.out.join("closed-for-winter").exists(),
        "published: false"
    );
    assert!(!site.out.join("a-draft-about-reeds").exists());
    assert!(
        site.page("about/index.html")
            .contains("warden of the north marsh")
    );
    assert!(site.has("assets/images/egret.gif") && site.has("README.md"));
    assert!(!site.has("notes-to-self.txt") && !site.has("Gemfile") && !site.has("feed.xml"));
    assert!(!site.has("assets/main.scss"));
    assert!(
        site.page("index.html")
            .contains("<title>Salt Marsh Journal")
    );

    for folder in [
        "_layouts/",
        "_includes/",
        "_sass/",
        "_data/",
        "_drafts/",
        "_recipes/",
    ] {
        site.warning(&[folder, "not"]);
    }
    site.warning(&["3 Jekyll files with front matter and Liquid"]);
    site.warning(&["_config.yml", "`theme`", "`plugins`", "`collections`"]);
    site.warning(&["index.markdown", "home page"]);
    site.warning(&["`layout` is not used", "and in 4 other files"]);
    site.warning(&[
        "_posts/2020-05-01-egrets-at-dawn.md:14:",
        "Liquid tags",
        "{% include note.html",
    ]);
    site.warning(&["unknown field `author_profile`", "and in 1 other file"]);
}

#[test]
fn a_site_toml_wins_over_the_generators_config() {
    let work = tempfile::tempdir().unwrap();
    let folder = work.path().join("zola");
    for (path, bytes) in tree(&fixture("zola")) {
        let target = folder.join(path);
        fs::create_dir_all(target.parent().unwrap()).unwrap();
        fs::write(target, bytes).unwrap();
    }
    fs::write(
        folder.join("site.toml"),
        "title = \"Estuary\"\npaginate = 2\n",
    )
    .unwrap();
    let out = work.path().join("out");
    site_gen::build(&folder, &out, false).unwrap();
    let home = fs::read_to_string(out.join("index.html")).unwrap();
    assert!(home.contains("<title>Estuary"), "{home}");
    assert!(!home.contains("Tidewater Notes"));
    assert!(
        out.join("page/2/index.html").is_file(),
        "paginate from site.toml"
    );
    assert!(
        out.join("blog/first-frost/index.html").is_file(),
        "still read as Zola"
    );
}
