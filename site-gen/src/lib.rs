//! site-gen turns an archive of articles into a static news site whose every
//! internal link is relative, so it works from any host, sub-path or mirror.
//!
//! The pipeline, one module a step:
//! `archive` (load the files) → `content` (the site's model) →
//! `render` (Markdown and templates) → `output` (write atomically).

pub mod archive;
pub mod check;
pub mod comments;
pub mod config;
pub mod content;
#[cfg(test)]
mod fuzzing;
mod html_tags;
mod html_text;
pub mod import;
pub mod inside;
pub mod mirror;
pub mod output;
mod phases;
pub mod preview;
pub mod problem;
pub mod record;
pub mod render;
pub mod reserved;
pub mod scaffold;
pub mod search;
pub mod serve;
mod swap;

use std::path::Path;

pub use problem::{Problem, Problems};

/// What a build produced.
#[derive(Debug)]
pub struct BuildReport {
    pub articles: usize,
    pub files: usize,
    /// Render jobs, and those an incremental build carried over unchanged.
    pub jobs: usize,
    pub carried: usize,
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
    /// Signs the manifest when given; a signed build also keeps the
    /// archive's record of the manifest it wrote.
    pub sign_key: Option<&'a minisign::SecretKey>,
    /// When the manifest is signed: its creation time, and so its expiry,
    /// is the later of this and the archive's newest date.
    pub signed_at: Option<jiff::Timestamp>,
    /// The manifest readers have seen, which this build follows when its
    /// serial is the highest of the output folder's, the archive record's
    /// and this one.
    pub previous: Option<&'a samizdat_manifest::Summary>,
    /// Lets `site_id` (or the title it defaults to) differ from the name
    /// of the manifest the build follows, starting a fresh serial track.
    pub rename_site: bool,
    /// Renders only the jobs whose inputs changed since the last
    /// incremental build into this output, by the cache kept beside it.
    pub incremental: bool,
}

impl Default for BuildOptions<'_> {
    fn default() -> Self {
        Self {
            strict: false,
            progress: &Quiet,
            sign_key: None,
            signed_at: None,
            previous: None,
            rename_site: false,
            incremental: false,
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
    let mut phases = phases::Phases::from_env();
    let mut archive = archive::Archive::load(archive_dir)?;
    phases.done("list the archive");
    let site = content::Site::from_archive(&mut archive, options.strict)?;
    phases.done("read the articles");
    let mut staging = output::Staging::create(out_dir)?;
    let cache_path = render::incremental::JobCache::path(out_dir);
    let cache = options
        .incremental
        .then(|| render::incremental::JobCache::load(&cache_path));
    let rendered =
        render::render_site(&site, &archive, &staging, options.progress, cache.as_ref())?;
    phases.done("render and write");
    staging.copy_assets(&site.assets)?;
    let articles = site.articles.len();
    let newest = site
        .articles
        .iter()
        .map(|article| article.updated.unwrap_or(article.date).max(article.date))
        .max()
        .unwrap_or_default();
    let config = site.config.clone();
    let mut warnings = site.warnings;
    // The model is done with: the manifest, which lists every file, is
    // the build's other large thing, and they need not be in memory at once.
    drop((site.articles, site.taxonomies, site.assets, archive));
    let manifest = write_manifest(&config, newest, archive_dir, out_dir, &mut staging, options)?;
    phases.done("write the manifest");
    let files = staging.commit()?;
    phases.done("put the output in place");
    if options.incremental
        && let Err(error) = rendered.cache.save(&cache_path)
    {
        // The build stands; only the next one renders everything again.
        warnings.push(Problem::new(
            &cache_path,
            None,
            format!("cannot save the incremental build's cache: {error}"),
            "check free space and permissions beside the output",
        ));
    }
    if options.sign_key.is_some() {
        record::save(archive_dir, &manifest)?;
    }
    Ok(BuildReport {
        articles,
        files,
        jobs: rendered.jobs,
        carried: rendered.carried,
        warnings,
    })
}

/// Writes the manifest of everything staged, and its signature when there
/// is a key, following the latest manifest known; returns its summary.
fn write_manifest(
    config: &config::SiteConfig,
    newest: jiff::Timestamp,
    archive_dir: &Path,
    out_dir: &Path,
    staging: &mut output::Staging,
    options: BuildOptions,
) -> Result<samizdat_manifest::Summary, Problem> {
    use reserved::{MANIFEST_PATH, SIGNATURE_PATH};
    let created = options.signed_at.map_or(newest, |at| at.max(newest));
    let valid_for = jiff::SignedDuration::from_hours(24 * i64::from(config.manifest_valid_days));
    // Read an entry at a time, as it was written.
    let in_output = std::fs::File::open(out_dir.join(MANIFEST_PATH))
        .ok()
        .and_then(|file| samizdat_manifest::read_manifest(file, drop).ok());
    let previous = mirror::published::latest([
        options.previous.cloned(),
        in_output,
        record::load(archive_dir)?,
    ]);
    let site_name = config.site_name();
    let naming = mirror::manifest::Naming {
        site: Some(&site_name),
        rename: options.rename_site,
    };
    let (summary, signature) = staging.write_listing(MANIFEST_PATH, |files, out| {
        mirror::manifest::write_streamed(
            files,
            naming,
            previous.as_ref(),
            options.sign_key,
            created,
            valid_for,
            out,
        )
        .map_err(|error| match error {
            mirror::MirrorError::SiteRenamed { .. } => Problem::new(
                archive_dir.join(config::SiteConfig::FILE_NAME),
                None,
                error.to_string(),
                "",
            ),
            mirror::MirrorError::Io { .. } => Problem::new(
                out_dir,
                None,
                format!("cannot write the manifest: {error}"),
                "check free space and permissions",
            ),
            _ => Problem::new(
                SIGNATURE_PATH,
                None,
                error.to_string(),
                "check the secret key",
            ),
        })
    })?;
    if let Some(signature) = &signature {
        staging.write(SIGNATURE_PATH, signature.as_bytes())?;
    }
    Ok(summary)
}
