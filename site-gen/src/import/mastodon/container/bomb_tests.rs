//! Zip and tar.gz bombs: an entry that inflates far past the limits is
//! refused by name, having held no more than a few times the limit in
//! memory, in bounded time.

use std::io::Write;
use std::time::{Duration, Instant};

use super::{Container, Limits};
use crate::fuzzing::memory::peak_bytes;

const LIMIT: u64 = 1 << 20;

/// Inflates to 64 times the limit.
const BOMB: usize = 64 << 20;

fn limits() -> Limits {
    Limits {
        entry: LIMIT,
        total: 4 * LIMIT,
    }
}

fn zeros(mut out: impl Write) {
    let chunk = vec![0u8; 1 << 20];
    for _ in 0..BOMB / chunk.len() {
        out.write_all(&chunk).unwrap();
    }
}

#[test]
fn a_zip_bomb_is_refused_holding_no_more_than_the_limit() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let mut zip = zip::ZipWriter::new(file.reopen().unwrap());
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("outbox.json", options).unwrap();
    zeros(&mut zip);
    zip.finish().unwrap();
    let packed = std::fs::metadata(file.path()).unwrap().len();
    assert!(packed < BOMB as u64 / 100, "a bomb of {packed} bytes");

    let started = Instant::now();
    let mut container = Container::open(file.path(), limits()).unwrap();
    let (read, peak) = peak_bytes(|| container.read("outbox.json"));
    let error = read.unwrap_err().to_string();
    assert!(
        error.contains("outbox.json") && error.contains("inflates past 1 MB"),
        "{error}"
    );
    assert!(
        peak < 4 * LIMIT as usize,
        "held {peak} bytes at once for an entry limited to {LIMIT}"
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[test]
fn a_tar_gz_bomb_is_refused_spooling_no_more_than_the_limit() {
    let file = tempfile::NamedTempFile::new().unwrap();
    let gz = flate2::write::GzEncoder::new(file.reopen().unwrap(), flate2::Compression::fast());
    let mut tar = tar::Builder::new(gz);
    let mut header = tar::Header::new_gnu();
    header.set_path("outbox.json").unwrap();
    header.set_size(BOMB as u64);
    header.set_mode(0o644);
    header.set_cksum();
    let mut data = Vec::new();
    zeros(&mut data);
    tar.append(&header, data.as_slice()).unwrap();
    drop(data);
    tar.into_inner().unwrap().finish().unwrap();

    let started = Instant::now();
    let (opened, peak) = peak_bytes(|| Container::open(file.path(), limits()));
    let error = opened.err().expect("the bomb was refused").to_string();
    assert!(
        error.contains("outbox.json") && error.contains("inflates past 1 MB"),
        "{error}"
    );
    assert!(peak < 4 * LIMIT as usize, "held {peak} bytes at once");
    assert!(started.elapsed() < Duration::from_secs(5));
}
