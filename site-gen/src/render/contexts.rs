//! What each kind of page shows its template.

use minijinja::{Value, context};

use super::language::language_name;
use super::plan::{Job, ListPage};
use super::renderer::{Mode, Renderer};
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

    pub fn render(&self, job: &Job) -> Result<Vec<Page>, Problem> {
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
                let context = self.common(&path, &self.site.config.language, Mode::Render);
                self.page(
                    path.index_file(),
                    "mirrors.html",
                    context,
                    &template_source("mirrors.html"),
                )
            }
            Job::Search => self.search_page(),
            Job::NotFound => self.not_found(),
        }
    }

    /// Everything the job's files are made from, for its fingerprint; none
    /// for the jobs cheap enough to render every time.
    pub fn inputs(&self, job: &Job) -> Option<Value> {
        match job {
            // A failure shows when the job is rendered, which it then is.
            Job::Article(index) => {
                let hash = Value::from(self.body_source_hash(*index).ok()?);
                self.article_context(*index, Mode::Inputs, hash).ok()
            }
            Job::Alias { article, alias } => Some(self.alias_context(*article, alias)),
            Job::ListPage(page) => Some(self.list_context(page, Mode::Inputs)),
            Job::TermsIndex(taxonomy) => Some(self.terms_context(taxonomy, Mode::Inputs)),
            Job::Feeds(list) => feeds::inputs(self, &list.path, list.title, &list.articles),
            Job::Sitemap | Job::Mirrors | Job::Search | Job::NotFound => None,
        }
    }

    fn article(&self, index: usize) -> Result<Vec<Page>, Problem> {
        let article = &self.site.articles[index];
        let body = self.body(index)?;
        let metadata = (self.site.config.search)
            .then(|| {
                self.search
                    .add(index, article, body.as_str().unwrap_or_default())
            })
            .flatten();
        let context = self.article_context(index, Mode::Render, body)?;
        let mut pages = self.page(
            article.path.index_file(),
            "article.html",
            context,
            &article.source,
        )?;
        pages.extend(metadata);
        Ok(pages)
    }

    /// The comments are in both modes: a refreshed snapshot changes the
    /// page as much as an edit.
    /// Indexes the article for search; returns the metadata file of its
    /// group when this article completes it.
    pub fn search_document(&self, index: usize) -> Result<Option<Page>, Problem> {
        let body = self.body(index)?;
        let html = body.as_str().unwrap_or_default();
        Ok(self.search.add(index, &self.site.articles[index], html))
    }

    /// `content` is the body as HTML to render, or its source's hash for
    /// the fingerprint.
    fn article_context(&self, index: usize, mode: Mode, content: Value) -> Result<Value, Problem> {
        let article = &self.site.articles[index];
        let translations: Vec<Value> = self
            .translations_of(index)
            .map(|other| context! { lang => &other.lang, name => language_name(&other.lang), url => other.path.url(), title => &other.title })
            .collect();
        let comments = self.comments_section(article)?;
        Ok(context! {
            ..self.common(&article.path, &article.lang, mode),
            ..context! {
                article => article_view(article),
                content => content,
                taxonomies => term_links(article, &self.site.taxonomies),
                translations => translations,
                thread => self.threads.view(&self.site.articles, index),
                comments => comments.html,
                comments_live => comments.live,
            }
        })
    }

    fn alias(&self, article: usize, alias: &PagePath) -> Result<Vec<Page>, Problem> {
        self.page(
            alias.index_file(),
            "redirect.html",
            self.alias_context(article, alias),
            &self.site.articles[article].source,
        )
    }

    fn alias_context(&self, article: usize, alias: &PagePath) -> Value {
        let article = &self.site.articles[article];
        context! { target => article.path.link_from(alias), lang => &article.lang }
    }

    fn list_page(&self, page: &ListPage) -> Result<Vec<Page>, Problem> {
        self.page(
            page.list.numbered(page.number).index_file(),
            "list.html",
            self.list_context(page, Mode::Render),
            &template_source("list.html"),
        )
    }

    fn list_context(&self, page: &ListPage, mode: Mode) -> Value {
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
        context! {
            ..self.common(&path, &self.site.config.language, mode),
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
        }
    }

    fn terms_index(&self, taxonomy: &Taxonomy) -> Result<Vec<Page>, Problem> {
        self.page(
            taxonomy.path.index_file(),
            "terms.html",
            self.terms_context(taxonomy, Mode::Render),
            &template_source("terms.html"),
        )
    }

    fn terms_context(&self, taxonomy: &Taxonomy, mode: Mode) -> Value {
        let terms: Vec<Value> = taxonomy
            .terms
            .iter()
            .map(|term| context! { name => &term.name, url => term.path.below(&taxonomy.path), count => term.articles.len() })
            .collect();
        context! {
            ..self.common(&taxonomy.path, &self.site.config.language, mode),
            ..context! { kind => taxonomy.kind.name(), terms => terms }
        }
    }

    fn search_page(&self) -> Result<Vec<Page>, Problem> {
        let path = PagePath::folder(crate::search::FOLDER);
        let archives: Vec<&str> = self
            .site
            .taxonomies
            .iter()
            .map(|taxonomy| taxonomy.kind.name())
            .collect();
        let context = context! {
            ..self.common(&path, &self.site.config.language, Mode::Render),
            ..context! { archives => archives }
        };
        self.page(
            path.index_file(),
            "search.html",
            context,
            &template_source("search.html"),
        )
    }

    fn not_found(&self) -> Result<Vec<Page>, Problem> {
        let config = &self.site.config;
        let common = self.common(&PagePath::root(), &config.language, Mode::Render);
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
