//! The templates: built-in ones, each overridable by a file of the same
//! name in the archive's `templates/` folder.

use std::path::PathBuf;

use minijinja::{AutoEscape, Environment, Value};
use pulldown_cmark_escape::FmtWriter;

use crate::problem::{Problem, Problems};

const BUILT_IN: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("article.html", include_str!("../templates/article.html")),
    ("list.html", include_str!("../templates/list.html")),
    ("terms.html", include_str!("../templates/terms.html")),
    ("atom.xml", include_str!("../templates/atom.xml")),
    ("rss.xml", include_str!("../templates/rss.xml")),
    ("sitemap.xml", include_str!("../templates/sitemap.xml")),
    (
        "sitemap_index.xml",
        include_str!("../templates/sitemap_index.xml"),
    ),
    ("404.html", include_str!("../templates/404.html")),
    ("redirect.html", include_str!("../templates/redirect.html")),
    ("mirrors.html", include_str!("../templates/mirrors.html")),
    ("search.html", include_str!("../templates/search.html")),
];

/// The theme's stylesheet: an asset, not a template, though publishers
/// override it the same way, with `templates/theme.css`.
const THEME_CSS: &str = "theme.css";
const BUILT_IN_THEME_CSS: &str = include_str!("../templates/theme.css");

/// The theme's stylesheet: the publisher's, or the built-in one.
pub fn theme_css(overrides: &[(String, String)]) -> &str {
    overrides
        .iter()
        .find(|(name, _)| name == THEME_CSS)
        .map_or(BUILT_IN_THEME_CSS, |(_, css)| css.as_str())
}

pub struct Templates {
    env: Environment<'static>,
}

impl Templates {
    pub fn new(overrides: &[(String, String)]) -> Result<Self, Problems> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".xml") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        env.set_undefined_behavior(minijinja::UndefinedBehavior::Strict);
        env.set_formatter(escape_without_slashes);
        let mut problems = Vec::new();
        for (name, source) in BUILT_IN {
            if !overrides.iter().any(|(over, _)| over == name) {
                env.add_template(name, source)
                    .map_err(|error| problems.push(template_problem(name, &error)))
                    .ok();
            }
        }
        for (name, source) in overrides.iter().filter(|(name, _)| name != THEME_CSS) {
            env.add_template_owned(name.clone(), source.clone())
                .map_err(|error| problems.push(template_problem(name, &error)))
                .ok();
        }
        if problems.is_empty() {
            Ok(Self { env })
        } else {
            Err(Problems(problems))
        }
    }

    pub fn render(&self, name: &str, context: Value) -> Result<String, String> {
        let template = self
            .env
            .get_template(name)
            .map_err(|error| describe(&error))?;
        template.render(context).map_err(|error| describe(&error))
    }
}

/// Escapes like minijinja's default formatter, but leaves `/` alone: URLs
/// stay readable in the output, and `/` needs no escaping in HTML or XML.
fn escape_without_slashes(
    out: &mut minijinja::Output,
    state: &minijinja::State,
    value: &Value,
) -> Result<(), minijinja::Error> {
    match value.as_str() {
        Some(text) if state.auto_escape() != AutoEscape::None && !value.is_safe() => {
            let failed = |_| {
                minijinja::Error::new(
                    minijinja::ErrorKind::WriteFailure,
                    "cannot write the output",
                )
            };
            // The same five entities as minijinja's, found a vector at a time.
            pulldown_cmark_escape::escape_html(FmtWriter(out), text).map_err(failed)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

/// Where problems with the template `name` are reported: the file in the
/// archive that holds it, or would override it.
pub fn source(name: &str) -> PathBuf {
    PathBuf::from(format!("templates/{name}"))
}

fn template_problem(name: &str, error: &minijinja::Error) -> Problem {
    Problem::new(
        source(name),
        error.line(),
        error.to_string(),
        "fix the template's syntax",
    )
}

fn describe(error: &minijinja::Error) -> String {
    match (error.name(), error.line()) {
        (Some(name), Some(line)) => format!("template {name}, line {line}: {error}"),
        _ => format!("template error: {error}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(source: &str, name: &str, text: &str) -> String {
        let templates = Templates::new(&[(name.to_string(), source.to_string())])
            .unwrap_or_else(|problems| panic!("{problems:?}"));
        templates
            .render(name, minijinja::context! { text })
            .unwrap_or_else(|error| panic!("{error}"))
    }

    #[test]
    fn escapes_the_five_characters_and_leaves_slashes() {
        // Long enough to cross the vector width, with a character at each end.
        let text = format!("<{}/&\"'/{}>", "a/é".repeat(20), "b".repeat(33));
        let expected = format!(
            "&lt;{}/&amp;&quot;&#39;/{}&gt;",
            "a/é".repeat(20),
            "b".repeat(33)
        );
        assert_eq!(render("{{ text }}", "page.html", &text), expected);
        assert_eq!(render("{{ text }}", "feed.xml", &text), expected);
    }

    #[test]
    fn leaves_text_alone_outside_markup_and_when_marked_safe() {
        assert_eq!(render("{{ text }}", "page.txt", "<b>&"), "<b>&");
        assert_eq!(render("{{ text|safe }}", "page.html", "<b>&"), "<b>&");
        assert_eq!(render("{{ text }}", "page.html", ""), "");
    }
}
