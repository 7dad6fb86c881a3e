//! `site-gen import feed URL`: a feed fetched from its server, through a
//! redirect, with its relative links made absolute; and the errors a
//! missing feed, a page that is no feed, and a broken file give.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};

use run::article;

/// A server on 127.0.0.1 that answers each path from `routes` (status,
/// content type, body), and anything else with 404.
fn serve(routes: Vec<(&'static str, &'static str, &'static str, String)>) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(&stream);
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
            let (status, kind, body) = routes
                .iter()
                .find(|(route, ..)| *route == path)
                .map(|(_, status, kind, body)| (*status, *kind, body.as_str()))
                .unwrap_or(("404 Not Found", "text/plain", "no such page"));
            let mut stream = &stream;
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\nLocation: /feed.xml\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    address
}

fn import(source: &str, archive: &Path) -> String {
    run::import(Some("feed"), source, archive, &[])
}

fn import_error(source: &str) -> String {
    run::import_error(Some("feed"), source)
}

#[test]
fn a_feed_fetched_from_its_site_resolves_links_against_its_address() {
    let feed = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>Served</title>
<item><title>First post</title><link>/posts/first-post/</link><guid>first</guid>
<pubDate>Tue, 02 Mar 2021 10:00:00 GMT</pubDate>
<description>&lt;p&gt;See &lt;a href="../about/"&gt;about&lt;/a&gt;.&lt;/p&gt;</description></item>
</channel></rss>"#;
    let address = serve(vec![
        (
            "/feed.xml",
            "200 OK",
            "application/rss+xml",
            feed.to_string(),
        ),
        (
            "/old-feed",
            "301 Moved Permanently",
            "text/plain",
            String::new(),
        ),
        (
            "/page.html",
            "200 OK",
            "text/html",
            "<html><body>Hello</body></html>".into(),
        ),
    ]);
    let dir = tempfile::tempdir().unwrap();
    let archive: PathBuf = dir.path().join("archive");
    let source = format!("{address}/old-feed");
    let report = import(&source, &archive);
    assert!(report.contains("1 articles: 1 new"), "{report}");
    let first = article(&archive, "first-post");
    assert!(
        first.contains(&format!("[about]({address}/posts/about/)")),
        "{first}"
    );
    assert!(first.contains("aliases:\n- posts/first-post"), "{first}");
    let again = import(&source, &archive);
    assert!(again.contains(": 0 new, 0 updated, 1 unchanged"), "{again}");

    let missing = import_error(&format!("{address}/gone.xml"));
    assert!(
        missing.contains(&format!("{address}/gone.xml")) && missing.contains("404"),
        "{missing}"
    );
    let page = import_error(&format!("{address}/page.html"));
    assert!(
        page.contains("page.html") && page.contains("this is not a feed"),
        "{page}"
    );
}

#[test]
fn a_broken_feed_is_refused_naming_the_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.xml");
    fs::write(
        &path,
        "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<title>x</title>\n<item><title>a</titel></item>\n</channel></rss>\n",
    )
    .unwrap();
    let error = import_error(path.to_str().unwrap());
    assert!(error.contains("broken.xml:4"), "{error}");
    assert!(error.contains("not well-formed XML"), "{error}");

    let json = dir.path().join("broken.json");
    fs::write(
        &json,
        "{\"version\": \"https://jsonfeed.org/version/1.1\",\n\"title\": \"x\",\n\"items\": [}\n",
    )
    .unwrap();
    let error = import_error(json.to_str().unwrap());
    assert!(error.contains("broken.json:3"), "{error}");
}
