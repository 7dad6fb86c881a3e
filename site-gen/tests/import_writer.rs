//! The one writer every importer goes through: articles, media, aliases,
//! and a second import that updates what is untouched and keeps what the
//! publisher edited.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::path::Path;

use run::tree;
use site_gen::Quiet;
use site_gen::import::{
    ArchiveWriter, ImportReport, Item, ItemKind, Media, MediaSource, Sink, SiteInfo,
};

fn post(key: &str, slug: &str, body: &str) -> Item {
    Item {
        key: key.into(),
        title: format!("Post {slug}"),
        slug: slug.into(),
        date: Some("2021-01-10T12:00:00Z".parse().unwrap()),
        tags: vec!["harbour".into()],
        body: body.into(),
        ..Item::default()
    }
}

fn import(archive: &Path, items: Vec<Item>) -> ImportReport {
    let mut writer = ArchiveWriter::open(archive, &Quiet).unwrap();
    writer.site(SiteInfo {
        title: Some("The Old Blog".into()),
        language: Some("fr".into()),
        base_url: Some("https://old.example/".into()),
        ..SiteInfo::default()
    });
    for item in items {
        writer.item(item).unwrap();
    }
    writer.skipped("drafts");
    writer.finish().unwrap()
}

fn source() -> Vec<Item> {
    let mut with_media = post("k1", "first", "![A boat](boat.jpg)");
    with_media.media = vec![
        Media {
            name: "boat.jpg".into(),
            source: MediaSource::Bytes(b"jpeg bytes".to_vec()),
        },
        Media {
            name: "gone.mp3".into(),
            source: MediaSource::Missing {
                url: "https://old.example/gone.mp3".into(),
            },
        },
    ];
    with_media.aliases = vec!["2021/01/first".into(), "../escape".into()];
    let mut page = post("k3", "about", "Who we are.");
    page.kind = ItemKind::Page;
    page.date = None;
    vec![
        with_media,
        post("k2", "first", "Another with the same slug."),
        page,
    ]
}

#[test]
fn writes_articles_media_and_aliases_that_build() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    let report = import(&archive, source());
    assert_eq!(
        (report.created, report.updated, report.unchanged),
        (3, 0, 0)
    );
    assert_eq!(report.media_copied, 1);
    assert_eq!(report.media_missing, ["https://old.example/gone.mp3"]);
    assert_eq!(report.aliases, 1);
    assert_eq!(report.skipped["drafts"], 1);
    assert!(
        report
            .warnings
            .iter()
            .any(|(_, message)| message.contains("../escape")),
        "{report}"
    );
    let first = fs::read_to_string(archive.join("content/posts/first/index.md")).unwrap();
    assert!(
        first.starts_with("---\ntitle: Post first\ndate: 2021-01-10T12:00:00Z\nslug: first\n"),
        "{first}"
    );
    assert_eq!(
        fs::read(archive.join("content/posts/first/boat.jpg")).unwrap(),
        b"jpeg bytes"
    );
    assert!(
        archive.join("content/posts/first-2/index.md").exists(),
        "a taken slug gets a number"
    );
    let page = fs::read_to_string(archive.join("content/pages/about/index.md")).unwrap();
    assert!(
        page.contains("kind: page") && !page.contains("date:"),
        "{page}"
    );
    let config = fs::read_to_string(archive.join("site.toml")).unwrap();
    assert!(
        config.contains("title = \"The Old Blog\"")
            && config.contains("base_url = \"https://old.example\""),
        "{config}"
    );

    let out = work.path().join("out");
    site_gen::build(&archive, &out, true).unwrap();
    assert!(out.join("first/boat.jpg").exists());
    assert!(
        out.join("2021/01/first/index.html").exists(),
        "the alias redirects"
    );
    assert!(out.join("about/index.html").exists());
    let (_, broken) = site_gen::check::check_links(&out).unwrap();
    assert_eq!(broken, Vec::new());
}

#[test]
fn a_second_import_changes_nothing_updates_the_untouched_and_keeps_the_edited() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    import(&archive, source());
    let before = tree(&archive);
    let again = import(&archive, source());
    assert_eq!(
        (again.created, again.updated, again.unchanged),
        (0, 0, 3),
        "{again}"
    );
    assert_eq!(tree(&archive), before, "a second import changes no byte");

    let edited = archive.join("content/posts/first-2/index.md");
    let mut text = fs::read_to_string(&edited).unwrap();
    text.push_str("\nA line the publisher added.\n");
    fs::write(&edited, &text).unwrap();
    let mut changed = source();
    changed[0].body = "A corrected body.".into();
    changed[1].body = "The source changed this one too.".into();
    let third = import(&archive, changed);
    assert_eq!(
        (third.created, third.updated, third.unchanged),
        (0, 1, 1),
        "{third}"
    );
    assert_eq!(third.kept, ["content/posts/first-2/index.md"]);
    assert!(
        third
            .to_string()
            .contains("kept 1 articles as you edited them"),
        "{third}"
    );
    assert_eq!(
        fs::read_to_string(&edited).unwrap(),
        text,
        "the edit is kept"
    );
    let first = fs::read_to_string(archive.join("content/posts/first/index.md")).unwrap();
    assert!(first.contains("A corrected body."), "{first}");
}

#[test]
fn an_article_of_the_publisher_keeps_its_address() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    fs::create_dir_all(archive.join("content/news")).unwrap();
    fs::write(
        archive.join("content/news/mine.md"),
        "---\ntitle: Mine\ndate: 2020-01-01\nslug: first\n---\n",
    )
    .unwrap();
    let report = import(&archive, vec![post("k1", "first", "Imported.")]);
    assert_eq!(report.created, 1);
    assert!(archive.join("content/posts/first-2/index.md").exists());
    site_gen::build(&archive, &work.path().join("out"), true).unwrap();
}
