//! Jekyll's front matter: posts dated by their file name, `permalink`
//! (one address, or a pattern giving each post its old address),
//! categories and tags as space-separated words, `published`,
//! `redirect_from`, and `layout`, which site-gen has no use for.

use serde_json::Value;

use super::Verdict;
use super::mapping::Mapping;
use super::permalink::{Facts, expand, is_pattern, resolve};
use crate::archive::generator::Permalinks;
use crate::content::slugify;

const TEMPLATE: &str = "site-gen renders every article with its own template";
const IGNORED: &[(&str, &str)] = &[
    ("layout", TEMPLATE),
    (
        "excerpt_separator",
        "site-gen shows the description or the article's start",
    ),
    ("comments", "site-gen pages have no comments"),
    ("sitemap", "site-gen lists every page in its sitemap"),
    ("render_with_liquid", "site-gen does not run Liquid"),
];

pub fn map(mapping: &mut Mapping, permalinks: &Permalinks) -> Verdict {
    mapping.ignore(IGNORED);
    if let Some(Value::Bool(false)) = mapping.take(&["published"]) {
        mapping.set("draft", true);
    }
    let facts = mapping.facts;
    let mut categories = facts.folder_categories.clone();
    categories.extend(words(mapping.take(&["categories", "category"])));
    if !categories.is_empty() {
        mapping.set("categories", categories.clone());
    }
    let tags = words(mapping.take(&["tags", "tag"]));
    if !tags.is_empty() {
        mapping.set("tags", tags);
    }
    if let Some(excerpt) = mapping.take(&["excerpt"])
        && !mapping.has("description")
    {
        mapping.set("description", excerpt);
    }
    if let Some(modified) = mapping.take(&["last_modified_at"])
        && !mapping.has("updated")
    {
        mapping.set("updated", modified);
    }
    // jekyll-seo-tag's `image: {path: …}`.
    if let Some(Value::Object(image)) = mapping.front.fields.get("image") {
        let path = image.get("path").cloned().unwrap_or(Value::Null);
        mapping.set("image", path);
    }
    let redirects = words_or_list(mapping.take(&["redirect_from"]));
    mapping.add_aliases(redirects);
    let own_slug = mapping.take_text(&["slug"]);
    let permalink = mapping.take_text(&["permalink"]);
    let literal = permalink.as_deref().filter(|link| !is_pattern(link));
    let slug = match literal {
        Some(link) => mapping.address(link),
        None if facts.post => own_slug
            .clone()
            .unwrap_or_else(|| slugify(&facts.bare_name)),
        None => facts.in_section(&slugify(&facts.name)),
    };
    let pattern = permalink
        .as_deref()
        .filter(|link| is_pattern(link))
        .or(permalinks.site.as_deref())
        .unwrap_or("date");
    if facts.post && literal.is_none() {
        let title = own_slug.unwrap_or_else(|| facts.bare_name.clone());
        let old = expand(
            pattern,
            &Facts {
                date: facts.file_date,
                title: &title,
                slug: &slugify(&title),
                filename: &facts.bare_name,
                categories: &categories,
                section: "",
            },
        );
        match old {
            Ok(old) => mapping.add_aliases([old]),
            Err(token) => mapping.note(
                "permalink",
                Some("permalink"),
                format!("the permalink `{pattern}` has {token}, which site-gen cannot fill in: old addresses are not kept"),
            ),
        }
        if resolve(pattern).ends_with(":output_ext") || pattern.ends_with(".html") {
            mapping.note(
                "html-addresses",
                None,
                format!("addresses ending in .html are kept as folders: the permalink `{pattern}` makes name.html addresses, and each post answers at name/ alone"),
            );
        }
    }
    mapping.set("slug", slug);
    Verdict::Publish
}

/// Jekyll's lists: a YAML list, or one text of space-separated words.
fn words(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::String(text)) => text.split_whitespace().map(str::to_string).collect(),
        other => words_or_list(other),
    }
}

fn words_or_list(value: Option<Value>) -> Vec<String> {
    match value {
        Some(Value::String(text)) => vec![text],
        Some(Value::Array(items)) => items
            .into_iter()
            .filter_map(|item| match item {
                Value::String(text) => Some(text),
                Value::Number(number) => Some(number.to_string()),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}
