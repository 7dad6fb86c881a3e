use std::path::Path;
use std::time::Instant;

use anyhow::bail;
use indicatif::{ProgressBar, ProgressStyle};
use site_gen::{BuildOptions, BuildReport, Progress, build_with};

/// A progress bar on a terminal; indicatif draws nothing elsewhere.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, total: u64) {
        self.0.set_length(total);
    }
    fn advance(&self) {
        self.0.inc(1);
    }
}

/// How a build treats warnings and the previous output.
#[derive(Clone, Copy, Default)]
pub struct Flags {
    pub strict: bool,
    pub incremental: bool,
}

/// Builds once, printing warnings and a summary, or every problem.
pub fn build_once(
    archive: &Path,
    out: &Path,
    flags: Flags,
    signing: Signing,
) -> anyhow::Result<BuildReport> {
    let started = Instant::now();
    let bar = ProgressBar::new(0);
    if let Ok(style) = ProgressStyle::with_template("{bar:40} {pos}/{len} files") {
        bar.set_style(style);
    }
    let progress = Bar(bar);
    let result = build_with(
        archive,
        out,
        BuildOptions {
            strict: flags.strict,
            incremental: flags.incremental,
            progress: &progress,
            sign_key: signing.key.as_ref(),
            signed_at: signing.signed_at,
            previous: signing.previous.as_ref(),
            rename_site: signing.rename_site,
        },
    );
    progress.0.finish_and_clear();
    match result {
        Ok(report) => {
            for warning in &report.warnings {
                eprintln!("warning: {warning}");
            }
            let carried = match report.carried {
                0 => String::new(),
                carried => format!(", {carried} of {} jobs unchanged", report.jobs),
            };
            eprintln!(
                "built {} articles into {} files in {} ({} ms{carried})",
                report.articles,
                report.files,
                out.display(),
                started.elapsed().as_millis()
            );
            Ok(report)
        }
        Err(problems) => bail!("{problems}"),
    }
}

/// How a build signs its manifest; the default signs nothing.
#[derive(Default)]
pub struct Signing {
    pub key: Option<minisign::SecretKey>,
    pub signed_at: Option<jiff::Timestamp>,
    pub previous: Option<samizdat_manifest::Summary>,
    /// Lets the site's name differ from the previous manifest's.
    pub rename_site: bool,
}

pub fn run(
    archive: &Path,
    out: &Path,
    flags: Flags,
    sign_key: Option<&Path>,
    signed_at: Option<jiff::Timestamp>,
    previous: Option<&str>,
    rename_site: bool,
) -> anyhow::Result<()> {
    let signing = Signing {
        rename_site,
        key: sign_key
            .map(site_gen::mirror::keys::load_secret)
            .transpose()?,
        signed_at: super::signing::signing_time(signed_at)?,
        previous: super::signing::previous(previous)?,
    };
    build_once(archive, out, flags, signing).map(|_| ())
}
