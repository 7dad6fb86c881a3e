//! The site settings another generator's config holds, read when the
//! folder has no `site.toml` of its own, and the link patterns its
//! articles' old addresses follow.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{Map, Value};

use super::Generator;
use crate::config::{SiteConfig, line_of};
use crate::problem::Problem;

/// What the generator's config says, as far as site-gen can use it.
#[derive(Debug, Default)]
pub struct Settings {
    /// Title, description, base URL, language and page size, over
    /// site-gen's defaults.
    pub config: SiteConfig,
    pub permalinks: Permalinks,
    /// Jekyll's `exclude`: names at the root that are never read.
    pub exclude: Vec<String>,
    /// The config's keys that site-gen has no use for, listed once.
    pub notes: Vec<Problem>,
}

/// The patterns old addresses were made from (`/:year/:month/:title/`).
#[derive(Clone, Debug, Default)]
pub struct Permalinks {
    /// For every article: Jekyll's `permalink`.
    pub site: Option<String>,
    /// By content section: Hugo's `[permalinks]`.
    pub sections: BTreeMap<String, String>,
}

impl Settings {
    /// Reads the first config file the generator would read; none at all
    /// gives site-gen's defaults, as the generator's own would.
    pub fn read(root: &Path, generator: Generator) -> Result<Self, Problem> {
        let Some(name) = generator
            .config_files()
            .iter()
            .find(|name| root.join(name).is_file())
        else {
            return Ok(Self::default());
        };
        let text = std::fs::read_to_string(root.join(name)).map_err(|error| {
            Problem::new(
                *name,
                None,
                format!("cannot read it: {error}"),
                "check its permissions and that it is UTF-8",
            )
        })?;
        let table = parse(name, &text)?;
        let mut settings = Self::default();
        let used = match generator {
            Generator::Hugo => settings.take_hugo(&table),
            Generator::Zola => settings.take_zola(&table),
            Generator::Jekyll => settings.take_jekyll(&table),
        };
        let unused: Vec<String> = table
            .keys()
            .filter(|key| !used.contains(&key.to_ascii_lowercase().as_str()))
            .map(|key| format!("`{key}`"))
            .collect();
        if !unused.is_empty() {
            settings.notes.push(Problem::new(
                *name,
                None,
                format!(
                    "{} settings site-gen does not use: {}",
                    generator.name(),
                    unused.join(", ")
                ),
                "site-gen builds with its own templates and features; put its own settings in site.toml",
            ));
        }
        Ok(settings)
    }

    fn take_hugo(&mut self, table: &Map<String, Value>) -> &'static [&'static str] {
        let get = |key: &str| text(lookup(table, key));
        let params = lookup(table, "params").and_then(Value::as_object);
        self.set(
            get("title"),
            params.and_then(|params| text(lookup(params, "description"))),
            get("baseURL"),
            get("languageCode").or_else(|| get("defaultContentLanguage")),
        );
        let page_size = lookup(table, "pagination")
            .and_then(|pagination| lookup(pagination.as_object()?, "pagerSize"))
            .or_else(|| lookup(table, "paginate"));
        self.set_page_size(page_size);
        if let Some(Value::Object(permalinks)) = lookup(table, "permalinks") {
            // Hugo ≥ 0.120 nests them by kind; older configs do not.
            let by_section = match permalinks.get("page") {
                Some(Value::Object(pages)) => pages,
                _ => permalinks,
            };
            for (section, pattern) in by_section {
                if let Value::String(pattern) = pattern {
                    self.permalinks
                        .sections
                        .insert(section.clone(), pattern.clone());
                }
            }
        }
        &[
            "title",
            "baseurl",
            "languagecode",
            "defaultcontentlanguage",
            "params",
            "pagination",
            "paginate",
            "permalinks",
        ]
    }

    fn take_zola(&mut self, table: &Map<String, Value>) -> &'static [&'static str] {
        let get = |key: &str| text(table.get(key));
        self.set(
            get("title"),
            get("description"),
            get("base_url"),
            get("default_language"),
        );
        &["title", "description", "base_url", "default_language"]
    }

    fn take_jekyll(&mut self, table: &Map<String, Value>) -> &'static [&'static str] {
        let get = |key: &str| text(table.get(key));
        let base_url = get("url").map(|url| {
            let path = get("baseurl").unwrap_or_default();
            format!(
                "{}/{}",
                url.trim_end_matches('/'),
                path.trim_start_matches('/')
            )
        });
        let language = get("lang").or_else(|| get("locale").map(|tag| tag.replace('_', "-")));
        self.set(get("title"), get("description"), base_url, language);
        self.set_page_size(table.get("paginate"));
        self.permalinks.site = get("permalink");
        if let Some(Value::Array(names)) = table.get("exclude") {
            self.exclude = names
                .iter()
                .filter_map(Value::as_str)
                .map(|name| name.trim_matches('/').to_string())
                .collect();
        }
        &[
            "title",
            "description",
            "url",
            "baseurl",
            "lang",
            "locale",
            "paginate",
            "permalink",
            "exclude",
        ]
    }

    fn set(
        &mut self,
        title: Option<String>,
        description: Option<String>,
        base_url: Option<String>,
        language: Option<String>,
    ) {
        let config = &mut self.config;
        config.title = title.unwrap_or_else(|| config.title.clone());
        config.description = description.unwrap_or_default();
        config.base_url = base_url
            .map(|url| url.trim_end_matches('/').to_string())
            .filter(|url| !url.is_empty());
        config.language = language
            .filter(|tag| !tag.is_empty())
            .unwrap_or_else(|| config.language.clone());
    }

    fn set_page_size(&mut self, size: Option<&Value>) {
        if let Some(size) = size.and_then(Value::as_u64).filter(|size| *size > 0) {
            self.config.paginate = usize::try_from(size).unwrap_or(self.config.paginate);
        }
    }
}

