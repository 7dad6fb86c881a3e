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
pub mod mirror;
pub mod output;
pub mod problem;
pub mod render;
pub mod reserved;
pub mod scaffold;
pub mod serve;
mod swap;

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
    /// Signs the manifest when given.
    pub sign_key: Option<&'a minisign::SecretKey>,
}

impl Default for BuildOptions<'_> {
    fn default() -> Self {
        Self {
            strict: false,
            progress: &Quiet,
            sign_key: None,
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
    let site = content::Site::from_archive(&mut archive, options.strict)?;
    let staging = output::Staging::create(out_dir)?;
    render::render_site(&site, &archive, &staging, options.progress)?;
    staging.copy_assets(&site.assets)?;
    write_manifest(&site, out_dir, &staging, options.sign_key)?;
    let files = staging.commit()?;
    Ok(BuildReport {
        articles: site.articles.len(),
        files,
        warnings: site.warnings,
    })
}

/// Writes the manifest of everything staged, following the output's
/// previous manifest, and its signature when there is a key.
fn write_manifest(
    site: &content::Site,
    out_dir: &Path,
    staging: &output::Staging,
    key: Option<&minisign::SecretKey>,
) -> Result<(), Problem> {
    use reserved::{MANIFEST_PATH, SIGNATURE_PATH};
    let created = site
        .articles
        .iter()
        .map(|article| article.updated.unwrap_or(article.date).max(article.date))
        .max()
        .unwrap_or_default();
    let valid_for =
        jiff::SignedDuration::from_hours(24 * i64::from(site.config.manifest_valid_days));
    let previous = std::fs::read(out_dir.join(MANIFEST_PATH)).ok();
    let prepared = mirror::manifest::prepare(
        staging.entries(),
        previous.as_deref(),
        key,
        created,
        valid_for,
    )
    .map_err(|error| {
        Problem::new(
            SIGNATURE_PATH,
            None,
            error.to_string(),
            "check the secret key",
        )
    })?;
    staging.write(MANIFEST_PATH, &prepared.bytes)?;
    match &prepared.signature {
        Some(signature) => staging.write(SIGNATURE_PATH, signature.as_bytes()),
        None => Ok(()),
    }
}
