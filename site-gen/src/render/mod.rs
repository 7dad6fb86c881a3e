//! Rendering: Markdown to HTML, then every output file through templates.
//!
//! Rendering is split into independent jobs, one per output file, run in
//! parallel; their order in the output list is fixed, so builds are
//! deterministic.

mod feeds;
mod markdown;
mod taxonomy;
mod templates;
mod ui_text;
mod view;

pub use markdown::markdown_to_html;
pub use view::path_to_root;

use std::collections::BTreeMap;

use minijinja::{Value, context};
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::Progress;
use crate::archive::Archive;
use crate::content::{Article, Site};
use crate::output::Staging;
use crate::problem::{Problem, Problems};
use taxonomy::{Taxonomy, TermPage};
use templates::Templates;
use view::{ArticleView, article_view};

/// One output file: its path inside the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub contents: String,
}

/// Everything one job needs to render one output file.
enum Job<'a> {
    Article(usize),
    Alias {
        article: usize,
        alias: &'a str,
    },
    Listing {
        base: String,
        title: String,
        articles: Vec<usize>,
        number: usize,
        total: usize,
        feed: Option<String>,
    },
    TermsIndex(&'a Taxonomy),
    Feeds {
        base: String,
        title: String,
        articles: Vec<usize>,
    },
    Sitemap,
    Mirrors,
    NotFound,
}

struct Renderer<'a> {
    site: &'a Site,
    templates: Templates,
    /// Article bodies as HTML, by article index, for the articles that
    /// some feed carries; the others are rendered by their page's job and
    /// dropped once written, so memory stays flat as archives grow.
    bodies: Vec<Option<String>>,
    taxonomies: Vec<Taxonomy>,
    /// Fingerprinted asset paths, relative to the site root, by name.
    assets: BTreeMap<&'static str, String>,
    /// Articles by translation key.
    translations: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> Renderer<'a> {
    /// What every job shares: templates, taxonomies, the bodies that feeds
    /// need, and the fingerprinted theme, which is written at once.
    fn new(site: &'a Site, archive: &Archive, staging: &Staging) -> Result<Self, Problems> {
        let templates = Templates::new(&archive.templates)?;
        let theme_css = archive
            .templates
            .iter()
            .find(|(name, _)| name == templates::THEME_CSS)
            .map_or(templates::BUILT_IN_THEME_CSS, |(_, css)| css.as_str());
        let theme_path = fingerprinted("assets/theme", "css", theme_css.as_bytes());
        staging.write(&theme_path, theme_css.as_bytes())?;
        let config = &site.config;
        let taxonomies = taxonomy::collect(&site.articles, &site.config.taxonomies);
        let in_feeds = feeds::articles_in_feeds(site.articles.len(), &taxonomies);
        let bodies = site
            .articles
            .par_iter()
            .enumerate()
            .map(|(index, article)| {
                in_feeds[index].then(|| markdown_to_html(&article.markdown, config, &article.lang))
            })
            .collect();
        Ok(Renderer {
            site,
            templates,
            bodies,
            taxonomies,
            assets: BTreeMap::from([("theme_css", theme_path)]),
            translations: translation_groups(&site.articles),
        })
    }
}

/// Renders every file of the site into `staging`, in parallel.
pub fn render_site(
    site: &Site,
    archive: &Archive,
    staging: &Staging,
    progress: &dyn Progress,
) -> Result<(), Problems> {
    let renderer = Renderer::new(site, archive, staging)?;
    let jobs = renderer.jobs();
    progress.start(jobs.len() as u64);
    let mut problems: Vec<Problem> = jobs
        .par_iter()
        .filter_map(|job| {
            let written = renderer.render(job).and_then(|pages| {
                pages
                    .iter()
                    .try_for_each(|page| staging.write(&page.path, page.contents.as_bytes()))
            });
            progress.advance();
            written.err()
        })
        .collect();
    for (path, contents) in [
        ("robots.txt", robots(site.config.base_url.as_deref())),
        ("_headers", host_headers()),
        ("_redirects", host_redirects(site)),
    ] {
        if let Err(problem) = staging.write(path, contents.as_bytes()) {
            problems.push(problem);
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Problems(problems))
    }
}

