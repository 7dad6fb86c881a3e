//! What every job shares: templates, the article bodies that feeds need,
//! the fingerprinted theme, and the parts of a page's context that every
//! page has. Nothing here writes: `render_site` does.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::Path;

use minijinja::{Value, context};
use rayon::prelude::*;

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

pub struct Renderer<'a> {
    pub site: &'a Site,
    templates: Templates,
    /// Article bodies as HTML, by article index, for the articles that
    /// some feed carries; the others are rendered by their page's job and
    /// dropped once written, so memory stays flat as archives grow.
    bodies: Vec<Option<String>>,
    /// The theme's stylesheet, at its fingerprinted path.
    pub theme: Page,
    /// The home page's redirect of WordPress ids, when articles have some.
    pub wordpress_ids: Option<Page>,
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
    /// The bodies of the articles `in_feeds` marks are rendered here, once,
    /// for both their page and their feeds.
    pub fn new(site: &'a Site, archive: &Archive, in_feeds: &[bool]) -> Result<Self, Problems> {
        let templates = Templates::new(&archive.templates)?;
        let theme_css = templates::theme_css(&archive.templates);
        let theme = Page {
            path: fingerprinted("assets/theme", "css", theme_css.as_bytes()),
            contents: theme_css.to_string(),
        };
        let config = &site.config;
        let bodies: Vec<Option<String>> = site
            .articles
            .par_iter()
            .enumerate()
            .map(|(index, article)| {
                in_feeds[index]
                    .then(|| {
                        let markdown = article.read_body(&site.root)?;
                        Ok(markdown_to_html(&markdown, config, &article.lang))
                    })
                    .transpose()
            })
            .collect::<Result<_, Problem>>()?;
        let mut assets = BTreeMap::from([("theme_css", theme.path.clone())]);
        let wordpress_ids = wordpress_ids::script(site);
        if let Some(script) = &wordpress_ids {
            assets.insert("wordpress_ids", script.path.clone());
        }
        Ok(Renderer {
            site,
            templates,
            bodies,
            assets,
            theme,
            wordpress_ids,
            translations: translation_groups(&site.articles),
            threads: Threads::new(&site.articles),
            pages: page_links(&site.articles),
        })
    }

    /// What every page's template sees, for the page at `path`.
    pub fn common(&self, path: &PagePath, lang: &str) -> Value {
        let sections: Vec<&str> = self
            .site
            .taxonomies
            .iter()
            .map(|taxonomy| taxonomy.kind)
            .filter(|kind| kind.in_menu())
            .map(|kind| kind.name())
            .collect();
        context! {
            root => path.to_root(),
            site => &self.site.config,
            lang => lang,
            t => ui_text::for_language(lang),
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

    /// An article's body as HTML: kept from before when a feed needed it
    /// too, else read from its file and rendered now, so that each body is
    /// read once a build and every page showing it shows the same text.
    pub fn body(&self, index: usize) -> Result<Cow<'_, str>, Problem> {
        match &self.bodies[index] {
            Some(body) => Ok(Cow::Borrowed(body)),
            None => {
                let article = &self.site.articles[index];
                let markdown = article.read_body(&self.site.root)?;
                Ok(Cow::Owned(markdown_to_html(
                    &markdown,
                    &self.site.config,
                    &article.lang,
                )))
            }
        }
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
            groups.entry(key.as_str()).or_default().push(index);
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
