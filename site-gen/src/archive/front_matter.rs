//! Front matter: YAML between `---` lines or TOML between `+++` lines, as
//! Hugo, Zola and Jekyll archives have it. Both read into one JSON-like map
//! so that the content model checks fields the same way for either.

use serde_json::{Map, Value};

/// Parsed front matter, able to say on which line of the file a field is.
#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub fields: Map<String, Value>,
    text: String,
    /// The file line on which the front matter's first line stands.
    first_line: usize,
    toml: bool,
}

impl FrontMatter {
    /// The file line of `field`'s key, for problems that name a field.
    pub fn line_of(&self, field: &str) -> Option<usize> {
        let separator = if self.toml { '=' } else { ':' };
        self.text
            .lines()
            .position(|line| {
                line.strip_prefix(field)
                    .is_some_and(|rest| rest.trim_start().starts_with(separator))
            })
            .map(|index| self.first_line + index)
    }

    /// The line of the opening delimiter.
    pub fn start_line(&self) -> usize {
        self.first_line - 1
    }

    /// No front matter at all, as Hugo lets a file have.
    pub fn empty() -> Self {
        Self {
            fields: Map::new(),
            text: String::new(),
            first_line: 1,
            toml: false,
        }
    }
}

/// The most front matter a file may hold. Real front matter is a few
/// hundred bytes, a long one a few kilobytes; past a thousand times that
/// it is a mistake (a delimiter never closed) or an attack, and reading
/// or parsing it would cost memory and time out of all proportion.
pub const FRONT_MATTER_LIMIT: usize = 1 << 20;

/// Whether `text` opens with a front matter delimiter.
pub fn has_front_matter(text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default().trim_end();
    first == "---" || first == "+++"
}

/// A problem with the front matter block itself, with its file line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrontMatterError {
    pub line: usize,
    pub message: String,
}

/// Splits a file into its front matter and its Markdown body.
pub fn split_front_matter(text: &str) -> Result<(FrontMatter, &str), FrontMatterError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().next().unwrap_or_default().trim_end();
    let toml = match first {
        "---" => false,
        "+++" => true,
        _ => {
            return Err(FrontMatterError {
                line: 1,
                message: "the file does not start with front matter: put `---` (YAML) or `+++` (TOML) on its first line, then title and date".into(),
            });
        }
    };
    let after_open = &text[first.len()..].trim_start_matches(['\r']);
    let after_open = after_open.strip_prefix('\n').unwrap_or(after_open);
    let (end, body_start) =
        closing_line(after_open, first).map_err(|unclosed| unclosed.error(first))?;
    let block = &after_open[..end];
    let body = &after_open[body_start..];
    let first_line = 2;
    let fields = if toml {
        parse_toml(block, first_line)?
    } else {
        parse_yaml(block, first_line)?
    };
    Ok((
        FrontMatter {
            fields,
            text: block.to_string(),
            first_line,
            toml,
        },
        body,
    ))
}

/// Why no closing line was found.
enum Unclosed {
    Never,
    PastTheLimit,
}

impl Unclosed {
    fn error(self, delimiter: &str) -> FrontMatterError {
        let message = match self {
            Unclosed::Never => format!(
                "the front matter opened on line 1 is never closed: add a line with `{delimiter}` after it"
            ),
            Unclosed::PastTheLimit => format!(
                "the front matter opened on line 1 runs past {} KiB without a closing `{delimiter}` line: close it, and keep long text in the article's body",
                FRONT_MATTER_LIMIT >> 10
            ),
        };
        FrontMatterError { line: 1, message }
    }
}

/// Where the line that closes the front matter starts and ends in
/// `block`, the text after the opening line; looked for no further than
/// [`FRONT_MATTER_LIMIT`].
fn closing_line(block: &str, delimiter: &str) -> Result<(usize, usize), Unclosed> {
    let mut offset = 0;
    for line in block.split_inclusive('\n') {
        if line.trim_end() == delimiter {
            return Ok((offset, offset + line.len()));
        }
        offset += line.len();
        if offset > FRONT_MATTER_LIMIT {
            return Err(Unclosed::PastTheLimit);
        }
    }
    Err(Unclosed::Never)
}

/// The error for `head`, the start of a file, when it opens a front
/// matter that does not close within [`FRONT_MATTER_LIMIT`]: such a file
/// need not be read any further.
pub fn front_matter_overrun(head: &str) -> Option<FrontMatterError> {
    let head = head.strip_prefix('\u{feff}').unwrap_or(head);
    let (first, rest) = head.split_once('\n')?;
    let delimiter = first.trim_end();
    if delimiter != "---" && delimiter != "+++" {
        return None;
    }
    match closing_line(rest, delimiter) {
        Err(Unclosed::PastTheLimit) => Some(Unclosed::PastTheLimit.error(delimiter)),
        _ => None,
    }
}

