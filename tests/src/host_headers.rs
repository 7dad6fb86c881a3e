//! The `_headers` file that Netlify- and Cloudflare Pages-style hosts
//! read: a path pattern on a line of its own, then the headers for it,
//! indented, one `Name: value` a line; `#` starts a comment. The static
//! server applies it as such a host would, so that the tests see the
//! headers a reader's browser gets.

use std::path::Path;

use axum::http::{HeaderName, HeaderValue};

/// The rules of one `_headers` file, in the file's order.
#[derive(Debug, Default)]
pub struct HostHeaders {
    rules: Vec<Rule>,
}

#[derive(Debug)]
struct Rule {
    /// A path from the folder's root, where `*` stands for any text.
    pattern: String,
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl HostHeaders {
    /// The rules of `dir/_headers`, or none when there is no such file.
    pub fn read(dir: &Path) -> anyhow::Result<Self> {
        let file = dir.join("_headers");
        if !file.is_file() {
            return Ok(Self::default());
        }
        let text = std::fs::read_to_string(&file)
            .map_err(|error| anyhow::anyhow!("cannot read {}: {error}", file.display()))?;
        Self::parse(&text, &file)
    }

    /// Parses `text`, read from `file` (named in errors).
    pub fn parse(text: &str, file: &Path) -> anyhow::Result<Self> {
        let mut rules: Vec<Rule> = Vec::new();
        for (index, line) in text.lines().enumerate() {
            let at = || format!("{} line {}", file.display(), index + 1);
            let trimmed = line.trim();
            if trimmed.is_empty() || trimmed.starts_with('#') {
                continue;
            }
            if !line.starts_with([' ', '\t']) {
                anyhow::ensure!(
                    trimmed.starts_with('/'),
                    "{}: `{trimmed}` is neither a path (starting with /) nor an indented header",
                    at()
                );
                rules.push(Rule {
                    pattern: trimmed.to_string(),
                    headers: Vec::new(),
                });
                continue;
            }
            let Some(rule) = rules.last_mut() else {
                anyhow::bail!(
                    "{}: a header before any path: put a path such as /* first",
                    at()
                );
            };
            let Some((name, value)) = trimmed.split_once(':') else {
                anyhow::bail!("{}: `{trimmed}` is not `Name: value`", at());
            };
            let name = HeaderName::try_from(name.trim())
                .map_err(|error| anyhow::anyhow!("{}: bad header name: {error}", at()))?;
            let value = HeaderValue::try_from(value.trim())
                .map_err(|error| anyhow::anyhow!("{}: bad value of {name}: {error}", at()))?;
            rule.headers.push((name, value));
        }
        Ok(Self { rules })
    }

    /// Every header for `path` (from the folder's root, starting with
    /// `/`), from every rule that matches it, in the file's order.
    pub fn for_path<'a>(
        &'a self,
        path: &'a str,
    ) -> impl Iterator<Item = &'a (HeaderName, HeaderValue)> + 'a {
        self.rules
            .iter()
            .filter(move |rule| matches(&rule.pattern, path))
            .flat_map(|rule| rule.headers.iter())
    }
}

/// Whether `path` matches `pattern`, where each `*` stands for any text.
fn matches(pattern: &str, path: &str) -> bool {
    let mut pieces = pattern.split('*');
    let first = pieces.next().unwrap_or_default();
    let Some(mut rest) = path.strip_prefix(first) else {
        return false;
    };
    let pieces: Vec<&str> = pieces.collect();
    let Some((last, middle)) = pieces.split_last() else {
        // No `*`: the whole path must be the pattern.
        return rest.is_empty();
    };
    for piece in middle {
        match rest.find(piece) {
            Some(at) => rest = &rest[at + piece.len()..],
            None => return false,
        }
    }
    rest.ends_with(last)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> anyhow::Result<HostHeaders> {
        HostHeaders::parse(text, Path::new("dist/_headers"))
    }

    fn names(headers: &HostHeaders, path: &str) -> Vec<String> {
        headers
            .for_path(path)
            .map(|(name, value)| format!("{name}={}", value.to_str().unwrap_or("?")))
            .collect()
    }

    #[test]
    fn each_rule_gives_its_headers_to_the_paths_it_matches() -> anyhow::Result<()> {
        let headers = parse(
            "# a comment\n/*\n  X-A: 1\n\n/assets/*\n  # another\n  X-B: 2\n/*.html\n\tX-C: 3\n/exact\n  X-D: 4\n",
        )?;
        assert_eq!(names(&headers, "/"), ["x-a=1"]);
        assert_eq!(names(&headers, "/assets/app.css"), ["x-a=1", "x-b=2"]);
        assert_eq!(names(&headers, "/a/index.html"), ["x-a=1", "x-c=3"]);
        assert_eq!(names(&headers, "/exact"), ["x-a=1", "x-d=4"]);
        assert_eq!(names(&headers, "/exact/more"), ["x-a=1"]);
        Ok(())
    }

    #[test]
    fn a_bad_line_is_named_with_its_file_and_number() {
        let cases = [
            (
                "  X-A: 1\n",
                "dist/_headers line 1: a header before any path",
            ),
            (
                "/*\n  X-A 1\n",
                "dist/_headers line 2: `X-A 1` is not `Name: value`",
            ),
            (
                "/*\nX-A: 1\n",
                "dist/_headers line 2: `X-A: 1` is neither a path",
            ),
        ];
        for (text, expected) in cases {
            let error = parse(text).err().map(|error| error.to_string());
            assert!(
                error
                    .as_deref()
                    .is_some_and(|error| error.starts_with(expected)),
                "{text:?} gave {error:?}"
            );
        }
    }
}
