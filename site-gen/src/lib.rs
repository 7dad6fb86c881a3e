//! site-gen turns an archive of articles into a static news site whose every
//! internal link is relative, so it works from any host, sub-path or mirror.
//!
//! The pipeline, one module a step:
//! `archive` (load the files) → `content` (the site's model) →
//! `render` (Markdown and templates) → `output` (write atomically).

pub mod archive;
pub mod check;
pub mod config;
pub mod content;
pub mod output;
pub mod problem;
pub mod render;
pub mod scaffold;
pub mod serve;

use std::path::Path;

pub use problem::{Problem, Problems};

/// What a build produced.
#[derive(Debug)]
pub struct BuildReport {
    pub articles: usize,
    pub files: usize,
    pub warnings: Vec<Problem>,
}

/// Told how far a build has come, from many threads at once.
pub trait Progress: Sync {
    fn start(&self, _total: u64) {}
    fn advance(&self) {}
}

/// Reports nothing.
pub struct Quiet;
impl Progress for Quiet {}

#[derive(Clone, Copy)]
pub struct BuildOptions<'a> {
    /// Warnings, such as unknown front matter fields, fail the build.
    pub strict: bool,
    pub progress: &'a dyn Progress,
}

impl Default for BuildOptions<'_> {
    fn default() -> Self {
        Self {
            strict: false,
            progress: &Quiet,
        }
    }
}

/// Builds the archive at `archive_dir` into `out_dir`. The previous output
/// is replaced only when the whole build succeeded.
pub fn build(archive_dir: &Path, out_dir: &Path, strict: bool) -> Result<BuildReport, Problems> {
    build_with(
        archive_dir,
        out_dir,
        BuildOptions {
            strict,
            ..BuildOptions::default()
        },
    )
}

pub fn build_with(
    archive_dir: &Path,
    out_dir: &Path,
    options: BuildOptions,
) -> Result<BuildReport, Problems> {
    let mut archive = archive::Archive::load(archive_dir)?;
    let site = content::Site::from_archive(&archive, options.strict)?;
    // Each article holds its own Markdown now: free the second copy.
    archive.sources = Vec::new();
    let staging = output::Staging::create(out_dir)?;
    render::render_site(&site, &archive, &staging, options.progress)?;
    staging.copy_assets(&site.assets)?;
    let files = staging.commit()?;
    Ok(BuildReport {
        articles: site.articles.len(),
        files,
        warnings: site.warnings,
    })
}
