//! Front matter built to exhaust a build: far too long, aliases that
//! expand exponentially, nesting far too deep. Each is refused, or read,
//! within a bound the test states.

use std::io::Read;
use std::time::{Duration, Instant};

use crate::fuzzing::memory::peak_bytes;

use super::{FRONT_MATTER_LIMIT, SourceFile, read_article, split_front_matter};

/// Front matter of `lines` lines of `key: value`, without end, made as
/// it is read: a gigabyte of it costs no memory or disk.
struct EndlessFrontMatter {
    produced: u64,
    total: u64,
}

impl Read for EndlessFrontMatter {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let line = b"key: a value that goes on and on\n";
        let mut written = 0;
        while written < buf.len() && self.produced < self.total {
            let at = if self.produced < 4 {
                // The opening delimiter, then the same line over and over.
                b"---\n"[self.produced as usize]
            } else {
                line[((self.produced - 4) % line.len() as u64) as usize]
            };
            buf[written] = at;
            written += 1;
            self.produced += 1;
        }
        Ok(written)
    }
}

#[test]
fn a_gigabyte_of_front_matter_is_refused_after_reading_the_limit() {
    let started = Instant::now();
    let mut endless = EndlessFrontMatter {
        produced: 0,
        total: 1 << 30,
    };
    let (read, peak) = peak_bytes(|| read_article(&mut endless));
    let refused = read.unwrap().unwrap_err();
    assert!(
        peak < 4 * FRONT_MATTER_LIMIT,
        "held {peak} bytes at once for a front matter limited to {FRONT_MATTER_LIMIT}"
    );
    assert!(
        endless.produced <= (FRONT_MATTER_LIMIT + 8192) as u64,
        "read {} bytes of a front matter limited to {FRONT_MATTER_LIMIT}",
        endless.produced
    );
    assert_eq!(refused.line, 1);
    assert!(
        refused.message.contains("runs past 1024 KiB") && refused.message.contains("`---`"),
        "{}",
        refused.message
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[cfg(unix)]
#[test]
fn a_sparse_gigabyte_file_is_refused_by_name_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.md");
    let file = std::fs::File::create(&path).unwrap();
    std::io::Write::write_all(&mut &file, b"+++\ntitle = \"").unwrap();
    // A hole: a gigabyte long, no disk used, and no closing line in it.
    file.set_len(1 << 30).unwrap();
    let source = SourceFile {
        path: "huge.md".into(),
        bundle_assets: Vec::new(),
    };
    let started = Instant::now();
    let problem = source.read_text(dir.path()).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(5));
    assert_eq!(problem.line, Some(1));
    assert!(
        problem
            .to_string()
            .starts_with("huge.md:1: the front matter"),
        "{problem}"
    );
    assert!(problem.message.contains("`+++`"), "{problem}");
}

#[test]
fn front_matter_just_under_the_limit_is_read() {
    let value = "x".repeat(FRONT_MATTER_LIMIT - 100);
    let text = format!("---\ntitle: {value}\n---\nBody\n");
    let bytes = read_article(text.as_bytes()).unwrap().unwrap();
    assert_eq!(bytes.len(), text.len());
    let (front, body) = split_front_matter(&text).unwrap();
    assert_eq!(
        front.fields["title"].as_str().map(str::len),
        Some(value.len())
    );
    assert_eq!(body, "Body\n");
    // The body may be as long as it likes.
    let long_body = format!("---\ntitle: T\n---\n{}", "word ".repeat(FRONT_MATTER_LIMIT));
    let bytes = read_article(long_body.as_bytes()).unwrap().unwrap();
    assert_eq!(bytes.len(), long_body.len());
}

#[test]
fn front_matter_past_the_limit_is_refused_when_given_as_text() {
    let text = format!("---\ntitle: {}\n---\n", "x".repeat(FRONT_MATTER_LIMIT + 1));
    let error = split_front_matter(&text).unwrap_err();
    assert_eq!(error.line, 1);
    assert!(error.message.contains("runs past"), "{}", error.message);
}

/// Nine levels of nine aliases each: a billion leaves if expanded.
fn billion_laughs() -> String {
    let mut yaml = String::from("---\ntitle: T\nlol0: &l0 \"lol\"\n");
    for level in 1..=9 {
        let refs = vec![format!("*l{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("lol{level}: &l{level} [{refs}]\n"));
    }
    yaml.push_str("---\n");
    yaml
}

#[test]
fn a_billion_laughs_is_refused_quickly() {
    let started = Instant::now();
    let error = split_front_matter(&billion_laughs()).unwrap_err();
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    assert!(error.message.contains("YAML"), "{}", error.message);
    assert!(error.line >= 2, "{error:?}");
}

#[test]
fn a_few_aliases_are_still_read() {
    let (front, _) =
        split_front_matter("---\ntitle: &t Storm\ntags: [*t, *t]\ndate: 2026-01-01\n---\n")
            .unwrap();
    assert_eq!(front.fields["tags"], serde_json::json!(["Storm", "Storm"]));
}

#[test]
fn nesting_a_hundred_thousand_deep_is_refused_without_overflowing() {
    let depth = 100_000;
    let started = Instant::now();
    for text in [
        format!(
            "---\ntitle: {}{}\n---\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        format!("---\ntitle: {}\n---\n", "{a: ".repeat(depth)),
        format!("---\ntitle:\n{}x\n---\n", "- ".repeat(depth)),
        format!("---\ntitle: {}\n---\n", "? ".repeat(depth)),
        format!(
            "+++\ntitle = {}{}\n+++\n",
            "[".repeat(depth),
            "]".repeat(depth)
        ),
        format!(
            "+++\ntitle = {}1{}\n+++\n",
            "{a = ".repeat(depth),
            "}".repeat(depth)
        ),
    ] {
        let error = split_front_matter(&text).unwrap_err();
        assert!(error.line >= 2, "{error:?}");
        assert!(
            error.message.contains("does not parse") || error.message.contains("128 deep"),
            "{}",
            error.message
        );
    }
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn yaml_nested_past_its_depth_is_refused_before_it_is_read() {
    // Under the limit, brackets in text, quotes and comments do not count.
    let mut text = String::from("---\ntitle: Chapter [1 of many\n");
    for note in 0..200 {
        text.push_str(&format!("note{note}: \"[[[\" # {{{{{{\n"));
    }
    text.push_str(&format!(
        "deep: {}x{}\n---\n",
        "[".repeat(100),
        "]".repeat(100)
    ));
    let read = split_front_matter(&text);
    assert!(read.is_ok(), "{read:?}");
    let error = split_front_matter("---\ntitle: T\ndeep: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n---\n").unwrap_err();
    assert_eq!(error.line, 3);
    assert!(
        error.message.contains("more than 128 deep"),
        "{}",
        error.message
    );
}
