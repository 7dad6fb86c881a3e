use std::io::Write;
use std::path::Path;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressStyle};
use site_gen::import::{self, Format, ImportOptions, ImportProgress, Source};

/// A bar on a terminal; indicatif draws nothing elsewhere.
struct Bar(ProgressBar);

impl ImportProgress for Bar {
    fn set(&self, done: u64, total: u64) {
        self.0.set_length(total);
        self.0.set_position(done);
    }
}

pub fn run(
    format: Option<Format>,
    source: &str,
    archive: &Path,
    options: &ImportOptions,
) -> anyhow::Result<()> {
    let source = Source::parse(source);
    let format = match format {
        Some(format) => format,
        None => import::guess_format(&source)?,
    };
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {percent}% {msg}") {
        bar.set_style(style);
    }
    let progress = Bar(bar);
    let report = import::import(format, &source, archive, options, &progress)
        .with_context(|| format!("importing {} as {}", source.label(), format.name()))?;
    progress.0.finish_and_clear();
    // Written rather than printed, so a reader that stops early (a pipe
    // into `head`) ends the command with an error instead of a panic.
    let mut out = std::io::stdout().lock();
    write!(out, "{report}")?;
    writeln!(
        out,
        "the archive is in {}: build it with `site-gen build {}`",
        archive.display(),
        archive.display()
    )?;
    Ok(())
}
