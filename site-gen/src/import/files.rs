//! What an imported article's file and a new archive's `site.toml` say.

use serde::Serialize;
use serde_json::{Map, Value};

use super::{Item, ItemKind, SiteInfo};

#[derive(Serialize)]
struct FrontMatterOut<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    date: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<String>,
    slug: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    tags: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    categories: &'a [String],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    authors: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    aliases: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    extra: &'a Map<String, Value>,
}

/// The article's file: front matter, a blank line, the body.
pub fn render(item: &Item, slug: &str, aliases: &[String]) -> Vec<u8> {
    let title = if item.title.trim().is_empty() {
        slug
    } else {
        item.title.trim()
    };
    let front = FrontMatterOut {
        title,
        date: item.date.map(|date| date.to_string()),
        updated: item.updated.map(|date| date.to_string()),
        slug,
        kind: (item.kind == ItemKind::Page).then_some("page"),
        description: item
            .description
            .as_deref()
            .filter(|text| !text.trim().is_empty()),
        tags: &item.tags,
        categories: &item.categories,
        authors: &item.authors,
        lang: item.lang.as_deref(),
        aliases,
        image: item.image.as_deref(),
        extra: &item.extra,
    };
    let yaml = serde_yaml_ng::to_string(&front).unwrap_or_default();
    let body = item.body.trim_end();
    let mut text = format!("---\n{yaml}---\n");
    if !body.is_empty() {
        text.push('\n');
        text.push_str(body);
        text.push('\n');
    }
    text.into_bytes()
}

#[derive(Serialize)]
struct SiteTomlOut<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    language: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    base_url: Option<&'a str>,
}

pub fn site_toml(site: &SiteInfo) -> String {
    let nonempty = |text: &Option<String>| {
        text.as_deref()
            .map(str::trim)
            .filter(|text| !text.is_empty())
            .map(ToOwned::to_owned)
    };
    let (title, description, language, base_url) = (
        nonempty(&site.title),
        nonempty(&site.description),
        nonempty(&site.language),
        nonempty(&site.base_url).map(|url| url.trim_end_matches('/').to_string()),
    );
    let out = SiteTomlOut {
        title: title.as_deref(),
        description: description.as_deref(),
        language: language.as_deref(),
        base_url: base_url.as_deref(),
    };
    format!(
        "# Written by site-gen import; every setting is described in the README.\n{}",
        toml::to_string(&out).unwrap_or_default()
    )
}
