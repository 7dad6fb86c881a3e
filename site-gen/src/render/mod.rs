//! Rendering: Markdown to HTML, then every output file through templates.
//!
//! Rendering is split into independent jobs, one per output file, run in
//! parallel; their order in the output list is fixed, so builds are
//! deterministic. Nothing is written until every shared part is ready.

mod contexts;
mod feeds;
mod fingerprint;
mod host_files;
mod language;
pub(crate) mod markdown;
mod plan;
mod renderer;
mod sitemap;
mod templates;
mod thread;
mod ui_text;
mod view;
mod wordpress_ids;

pub use markdown::markdown_to_html;

use rayon::prelude::*;

use crate::Progress;
use crate::archive::Archive;
use crate::content::Site;
use crate::output::Staging;
use crate::problem::{Problem, Problems};
use renderer::Renderer;

/// One output file: its path inside the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub contents: String,
}

/// Renders every file of the site into `staging`, in parallel.
pub fn render_site(
    site: &Site,
    archive: &Archive,
    staging: &Staging,
    progress: &dyn Progress,
) -> Result<(), Problems> {
    let in_feeds = feeds::articles_in_feeds(site);
    let renderer = Renderer::new(site, archive, &in_feeds)?;
    write_all(staging, std::slice::from_ref(&renderer.theme))?;
    write_all(staging, renderer.wordpress_ids.as_slice())?;
    let jobs = plan::jobs(site);
    let articles = site.articles.len();
    progress.start((articles + jobs.len()) as u64);
    let mut problems: Vec<Problem> = (0..articles)
        .into_par_iter()
        .map(plan::Job::Article)
        .chain(jobs.into_par_iter())
        .filter_map(|job| {
            let written = renderer.render_into(&job, &mut |page| {
                staging.write(&page.path, page.contents.as_bytes())
            });
            progress.advance();
            written.err()
        })
        .collect();
    for page in host_files::pages(site) {
        if let Err(problem) = staging.write(&page.path, page.contents.as_bytes()) {
            problems.push(problem);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(problems))
    }
}

fn write_all(staging: &Staging, pages: &[Page]) -> Result<(), Problem> {
    pages
        .iter()
        .try_for_each(|page| staging.write(&page.path, page.contents.as_bytes()))
}
