//! What every job shares: templates, the article bodies that feeds need,
//! the fingerprinted theme, and the parts of a page's context that every
//! page has. Nothing here writes: `render_site` does.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

use minijinja::{Value, context};

use super::fingerprint::fingerprinted;
use super::markdown::markdown_to_html;
use super::templates::{self, Templates};
use super::thread::Threads;
use super::view::{ArticleView, article_view};
use super::wordpress_ids;
use super::{Page, ui_text};
use crate::archive::Archive;
use crate::content::{Article, PagePath, Site};
use crate::problem::{Problem, Problems};
use crate::search::{SEARCH_JS, SearchIndex};

/// Whether a context is made to render a page, or to fingerprint what
/// the page is made from: then each body stands as its source's hash and
/// what every page shares is left to the build's salt.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Render,
    Inputs,
}

pub struct Renderer<'a> {
    pub site: &'a Site,
    templates: Templates,
    /// Article bodies as HTML, by article index, kept once rendered for
    /// the articles that some feed carries (`in_feeds`); the others are
    /// rendered by their page's job and dropped once written, so memory
    /// stays flat as archives grow. Rendered when first needed, so a job
    /// that an incremental build carries over renders none.
    bodies: Vec<OnceLock<Value>>,
    in_feeds: Vec<bool>,
    /// The theme's stylesheet, at its fingerprinted path.
    pub theme: Page,
    /// The search page's script, at its fingerprinted path.
    pub search_js: Page,
    /// Filled by the article jobs, written once they are done.
    pub search: SearchIndex,
    /// The home page's redirect of WordPress ids, when articles have some.
    pub wordpress_ids: Option<Page>,
    /// The live refresh of comments, when some article has them.
    pub comments_script: Option<Page>,
    /// Where comment snapshots are read from.
    pub archive_root: std::path::PathBuf,
    /// Another generator's `comments.json` is its own business.
    pub reads_archived_comments: bool,
    /// What [`Renderer::site_wide`] gives, converted once: every page's
    /// context and the incremental build's salt share it.
    site_wide: OnceLock<Value>,
    /// Fingerprinted asset paths, relative to the site root, by name.
    assets: BTreeMap<&'static str, String>,
    /// Articles by translation key.
    translations: BTreeMap<&'a str, Vec<usize>>,
    pub threads: Threads,
    /// The site's pages, linked from every page's footer, by title.
    pages: Vec<PageLink<'a>>,
}

#[derive(serde::Serialize)]
struct PageLink<'a> {
    title: &'a str,
    url: &'a str,
}

impl<'a> Renderer<'a> {
    /// The bodies of the articles `in_feeds` marks are rendered once, for
    /// both their page and their feeds.
    pub fn new(site: &'a Site, archive: &Archive, in_feeds: &[bool]) -> Result<Self, Problems> {
        let templates = Templates::new(&archive.templates)?;
        let theme_css = templates::theme_css(&archive.templates);
        let theme = Page {
            path: fingerprinted("assets/theme", "css", theme_css.as_bytes()),
            contents: theme_css.to_string(),
        };
        let search_js = Page {
            path: fingerprinted("assets/search", "js", SEARCH_JS.as_bytes()),
            contents: SEARCH_JS.to_string(),
        };
        let mut assets = BTreeMap::from([
            ("theme_css", theme.path.clone()),
            ("search_js", search_js.path.clone()),
        ]);
        let wordpress_ids = wordpress_ids::script(site);
        if let Some(script) = &wordpress_ids {
            assets.insert("wordpress_ids", script.path.clone());
        }
        let comments_script = site
            .articles
            .iter()
            .any(|article| article.comments.is_some())
            .then(super::comments_script::script);
        if let Some(script) = &comments_script {
            assets.insert("comments_js", script.path.clone());
        }
        Ok(Renderer {
            comments_script,
            archive_root: archive.root.clone(),
            reads_archived_comments: archive.generator.is_none(),
            site,
            templates,
            bodies: site.articles.iter().map(|_| OnceLock::new()).collect(),
            in_feeds: in_feeds.to_vec(),
            assets,
            site_wide: OnceLock::new(),
            theme,
            search_js,
            search: SearchIndex::new(site.articles.len()),
            wordpress_ids,
            translations: translation_groups(&site.articles),
            threads: Threads::new(&site.articles),
            pages: page_links(&site.articles),
        })
    }

