//! How templates see articles and their links to taxonomy pages.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::TaxonomyKind;
use crate::content::{Article, Name, Taxonomy, slugify};

/// An article as templates see it. `url` is relative to the site root.
#[derive(Serialize)]
pub struct ArticleView<'a> {
    pub title: &'a str,
    pub url: &'a str,
    pub page: bool,
    /// Empty for a page without a date.
    pub date: String,
    pub date_iso: String,
    pub updated_iso: Option<String>,
    pub description: Option<&'a str>,
    pub tags: &'a [Name],
    pub categories: &'a [Name],
    pub authors: &'a [Name],
    pub lang: &'a str,
    pub image: Option<&'a str>,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
}

pub fn article_view(article: &Article) -> ArticleView<'_> {
    ArticleView {
        title: &article.title,
        url: article.path.url(),
        page: article.page,
        date: if article.dated {
            article.date.strftime("%Y-%m-%d").to_string()
        } else {
            String::new()
        },
        date_iso: if article.dated {
            article.date.to_string()
        } else {
            String::new()
        },
        updated_iso: article.updated.map(|updated| updated.to_string()),
        description: article.description.as_deref(),
        tags: &article.tags,
        categories: &article.categories,
        authors: &article.authors,
        lang: &article.lang,
        image: article.image.as_deref(),
        extra: &article.extra,
    }
}

#[derive(Serialize)]
pub struct TermLink<'a> {
    pub kind: &'static str,
    pub name: String,
    /// Relative to the site root.
    pub url: &'a str,
}

/// The taxonomy pages an article links to, by kind.
/// A taxonomy that is not built gets an empty list, so templates need not
/// ask which ones are.
pub fn term_links<'a>(
    article: &Article,
    taxonomies: &'a [Taxonomy],
) -> BTreeMap<&'static str, Vec<TermLink<'a>>> {
    let mut links: BTreeMap<&'static str, Vec<TermLink>> = TaxonomyKind::ALL
        .iter()
        .map(|kind| (kind.name(), Vec::new()))
        .collect();
    for taxonomy in taxonomies {
        let kind = taxonomy.kind.name();
        let terms: Vec<TermLink> = article
            .terms(taxonomy.kind)
            .into_iter()
            .filter_map(|name| {
                let term = taxonomy.term(&slugify(&name))?;
                Some(TermLink {
                    kind,
                    url: term.path.url(),
                    name,
                })
            })
            .collect();
        links.insert(kind, terms);
    }
    links
}
