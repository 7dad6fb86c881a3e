//! What each kind of page shows its template.

use std::path::PathBuf;

use minijinja::{Value, context};

use super::language::language_name;
use super::plan::{Job, ListPage};
use super::renderer::Renderer;
use super::taxonomy::{self, Taxonomy};
use super::view::{article_view, path_to_root};
use super::{Page, feeds, sitemap};
use crate::problem::Problem;

/// Where a failure in a built-in page's template is reported.
fn template_source(name: &str) -> PathBuf {
    PathBuf::from(format!("templates/{name}"))
}

impl Renderer<'_> {
    pub fn render(&self, job: &Job) -> Result<Vec<Page>, Problem> {
        match job {
            Job::Article(index) => self.article(*index),
            Job::Alias { article, alias } => self.alias(*article, alias),
            Job::ListPage(page) => self.list_page(page),
            Job::TermsIndex(taxonomy) => self.terms_index(taxonomy),
            Job::Feeds(list) => feeds::render(self, &list.base, list.title, &list.articles),
            Job::Sitemap => sitemap::sitemap(self),
            Job::Mirrors => {
                let path = "mirrors/index.html".to_string();
                let context = self.common(&path, &self.site.config.language);
                self.page(
                    path,
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
        let path = format!("{}/index.html", article.slug);
        let translations: Vec<Value> = self
            .translations_of(index)
            .map(|other| context! { lang => &other.lang, name => language_name(&other.lang), url => format!("{}/", other.slug), title => &other.title })
            .collect();
        let context = context! {
            ..self.common(&path, &article.lang),
            ..context! {
                article => article_view(article),
                content => self.body(index),
                taxonomies => taxonomy::links_for(article, &self.site.config.taxonomies),
                translations => translations,
            }
        };
        self.page(path, "article.html", context, &article.source)
    }

    fn alias(&self, article: usize, alias: &str) -> Result<Vec<Page>, Problem> {
        let article = &self.site.articles[article];
        let path = format!("{alias}/index.html");
        let target = format!("{}{}/", path_to_root(&path), article.slug);
        self.page(
            path,
            "redirect.html",
            context! { target => target, lang => &article.lang },
            &article.source,
        )
    }

    fn list_page(&self, page: &ListPage) -> Result<Vec<Page>, Problem> {
        let ListPage {
            base,
            title,
            articles,
            number,
            total,
            feed,
        } = page;
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
            ..self.common(&path, &self.site.config.language),
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

    fn terms_index(&self, taxonomy: &Taxonomy) -> Result<Vec<Page>, Problem> {
        let path = format!("{}/index.html", taxonomy.kind.path());
        let terms: Vec<Value> = taxonomy
            .terms
            .iter()
            .map(|term| context! { name => &term.name, url => format!("{}/", term.slug), count => term.articles.len() })
            .collect();
        let context = context! {
            ..self.common(&path, &self.site.config.language),
            ..context! { kind => taxonomy.kind.path(), terms => terms }
        };
        self.page(path, "terms.html", context, &template_source("terms.html"))
    }

    fn not_found(&self) -> Result<Vec<Page>, Problem> {
        let config = &self.site.config;
        let common = self.common("404.html", &config.language);
        // Hosts serve 404.html at any depth, where only an absolute root works.
        let context = match &config.base_url {
            Some(base) => {
                let root = format!("{}/", base.trim_end_matches('/'));
                context! { ..context! { root => root }, ..common }
            }
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
