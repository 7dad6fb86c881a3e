//! Rendering: Markdown to HTML, then pages through the templates.

mod markdown;
mod templates;
mod ui_text;

pub use markdown::markdown_to_html;

use minijinja::context;
use serde::Serialize;

use crate::archive::Archive;
use crate::content::{Article, Site};
use crate::problem::{Problem, Problems};
use templates::Templates;

/// One output file: its path inside the output folder and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    pub path: String,
    pub contents: String,
}

/// An article as templates see it. `url` is relative to the site root.
#[derive(Serialize)]
struct ArticleView<'a> {
    title: &'a str,
    url: String,
    date: String,
    date_iso: String,
    updated_iso: Option<String>,
    description: Option<&'a str>,
    tags: &'a [String],
    authors: &'a [String],
    lang: &'a str,
    image: Option<&'a str>,
    extra: &'a serde_json::Map<String, serde_json::Value>,
}

fn article_view(article: &Article) -> ArticleView<'_> {
    ArticleView {
        title: &article.title,
        url: format!("{}/", article.slug),
        date: article.date.strftime("%Y-%m-%d").to_string(),
        date_iso: article.date.to_string(),
        updated_iso: article.updated.map(|updated| updated.to_string()),
        description: article.description.as_deref(),
        tags: &article.tags,
        authors: &article.authors,
        lang: &article.lang,
        image: article.image.as_deref(),
        extra: &article.extra,
    }
}

/// The relative path from a page at `path` back to the site root.
pub fn path_to_root(path: &str) -> String {
    match path.matches('/').count() {
        0 => "./".to_string(),
        depth => "../".repeat(depth),
    }
}

pub fn render_site(site: &Site, archive: &Archive) -> Result<Vec<Page>, Problems> {
    let templates = Templates::new(&archive.templates)?;
    let mut pages = Vec::new();
    let mut problems = Vec::new();
    let config = &site.config;

    for article in &site.articles {
        let path = format!("{}/index.html", article.slug);
        let content = markdown_to_html(&article.markdown, config.trust_html);
        let rendered = templates.render(
            "article.html",
            context! {
                root => path_to_root(&path),
                site => config,
                lang => &article.lang,
                t => ui_text::for_language(&article.lang),
                article => article_view(article),
                content => content,
            },
        );
        match rendered {
            Ok(html) => pages.push(Page {
                path,
                contents: html,
            }),
            Err(error) => problems.push(Problem::new(
                &article.source,
                None,
                error,
                "fix the template named above",
            )),
        }
        for alias in &article.aliases {
            let alias_path = format!("{alias}/index.html");
            let target = format!("{}{}/", path_to_root(&alias_path), article.slug);
            match templates.render(
                "redirect.html",
                context! { target => target, lang => &article.lang },
            ) {
                Ok(html) => pages.push(Page {
                    path: alias_path,
                    contents: html,
                }),
                Err(error) => problems.push(Problem::new(
                    &article.source,
                    None,
                    error,
                    "fix the template named above",
                )),
            }
        }
    }

    let chunks: Vec<&[Article]> = if site.articles.is_empty() {
        vec![&[]]
    } else {
        site.articles.chunks(config.paginate).collect()
    };
    let total = chunks.len();
    for (index, chunk) in chunks.iter().enumerate() {
        let number = index + 1;
        let path = if number == 1 {
            "index.html".to_string()
        } else {
            format!("page/{number}/index.html")
        };
        let root = path_to_root(&path);
        let page_url = |n: usize| {
            if n == 1 {
                root.clone()
            } else {
                format!("{root}page/{n}/")
            }
        };
        let rendered = templates.render(
            "index.html",
            context! {
                root => &root,
                site => config,
                lang => &config.language,
                t => ui_text::for_language(&config.language),
                articles => chunk.iter().map(article_view).collect::<Vec<_>>(),
                pagination => context! {
                    current => number,
                    total => total,
                    prev => (number > 1).then(|| page_url(number - 1)),
                    next => (number < total).then(|| page_url(number + 1)),
                },
            },
        );
        match rendered {
            Ok(html) => pages.push(Page {
                path,
                contents: html,
            }),
            Err(error) => problems.push(Problem::new(
                "templates/index.html",
                None,
                error,
                "fix the template named above",
            )),
        }
    }

    match templates.render(
        "404.html",
        context! { root => "./", site => config, lang => &config.language, t => ui_text::for_language(&config.language) },
    ) {
        Ok(html) => pages.push(Page { path: "404.html".into(), contents: html }),
        Err(error) => problems.push(Problem::new("templates/404.html", None, error, "fix the template named above")),
    }
    pages.push(Page {
        path: "robots.txt".into(),
        contents: "User-agent: *\nAllow: /\n".into(),
    });

    if problems.is_empty() {
        Ok(pages)
    } else {
        Err(Problems(problems))
    }
}