fn parse_yaml(block: &str, first_line: usize) -> Result<Map<String, Value>, FrontMatterError> {
    if block.trim().is_empty() {
        return Ok(Map::new());
    }
    if let Some(line) = too_deep(block) {
        return Err(FrontMatterError {
            line: first_line + line,
            message: format!(
                "the YAML front matter nests lists or tables more than {YAML_DEPTH} deep: write it flatter"
            ),
        });
    }
    let value: serde_yaml_ng::Value =
        serde_yaml_ng::from_str(block).map_err(|error| FrontMatterError {
            line: error
                .location()
                .map_or(first_line, |location| first_line + location.line() - 1),
            message: format!("the YAML front matter does not parse: {error}"),
        })?;
    match serde_json::to_value(value) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(FrontMatterError {
            line: first_line,
            message: "the front matter is not a table of `key: value` lines".into(),
        }),
        Err(error) => Err(FrontMatterError {
            line: first_line,
            message: format!("the front matter has a value that cannot be read: {error}"),
        }),
    }
}

/// How deep YAML's `[` and `{` may nest. The YAML reader refuses past
/// 128 levels anyway, but only after time that grows with the square of
/// the depth (seconds for a few thousand levels), so deeper is refused
/// before it reads a byte.
const YAML_DEPTH: usize = 128;

/// The line (from 0) where `block`'s flow collections nest deeper than
/// [`YAML_DEPTH`], brackets in quotes and comments aside. Unclosed
/// brackets in plain text count as opened, so a false alarm needs more
/// than a hundred of them.
fn too_deep(block: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, line) in block.lines().enumerate() {
        let mut quote = None;
        let mut previous = ' ';
        for c in line.chars() {
            match (quote, c) {
                (Some(open), c) if c == open => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') if previous.is_whitespace() => break,
                (None, '[' | '{') => {
                    depth += 1;
                    if depth > YAML_DEPTH {
                        return Some(index);
                    }
                }
                (None, ']' | '}') => depth = depth.saturating_sub(1),
                _ => {}
            }
            previous = c;
        }
    }
    None
}

fn parse_toml(block: &str, first_line: usize) -> Result<Map<String, Value>, FrontMatterError> {
    let table: toml::Table = toml::from_str(block).map_err(|error| FrontMatterError {
        line: error.span().map_or(first_line, |span| {
            first_line + crate::config::line_of(block, span.start) - 1
        }),
        message: format!("the TOML front matter does not parse: {}", error.message()),
    })?;
    Ok(toml_to_json(toml::Value::Table(table))
        .as_object()
        .cloned()
        .unwrap_or_default())
}

/// TOML dates become RFC 3339 strings, as YAML front matter has them.
fn toml_to_json(value: toml::Value) -> Value {
    match value {
        toml::Value::String(text) => Value::String(text),
        toml::Value::Integer(number) => Value::from(number),
        toml::Value::Float(number) => Value::from(number),
        toml::Value::Boolean(flag) => Value::Bool(flag),
        toml::Value::Datetime(datetime) => Value::String(datetime.to_string()),
        toml::Value::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(table) => Value::Object(
            table
                .into_iter()
                .map(|(key, value)| (key, toml_to_json(value)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_yaml_and_toml_alike() {
        let (yaml, body) =
            split_front_matter("---\ntitle: Hello\ndate: 2026-01-02\ntags: [a, b]\n---\nBody\n")
                .unwrap();
        let (toml, toml_body) = split_front_matter(
            "+++\ntitle = \"Hello\"\ndate = 2026-01-02\ntags = [\"a\", \"b\"]\n+++\nBody\n",
        )
        .unwrap();
        assert_eq!(yaml.fields, toml.fields);
        assert_eq!(yaml.fields["date"], "2026-01-02");
        assert_eq!((body, toml_body), ("Body\n", "Body\n"));
    }

    #[test]
    fn names_the_line_of_a_field_and_of_a_syntax_error() {
        let (front, _) = split_front_matter("---\ntitle: Hi\ndate: nope\n---\n").unwrap();
        assert_eq!(front.line_of("date"), Some(3));
        assert_eq!(front.line_of("title"), Some(2));
        let error = split_front_matter("---\ntitle: Hi\ndate: [unclosed\n---\n").unwrap_err();
        assert!(error.line >= 3, "{error:?}");
        let error = split_front_matter("+++\ntitle = \"Hi\"\ndate = \n+++\n").unwrap_err();
        assert_eq!(error.line, 3, "{error:?}");
    }

    #[test]
    fn missing_or_unclosed_front_matter_is_an_error() {
        assert_eq!(split_front_matter("# Just Markdown\n").unwrap_err().line, 1);
        assert!(
            split_front_matter("---\ntitle: x\n")
                .unwrap_err()
                .message
                .contains("never closed")
        );
    }
}
