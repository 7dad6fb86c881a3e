//! Hugo's front matter: `url`, `slug`, `aliases`, `draft`,
//! `publishDate`, `lastmod`, `expiryDate`, `params`, and the
//! `[permalinks]` of its config, which give each article an old address.

use jiff::Timestamp;
use serde_json::Value;

use super::Verdict;
use super::dates::parse_generator_date;
use super::mapping::Mapping;
use super::permalink::{Facts, expand};
use crate::archive::generator::Permalinks;
use crate::content::slugify;

const TEMPLATE: &str = "site-gen renders every article with its own template";
const IGNORED: &[(&str, &str)] = &[
    ("layout", TEMPLATE),
    ("type", TEMPLATE),
    ("weight", "site-gen orders articles by date"),
    ("menu", "site-gen's menu lists its taxonomies"),
    ("menus", "site-gen's menu lists its taxonomies"),
    ("linkTitle", "site-gen links articles by their title"),
    ("keywords", "site-gen files articles under their tags"),
    (
        "outputs",
        "site-gen makes the same pages and feeds for every article",
    ),
    ("markup", "site-gen reads Markdown alone"),
    ("build", "site-gen publishes every article that is no draft"),
    (
        "headless",
        "site-gen publishes every article that is no draft",
    ),
    ("cascade", "site-gen reads each article's own front matter"),
    (
        "resources",
        "a page bundle's files are published beside it as they are",
    ),
    ("sitemap", "site-gen lists every page in its sitemap"),
    ("isCJKLanguage", "site-gen does not count words"),
    ("toc", TEMPLATE),
];

pub fn map(mapping: &mut Mapping, permalinks: &Permalinks, now: Timestamp) -> Verdict {
    mapping.ignore(IGNORED);
    if let Some(expiry) = mapping.take_text(&["expiryDate", "expirydate", "unpublishdate"])
        && parse_generator_date(&expiry).is_some_and(|expiry| expiry <= now)
    {
        mapping.note(
            "expired",
            Some("expiryDate"),
            "left out: its expiryDate has passed, so Hugo no longer publishes it".into(),
        );
        return Verdict::LeaveOut;
    }
    let published = mapping.take(&["publishDate", "publishdate", "pubdate"]);
    if let Some(published) = published
        && !mapping.has("date")
    {
        mapping.set("date", published);
    }
    if let Some(modified) = mapping.take(&["lastmod", "lastMod", "modified"])
        && !mapping.has("updated")
    {
        mapping.set("updated", modified);
    }
    if let Some(Value::Object(params)) = mapping.take(&["params"]) {
        let mut extra = match mapping.take(&["extra"]) {
            Some(Value::Object(extra)) => extra,
            _ => serde_json::Map::new(),
        };
        extra.extend(params);
        mapping.set("extra", extra);
    }
    if !mapping.has("image")
        && let Some(first) = mapping.list("images").into_iter().next()
    {
        mapping.set("image", first);
    }
    mapping.front.fields.remove("images");
    let facts = mapping.facts;
    let own_slug = mapping.take_text(&["slug"]);
    let name = own_slug.clone().unwrap_or_else(|| slugify(&facts.name));
    let url = mapping.take_text(&["url"]);
    let slug = match &url {
        Some(url) => mapping.address(url),
        None => facts.in_section(&name),
    };
    // An alias without a leading `/` is relative to the article's section.
    let aliases: Vec<String> = mapping
        .list("aliases")
        .into_iter()
        .map(|alias| match alias.strip_prefix('/') {
            Some(absolute) => absolute.to_string(),
            None => facts.in_section(&alias),
        })
        .collect();
    mapping.front.fields.remove("aliases");
    mapping.add_aliases(aliases);
    let top_section = facts.section.split('/').next().unwrap_or_default();
    // Hugo publishes an article with its own `url` there alone.
    if let (None, Some(pattern)) = (&url, permalinks.sections.get(top_section)) {
        let title = mapping
            .front
            .fields
            .get("title")
            .and_then(Value::as_str)
            .map(slugify)
            .unwrap_or_default();
        // The day as written, in the author's time zone, as Hugo fills
        // in `:day`: not the UTC day, which may be another.
        let date = mapping
            .front
            .fields
            .get("date")
            .and_then(Value::as_str)
            .and_then(|written| written.get(..10)?.parse().ok());
        let old = expand(
            pattern,
            &Facts {
                date,
                title: &title,
                slug: own_slug.as_deref().unwrap_or(&title),
                filename: &facts.name,
                categories: &[],
                section: top_section,
            },
        );
        match old {
            Ok(old) => mapping.add_aliases([old]),
            Err(token) => mapping.note(
                "permalink",
                None,
                format!("the permalink of section `{top_section}` has {token}, which site-gen cannot fill in: its old addresses are not kept"),
            ),
        }
    }
    mapping.set("slug", slug);
    Verdict::Publish
}
