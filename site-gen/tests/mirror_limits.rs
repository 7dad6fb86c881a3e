//! A hostile copy that answers a file with far more than the manifest
//! declares: `site-gen mirror pull` refuses the file, stops reading at the
//! declared size, and its memory stays bounded. The copy is a loopback
//! HTTP server that streams its answer from a generator and counts what
//! it managed to send, or a folder holding a sparse file.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use site_gen::mirror::keys;
use site_gen::mirror::manifest::{Naming, write_for_dir};

const DECLARED: u64 = 1 << 20;
const ANSWER: u64 = 1 << 30;
/// What the server may get out before the client stops: the declared
/// size and the sockets' buffers.
const SENT_BOUND: u64 = 16 << 20;
/// The peak resident memory a pull may reach.
const MEMORY_BOUND_KB: u64 = 200 * 1024;
const BIG: &str = "media/big.bin";

/// How the server answers the big file.
#[derive(Clone, Copy, Debug)]
enum Answer {
    /// `Content-Length` says 1 GiB, and the body follows.
    Declared,
    /// No length: the body runs until the connection closes.
    UntilClose,
    /// Chunked, without end.
    Chunked,
}

struct Site {
    work: tempfile::TempDir,
    public: PathBuf,
}

impl Site {
    /// A signed site of a page and a 1 MiB file.
    fn new() -> Self {
        let work = tempfile::tempdir().unwrap();
        let site = work.path().join("site");
        fs::create_dir_all(site.join("media")).unwrap();
        fs::write(site.join("index.html"), "<p>hello</p>").unwrap();
        fs::write(site.join(BIG), pattern(DECLARED)).unwrap();
        let (secret, public) = keys::generate(&work.path().join("samizdat"), None).unwrap();
        let secret = keys::load_secret(&secret).unwrap();
        write_for_dir(
            &site,
            Some(&secret),
            None,
            jiff::SignedDuration::from_hours(24),
            None,
            Naming::default(),
        )
        .unwrap();
        Self { work, public }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }
}

fn arg(path: &Path) -> &str {
    path.to_str().unwrap()
}

fn pattern(size: u64) -> Vec<u8> {
    (0..size).map(|index| (index % 251) as u8).collect()
}

/// What a finished `site-gen mirror pull` did.
struct Pulled {
    ok: bool,
    stderr: String,
    peak_kb: u64,
    took: Duration,
}

/// Runs `site-gen mirror pull` and samples its peak resident memory
/// (`VmHWM`) until it exits; a pull that runs over a minute is killed.
fn pull(site: &Site, from: &str) -> Pulled {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(["mirror", "pull", from, arg(&site.path("mirror"))])
        .args(["--key", arg(&site.public)])
        .args(["--state", arg(&site.path("seen.json"))])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak_kb = 0;
    let status = loop {
        if let Ok(status) = fs::read_to_string(&status_file)
            && let Some(line) = status.lines().find(|line| line.starts_with("VmHWM:"))
        {
            let kb = line
                .split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse().ok());
            peak_kb = peak_kb.max(kb.unwrap_or(0));
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!("the pull from {from} ran over a minute");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    Pulled {
        ok: status.success(),
        stderr,
        peak_kb,
        took: started.elapsed(),
    }
}

/// Serves the files of `root`, but answers `BIG` as `answer` says, and
/// counts the bytes of that answer's body the client took.
fn serve(root: PathBuf, answer: Answer) -> (String, Arc<AtomicU64>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    let sent = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&sent);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let (root, counter) = (root.clone(), Arc::clone(&counter));
            std::thread::spawn(move || answer_requests(stream, &root, answer, &counter));
        }
    });
    (url, sent)
}

fn answer_requests(stream: TcpStream, root: &Path, answer: Answer, sent: &AtomicU64) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut stream = stream;
    loop {
        let mut request = String::new();
        if reader.read_line(&mut request).unwrap_or(0) == 0 {
            return;
        }
        loop {
            let mut header = String::new();
            if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                break;
            }
        }
        let path = request.split_whitespace().nth(1).unwrap_or("/");
        let path = path.trim_start_matches('/');
        if path == BIG {
            send_endless(&mut stream, answer, sent);
            return;
        }
        let reply = match fs::read(root.join(path)) {
            Ok(body) => {
                let head = format!("HTTP/1.1 200 OK\r\nContent-Length: {}\r\n\r\n", body.len());
                [head.into_bytes(), body].concat()
            }
            Err(_) => b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".to_vec(),
        };
        if stream.write_all(&reply).is_err() {
            return;
        }
    }
}

