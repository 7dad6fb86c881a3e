//! site-gen turns an archive of articles into a static news site whose every
//! internal link is relative, so it works from any host, sub-path or mirror.
//!
//! The pipeline, one module a step:
//! `archive` (load the files) → `content` (the site's model) →
//! `render` (Markdown and templates) → `output` (write atomically).

pub mod archive;
pub mod config;
pub mod content;
pub mod output;
pub mod problem;
pub mod render;
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

/// Builds the archive at `archive_dir` into `out_dir`. The previous output is
/// replaced only when the whole build succeeded.
pub fn build(archive_dir: &Path, out_dir: &Path, strict: bool) -> Result<BuildReport, Problems> {
    let archive = archive::Archive::load(archive_dir)?;
    let site = content::Site::from_archive(&archive, strict)?;
    let pages = render::render_site(&site, &archive)?;
    let files = output::write_atomically(out_dir, &pages, &site.assets)?;
    Ok(BuildReport {
        articles: site.articles.len(),
        files,
        warnings: site.warnings,
    })
}