fn translation_groups(articles: &[Article]) -> BTreeMap<&str, Vec<usize>> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, article) in articles.iter().enumerate() {
        if let Some(key) = &article.translation_key {
            groups.entry(key.as_str()).or_default().push(index);
        }
    }
    groups
}

/// A language's name in that language, for links to translations.
fn language_name(lang: &str) -> String {
    match lang
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "en" => "English".into(),
        "fr" => "Français".into(),
        "de" => "Deutsch".into(),
        "es" => "Español".into(),
        "it" => "Italiano".into(),
        "pt" => "Português".into(),
        _ => lang.to_string(),
    }
}

/// `stem.HASH.ext`, the hash taken over `contents`, so a changed file gets
/// a new name and can be cached for ever.
fn fingerprinted(stem: &str, ext: &str, contents: &[u8]) -> String {
    let digest = Sha256::digest(contents);
    let hash: String = digest
        .iter()
        .take(5)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{stem}.{hash}.{ext}")
}

/// `_headers` for Netlify- and Cloudflare Pages-style hosts: fingerprinted
/// assets are cached for ever, the rest briefly.
fn host_headers() -> String {
    let long = crate::mirror::cache_control(crate::mirror::FileKind::Fingerprinted);
    let short = crate::mirror::cache_control(crate::mirror::FileKind::Changing);
    let manifest = crate::reserved::MANIFEST_PATH;
    format!(
        "/assets/*\n  Cache-Control: {long}\n/*\n  X-Content-Type-Options: nosniff\n  Referrer-Policy: no-referrer\n/*.html\n  Cache-Control: {short}\n/{manifest}\n  Cache-Control: {short}\n"
    )
}

/// `_redirects` for the same hosts: each alias moves permanently to its
/// article. These hosts serve the site at their root, so paths start at `/`.
fn host_redirects(site: &Site) -> String {
    let mut lines = String::new();
    for article in &site.articles {
        for alias in &article.aliases {
            lines.push_str(&format!("/{alias}/ /{}/ 301\n", article.slug));
        }
    }
    lines
}

fn robots(base_url: Option<&str>) -> String {
    let sitemap = base_url
        .map(|base| format!("Sitemap: {}/sitemap.xml\n", base.trim_end_matches('/')))
        .unwrap_or_default();
    format!("User-agent: *\nAllow: /\n{sitemap}")
}

/// Splits `items` into pages of `size`, always at least one page.
fn paginate(items: &[usize], size: usize) -> Vec<Vec<usize>> {
    if items.is_empty() {
        vec![Vec::new()]
    } else {
        items.chunks(size).map(<[usize]>::to_vec).collect()
    }
}

