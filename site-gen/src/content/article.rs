//! One article: its front matter checked, its body still Markdown.

use std::path::PathBuf;

use jiff::Timestamp;
use serde_json::{Map, Value};

use super::address::PagePath;
use super::slug::{check_slug, slugify};
use crate::archive::{FrontMatter, SourceFile, split_front_matter};
use crate::config::SiteConfig;
use crate::problem::Problem;

#[derive(Debug, Clone)]
pub struct Article {
    pub source: PathBuf,
    pub slug: String,
    /// Where the article is published, from its slug.
    pub path: PagePath,
    pub title: String,
    /// A page (`kind: page`) stands outside the lists, feeds and
    /// taxonomies, as an "About" page does, and needs no date.
    pub page: bool,
    /// The Unix epoch for a page without a date; see `dated`.
    pub date: Timestamp,
    pub dated: bool,
    pub updated: Option<Timestamp>,
    pub description: Option<String>,
    pub tags: Vec<String>,
    pub categories: Vec<String>,
    pub authors: Vec<String>,
    pub lang: String,
    pub draft: bool,
    /// Old addresses that redirect to the article.
    pub aliases: Vec<PagePath>,
    pub image: Option<String>,
    /// Articles sharing a key are translations of each other.
    pub translation_key: Option<String>,
    pub extra: Map<String, Value>,
    pub markdown: String,
    pub bundle_assets: Vec<PathBuf>,
}

const KNOWN_FIELDS: &[&str] = &[
    "title",
    "date",
    "updated",
    "slug",
    "description",
    "summary",
    "tags",
    "categories",
    "authors",
    "author",
    "lang",
    "draft",
    "aliases",
    "image",
    "extra",
    "translation_key",
    "translationKey",
    "kind",
];

/// Reads fields off front matter, gathering every problem rather than the first.
struct FieldReader<'a> {
    front: &'a FrontMatter,
    file: &'a PathBuf,
    problems: Vec<Problem>,
}

impl FieldReader<'_> {
    fn problem(&mut self, field: &str, message: String, hint: &str) {
        let line = self.front.line_of(field).or(Some(self.front.start_line()));
        self.problems
            .push(Problem::new(self.file, line, message, hint));
    }

    fn text(&mut self, field: &str) -> Option<String> {
        match self.front.fields.get(field)? {
            Value::String(text) => Some(text.clone()),
            Value::Number(number) => Some(number.to_string()),
            Value::Null => None,
            other => {
                self.problem(
                    field,
                    format!("`{field}` is {}, not text", kind(other)),
                    "write it as plain text",
                );
                None
            }
        }
    }

    fn list(&mut self, field: &str) -> Vec<String> {
        match self.front.fields.get(field) {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Array(items)) => {
                let mut list = Vec::new();
                for item in items {
                    match item {
                        Value::String(text) => list.push(text.clone()),
                        Value::Number(number) => list.push(number.to_string()),
                        other => self.problem(
                            field,
                            format!("`{field}` holds {}, not text", kind(other)),
                            "make every item plain text",
                        ),
                    }
                }
                list
            }
            Some(other) => {
                self.problem(
                    field,
                    format!("`{field}` is {}, not a list", kind(other)),
                    "write it as a list, such as [a, b]",
                );
                Vec::new()
            }
        }
    }

    fn date(&mut self, field: &str) -> Option<Timestamp> {
        let text = self.text(field)?;
        match parse_date(&text) {
            Some(date) => Some(date),
            None => {
                self.problem(
                    field,
                    format!("`{field}` is “{text}”, which is not a date"),
                    "write it as YYYY-MM-DD or RFC 3339, such as 2026-11-29T09:30:00Z",
                );
                None
            }
        }
    }

    fn flag(&mut self, field: &str) -> bool {
        match self.front.fields.get(field) {
            None | Some(Value::Null) => false,
            Some(Value::Bool(flag)) => *flag,
            Some(other) => {
                self.problem(
                    field,
                    format!("`{field}` is {}, not true or false", kind(other)),
                    "write true or false",
                );
                false
            }
        }
    }
}

