//! Rendering: Markdown to HTML, then every output file through templates.
//!
//! Rendering is split into independent jobs, one per output file, run in
//! parallel; their order in the output list is fixed, so builds are
//! deterministic. Nothing is written until every shared part is ready.

mod comments;
mod comments_script;
mod contexts;
mod feeds;
mod fingerprint;
pub(crate) use fingerprint::fingerprinted;
mod host_files;
mod html_depth;
pub mod incremental;
pub(crate) mod language;
#[cfg(test)]
pub(crate) mod live_vectors;
pub(crate) mod markdown;
#[cfg(test)]
mod markdown_fuzz;
#[cfg(test)]
mod markdown_limits;
mod plan;
mod renderer;
mod sanitize;
mod sitemap;
mod templates;
mod thread;
mod ui_text;
mod view;
mod wordpress_ids;

pub use markdown::markdown_to_html;

use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::Progress;
use crate::archive::Archive;
use crate::content::Site;
use crate::output::Staging;
use crate::problem::{Problem, Problems};
use incremental::{CachedJob, JobCache};
use renderer::Renderer;
use samizdat_manifest::FileEntry;

/// One output file: its path inside the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub contents: String,
}

/// What rendering did, and the cache for the next incremental build.
pub struct Rendered {
    pub cache: JobCache,
    pub jobs: usize,
    /// Jobs carried over from the previous build rather than rendered.
    pub carried: usize,
}

/// What a job gives: the files to remember for the next incremental build.
type Outcome = Result<Option<(String, CachedJob)>, Problem>;

/// A job with nothing to remember and nothing to report, the common
/// case of a build that is not incremental, is not held: a million
/// articles' outcomes take a hundred megabytes.
fn worth_keeping(outcome: &Outcome) -> bool {
    !matches!(outcome, Ok(None))
}

/// Renders every file of the site into `staging`, in parallel. With a
/// `cache` from the previous build, jobs whose inputs did not change are
/// carried over rather than rendered.
pub fn render_site(
    site: &Site,
    archive: &Archive,
    staging: &Staging,
    progress: &dyn Progress,
    cache: Option<&JobCache>,
) -> Result<Rendered, Problems> {
    let in_feeds = feeds::articles_in_feeds(site);
    let renderer = Renderer::new(site, archive, &in_feeds)?;
    write_all(staging, std::slice::from_ref(&renderer.theme))?;
    if site.config.search {
        write_all(staging, std::slice::from_ref(&renderer.search_js))?;
    }
    write_all(staging, renderer.wordpress_ids.as_slice())?;
    write_all(staging, renderer.comments_script.as_slice())?;
    let jobs = plan::jobs(site);
    let articles = site.articles.len();
    let total = articles + jobs.len();
    progress.start(total as u64);
    let salt = cache.and_then(|_| incremental::salt(&archive.templates, &renderer.site_wide()));
    let carried = AtomicUsize::new(0);
    let run = |job: plan::Job| {
        if staging.out_of_space().is_some() {
            // The build fails with that one problem: the rest is not tried.
            return Ok(None);
        }
        let done = match (cache, &salt) {
            (Some(cache), Some(salt)) => {
                run_cached(&renderer, staging, &job, cache, salt, &carried)
            }
            _ => renderer
                .render_into(&job, &mut |page| {
                    staging
                        .write(&page.path, page.contents.as_bytes())
                        .map(|_| ())
                })
                .map(|()| None),
        };
        progress.advance();
        done
    };
    // Articles' pages are counted, not listed, so a million articles make
    // no million-long list of jobs. The search index needs every article
    // and nothing else: it is written while the other jobs render.
    let articles_done: Vec<Outcome> = (0..articles)
        .into_par_iter()
        .map(plan::Job::Article)
        .map(run)
        .filter(worth_keeping)
        .collect();
    let articles_failed = articles_done.iter().any(Result::is_err);
    let (index_problems, jobs_done) = rayon::join(
        || {
            let mut problems = Vec::new();
            if !articles_failed && site.config.search {
                crate::search::write(&renderer.search, site, &mut |page| {
                    if let Err(problem) = staging.write(&page.path, page.contents.as_bytes()) {
                        problems.push(problem);
                    }
                });
            }
            problems
        },
        || {
            (jobs.into_par_iter().map(run))
                .filter(worth_keeping)
                .collect::<Vec<Outcome>>()
        },
    );
    let mut problems = Vec::new();
    let mut cached = Vec::new();
    for outcome in articles_done.into_iter().chain(jobs_done) {
        match outcome {
            Ok(job) => cached.extend(job),
            Err(problem) => problems.push(problem),
        }
    }
    problems.extend(index_problems);
    if let Some(full) = staging.out_of_space() {
        return Err(Problems(vec![full.clone()]));
    }
    for page in host_files::pages(site) {
        if let Err(problem) = staging.write(&page.path, page.contents.as_bytes()) {
            problems.push(problem);
        }
    }
    if problems.is_empty() {
        Ok(Rendered {
            cache: JobCache::from_jobs(cached),
            jobs: total,
            carried: carried.into_inner(),
        })
    } else {
        Err(Problems(problems))
    }
}

/// The pages of the article at `index` alone, its body read from its file
/// now: what `serve` shows of an edit while the rest is rebuilt.
pub fn render_article(site: &Site, archive: &Archive, index: usize) -> Result<Vec<Page>, Problems> {
    let in_feeds = feeds::articles_in_feeds(site);
    let renderer = Renderer::new(site, archive, &in_feeds)?;
    renderer
        .render(&plan::Job::Article(index))
        .map_err(|problem| Problems(vec![problem]))
}

/// Carries the job's files over when the cache has them for the same
/// inputs and a previous output still holds them; renders it otherwise.
fn run_cached(
    renderer: &Renderer,
    staging: &Staging,
    job: &plan::Job,
    cache: &JobCache,
    salt: &str,
    carried: &AtomicUsize,
) -> Result<Option<(String, CachedJob)>, Problem> {
    let fingerprint = job.key(renderer.site).and_then(|key| {
        let inputs = renderer.inputs(job)?;
        incremental::fingerprint(salt, &key, &inputs).map(|print| (key, print))
    });
    if let Some((key, fingerprint)) = &fingerprint
        && let Some(files) = cache.files(key, fingerprint)
        && files.iter().all(|file| staging.can_carry(file))
    {
        for file in files {
            staging.carry(file)?;
        }
        if let plan::Job::Article(index) = job
            && renderer.site.config.search
        {
            // The search index needs every article's words, carried or not.
            write_all(staging, &Vec::from_iter(renderer.search_document(*index)?))?;
        }
        carried.fetch_add(1, Ordering::Relaxed);
        let job = CachedJob {
            fingerprint: fingerprint.clone(),
            files: files.to_vec(),
        };
        return Ok(Some((key.clone(), job)));
    }
    let files = write_all(staging, &renderer.render(job)?)?
        .into_iter()
        .filter(|file| !crate::search::is_metadata_path(&file.path))
        .collect();
    Ok(fingerprint.map(|(key, fingerprint)| (key, CachedJob { fingerprint, files })))
}

fn write_all(staging: &Staging, pages: &[Page]) -> Result<Vec<FileEntry>, Problem> {
    pages
        .iter()
        .map(|page| staging.write(&page.path, page.contents.as_bytes()))
        .collect()
}