    /// What every page's template sees, for the page at `path`.
    pub fn common(&self, path: &PagePath, lang: &str, mode: Mode) -> Value {
        match mode {
            Mode::Render => context! {
                root => path.to_root(),
                lang => lang,
                t => ui_text::value_for_language(lang),
                ..self.site_wide()
            },
            // The rest is the same on every page, and a part of the salt.
            Mode::Inputs => context! { root => path.to_root(), lang => lang },
        }
    }

    /// The site's settings, as templates see them in `site`.
    pub fn settings(&self) -> Value {
        self.site_wide().get_attr("site").unwrap_or_default()
    }

    /// What every page's template sees whatever the page.
    pub fn site_wide(&self) -> Value {
        self.site_wide
            .get_or_init(|| self.convert_site_wide())
            .clone()
    }

    fn convert_site_wide(&self) -> Value {
        let sections: Vec<&str> = self
            .site
            .taxonomies
            .iter()
            .map(|taxonomy| taxonomy.kind)
            .filter(|kind| kind.in_menu())
            .map(|kind| kind.name())
            .collect();
        context! {
            site => &self.site.config,
            sections => sections,
            pages => &self.pages,
            assets => &self.assets,
        }
    }

    /// Renders `template` into the page at `path`; a failure names `source`.
    pub fn page(
        &self,
        path: String,
        template: &str,
        context: Value,
        source: &Path,
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

    /// An article's body as HTML, read from its file and rendered now;
    /// kept once rendered when a feed shows it too, so that page and feed
    /// show the same text. A template value, which page and feeds share
    /// without a copy.
    pub fn body(&self, index: usize) -> Result<Value, Problem> {
        if !self.in_feeds.get(index).copied().unwrap_or(false) {
            return self.render_body(index).map(Value::from);
        }
        if let Some(body) = self.bodies[index].get() {
            return Ok(body.clone());
        }
        let body = Value::from(self.render_body(index)?);
        Ok(self.bodies[index].get_or_init(|| body).clone())
    }

    fn render_body(&self, index: usize) -> Result<String, Problem> {
        let article = &self.site.articles[index];
        let markdown = article.read_body(&self.site.root)?;
        Ok(markdown_to_html(
            &markdown,
            &self.site.config,
            &article.lang,
        ))
    }

    /// The hash of an article's Markdown: all its body is made from, with
    /// the site's settings and its language.
    pub fn body_source_hash(&self, index: usize) -> Result<String, Problem> {
        let markdown = self.site.articles[index].read_body(&self.site.root)?;
        Ok(super::incremental::body_hash(&markdown))
    }

    pub fn views(&self, indices: &[usize]) -> Vec<ArticleView<'_>> {
        indices
            .iter()
            .map(|&index| article_view(&self.site.articles[index]))
            .collect()
    }

    /// The other articles published under the same translation key.
    pub fn translations_of(&self, index: usize) -> impl Iterator<Item = &'a Article> + '_ {
        let group = self.site.articles[index]
            .translation_key
            .as_deref()
            .and_then(|key| self.translations.get(key))
            .map_or(&[][..], Vec::as_slice);
        group
            .iter()
            .filter(move |&&other| other != index)
            .map(|&other| &self.site.articles[other])
    }
}

fn translation_groups(articles: &[Article]) -> BTreeMap<&str, Vec<usize>> {
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (index, article) in articles.iter().enumerate() {
        if let Some(key) = &article.translation_key {
            groups.entry(&**key).or_default().push(index);
        }
    }
    groups
}

fn page_links(articles: &[crate::content::Article]) -> Vec<PageLink<'_>> {
    let mut pages: Vec<PageLink> = articles
        .iter()
        .filter(|article| article.page)
        .map(|article| PageLink {
            title: &article.title,
            url: article.path.url(),
        })
        .collect();
    pages.sort_by(|a, b| a.title.cmp(b.title).then_with(|| a.url.cmp(b.url)));
    pages
}
