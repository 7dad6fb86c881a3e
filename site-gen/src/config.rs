//! `site.toml`, at the archive's root. Every field has a default.

use serde::Deserialize;
use std::path::Path;

use crate::problem::Problem;

/// The taxonomies site-gen can build archives for.
pub const TAXONOMIES: &[&str] = &["tags", "categories", "authors", "years"];

#[derive(Clone, Debug, Deserialize, serde::Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// The language of pages whose articles name none.
    pub language: String,
    /// Only for absolute links in feeds, the sitemap and canonical links:
    /// the site itself never needs it.
    pub base_url: Option<String>,
    pub paginate: usize,
    pub mirrors: Vec<String>,
    /// Raw HTML in articles is escaped unless the publisher trusts it.
    pub trust_html: bool,
    /// French spacing before ; : ! ? and inside « » in French articles.
    pub french_typography: bool,
    /// How long a signed manifest stays valid after the archive's newest
    /// date; mirrors refuse an expired one, so rebuild and sign before then.
    pub manifest_valid_days: u32,
    /// Which archives to build: any of tags, categories, authors, years.
    pub taxonomies: Vec<String>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        Self {
            title: "Samizdat".into(),
            description: String::new(),
            language: "en".into(),
            base_url: None,
            paginate: 10,
            mirrors: Vec::new(),
            trust_html: false,
            french_typography: false,
            manifest_valid_days: 90,
            taxonomies: TAXONOMIES.iter().map(|name| name.to_string()).collect(),
        }
    }
}

impl SiteConfig {
    pub const FILE_NAME: &'static str = "site.toml";

    pub fn load(archive_dir: &Path) -> Result<Self, Problem> {
        let path = archive_dir.join(Self::FILE_NAME);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                return Ok(Self::default());
            }
            Err(error) => {
                return Err(Problem::new(
                    &path,
                    None,
                    format!("cannot read it: {error}"),
                    "check its permissions and that it is UTF-8",
                ));
            }
        };
        let config: Self = toml::from_str(&text).map_err(|error| {
            let line = error.span().map(|span| line_of(&text, span.start));
            Problem::new(
                &path,
                line,
                error.message().to_string(),
                "see the README for the fields site.toml takes",
            )
        })?;
        if let Some(unknown) = config
            .taxonomies
            .iter()
            .find(|name| !TAXONOMIES.contains(&name.as_str()))
        {
            let line = text
                .find(unknown.as_str())
                .map(|offset| line_of(&text, offset));
            return Err(Problem::new(
                &path,
                line,
                format!("“{unknown}” is not a taxonomy site-gen builds"),
                format!("choose from {}", TAXONOMIES.join(", ")),
            ));
        }
        if config.paginate == 0 {
            return Err(Problem::new(
                &path,
                None,
                "paginate is 0",
                "set paginate to 1 or more",
            ));
        }
        Ok(config)
    }
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}