impl Article {
    /// Checks one source file. Warnings (unknown fields) go to `warnings`;
    /// errors come back all together.
    pub fn from_source(
        source: &SourceFile,
        config: &SiteConfig,
        warnings: &mut Vec<Problem>,
    ) -> Result<Self, Vec<Problem>> {
        let (front, body) = split_front_matter(&source.text).map_err(|error| {
            vec![Problem::new(
                &source.path,
                Some(error.line),
                error.message,
                "",
            )]
        })?;
        Self::from_front_matter(source, &front, body, config, warnings)
    }

    /// Checks front matter already split from its body, as another
    /// generator's is once it has been mapped onto site-gen's fields.
    pub fn from_front_matter(
        source: &SourceFile,
        front: &FrontMatter,
        body: &str,
        config: &SiteConfig,
        warnings: &mut Vec<Problem>,
    ) -> Result<Self, Vec<Problem>> {
        let mut reader = FieldReader {
            front,
            file: &source.path,
            problems: Vec::new(),
        };
        let title = reader
            .text("title")
            .filter(|title| !title.trim().is_empty());
        if title.is_none() && !front.fields.contains_key("title") {
            reader.problem(
                "title",
                "the article has no title".into(),
                "add `title: …` to its front matter",
            );
        }
        let page = match reader.text("kind").as_deref() {
            None | Some("post") => false,
            Some("page") => true,
            Some(other) => {
                reader.problem(
                    "kind",
                    format!("`kind` is “{other}”, which site-gen does not know"),
                    "write `kind: page` for a page outside the lists and feeds, or remove it",
                );
                false
            }
        };
        let date = reader.date("date");
        if !page && !front.fields.contains_key("date") {
            reader.problem(
                "date",
                "the article has no date".into(),
                "add `date: YYYY-MM-DD` to its front matter",
            );
        }
        let updated = reader.date("updated");
        let slug = match reader.text("slug") {
            Some(slug) => check_slug(&slug)
                .map_err(|why| {
                    reader.problem(
                        "slug",
                        format!("the slug {why}"),
                        "use a simple name such as my-article",
                    )
                })
                .ok(),
            None => Some(default_slug(&source.path)).filter(|slug| !slug.is_empty()),
        };
        let mut aliases = Vec::new();
        for alias in reader.list("aliases") {
            match check_slug(&alias) {
                Ok(alias) => aliases.push(PagePath::folder(&alias)),
                Err(why) => reader.problem(
                    "aliases",
                    format!("the alias {why}"),
                    "give the old path relative to the site root, such as old/post",
                ),
            }
        }
        let description = reader
            .text("description")
            .or_else(|| reader.text("summary"));
        let mut authors = reader.list("authors");
        authors.extend(reader.list("author"));
        let slug = slug.unwrap_or_default();
        let article = Self {
            source: source.path.clone(),
            path: PagePath::folder(&slug),
            slug,
            title: title.unwrap_or_default(),
            page,
            dated: date.is_some(),
            date: date.unwrap_or_default(),
            updated,
            description,
            tags: reader.list("tags"),
            categories: reader.list("categories"),
            authors,
            lang: reader
                .text("lang")
                .unwrap_or_else(|| config.language.clone()),
            draft: reader.flag("draft"),
            aliases,
            image: reader.text("image"),
            translation_key: reader
                .text("translation_key")
                .or_else(|| reader.text("translationKey")),
            extra: match front.fields.get("extra") {
                Some(Value::Object(extra)) => extra.clone(),
                _ => Map::new(),
            },
            markdown: body.to_string(),
            bundle_assets: source.bundle_assets.clone(),
        };
        for field in front
            .fields
            .keys()
            .filter(|field| !KNOWN_FIELDS.contains(&field.as_str()))
        {
            let line = front.line_of(field);
            warnings.push(Problem::new(
                &source.path,
                line,
                format!("unknown field `{field}`"),
                "move it under `extra` for templates, or remove it",
            ));
        }
        if reader.problems.is_empty() {
            Ok(article)
        } else {
            Err(reader.problems)
        }
    }
}

