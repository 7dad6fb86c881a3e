//! Zola's front matter: the `[taxonomies]` table, `path`, `slug`,
//! `aliases`, and dates taken from a dated `path` or file name.

use serde_json::Value;

use super::Verdict;
use super::dates::{date_in_path, midnight};
use super::mapping::Mapping;
use crate::content::slugify;

const TEMPLATE: &str = "site-gen renders every article with its own template";
const IGNORED: &[(&str, &str)] = &[
    ("template", TEMPLATE),
    ("weight", "site-gen orders articles by date"),
    ("in_search_index", "site-gen builds no search index"),
    (
        "render",
        "site-gen publishes every article that is no draft",
    ),
    ("sort_by", "site-gen orders articles by date"),
    (
        "paginate_by",
        "site-gen's page size is `paginate` in site.toml",
    ),
    ("insert_anchor_links", "site-gen gives every heading an id"),
    ("page_template", TEMPLATE),
    ("transparent", "site-gen has no sections"),
];
/// The taxonomies site-gen builds, under Zola's names for them.
const TAXONOMIES: &[&str] = &["tags", "categories", "authors"];

pub fn map(mapping: &mut Mapping) -> Verdict {
    mapping.ignore(IGNORED);
    if let Some(Value::Object(taxonomies)) = mapping.take(&["taxonomies"]) {
        for (name, terms) in taxonomies {
            if TAXONOMIES.contains(&name.as_str()) {
                let mut all = mapping.list(&name);
                all.extend(
                    terms
                        .as_array()
                        .into_iter()
                        .flatten()
                        .filter_map(Value::as_str)
                        .map(str::to_string),
                );
                mapping.set(&name, all);
            } else {
                mapping.note(
                    &format!("taxonomy:{name}"),
                    Some("taxonomies"),
                    format!("Zola taxonomy `{name}` is not used: site-gen builds tags, categories and authors"),
                );
            }
        }
    }
    let facts = mapping.facts;
    let slug = match mapping.take_text(&["path"]) {
        Some(path) => {
            if !mapping.has("date")
                && facts.file_date.is_none()
                && let Some(date) = date_in_path(&path)
            {
                mapping.set("date", midnight(date).to_string());
            }
            mapping.address(&path)
        }
        None => {
            let name = mapping
                .take_text(&["slug"])
                .unwrap_or_else(|| slugify(&facts.bare_name));
            facts.in_section(&name)
        }
    };
    let aliases: Vec<String> = mapping.list("aliases");
    mapping.front.fields.remove("aliases");
    mapping.add_aliases(aliases);
    mapping.set("slug", slug);
    Verdict::Publish
}
