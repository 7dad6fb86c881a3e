//! One article: its front matter checked, and where its Markdown body is.

use std::path::{Path, PathBuf};

use jiff::Timestamp;
use serde_json::{Map, Value};

use super::address::PagePath;
use super::body::BodyPlace;
use super::fields::FieldReader;
use super::name::Name;
use super::slug::{check_slug, slugify};
use crate::archive::{FrontMatter, SourceFile, split_front_matter};
use crate::comments::CommentSource;
use crate::config::SiteConfig;
use crate::problem::Problem;

#[derive(Debug, Clone)]
pub struct Article {
    pub source: Box<Path>,
    /// Where the article is published, from its slug (see [`Article::slug`]).
    pub path: PagePath,
    pub title: Box<str>,
    /// A page (`kind: page`) stands outside the lists, feeds and
    /// taxonomies, as an "About" page does, and needs no date.
    pub page: bool,
    /// The Unix epoch for a page without a date; see `dated`.
    pub date: Timestamp,
    pub dated: bool,
    pub updated: Option<Timestamp>,
    pub description: Option<Box<str>>,
    pub tags: Box<[Name]>,
    pub categories: Box<[Name]>,
    pub authors: Box<[Name]>,
    pub lang: Name,
    pub draft: bool,
    /// Old addresses that redirect to the article.
    pub aliases: Box<[PagePath]>,
    pub image: Option<Box<str>>,
    /// Articles sharing a key are translations of each other.
    pub translation_key: Option<Box<str>>,
    /// The post that announced the article, whose replies are its comments.
    pub comments: Option<Box<CommentSource>>,
    pub extra: Map<String, Value>,
    /// Read when the article is rendered: see [`Article::read_body`].
    pub body: BodyPlace,
    pub bundle_assets: Box<[PathBuf]>,
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
    "comments",
];

impl Article {
    /// Checks one source file, whose text is `text`. Warnings (unknown
    /// fields) go to `warnings`; errors come back all together.
    pub fn from_source(
        source: &SourceFile,
        text: &str,
        config: &SiteConfig,
        warnings: &mut Vec<Problem>,
    ) -> Result<Self, Vec<Problem>> {
        let (front, body) = split_front_matter(text).map_err(|error| {
            vec![Problem::new(
                &source.path,
                Some(error.line),
                error.message,
                "",
            )]
        })?;
        Self::from_front_matter(source, &front, BodyPlace::of(text, body), config, warnings)
    }

    /// The article's folder, as its `slug` field or its file's name gave it.
    pub fn slug(&self) -> &str {
        self.path.name()
    }

    /// The Markdown body, read from the archive at `root` now.
    pub fn read_body(&self, root: &std::path::Path) -> Result<String, Problem> {
        self.body.read(root, &self.source)
    }

    /// Checks front matter already split from its body, as another
    /// generator's is once it has been mapped onto site-gen's fields.
    pub fn from_front_matter(
        source: &SourceFile,
        front: &FrontMatter,
        body: BodyPlace,
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
        let names = |list: Vec<String>| list.into_iter().map(Name::from).collect();
        let article = Self {
            source: source.path.clone().into(),
            path: PagePath::folder(&slug),
            title: title.unwrap_or_default().into(),
            page,
            dated: date.is_some(),
            date: date.unwrap_or_default(),
            updated,
            description: description.map(Into::into),
            tags: names(reader.list("tags")),
            categories: names(reader.list("categories")),
            authors: names(authors),
            lang: reader
                .text("lang")
                .unwrap_or_else(|| config.language.clone())
                .into(),
            draft: reader.flag("draft"),
            aliases: aliases.into(),
            image: reader.text("image").map(Into::into),
            translation_key: reader
                .text("translation_key")
                .or_else(|| reader.text("translationKey"))
                .map(Into::into),
            comments: reader.comment_source("comments").map(Box::new),
            extra: match front.fields.get("extra") {
                Some(Value::Object(extra)) => extra.clone(),
                _ => Map::new(),
            },
            body,
            bundle_assets: source.bundle_assets.clone().into(),
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

#[cfg(test)]
mod tests {
    use super::*;

    fn source(path: &str) -> SourceFile {
        SourceFile {
            path: path.into(),
            bundle_assets: Vec::new(),
        }
    }

    fn read(path: &str, text: &str) -> (Result<Article, Vec<Problem>>, Vec<Problem>) {
        let mut warnings = Vec::new();
        (
            Article::from_source(&source(path), text, &SiteConfig::default(), &mut warnings),
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
        assert_eq!(article.slug(), "le-phare");
        assert_eq!(article.date.to_string(), "2026-03-01T00:00:00Z");
        assert_eq!(article.updated.unwrap().to_string(), "2026-03-02T09:00:00Z");
        assert_eq!(*article.tags, ["mer", "phares"]);
        assert_eq!(*article.authors, ["Ada"]);
        assert_eq!(article.lang, "fr");
        assert_eq!(article.path.url(), "le-phare/");
        assert_eq!(*article.aliases, [PagePath::folder("old/phare")]);
        assert_eq!(article.extra["mood"], "calm");
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("news")).unwrap();
        std::fs::write(
            dir.path().join("news/Le Phare.md"),
            "---\ntitle: Le phare\ndate: 2026-03-01\nupdated: 2026-03-02T10:00:00+01:00\ntags: [mer, phares]\nauthors: Ada\nlang: fr\naliases: [old/phare]\nextra: {mood: calm}\n---\nTexte.\n",
        )
        .unwrap();
        assert_eq!(article.read_body(dir.path()).unwrap(), "Texte.\n");
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
        assert_eq!(article.unwrap().slug(), "night-watch");
    }
}

#[cfg(test)]
mod size {
    /// A million articles are held at once: each byte here is a megabyte.
    #[test]
    fn an_article_stays_small() {
        let size = std::mem::size_of::<super::Article>();
        assert!(size <= 304, "an Article takes {size} bytes");
    }
}
