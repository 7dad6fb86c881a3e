//! Taxonomies: the tags, categories, authors and years that group
//! articles, each term with its page.

use std::collections::BTreeMap;

use super::{Article, PagePath, slugify};
use crate::config::TaxonomyKind;

impl Article {
    /// The names of the terms of `kind` the article is filed under, as
    /// written.
    pub fn terms(&self, kind: TaxonomyKind) -> Vec<String> {
        match kind {
            TaxonomyKind::Tags => names(&self.tags),
            TaxonomyKind::Categories => names(&self.categories),
            TaxonomyKind::Authors => names(&self.authors),
            TaxonomyKind::Years => vec![self.date.strftime("%Y").to_string()],
        }
    }
}

fn names(list: &[super::Name]) -> Vec<String> {
    list.iter().map(ToString::to_string).collect()
}

/// A taxonomy the site builds, with at least one term.
#[derive(Debug)]
pub struct Taxonomy {
    pub kind: TaxonomyKind,
    /// The page that lists its terms.
    pub path: PagePath,
    /// Sorted by slug, so that [`Taxonomy::term`] finds one by binary
    /// search.
    pub terms: Vec<Term>,
}

impl Taxonomy {
    pub fn term(&self, slug: &str) -> Option<&Term> {
        self.terms
            .binary_search_by(|term| term.slug.as_str().cmp(slug))
            .ok()
            .map(|index| &self.terms[index])
    }
}

/// One term of a taxonomy, such as a tag, and the page that lists its
/// articles.
#[derive(Debug)]
pub struct Term {
    pub slug: String,
    /// The name as first written in the archive.
    pub name: String,
    pub path: PagePath,
    /// Article indices, in site order (newest first).
    pub articles: Vec<usize>,
}

/// Groups the articles by every taxonomy that has at least one term.
/// Terms that differ only in case or punctuation share one page.
pub fn collect(articles: &[Article], enabled: &[TaxonomyKind]) -> Vec<Taxonomy> {
    let mut taxonomies = Vec::new();
    for kind in TaxonomyKind::ALL
        .into_iter()
        .filter(|kind| enabled.contains(kind))
    {
        let path = PagePath::folder(kind.name());
        let mut terms: BTreeMap<String, Term> = BTreeMap::new();
        for (index, article) in articles.iter().enumerate() {
            if article.page {
                continue;
            }
            for name in article.terms(kind) {
                let slug = slugify(&name);
                if slug.is_empty() {
                    continue;
                }
                let term = terms.entry(slug.clone()).or_insert_with(|| Term {
                    path: path.child(&slug),
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
                path,
                terms: terms.into_values().collect(),
            });
        }
    }
    taxonomies
}
