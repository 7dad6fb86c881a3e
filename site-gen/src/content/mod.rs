//! The site's content model: articles checked and placed at their URLs.

mod address;
mod article;
mod body;
pub(crate) mod date;
mod fields;
pub mod foreign;
pub(crate) mod markdown;
mod name;
mod notes;
pub(crate) mod slug;
mod taxonomy;

pub use address::PagePath;
pub use article::{Article, default_slug};
pub use body::BodyPlace;
pub use name::Name;
pub use slug::{check_slug, slugify};
pub use taxonomy::{Taxonomy, Term};

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::archive::{self, Archive};
use crate::config::SiteConfig;
use crate::problem::{Problem, Problems};

/// A file copied into the output as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asset {
    pub source: PathBuf,
    /// Its path in the output, with `/` separators.
    pub dest: String,
}

#[derive(Debug)]
pub struct Site {
    pub config: SiteConfig,
    /// The archive's folder, from which articles' bodies are read.
    pub root: PathBuf,
    /// Newest first; drafts are left out.
    pub articles: Vec<Article>,
    /// The taxonomies `site.toml` asks for that have at least one term.
    pub taxonomies: Vec<Taxonomy>,
    pub assets: Vec<Asset>,
    pub warnings: Vec<Problem>,
}

impl Site {
    /// Builds the model from the archive, taking its sources: each file
    /// is read, its front matter checked, and its text dropped, so that
    /// the model holds where each body is rather than the body.
    pub fn from_archive(archive: &mut Archive, strict: bool) -> Result<Self, Problems> {
        let mut problems = archive.problems.clone();
        let mut warnings = Vec::new();
        let mut articles = Vec::new();
        let mut foreign_notes = Vec::new();
        let sources = std::mem::take(&mut archive.sources);
        articles.reserve_exact(sources.len());
        let mut keep = |read: Option<Result<Article, Vec<Problem>>>| match read {
            None => {}
            Some(Ok(article)) if article.draft => {}
            Some(Ok(article)) => articles.push(article),
            Some(Err(mut found)) => problems.append(&mut found),
        };
        match archive.generator {
            Some(generator) => {
                let mut reader = foreign::ForeignReader::new(generator, &archive.permalinks);
                for source in &sources {
                    keep(match source.read_text(&archive.root) {
                        Ok(text) => reader.article(source, &text, &archive.config, &mut warnings),
                        Err(problem) => Some(Err(vec![problem])),
                    });
                }
                foreign_notes = reader.into_notes();
            }
            None => read_in_parallel(&sources, archive, &mut warnings, keep),
        }
        let mut notes = archive.notes.clone();
        notes.append(&mut foreign_notes);
        notes.append(&mut warnings);
        let mut warnings = notes::once_each(notes);
        // Every URL an article takes, its slug and its aliases, is its alone.
        let mut owners: BTreeMap<&PagePath, &Path> = BTreeMap::new();
        for article in &articles {
            let paths = std::iter::once((&article.path, "slug"))
                .chain(article.aliases.iter().map(|alias| (alias, "alias")));
            for (path, kind) in paths {
                match owners.entry(path) {
                    std::collections::btree_map::Entry::Vacant(slot) => {
                        slot.insert(&article.source);
                    }
                    std::collections::btree_map::Entry::Occupied(first) => {
                        problems.push(Problem::new(
                            &*article.source,
                            None,
                            format!(
                                "the {kind} “{}” is a URL that {} takes too",
                                path.name(),
                                first.get().display()
                            ),
                            "give one of them another `slug`, or remove the alias",
                        ))
                    }
                }
            }
        }
        if strict {
            problems.append(&mut warnings);
        }
        if !problems.is_empty() {
            return Err(Problems(problems));
        }
        share_names(&mut articles);
        articles.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.slug().cmp(b.slug())));
        let mut assets: Vec<Asset> = archive
            .static_files
            .iter()
            .map(|path| Asset {
                source: archive.static_root.join(path),
                dest: to_url_path(path),
            })
            .collect();
        for article in &articles {
            for asset in &article.bundle_assets {
                let name = asset
                    .file_name()
                    .map(|name| name.to_string_lossy().into_owned())
                    .unwrap_or_default();
                assets.push(Asset {
                    source: archive.root.join(asset),
                    dest: article.path.file(&name),
                });
            }
        }
        let taxonomies = taxonomy::collect(&articles, &archive.config.taxonomies);
        Ok(Self {
            config: archive.config.clone(),
            root: archive.root.clone(),
            articles,
            taxonomies,
            assets,
            warnings,
        })
    }
}

/// Reads site-gen's own articles, many files at once, a slice at a time
/// so that only a slice's texts are in memory together; the articles and
/// warnings come out in the files' order, as a sequential read gives them.
fn read_in_parallel(
    sources: &[archive::SourceFile],
    archive: &Archive,
    warnings: &mut Vec<Problem>,
    mut keep: impl FnMut(Option<Result<Article, Vec<Problem>>>),
) {
    use rayon::prelude::*;
    for slice in sources.chunks(4096) {
        let read: Vec<_> = slice
            .par_iter()
            .map(|source| {
                let mut found = Vec::new();
                let article = source
                    .read_text(&archive.root)
                    .map_err(|problem| vec![problem])
                    .and_then(|text| {
                        Article::from_source(source, &text, &archive.config, &mut found)
                    });
                (article, found)
            })
            .collect();
        for (article, mut found) in read {
            warnings.append(&mut found);
            keep(Some(article));
        }
    }
}

/// Makes every article's language, tags, categories and authors the one
/// copy of each that the whole site holds.
fn share_names(articles: &mut [Article]) {
    let mut names = name::Names::default();
    for article in articles {
        names.share(&mut article.lang);
        let lists = [
            &mut article.tags,
            &mut article.categories,
            &mut article.authors,
        ];
        for name in lists.into_iter().flatten() {
            names.share(name);
        }
    }
}

fn to_url_path(path: &std::path::Path) -> String {
    path.components()
        .map(|part| part.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_model_holds_where_bodies_are_not_their_text() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("site.toml"), "title = \"T\"\n").unwrap();
        std::fs::create_dir(root.join("posts")).unwrap();
        let long_body = "A sentence that takes room. ".repeat(4000);
        std::fs::write(
            root.join("posts/a.md"),
            format!("\u{feff}---\r\ntitle: A\r\ndate: 2026-01-01\r\n---\r\n{long_body}"),
        )
        .unwrap();
        let mut archive = Archive::load(root).unwrap();
        let site = Site::from_archive(&mut archive, false).unwrap();
        let article = &site.articles[0];
        let held = format!("{article:?}");
        assert!(held.len() < 1000, "the model holds {} bytes", held.len());
        assert!(!held.contains("takes room"), "{held}");
        assert_eq!(article.read_body(&site.root).unwrap(), long_body);
        // What a page shows is the file as it is when the page is made.
        std::fs::write(
            root.join("posts/a.md"),
            "\u{feff}---\r\ntitle: A\r\ndate: 2026-01-01\r\n---\r\nShorter now.\r\n",
        )
        .unwrap();
        assert_eq!(article.read_body(&site.root).unwrap(), "Shorter now.\r\n");
    }
}
