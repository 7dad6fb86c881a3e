//! The size of client files as they travel: raw, gzip -9 and brotli -q 11,
//! through the same command-line tools bench/client-size uses.

use std::path::Path;
use std::process::{Command, Stdio};

#[derive(Clone, Copy, Default)]
pub struct Sizes {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
}

impl Sizes {
    fn of(file: &Path) -> anyhow::Result<Self> {
        Ok(Self {
            raw: std::fs::metadata(file)?.len(),
            gzip: compressed_len(file, "gzip", &["-9", "-c"])?,
            brotli: compressed_len(file, "brotli", &["-q", "11", "-c"])?,
        })
    }

    fn add(&mut self, other: Self) {
        self.raw += other.raw;
        self.gzip += other.gzip;
        self.brotli += other.brotli;
    }
}

fn compressed_len(file: &Path, program: &str, args: &[&str]) -> anyhow::Result<u64> {
    let output = Command::new(program)
        .args(args)
        .arg(file)
        .stderr(Stdio::inherit())
        .output()
        .map_err(|error| anyhow::anyhow!("cannot run {program}: {error}"))?;
    anyhow::ensure!(
        output.status.success(),
        "{program} failed on {}",
        file.display()
    );
    Ok(output.stdout.len() as u64)
}

/// The sizes of a set of files, and of those that are code (wasm, JS),
/// which is what the peer's figure counts.
#[derive(Default)]
pub struct Totals {
    pub all: Sizes,
    pub code: Sizes,
}

/// Prints one line per file of `dist`, in the order first fetched, and
/// their total. A file fetched twice counts once, as a browser with its
/// cache on would fetch it; a name the folder does not hold is listed but
/// not counted.
pub fn print_files(dist: &Path, fetched: &[String]) -> anyhow::Result<Totals> {
    let mut files: Vec<(&str, usize)> = Vec::new();
    for file in fetched {
        match files.iter_mut().find(|(seen, _)| seen == file) {
            Some((_, times)) => *times += 1,
            None => files.push((file, 1)),
        }
    }
    let mut totals = Totals::default();
    println!(
        "  {:<WIDTH$} {:>9} {:>9} {:>9}",
        "file", "raw", "gzip", "brotli"
    );
    for (file, times) in &files {
        let path = dist.join(file);
        if !path.is_file() {
            println!("  {file:<WIDTH$} (not in dist/, not counted)");
            continue;
        }
        let sizes = Sizes::of(&path)?;
        let again = if *times > 1 {
            format!("  (fetched {times} times)")
        } else {
            String::new()
        };
        println!(
            "  {file:<WIDTH$} {:>9} {:>9} {:>9}{again}",
            sizes.raw, sizes.gzip, sizes.brotli
        );
        totals.all.add(sizes);
        if file.ends_with(".wasm") || file.ends_with(".js") {
            totals.code.add(sizes);
        }
    }
    println!(
        "  {:<WIDTH$} {:>9} {:>9} {:>9}",
        format!("total, {} files", files.len()),
        totals.all.raw,
        totals.all.gzip,
        totals.all.brotli
    );
    Ok(totals)
}

/// Wide enough for the split pieces' names, which carry a hash.
const WIDTH: usize = 40;
