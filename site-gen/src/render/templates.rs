//! The templates: built-in ones, each overridable by a file of the same
//! name in the archive's `templates/` folder.

use std::path::PathBuf;

use minijinja::{AutoEscape, Environment, Value};

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
            let mut plain_from = 0;
            for (index, byte) in text.bytes().enumerate() {
                let entity = match byte {
                    b'&' => "&amp;",
                    b'<' => "&lt;",
                    b'>' => "&gt;",
                    b'"' => "&quot;",
                    b'\'' => "&#39;",
                    _ => continue,
                };
                out.write_str(&text[plain_from..index]).map_err(failed)?;
                out.write_str(entity).map_err(failed)?;
                plain_from = index + 1;
            }
            out.write_str(&text[plain_from..]).map_err(failed)
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
