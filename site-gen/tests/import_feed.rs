//! `site-gen import feed`: RSS 2.0, Atom and JSON Feed files become
//! archives that build and pass `check`; a second import changes nothing.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::Path;

use run::{article, assert_holds};

fn fixture(name: &str) -> String {
    run::import_fixture("feed", name)
        .to_string_lossy()
        .into_owned()
}

fn import(source: &str, archive: &Path) -> String {
    run::import(Some("feed"), source, archive, &[])
}

/// The archive builds and passes `check`, and a second import leaves
/// every byte and reports its `articles` unchanged.
fn builds_checks_and_reimports_unchanged(source: &str, archive: &Path, articles: usize) {
    let out = tempfile::tempdir().unwrap();
    let site = out.path().join("site");
    let report =
        run::builds_checks_and_reimports_unchanged(Some("feed"), source, archive, &[], &site);
    let unchanged = format!(": 0 new, 0 updated, {articles} unchanged");
    assert!(report.contains(&unchanged), "{report}");
}

#[test]
fn rss_items_become_articles_with_absolute_links_and_dated_warnings() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let source = fixture("rss2.xml");
    let report = import(&source, &archive);
    assert_holds(
        &report,
        &[
            "3 articles: 3 new",
            "rss2.xml (item 2): the date “Someday, 45 Smarch 2021”, which is no date: dated 2021-03-14T17:30:00Z, the date of the entry before it",
            "rss2.xml (item 3): no date",
            "https://gazette.example/audio/interview.mp3",
        ],
    );

    let lighthouse = article(&archive, "lighthouse-keeper-retires");
    assert_holds(
        &lighthouse,
        &[
            "title: Lighthouse keeper retires",
            "date: 2021-03-14T17:30:00Z",
            "description: After forty years, the light changes hands.",
            "- Harbour\n- People",
            "authors:\n- Ada Marsh",
            "aliases:\n- 2021/03/lighthouse-keeper-retires",
            "**Tom Pell**",
            "[about the gazette](https://gazette.example/about/)",
            "[archive](https://gazette.example/2021/03/archive/)",
            "(https://gazette.example/2021/03/lighthouse-keeper-retires/images/lighthouse.jpg)",
            "[interview.mp3](<https://gazette.example/audio/interview.mp3>)",
        ],
    );
    assert!(!lighthouse.contains("alert"), "{lighthouse}");

    let ferry = article(&archive, "ferry-times-change-on-monday-see-the-timetable");
    assert_holds(
        &ferry,
        &[
            "title: 'Ferry times change on Monday: see the timetable.'",
            "date_in_feed: Someday, 45 Smarch 2021",
            "![ferry.png](<https://gazette.example/media/ferry.png>)",
        ],
    );

    let council = article(&archive, "council-meets-on-the-quay");
    assert!(council.contains("authors:\n- Jo Quill"), "{council}");
    assert!(council.contains("The *council* met"), "{council}");
    assert!(
        !council.contains("aliases"),
        "a query is no path: {council}"
    );

    let config = fs::read_to_string(archive.join("site.toml")).unwrap();
    assert!(
        config.contains("title = \"The Harbour Gazette\""),
        "{config}"
    );
    assert!(config.contains("language = \"en\""), "{config}");
    builds_checks_and_reimports_unchanged(&source, &archive, 3);
}

#[test]
fn atom_entries_keep_their_base_labels_and_authors() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let source = fixture("atom.xml");
    let report = import(&source, &archive);
    assert!(report.contains("3 articles: 3 new"), "{report}");
    assert!(
        report.contains("atom.xml (item 2): the date “the first of April”, which is no date"),
        "{report}"
    );
    let crag = article(&archive, "black-crag");
    for expected in [
        "title: Up Black Crag",
        "date: 2021-04-01T07:15:00Z",
        "updated: 2021-04-02T09:00:00Z",
        "- Walks\n- crags",
        "- Bea Fell\n- Cal Ridge",
        "aliases:\n- notes/black-crag.html",
        "[map](https://hills.example/notes/2021/maps/black-crag.pdf)",
        "[tips](https://hills.example/notes/tips/)",
        "![The summit cairn](<https://hills.example/photos/cairn.jpg>)",
    ] {
        assert!(crag.contains(expected), "{expected} in\n{crag}");
    }
    let rain = article(&archive, "rain-day");
    assert!(
        rain.contains("[yesterday](https://hills.example/notes/black-crag.html)"),
        "{rain}"
    );
    let bridge = article(&archive, "old-bridge");
    assert!(bridge.contains("date: 2021-03-20T12:00:00Z"), "{bridge}");
    assert!(!bridge.contains("aliases"), "another site's path: {bridge}");
    builds_checks_and_reimports_unchanged(&source, &archive, 3);
}

#[test]
fn json_feed_items_keep_tags_attachments_and_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let source = fixture("feed.json");
    let report = import(&source, &archive);
    assert!(report.contains("3 articles: 3 new"), "{report}");
    assert!(
        report.contains("feed.json (item 1): the updated date “last Tuesday” is no date"),
        "{report}"
    );
    assert!(
        report.contains("feed.json (item 3): the date “2021/04/17 19:00”"),
        "{report}"
    );
    let tides = article(&archive, "tide-tables");
    for expected in [
        "date: 2021-05-01T06:00:00Z",
        "- tides\n- shows",
        "- Dee Wave",
        "[tide notes](https://radio.example/shows/notes/tides/)",
        "![Tide chart](https://radio.example/img/tide.png)",
        "[The show](<https://radio.example/audio/tide-tables.ogg>)",
        "image: https://radio.example/img/cover.jpg",
    ] {
        assert!(tides.contains(expected), "{expected} in\n{tides}");
    }
    let short = article(
        &archive,
        "short-one-today-back-next-week-with-more-news-weather",
    );
    assert!(
        short.contains("Back next week with \\<more> news & weather."),
        "{short}"
    );
    assert!(short.contains("aliases:\n- shows/7"), "{short}");
    builds_checks_and_reimports_unchanged(&source, &archive, 3);
}

#[test]
fn rss_1_descriptions_that_hold_html_are_read_as_html_and_plain_ones_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let archive = dir.path().join("archive");
    let source = fixture("rss1.rdf");
    let report = import(&source, &archive);
    assert!(report.contains("2 articles: 2 new"), "{report}");
    let frost = article(&archive, "first-frost");
    for expected in [
        "date: 2004-10-12T05:30:00Z",
        "- Old Almanac",
        "aliases:\n- archives/first-frost.html",
        "The first *frost* came early; see [last year](https://almanac.example/archives/last-year.html).",
    ] {
        assert!(frost.contains(expected), "{expected} in\n{frost}");
    }
    let tides = article(&archive, "tides-times");
    assert!(tides.contains("title: Tides & times"), "{tides}");
    assert!(tides.contains("date: 2004-10-10T00:00:00Z"), "{tides}");
    assert!(
        tides.contains("High water at 6 < low water at noon."),
        "{tides}"
    );
    builds_checks_and_reimports_unchanged(&source, &archive, 2);
}