impl<'a> Renderer<'a> {
    fn jobs(&'a self) -> Vec<Job<'a>> {
        let site = self.site;
        let size = site.config.paginate;
        let mut jobs: Vec<Job> = (0..site.articles.len()).map(Job::Article).collect();
        for (article, item) in site.articles.iter().enumerate() {
            jobs.extend(
                item.aliases
                    .iter()
                    .map(|alias| Job::Alias { article, alias }),
            );
        }
        let mut listings = vec![(
            String::new(),
            site.config.title.clone(),
            (0..site.articles.len()).collect::<Vec<_>>(),
            true,
        )];
        for taxonomy in &self.taxonomies {
            jobs.push(Job::TermsIndex(taxonomy));
            for TermPage {
                slug,
                name,
                articles,
            } in &taxonomy.terms
            {
                listings.push((
                    format!("{}/{slug}/", taxonomy.kind.path()),
                    name.clone(),
                    articles.clone(),
                    taxonomy.kind.has_feeds(),
                ));
            }
        }
        for (base, title, articles, feeds) in listings {
            let chunks = paginate(&articles, size);
            let total = chunks.len();
            let feed = feeds.then(|| format!("{base}atom.xml"));
            for (index, chunk) in chunks.into_iter().enumerate() {
                jobs.push(Job::Listing {
                    base: base.clone(),
                    title: title.clone(),
                    articles: chunk,
                    number: index + 1,
                    total,
                    feed: feed.clone(),
                });
            }
            if feeds {
                jobs.push(Job::Feeds {
                    base,
                    title,
                    articles,
                });
            }
        }
        if !site.config.mirrors.is_empty() {
            jobs.push(Job::Mirrors);
        }
        jobs.push(Job::Sitemap);
        jobs.push(Job::NotFound);
        jobs
    }

    fn common(&self, path: &str, lang: &str) -> Value {
        let sections: Vec<&str> = self
            .taxonomies
            .iter()
            .map(|taxonomy| taxonomy.kind.path())
            .filter(|kind| *kind != "categories")
            .collect();
        context! {
            root => path_to_root(path),
            site => &self.site.config,
            lang => lang,
            t => ui_text::for_language(lang),
            sections => sections,
            assets => &self.assets,
        }
    }

    fn page(
        &self,
        path: String,
        template: &str,
        context: Value,
        source: &std::path::Path,
    ) -> Result<Vec<Page>, Problem> {
        self.templates
            .render(template, context)
            .map(|contents| vec![Page { path, contents }])
            .map_err(|error| {
                Problem::new(
                    source,
                    None,
                    error,
                    format!("fix the template {template}, or the field it names"),
                )
            })
    }

    /// An article's body: kept from before when a feed needed it too.
    fn body(&self, index: usize) -> std::borrow::Cow<'_, str> {
        match &self.bodies[index] {
            Some(body) => std::borrow::Cow::Borrowed(body),
            None => {
                let article = &self.site.articles[index];
                std::borrow::Cow::Owned(markdown_to_html(
                    &article.markdown,
                    &self.site.config,
                    &article.lang,
                ))
            }
        }
    }

    /// The other languages an article is published in, for hreflang.
    fn translations_of(&self, index: usize) -> Vec<Value> {
        let article = &self.site.articles[index];
        let Some(group) = article
            .translation_key
            .as_deref()
            .and_then(|key| self.translations.get(key))
        else {
            return Vec::new();
        };
        group
            .iter()
            .filter(|&&other| other != index)
            .map(|&other| {
                let other = &self.site.articles[other];
                context! { lang => &other.lang, name => language_name(&other.lang), url => format!("{}/", other.slug), title => &other.title }
            })
            .collect()
    }

