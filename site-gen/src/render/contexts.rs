//! What each kind of page shows its template.

use minijinja::{Value, context};

use super::language::language_name;
use super::plan::{Job, ListPage};
use super::renderer::Renderer;
use super::templates::source as template_source;
use super::view::{article_view, term_links};
use super::{Page, feeds, sitemap};
use crate::content::{PagePath, Taxonomy};
use crate::problem::Problem;

impl Renderer<'_> {
    /// Renders `job`, giving each file it makes to `emit` in turn.
    pub fn render_into(
        &self,
        job: &Job,
        emit: &mut dyn FnMut(Page) -> Result<(), Problem>,
    ) -> Result<(), Problem> {
        match job {
            Job::Sitemap => sitemap::sitemap(self, emit),
            _ => self.render(job)?.into_iter().try_for_each(emit),
        }
    }

    fn render(&self, job: &Job) -> Result<Vec<Page>, Problem> {
        match job {
            Job::Article(index) => self.article(*index),
            Job::Alias { article, alias } => self.alias(*article, alias),
            Job::ListPage(page) => self.list_page(page),
            Job::TermsIndex(taxonomy) => self.terms_index(taxonomy),
            Job::Feeds(list) => feeds::render(self, &list.path, list.title, &list.articles),
            Job::Sitemap => {
                let mut pages = Vec::new();
                sitemap::sitemap(self, &mut |page| {
                    pages.push(page);
                    Ok(())
                })?;
                Ok(pages)
            }
            Job::Mirrors => {
                let path = PagePath::folder("mirrors");
                let context = self.common(&path, &self.site.config.language);
                self.page(
                    path.index_file(),
                    "mirrors.html",
                    context,
                    &template_source("mirrors.html"),
                )
            }
            Job::NotFound => self.not_found(),
        }
    }

    fn article(&self, index: usize) -> Result<Vec<Page>, Problem> {
        let article = &self.site.articles[index];
        let translations: Vec<Value> = self
            .translations_of(index)
            .map(|other| context! { lang => &other.lang, name => language_name(&other.lang), url => other.path.url(), title => &other.title })
            .collect();
        let context = context! {
            ..self.common(&article.path, &article.lang),
            ..context! {
                article => article_view(article),
                content => self.body(index)?,
                taxonomies => term_links(article, &self.site.taxonomies),
                translations => translations,
                thread => self.threads.view(&self.site.articles, index),
            }
        };
        self.page(
            article.path.index_file(),
            "article.html",
            context,
            &article.source,
        )
    }

    fn alias(&self, article: usize, alias: &PagePath) -> Result<Vec<Page>, Problem> {
        let article = &self.site.articles[article];
        self.page(
            alias.index_file(),
            "redirect.html",
            context! { target => article.path.link_from(alias), lang => &article.lang },
            &article.source,
        )
    }

    fn list_page(&self, page: &ListPage) -> Result<Vec<Page>, Problem> {
        let ListPage {
            list,
            title,
            articles,
            number,
            total,
            has_feed,
        } = page;
        let path = list.numbered(*number);
        let page_url = |n: usize| list.numbered(n).link_from(&path);
        let context = context! {
            ..self.common(&path, &self.site.config.language),
            ..context! {
                title => title,
                is_home => list.is_root(),
                articles => self.views(articles),
                feed => has_feed.then(|| format!("{}{}", path.to_root(), list.file(feeds::ATOM))),
                pagination => context! {
                    current => number,
                    total => total,
                    prev => (*number > 1).then(|| page_url(number - 1)),
                    next => (number < total).then(|| page_url(number + 1)),
                },
            }
        };
        self.page(
            path.index_file(),
            "list.html",
            context,
            &template_source("list.html"),
        )
    }

    fn terms_index(&self, taxonomy: &Taxonomy) -> Result<Vec<Page>, Problem> {
        let terms: Vec<Value> = taxonomy
            .terms
            .iter()
            .map(|term| context! { name => &term.name, url => term.path.below(&taxonomy.path), count => term.articles.len() })
            .collect();
        let context = context! {
            ..self.common(&taxonomy.path, &self.site.config.language),
            ..context! { kind => taxonomy.kind.name(), terms => terms }
        };
        self.page(
            taxonomy.path.index_file(),
            "terms.html",
            context,
            &template_source("terms.html"),
        )
    }

    fn not_found(&self) -> Result<Vec<Page>, Problem> {
        let config = &self.site.config;
        let common = self.common(&PagePath::root(), &config.language);
        // Hosts serve 404.html at any depth, where only an absolute root works.
        let context = match &config.base_url {
            Some(base) => context! { ..context! { root => format!("{base}/") }, ..common },
            None => common,
        };
        self.page(
            "404.html".into(),
            "404.html",
            context,
            &template_source("404.html"),
        )
    }
}