/// A key, in any case, as Hugo reads its config.
fn lookup<'a>(table: &'a Map<String, Value>, key: &str) -> Option<&'a Value> {
    table
        .iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(key))
        .map(|(_, value)| value)
}

fn text(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(text) => Some(text.clone()),
        _ => None,
    }
}

fn parse(name: &str, text: &str) -> Result<Map<String, Value>, Problem> {
    let hint = "fix it as the generator that wrote it would need it fixed";
    let value = if name.ends_with(".toml") {
        let table: toml::Table = toml::from_str(text).map_err(|error| {
            let line = error.span().map(|span| line_of(text, span.start));
            Problem::new(name, line, error.message().to_string(), hint)
        })?;
        serde_json::to_value(table).unwrap_or_default()
    } else if name.ends_with(".json") {
        serde_json::from_str(text)
            .map_err(|error| Problem::new(name, Some(error.line()), error.to_string(), hint))?
    } else {
        serde_yaml_ng::from_str(text).map_err(|error| {
            let line = error.location().map(|location| location.line());
            Problem::new(name, line, error.to_string(), hint)
        })?
    };
    match value {
        Value::Object(table) => Ok(table),
        // An empty YAML file is a valid, empty config.
        Value::Null => Ok(Map::new()),
        _ => Err(Problem::new(
            name,
            None,
            "the config is not a table of settings",
            hint,
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(generator: Generator, name: &str, text: &str) -> Settings {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(root.path().join(name), text).unwrap();
        Settings::read(root.path(), generator).unwrap()
    }

    #[test]
    fn hugo_settings_in_any_case_and_its_permalinks() {
        let settings = read(
            Generator::Hugo,
            "hugo.toml",
            "baseurl = \"https://a.example/blog/\"\ntitle = \"A\"\nlanguageCode = \"fr-fr\"\ntheme = \"ananke\"\n[params]\ndescription = \"D\"\n[permalinks]\nposts = \"/:year/:month/:slug/\"\n",
        );
        assert_eq!(settings.config.title, "A");
        assert_eq!(settings.config.description, "D");
        assert_eq!(
            settings.config.base_url.as_deref(),
            Some("https://a.example/blog")
        );
        assert_eq!(settings.config.language, "fr-fr");
        assert_eq!(
            settings.permalinks.sections["posts"],
            "/:year/:month/:slug/"
        );
        assert_eq!(settings.notes.len(), 1);
        assert!(
            settings.notes[0].message.ends_with("`theme`"),
            "{:?}",
            settings.notes
        );
    }

    #[test]
    fn jekyll_url_and_baseurl_make_the_base_url() {
        let settings = read(
            Generator::Jekyll,
            "_config.yml",
            "title: J\nurl: https://j.example\nbaseurl: /notes\nlocale: en_GB\npermalink: pretty\nplugins: [jekyll-feed]\n",
        );
        assert_eq!(
            settings.config.base_url.as_deref(),
            Some("https://j.example/notes")
        );
        assert_eq!(settings.config.language, "en-GB");
        assert_eq!(settings.permalinks.site.as_deref(), Some("pretty"));
        assert!(settings.notes[0].message.contains("`plugins`"));
    }

    #[test]
    fn a_broken_config_names_its_line() {
        let root = tempfile::tempdir().unwrap();
        std::fs::write(
            root.path().join("config.toml"),
            "base_url = \"https://z.example\"\ntitle = \n",
        )
        .unwrap();
        let problem = Settings::read(root.path(), Generator::Zola).unwrap_err();
        assert_eq!(problem.line, Some(2), "{problem}");
        assert_eq!(problem.file, Path::new("config.toml"));
    }
}
