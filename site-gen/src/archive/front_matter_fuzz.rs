//! Fuzz target for front matter, YAML and TOML: articles shaped like the
//! example archive's, with hostile values and damaged delimiters, read as
//! a build reads them. Each must give an article whose addresses stay in
//! the site, or errors that name the file and a line of it.

use proptest::prelude::*;
use proptest::sample::select;

use super::SourceFile;
use super::generator::{Generator, Permalinks};
use crate::config::SiteConfig;
use crate::content::Article;
use crate::content::foreign::ForeignReader;
use crate::fuzzing::{config, mutate_text, mutations, stays_inside};

const EXAMPLES: &[&str] = &[
    include_str!("../../../examples/content/conseil-du-port.md"),
    include_str!("../../../examples/content/harbour-council-vote.md"),
    include_str!("../../../examples/content/phare-gardiens.md"),
    include_str!("../../../examples/content/storm-season-guide.md"),
    include_str!("../../../examples/content/night-watch/index.md"),
];

const FIELDS: &[&str] = &[
    "title",
    "date",
    "updated",
    "slug",
    "description",
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
    "kind",
    "comments",
    "mood",
    "",
    "tïtle",
    "publishDate",
    "expiryDate",
    "url",
    "permalink",
    "path",
    "layout",
    "taxonomies",
    "weight",
    "headless",
    "published",
];

/// Values written as YAML and TOML alike read them, or nearly.
const VALUES: &[&str] = &[
    "\"A title\"",
    "2026-11-02",
    "2026-11-02T09:30:00Z",
    "2026-02-30",
    "9999-12-31T23:59:60Z",
    "-0001-01-01",
    "1979-05-27T07:32:00-08:00",
    "[\"a\", \"b\"]",
    "[[\"nested\"]]",
    "{ a = 1 }",
    "{a: 1}",
    "123",
    "-99999999999999999999",
    "1e999",
    "nan",
    ".nan",
    "true",
    "null",
    "~",
    "\"../../etc\"",
    "\"/etc/passwd\"",
    "\"C:\\\\Windows\"",
    "\"a\\u0000b\"",
    "\"\\u202e\\u0000\"",
    "\"🦀 ½ é\"",
    "\"post\"",
    "\"page\"",
    "\"https://s.example/@ada/12\"",
    "{ server = \"https://s.example\", id = \"12\" }",
    "&a [*a, *a]",
    "*missing",
    "!!binary aGk=",
    "|\n  literal\n  block",
    "'single'",
    "\"unterminated",
    "[unclosed",
    "{",
    "",
];

/// One article: a front matter of chosen fields in YAML or TOML, around
/// a body from the example archive, then damaged.
fn article() -> impl Strategy<Value = String> {
    let field = (select(FIELDS), select(VALUES), 0..3usize);
    (
        proptest::collection::vec(field, 0..10),
        any::<bool>(),
        select(EXAMPLES),
        0..4usize,
        mutations(4),
        0..3usize,
    )
        .prop_map(|(fields, toml, example, form, damage, wrap)| {
            let text = match form {
                // An example file as it is, damaged only below.
                0 => example.to_string(),
                _ => {
                    let (delimiter, separator) = if toml { ("+++", " = ") } else { ("---", ": ") };
                    let body = example.rsplit("---\n").next().unwrap_or_default();
                    let mut text = format!("{delimiter}\n");
                    for (name, value, repeat) in fields {
                        let value = if repeat == 2 {
                            format!("\"{}\"", "long ".repeat(20_000))
                        } else {
                            value.to_string()
                        };
                        text.push_str(&format!("{name}{separator}{value}\n"));
                    }
                    format!("{text}{delimiter}\n{body}")
                }
            };
            let text = mutate_text(&text, &damage);
            match wrap {
                1 => format!("\u{feff}{text}"),
                2 => text.replace('\n', "\r\n"),
                _ => text,
            }
        })
}

/// What reading `text` as the article `news/storm.md` must give.
fn check_article(text: &str) {
    let source = source("news/storm.md");
    let mut warnings = Vec::new();
    let read = Article::from_source(&source, text, &SiteConfig::default(), &mut warnings);
    check_outcome(&source, text, &read, &warnings);
}

fn source(path: &str) -> SourceFile {
    SourceFile {
        path: path.into(),
        bundle_assets: Vec::new(),
    }
}

/// An article whose addresses stay in the site, or problems that each
/// name the file and a line of it; warnings name the file too.
fn check_outcome(
    source: &SourceFile,
    text: &str,
    read: &Result<Article, Vec<crate::Problem>>,
    warnings: &[crate::Problem],
) {
    let last_line = text.lines().count().max(1) + 1;
    let problems = match read {
        Ok(article) => {
            for path in std::iter::once(&article.path).chain(&article.aliases) {
                assert!(stays_inside(path.url()), "{:?} from {text:?}", path.url());
            }
            Vec::new()
        }
        Err(problems) => {
            assert!(!problems.is_empty(), "an error without a problem: {text:?}");
            problems.clone()
        }
    };
    for problem in problems.iter().chain(warnings) {
        assert_eq!(problem.file, source.path, "{problem}");
        assert!(!problem.message.is_empty(), "{text:?}");
    }
    for problem in &problems {
        let line = problem
            .line
            .unwrap_or_else(|| panic!("no line in {problem}"));
        assert!(
            (1..=last_line).contains(&line),
            "line {line} of {last_line}: {problem}"
        );
    }
}

/// Another generator's article: Hugo, Jekyll or Zola, under a path that
/// generator gives meaning to.
fn check_foreign_article(text: &str, generator: Generator, path: &str) {
    let source = source(path);
    let permalinks = Permalinks::default();
    let mut reader = ForeignReader::new(generator, &permalinks);
    let mut warnings = Vec::new();
    if let Some(read) = reader.article(&source, text, &SiteConfig::default(), &mut warnings) {
        check_outcome(&source, text, &read, &warnings);
    }
}

const FOREIGN: &[(Generator, &str)] = &[
    (Generator::Hugo, "content/posts/storm.md"),
    (Generator::Hugo, "content/posts/storm/index.md"),
    (Generator::Jekyll, "_posts/2021-01-10-storm.md"),
    (Generator::Jekyll, "about.md"),
    (Generator::Zola, "content/blog/2021-01-10-storm.md"),
    (Generator::Zola, "content/blog/_index.md"),
];

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn fuzz_front_matter(text in article()) {
        check_article(&text);
    }

    #[test]
    fn fuzz_foreign_front_matter(text in article(), which in 0..FOREIGN.len()) {
        let (generator, path) = FOREIGN[which];
        check_foreign_article(&text, generator, path);
    }
}