/// Writes the big answer until the client stops taking it, counting.
fn send_endless(stream: &mut TcpStream, answer: Answer, sent: &AtomicU64) {
    let head = match answer {
        Answer::Declared => format!("HTTP/1.1 200 OK\r\nContent-Length: {ANSWER}\r\n\r\n"),
        Answer::UntilClose => "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n".into(),
        Answer::Chunked => "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".into(),
    };
    if stream.write_all(head.as_bytes()).is_err() {
        return;
    }
    let block = pattern(64 * 1024);
    let chunk_head = format!("{:x}\r\n", block.len());
    let mut left = ANSWER;
    while left > 0 {
        let written = match answer {
            Answer::Chunked => stream
                .write_all(chunk_head.as_bytes())
                .and_then(|()| stream.write_all(&block))
                .and_then(|()| stream.write_all(b"\r\n")),
            Answer::Declared | Answer::UntilClose => stream.write_all(&block),
        };
        if written.is_err() {
            return;
        }
        sent.fetch_add(block.len() as u64, Ordering::SeqCst);
        // Past 1 GiB only an endless answer goes on.
        if matches!(answer, Answer::Declared) {
            left -= block.len() as u64;
        }
    }
}

fn assert_refused(pulled: &Pulled, site: &Site, case: &str) {
    assert!(!pulled.ok, "{case}: the pull succeeded");
    assert!(
        pulled.stderr.contains(BIG),
        "{case}: the error names the file: {}",
        pulled.stderr
    );
    assert!(
        pulled.peak_kb > 0 && pulled.peak_kb < MEMORY_BOUND_KB,
        "{case}: peak memory {} kB",
        pulled.peak_kb
    );
    assert!(!site.path("mirror").exists(), "{case}: nothing swapped in");
    eprintln!(
        "{case}: refused in {:?}, peak memory {} kB: {}",
        pulled.took,
        pulled.peak_kb,
        pulled.stderr.trim()
    );
}

#[test]
fn an_http_copy_that_sends_far_more_than_declared_is_cut_off() {
    for answer in [Answer::Declared, Answer::UntilClose, Answer::Chunked] {
        let site = Site::new();
        let (url, sent) = serve(site.path("site"), answer);
        let pulled = pull(&site, &url);
        let case = format!("{answer:?}");
        assert_refused(&pulled, &site, &case);
        // The server's thread may still be finding out the client left.
        std::thread::sleep(Duration::from_millis(200));
        let sent = sent.load(Ordering::SeqCst);
        assert!(sent < SENT_BOUND, "{case}: the server sent {sent} bytes");
        eprintln!("{case}: the server got {sent} bytes out");
        if let Answer::Declared = answer {
            assert!(
                pulled.stderr.contains(&format!(
                    "sent more than the {DECLARED} bytes the manifest declares"
                )),
                "{}",
                pulled.stderr
            );
        }
    }
}

#[test]
fn a_folder_copy_with_a_file_far_larger_than_declared_is_read_no_further() {
    let site = Site::new();
    // Sparse: a gigabyte that takes no disk.
    let big = fs::File::options()
        .write(true)
        .open(site.path("site").join(BIG))
        .unwrap();
    big.set_len(ANSWER).unwrap();
    drop(big);
    let pulled = pull(&site, arg(&site.path("site")));
    assert_refused(&pulled, &site, "folder");
    assert!(
        pulled.stderr.contains(&format!(
            "sent more than the {DECLARED} bytes the manifest declares"
        )),
        "{}",
        pulled.stderr
    );
    let part = site.path(".mirror.pull-partial").join(BIG);
    let kept = fs::metadata(&part).map_or(0, |meta| meta.len());
    assert!(kept <= DECLARED, "the part file holds {kept} bytes");
}
