//! `site-gen serve` as a publisher runs it: an edit to an article is
//! rebuilt, served, and signalled to the pages waiting on the version.

#[path = "common/run.rs"]
mod run;

use std::fs;
use std::io::Read;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use run::copy_tree;

/// The server, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn get(url: &str) -> reqwest::Result<(String, String)> {
    let client = reqwest::blocking::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()?;
    let response = client.get(url).send()?.error_for_status()?;
    let content_type = response
        .headers()
        .get(reqwest::header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_string();
    Ok((content_type, response.text()?))
}

#[test]
fn an_edit_is_served_and_signalled_to_waiting_pages() {
    let work = tempfile::tempdir().unwrap();
    let archive = work.path().join("archive");
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples"),
        &archive,
    );
    let out = work.path().join("site");
    let port = free_port();
    let mut child = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(["serve", archive.to_str().unwrap(), "-o"])
        .arg(&out)
        .args(["--port", &port.to_string()])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = child.stderr.take().unwrap();
    let _server = Server(child);
    let base = format!("http://127.0.0.1:{port}");
    let page = format!("{base}/storm-season-guide/");
    let started = Instant::now();
    let (content_type, before) = loop {
        match get(&page) {
            Ok(found) => break found,
            Err(error) => {
                assert!(
                    started.elapsed() < Duration::from_secs(60),
                    "the server never answered: {error}"
                );
                std::thread::sleep(Duration::from_millis(100));
            }
        }
    };
    assert!(content_type.starts_with("text/html"), "{content_type}");
    assert!(
        before.contains("<script src=\"/__site-gen/reload.js?v=0\"></script>"),
        "the page loads the reload script, told its version:\n{before}"
    );
    let (script_type, script) = get(&format!("{base}/__site-gen/reload.js")).unwrap();
    assert!(script_type.starts_with("text/javascript"), "{script_type}");
    assert!(script.contains("/__site-gen/version?after="), "{script}");
    assert_eq!(get(&format!("{base}/__site-gen/version")).unwrap().1, "0");

    // A page waiting on its version hears of the rebuild.
    let waiting = {
        let url = format!("{base}/__site-gen/version?after=0");
        std::thread::spawn(move || get(&url).map(|(_, body)| body))
    };
    std::thread::sleep(Duration::from_millis(200));
    let source = archive.join("content/storm-season-guide.md");
    let text = fs::read_to_string(&source).unwrap();
    fs::write(&source, text + "\nAnd a torch with spare batteries.\n").unwrap();
    let edited = Instant::now();
    let signalled = waiting.join().unwrap().unwrap();
    assert_eq!(signalled, "1", "the edited page's version");
    assert!(
        edited.elapsed() < Duration::from_secs(20),
        "the waiting request answered on the edit, not on its timeout"
    );
    // The edited article's page is shown at once (the small example site
    // may have been rebuilt by now too).
    let (_, after) = get(&page).unwrap();
    assert!(after.contains("spare batteries"), "{after}");
    assert!(after.contains("reload.js?v=1") || after.contains("reload.js?v=2"));
    assert!(!before.contains("spare batteries"));
    // Then the rebuild of the whole site is signalled, and the page it
    // wrote on disk shows the edit too.
    let rebuilt = get(&format!("{base}/__site-gen/version?after=1"))
        .unwrap()
        .1;
    assert_eq!(rebuilt, "2", "the rebuild's version");
    let (_, on_disk) = get(&page).unwrap();
    assert!(on_disk.contains("spare batteries"), "{on_disk}");
    assert!(on_disk.contains("reload.js?v=2"));
    let written = fs::read_to_string(out.join("storm-season-guide/index.html")).unwrap();
    assert!(written.contains("spare batteries"));
    // Nothing changed: a page at the newest version keeps waiting.
    let quiet = reqwest::blocking::Client::builder()
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap()
        .get(format!("{base}/__site-gen/version?after=2"))
        .send();
    assert!(quiet.is_err(), "no rebuild, no answer yet");

    // A new title changes more than the article's page: it waits for the
    // rebuild, which brings it in one step.
    let retitled = fs::read_to_string(&source).unwrap().replacen(
        "title: \"Storm season: what to keep in the house\"",
        "title: \"Storm kit for the season\"",
        1,
    );
    fs::write(&source, retitled).unwrap();
    let after_title = get(&format!("{base}/__site-gen/version?after=2"))
        .unwrap()
        .1;
    assert_eq!(after_title, "3");
    let home = get(&format!("{base}/")).unwrap().1;
    assert!(home.contains("Storm kit for the season"), "{home}");

    drop(_server);
    let mut said = String::new();
    stderr.read_to_string(&mut said).unwrap();
    assert!(
        said.contains("jobs unchanged"),
        "the rebuild carried unchanged jobs over:\n{said}"
    );
}
