//! The filters: tags, authors and years, each value with its articles, so
//! the reader can narrow results. `filters` lists the values; `f/KIND-N`
//! holds the articles of the Nth value of a kind, ascending.

use std::collections::BTreeMap;

use serde::Serialize;

use super::script::{FOLDER, script};
use crate::content::{Site, slugify};
use crate::render::Page;

/// The kinds of filter, as `filters` and the page name them.
pub const KINDS: [&str; 3] = ["tags", "authors", "years"];

#[derive(Serialize)]
struct Filters<'a> {
    tags: Vec<&'a str>,
    authors: Vec<&'a str>,
    years: Vec<&'a str>,
}

/// Values of one kind, grouped as taxonomy pages group terms (case and
/// punctuation aside), each named as first written, in slug order.
fn group<'a>(values: impl Iterator<Item = (usize, &'a str)>) -> Vec<(&'a str, Vec<u32>)> {
    let mut groups: BTreeMap<String, (&str, Vec<u32>)> = BTreeMap::new();
    for (doc, name) in values {
        let slug = slugify(name);
        if slug.is_empty() {
            continue;
        }
        let (_, docs) = groups.entry(slug).or_insert((name, Vec::new()));
        if docs.last() != Some(&(doc as u32)) {
            docs.push(doc as u32);
        }
    }
    groups.into_values().collect()
}

fn names<'a>(values: &[(&'a str, Vec<u32>)]) -> Vec<&'a str> {
    values.iter().map(|(name, _)| *name).collect()
}

/// `filters` and every value's list of articles.
pub fn pages(site: &Site) -> Vec<Page> {
    let articles = || site.articles.iter().enumerate();
    let tags = group(articles().flat_map(|(doc, a)| a.tags.iter().map(move |t| (doc, &**t))));
    let authors = group(articles().flat_map(|(doc, a)| a.authors.iter().map(move |t| (doc, &**t))));
    let year_names: Vec<(usize, String)> = articles()
        .filter(|(_, article)| article.dated)
        .map(|(doc, article)| (doc, article.date.strftime("%Y").to_string()))
        .collect();
    let mut years = group(year_names.iter().map(|(doc, year)| (*doc, year.as_str())));
    years.reverse();
    let filters = Filters {
        tags: names(&tags),
        authors: names(&authors),
        years: names(&years),
    };
    let mut pages = vec![Page {
        path: format!("{FOLDER}/filters.js"),
        contents: script("filters", &filters),
    }];
    for (kind, values) in KINDS.iter().zip([&tags, &authors, &years]) {
        for (number, (_, docs)) in values.iter().enumerate() {
            let name = format!("f/{kind}-{number}");
            pages.push(Page {
                path: format!("{FOLDER}/{name}.js"),
                contents: script(&name, docs),
            });
        }
    }
    pages
}