    fn views(&self, indices: &[usize]) -> Vec<ArticleView<'_>> {
        indices
            .iter()
            .map(|&index| article_view(&self.site.articles[index]))
            .collect()
    }

    fn render(&self, job: &Job) -> Result<Vec<Page>, Problem> {
        let site = self.site;
        let config = &site.config;
        let default_lang = config.language.as_str();
        let template_source = |name: &str| std::path::PathBuf::from(format!("templates/{name}"));
        match job {
            Job::Article(index) => {
                let article: &Article = &site.articles[*index];
                let path = format!("{}/index.html", article.slug);
                let context = context! {
                    ..self.common(&path, &article.lang),
                    ..context! {
                        article => article_view(article),
                        content => self.body(*index),
                        taxonomies => taxonomy::links_for(article, &self.site.config.taxonomies),
                        translations => self.translations_of(*index),
                    }
                };
                self.page(path, "article.html", context, &article.source)
            }
            Job::Alias { article, alias } => {
                let article = &site.articles[*article];
                let path = format!("{alias}/index.html");
                let target = format!("{}{}/", path_to_root(&path), article.slug);
                self.page(
                    path,
                    "redirect.html",
                    context! { target => target, lang => &article.lang },
                    &article.source,
                )
            }
            Job::Listing {
                base,
                title,
                articles,
                number,
                total,
                feed,
            } => {
                let path = if *number == 1 {
                    format!("{base}index.html")
                } else {
                    format!("{base}page/{number}/index.html")
                };
                let root = path_to_root(&path);
                let page_url = |n: usize| {
                    if n == 1 {
                        format!("{root}{base}")
                    } else {
                        format!("{root}{base}page/{n}/")
                    }
                };
                let page_url = |n: usize| match page_url(n) {
                    url if url.is_empty() => "./".to_string(),
                    url => url,
                };
                let context = context! {
                    ..self.common(&path, default_lang),
                    ..context! {
                        title => title,
                        is_home => base.is_empty(),
                        articles => self.views(articles),
                        feed => feed.as_ref().map(|feed| format!("{root}{feed}")),
                        pagination => context! {
                            current => number,
                            total => total,
                            prev => (*number > 1).then(|| page_url(number - 1)),
                            next => (number < total).then(|| page_url(number + 1)),
                        },
                    }
                };
                self.page(path, "list.html", context, &template_source("list.html"))
            }
            Job::TermsIndex(taxonomy) => {
                let path = format!("{}/index.html", taxonomy.kind.path());
                let terms: Vec<Value> = taxonomy
                    .terms
                    .iter()
                    .map(|term| context! { name => &term.name, url => format!("{}/", term.slug), count => term.articles.len() })
                    .collect();
                let context = context! {
                    ..self.common(&path, default_lang),
                    ..context! { kind => taxonomy.kind.path(), terms => terms }
                };
                self.page(path, "terms.html", context, &template_source("terms.html"))
            }
            Job::Feeds {
                base,
                title,
                articles,
            } => feeds::render(self, base, title, articles),
            Job::Sitemap => feeds::sitemap(self),
            Job::Mirrors => {
                let path = "mirrors/index.html".to_string();
                let context = self.common(&path, default_lang);
                self.page(
                    path,
                    "mirrors.html",
                    context,
                    &template_source("mirrors.html"),
                )
            }
            Job::NotFound => {
                // Hosts serve 404.html at any depth, where only an absolute root works.
                let root = config
                    .base_url
                    .as_ref()
                    .map(|base| format!("{}/", base.trim_end_matches('/')));
                let context = match root {
                    Some(root) => {
                        context! { ..context! { root => root }, ..self.common("404.html", default_lang) }
                    }
                    None => self.common("404.html", default_lang),
                };
                self.page(
                    "404.html".into(),
                    "404.html",
                    context,
                    &template_source("404.html"),
                )
            }
        }
    }
}

#[cfg(test)]
mod sitemap_tests {
    use super::*;

    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split("</loc>").next())
            .collect()
    }

    #[test]
    fn a_sitemap_over_the_limit_becomes_an_index_of_numbered_sitemaps() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
        let mut archive = Archive::load(&examples).unwrap();
        let site = Site::from_archive(&mut archive, false).unwrap();
        let out = tempfile::tempdir().unwrap();
        let staging = Staging::create(&out.path().join("site")).unwrap();
        let renderer = Renderer::new(&site, &archive, &staging).unwrap();

        let whole = feeds::sitemap(&renderer).unwrap();
        assert_eq!(whole.len(), 1, "the example site fits one sitemap");
        let every_url = locs(&whole[0].contents);
        assert!(every_url.len() > 5, "{every_url:?}");

        let split = feeds::sitemap_split_at(&renderer, 4).unwrap();
        let (index, parts): (Vec<&Page>, Vec<&Page>) =
            split.iter().partition(|page| page.path == "sitemap.xml");
        let expected_parts = every_url.len().div_ceil(4);
        assert_eq!(parts.len(), expected_parts);
        let names: Vec<String> = (1..=expected_parts)
            .map(|n| format!("sitemap{n}.xml"))
            .collect();
        let written: Vec<&str> = parts.iter().map(|page| page.path.as_str()).collect();
        assert_eq!(written, names);
        let mut rejoined = Vec::new();
        for part in &parts {
            let urls = locs(&part.contents);
            assert!(urls.len() <= 4, "{} lists {}", part.path, urls.len());
            assert!(part.contents.contains("<urlset"));
            rejoined.extend(urls);
        }
        assert_eq!(rejoined, every_url, "no URL lost or repeated");
        assert!(index[0].contents.contains("<sitemapindex"));
        let listed: Vec<String> = names
            .iter()
            .map(|name| format!("https://lantern.example/{name}"))
            .collect();
        assert_eq!(locs(&index[0].contents), listed);
    }
}
