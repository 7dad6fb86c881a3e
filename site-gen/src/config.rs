//! `site.toml`, at the archive's root. Every field has a default.

use serde::{Deserialize, Serialize};
use std::path::Path;

use crate::content::slug::slugify;
use crate::problem::Problem;

/// A taxonomy site-gen can build archives for, named in `site.toml` and
/// templates as its folder is: `tags`, `categories`, `authors`, `years`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TaxonomyKind {
    Tags,
    Categories,
    Authors,
    Years,
}

impl TaxonomyKind {
    /// Every taxonomy, in the order their pages are built and listed.
    pub const ALL: [TaxonomyKind; 4] = [
        TaxonomyKind::Tags,
        TaxonomyKind::Categories,
        TaxonomyKind::Authors,
        TaxonomyKind::Years,
    ];

    /// Its name, which is also the folder of its pages.
    pub fn name(self) -> &'static str {
        match self {
            TaxonomyKind::Tags => "tags",
            TaxonomyKind::Categories => "categories",
            TaxonomyKind::Authors => "authors",
            TaxonomyKind::Years => "years",
        }
    }

    /// Tags alone have feeds.
    pub fn has_feeds(self) -> bool {
        self == TaxonomyKind::Tags
    }

    /// Categories are shown with each article rather than in the menu.
    pub fn in_menu(self) -> bool {
        self != TaxonomyKind::Categories
    }
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(default, deny_unknown_fields)]
pub struct SiteConfig {
    pub title: String,
    pub description: String,
    /// The language of pages whose articles name none.
    pub language: String,
    /// Only for absolute links in feeds, the sitemap and canonical links:
    /// the site itself never needs it. Kept without a trailing `/`, so
    /// absolute URLs are `{base_url}/{path}`.
    #[serde(deserialize_with = "without_trailing_slash")]
    pub base_url: Option<String>,
    pub paginate: usize,
    pub mirrors: Vec<String>,
    /// Raw HTML in articles is escaped unless the publisher trusts it.
    pub trust_html: bool,
    /// French spacing before ; : ! ? and inside « » in French articles.
    pub french_typography: bool,
    /// How long a signed manifest stays valid after it is made: at the
    /// archive's newest date, or at `--signed-at` when that is later.
    /// Mirrors refuse an expired one, so sign again before then
    /// (`site-gen build --signed-at now`).
    pub manifest_valid_days: u32,
    /// Which of the publisher's sites this is, named in its signed
    /// manifest: readers keep serials per key and site, so a key that
    /// also signs another site (the client) does not mix their serials.
    /// Unset, the slug of `title`; see [`SiteConfig::site_name`].
    #[serde(deserialize_with = "site_name_field")]
    pub site_id: Option<String>,
    /// Which archives to build.
    pub taxonomies: Vec<TaxonomyKind>,
    /// The Samizdat client's address, absolute or relative to the site's
    /// root (such as `app/`): articles with comments link their announcing
    /// post there.
    pub comments_client: Option<String>,
    /// Whether the build writes the search page and its index, linked
    /// from every page's header.
    pub search: bool,
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
            site_id: None,
            taxonomies: TaxonomyKind::ALL.to_vec(),
            comments_client: None,
            search: true,
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
        if let Some(client) = &config.comments_client
            && !is_client_address(client)
        {
            return Err(Problem::new(
                &path,
                None,
                format!("comments_client “{client}” is not an http(s) address or a path"),
                "write the client's address, such as https://client.example/ or app/",
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

/// An http(s) address, or a path relative to the site's root.
fn is_client_address(address: &str) -> bool {
    match url::Url::parse(address) {
        Ok(url) => matches!(url.scheme(), "http" | "https"),
        Err(_) => {
            !address.is_empty()
                && !address.starts_with('/')
                && !address.contains(':')
                && !address.contains(['"', '<', '>', '\\'])
        }
    }
}

/// The name a site's manifests carry: `site_id`, else the slug of the
/// title, else `site`. Renaming starts readers on a fresh serial track,
/// so the default follows the title only until `site_id` is set.
impl SiteConfig {
    pub fn site_name(&self) -> String {
        self.site_id.clone().unwrap_or_else(|| {
            let slug = slugify(&self.title);
            if slug.is_empty() { "site".into() } else { slug }
        })
    }
}

/// Whether `name` can name a site: a slug, as [`slugify`] makes them.
pub fn is_site_name(name: &str) -> bool {
    !name.is_empty() && slugify(name) == name
}

fn site_name_field<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let name = String::deserialize(deserializer)?;
    if is_site_name(&name) {
        return Ok(Some(name));
    }
    Err(serde::de::Error::custom(format!(
        "site_id “{name}” is not a slug: use lower-case letters, digits and single hyphens, such as “{}”",
        slugify(&name)
    )))
}

fn without_trailing_slash<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<String>, D::Error> {
    let url = Option::<String>::deserialize(deserializer)?;
    Ok(url.map(|url| url.trim_end_matches('/').to_string()))
}

/// The 1-based line of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_url_loses_its_trailing_slash_and_taxonomies_are_typed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join(SiteConfig::FILE_NAME),
            "base_url = \"https://lantern.example/news//\"\ntaxonomies = [\"years\", \"tags\"]\n",
        )
        .unwrap();
        let config = SiteConfig::load(dir.path()).unwrap();
        assert_eq!(
            config.base_url.as_deref(),
            Some("https://lantern.example/news")
        );
        assert_eq!(config.taxonomies, [TaxonomyKind::Years, TaxonomyKind::Tags]);
        assert_eq!(SiteConfig::default().taxonomies, TaxonomyKind::ALL);
    }

    #[test]
    fn the_comments_client_is_a_web_address_or_a_path() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SiteConfig::FILE_NAME);
        for fine in ["app/", "https://client.example/"] {
            std::fs::write(&path, format!("comments_client = \"{fine}\"\n")).unwrap();
            let config = SiteConfig::load(dir.path()).unwrap();
            assert_eq!(config.comments_client.as_deref(), Some(fine));
        }
        for bad in ["javascript:alert(1)", "/app/", "data:text/html,x"] {
            std::fs::write(&path, format!("comments_client = \"{bad}\"\n")).unwrap();
            let problem = SiteConfig::load(dir.path()).unwrap_err().to_string();
            assert!(
                problem.contains("site.toml") && problem.contains("comments_client"),
                "{problem}"
            );
        }
    }

    #[test]
    fn the_site_name_is_site_id_else_the_title_as_a_slug() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(SiteConfig::FILE_NAME);
        std::fs::write(&path, "title = \"The Lantern: Coast News\"\n").unwrap();
        let config = SiteConfig::load(dir.path()).unwrap();
        assert_eq!(config.site_name(), "the-lantern-coast-news");
        std::fs::write(&path, "title = \"?!\"\n").unwrap();
        assert_eq!(SiteConfig::load(dir.path()).unwrap().site_name(), "site");

        std::fs::write(&path, "title = \"The Lantern\"\nsite_id = \"lantern\"\n").unwrap();
        assert_eq!(SiteConfig::load(dir.path()).unwrap().site_name(), "lantern");
        std::fs::write(
            &path,
            "title = \"The Lantern\"\nsite_id = \"The Lantern\"\n",
        )
        .unwrap();
        let problem = SiteConfig::load(dir.path()).unwrap_err();
        assert_eq!(problem.line, Some(2), "{problem}");
        assert!(problem.message.contains("“the-lantern”"), "{problem}");
    }
}
