//! Front matter fields read as an article needs them, every problem
//! gathered with the field's line, rather than stopping at the first.

use std::path::PathBuf;

use jiff::Timestamp;
use serde_json::Value;

use super::date::parse_date;
use crate::archive::FrontMatter;
use crate::comments::CommentSource;
use crate::problem::Problem;

/// Reads fields off front matter, gathering every problem rather than the first.
pub(super) struct FieldReader<'a> {
    pub front: &'a FrontMatter,
    pub file: &'a PathBuf,
    pub problems: Vec<Problem>,
}

impl FieldReader<'_> {
    pub fn problem(&mut self, field: &str, message: String, hint: &str) {
        let line = self.front.line_of(field).or(Some(self.front.start_line()));
        self.problems
            .push(Problem::new(self.file, line, message, hint));
    }

    pub fn text(&mut self, field: &str) -> Option<String> {
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

    pub fn list(&mut self, field: &str) -> Vec<String> {
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

    pub fn date(&mut self, field: &str) -> Option<Timestamp> {
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

    /// The announcing post of `comments`: its address, or `server` and `id`.
    pub fn comment_source(&mut self, field: &str) -> Option<CommentSource> {
        match self.front.fields.get(field)? {
            Value::Null => None,
            value => CommentSource::from_value(value)
                .map_err(|why| {
                    self.problem(
                        field,
                        format!("`{field}` cannot name the post whose replies are the comments: {why}"),
                        "write the post's address, such as comments = \"https://server.example/@user/123\", or comments = { server = \"https://server.example\", id = \"123\" }",
                    )
                })
                .ok(),
        }
    }

    pub fn flag(&mut self, field: &str) -> bool {
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
    use crate::archive::SourceFile;
    use crate::config::SiteConfig;
    use crate::content::Article;

    fn read(text: &str) -> Result<Article, Vec<crate::Problem>> {
        let source = SourceFile {
            path: "news/storm.md".into(),
            bundle_assets: Vec::new(),
        };
        let mut warnings = Vec::new();
        let article = Article::from_source(&source, text, &SiteConfig::default(), &mut warnings);
        assert!(warnings.is_empty(), "{warnings:?}");
        article
    }

    #[test]
    fn comments_name_a_post_by_address_or_by_server_and_id() {
        let by_address =
            read("+++\ntitle = \"S\"\ndate = 2026-01-01\ncomments = \"https://s.example/@ada/12\"\n+++\n")
                .unwrap();
        let source = by_address.comments.unwrap();
        assert_eq!(
            (source.server.as_str(), source.id.as_str()),
            ("https://s.example", "12")
        );
        let by_parts = read(
            "---\ntitle: S\ndate: 2026-01-01\ncomments:\n  server: https://s.example\n  id: \"12\"\n---\n",
        )
        .unwrap();
        assert_eq!(by_parts.comments.unwrap().id, "12");
    }

    #[test]
    fn a_malformed_comments_field_names_the_file_line_and_field() {
        let problems =
            read("---\ntitle: S\ndate: 2026-01-01\ncomments: https://s.example/about\n---\n")
                .unwrap_err();
        let message = problems[0].to_string();
        assert!(message.starts_with("news/storm.md:4:"), "{message}");
        assert!(
            message.contains("`comments`") && message.contains("/about"),
            "{message}"
        );
        assert!(
            message.contains("https://server.example/@user/123"),
            "says what to write: {message}"
        );
    }
}
