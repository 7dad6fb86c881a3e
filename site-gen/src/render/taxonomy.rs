//! Taxonomies: the tags, categories, authors and years that group articles.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::content::{Article, slugify};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Tags,
    Categories,
    Authors,
    Years,
}

impl Kind {
    pub const ALL: [Kind; 4] = [Kind::Tags, Kind::Categories, Kind::Authors, Kind::Years];

    /// The folder of the taxonomy's pages, relative to the site root.
    pub fn path(self) -> &'static str {
        match self {
            Kind::Tags => "tags",
            Kind::Categories => "categories",
            Kind::Authors => "authors",
            Kind::Years => "years",
        }
    }

    /// The kinds `site.toml` asks for, in their fixed order.
    pub fn enabled(names: &[String]) -> impl Iterator<Item = Kind> + '_ {
        Self::ALL
            .into_iter()
            .filter(|kind| names.iter().any(|name| name == kind.path()))
    }

    pub fn has_feeds(self) -> bool {
        self == Kind::Tags
    }

    fn terms(self, article: &Article) -> Vec<String> {
        match self {
            Kind::Tags => article.tags.clone(),
            Kind::Categories => article.categories.clone(),
            Kind::Authors => article.authors.clone(),
            Kind::Years => vec![article.date.strftime("%Y").to_string()],
        }
    }
}

pub struct TermPage {
    pub slug: String,
    /// The name as first written in the archive.
    pub name: String,
    /// Article indices, in site order (newest first).
    pub articles: Vec<usize>,
}

pub struct Taxonomy {
    pub kind: Kind,
    /// Sorted by slug.
    pub terms: Vec<TermPage>,
}

/// Groups the articles by every taxonomy that has at least one term.
/// Terms that differ only in case or punctuation share one page.
pub fn collect(articles: &[Article], enabled: &[String]) -> Vec<Taxonomy> {
    let mut taxonomies = Vec::new();
    for kind in Kind::enabled(enabled) {
        let mut terms: BTreeMap<String, TermPage> = BTreeMap::new();
        for (index, article) in articles.iter().enumerate() {
            for name in kind.terms(article) {
                let slug = slugify(&name);
                if slug.is_empty() {
                    continue;
                }
                let term = terms.entry(slug.clone()).or_insert_with(|| TermPage {
                    slug,
                    name,
                    articles: Vec::new(),
                });
                if term.articles.last() != Some(&index) {
                    term.articles.push(index);
                }
            }
        }
        if !terms.is_empty() {
            taxonomies.push(Taxonomy {
                kind,
                terms: terms.into_values().collect(),
            });
        }
    }
    taxonomies
}

#[derive(Serialize)]
pub struct TermLink {
    pub kind: &'static str,
    pub name: String,
    /// Relative to the site root.
    pub url: String,
}

/// The taxonomy pages an article links to, by kind.
/// A taxonomy that is not built gets an empty list, so templates need not
/// ask which ones are.
pub fn links_for(article: &Article, enabled: &[String]) -> BTreeMap<&'static str, Vec<TermLink>> {
    let mut links: BTreeMap<&'static str, Vec<TermLink>> = Kind::ALL
        .iter()
        .map(|kind| (kind.path(), Vec::new()))
        .collect();
    for kind in Kind::enabled(enabled) {
        let terms: Vec<TermLink> = kind
            .terms(article)
            .into_iter()
            .filter(|name| !slugify(name).is_empty())
            .map(|name| TermLink {
                kind: kind.path(),
                url: format!("{}/{}/", kind.path(), slugify(&name)),
                name,
            })
            .collect();
        links.insert(kind.path(), terms);
    }
    links
}