/// `news/Hello World.md` → `hello-world`; `news/hello/index.md` → `hello`.
pub fn default_slug(path: &std::path::Path) -> String {
    let name = if path.file_stem().is_some_and(|stem| stem == "index") {
        path.parent().and_then(|dir| dir.file_name())
    } else {
        path.file_stem()
    };
    slugify(
        &name
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
    )
}

pub(crate) fn parse_date(text: &str) -> Option<Timestamp> {
    let text = text.trim();
    if let Ok(timestamp) = text.parse::<Timestamp>() {
        return Some(timestamp);
    }
    if let Ok(datetime) = text.parse::<jiff::civil::DateTime>() {
        return datetime
            .to_zoned_datetime(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|zoned| zoned.timestamp());
    }
    None
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str, text: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            text: text.into(),
            bundle_assets: Vec::new(),
        }
    }

    fn read(path: &str, text: &str) -> (Result<Article, Vec<Problem>>, Vec<Problem>) {
        let mut warnings = Vec::new();
        (
            Article::from_source(&source(path, text), &SiteConfig::default(), &mut warnings),
            warnings,
        )
    }

    #[test]
    fn reads_every_field() {
        let (article, warnings) = read(
            "news/Le Phare.md",
            "---\ntitle: Le phare\ndate: 2026-03-01\nupdated: 2026-03-02T10:00:00+01:00\ntags: [mer, phares]\nauthors: Ada\nlang: fr\naliases: [old/phare]\nextra: {mood: calm}\n---\nTexte.\n",
        );
        let article = article.unwrap();
        assert!(warnings.is_empty());
        assert_eq!(article.slug, "le-phare");
        assert_eq!(article.date.to_string(), "2026-03-01T00:00:00Z");
        assert_eq!(article.updated.unwrap().to_string(), "2026-03-02T09:00:00Z");
        assert_eq!(article.tags, ["mer", "phares"]);
        assert_eq!(article.authors, ["Ada"]);
        assert_eq!(article.lang, "fr");
        assert_eq!(article.path.url(), "le-phare/");
        assert_eq!(article.aliases, [PagePath::folder("old/phare")]);
        assert_eq!(article.extra["mood"], "calm");
        assert_eq!(article.markdown, "Texte.\n");
    }

    #[test]
    fn reports_every_problem_with_its_line() {
        let (article, _) = read(
            "a.md",
            "---\nslug: ../../etc\ndate: someday\ntags: {a: 1}\n---\n",
        );
        let problems = article.unwrap_err();
        let messages: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("a.md:") && m.contains("no title")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("a.md:3:") && m.contains("not a date")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("a.md:2:") && m.contains("outside its folder")),
            "{messages:?}"
        );
        assert!(
            messages
                .iter()
                .any(|m| m.starts_with("a.md:4:") && m.contains("not a list")),
            "{messages:?}"
        );
    }

    #[test]
    fn unknown_fields_are_warnings_with_lines() {
        let (article, warnings) = read(
            "b.md",
            "+++\ntitle = \"B\"\ndate = 2026-01-01\nmood = \"calm\"\n+++\n",
        );
        assert!(article.is_ok());
        assert_eq!(warnings.len(), 1);
        assert_eq!(
            warnings[0].to_string(),
            "b.md:4: unknown field `mood` (move it under `extra` for templates, or remove it)"
        );
    }

    #[test]
    fn bundles_take_their_folder_name() {
        let (article, _) = read(
            "posts/night-watch/index.md",
            "---\ntitle: N\ndate: 2026-01-01\n---\n",
        );
        assert_eq!(article.unwrap().slug, "night-watch");
    }
}
