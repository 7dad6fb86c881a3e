//! One file's front matter being mapped: the moves every generator's
//! mapping makes, and what is settled once it is done.

use serde_json::Value;

use super::dates::{midnight, parse_generator_date};
use super::facts::FileFacts;
use super::permalink::folder_form;
use crate::archive::{FrontMatter, Generator};
use crate::content::date::parse_date;
use crate::content::notes::Notes;
use crate::problem::Problem;

pub struct Mapping<'a> {
    pub front: &'a mut FrontMatter,
    pub facts: &'a FileFacts,
    pub notes: &'a mut Notes,
    pub generator: Generator,
}

impl Mapping<'_> {
    pub fn has(&self, field: &str) -> bool {
        self.front
            .fields
            .get(field)
            .is_some_and(|value| !value.is_null())
    }

    /// Removes every field of `names`, giving the first one set.
    pub fn take(&mut self, names: &[&str]) -> Option<Value> {
        let mut found = None;
        for name in names {
            if let Some(value) = self.front.fields.remove(*name)
                && found.is_none()
                && !value.is_null()
            {
                found = Some(value);
            }
        }
        found
    }

    pub fn take_text(&mut self, names: &[&str]) -> Option<String> {
        match self.take(names)? {
            Value::String(text) => Some(text),
            Value::Number(number) => Some(number.to_string()),
            _ => None,
        }
    }

    pub fn set(&mut self, field: &str, value: impl Into<Value>) {
        self.front.fields.insert(field.to_string(), value.into());
    }

    /// Texts of a field written as one text or as a list.
    pub fn list(&self, field: &str) -> Vec<String> {
        match self.front.fields.get(field) {
            Some(Value::String(one)) => vec![one.clone()],
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|item| match item {
                    Value::String(text) => Some(text.clone()),
                    Value::Number(number) => Some(number.to_string()),
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Says `message` once for every file it concerns, at the first.
    pub fn note(&mut self, key: &str, field: Option<&str>, message: String) {
        let line = field.and_then(|field| self.front.line_of(field));
        self.notes
            .add(key, Problem::new(&self.facts.path, line, message, ""));
    }

    /// Drops the fields site-gen has no use for, each said once.
    pub fn ignore(&mut self, fields: &[(&str, &str)]) {
        for (field, why) in fields {
            if self.front.fields.contains_key(*field) {
                self.note(
                    &format!("ignored:{field}"),
                    Some(field),
                    format!("{} `{field}` is not used: {why}", self.generator.name()),
                );
                self.front.fields.remove(*field);
            }
        }
    }

    /// `written` as a folder path; an address ending in `name.html` is
    /// said once to be kept as `name/`, which a static host cannot make
    /// answer for the old one.
    pub fn address(&mut self, written: &str) -> String {
        let path = written.split(['?', '#']).next().unwrap_or_default();
        if path.ends_with(".html") && !path.ends_with("/index.html") && path != "index.html" {
            self.note(
                "html-addresses",
                None,
                format!("addresses ending in .html are kept as folders: `{written}` becomes `{}/`, and the old address no longer answers", folder_form(written)),
            );
        }
        folder_form(written)
    }

    /// Adds old addresses, as folder paths, to the article's aliases.
    pub fn add_aliases(&mut self, aliases: impl IntoIterator<Item = String>) {
        let mut all = self.list("aliases");
        all.extend(aliases);
        self.set("aliases", all);
    }

    /// What every mapping ends with: dates read as the generators write
    /// them, the file name's date and title where the front matter has
    /// none, a dateless file made a page, and shortcodes noted.
    pub fn finish(&mut self, body: &str, body_line: usize) {
        for field in ["date", "updated"] {
            if let Some(Value::String(text)) = self.front.fields.get(field)
                && parse_date(text).is_none()
                && let Some(timestamp) = parse_generator_date(text)
            {
                self.set(field, timestamp.to_string());
            }
        }
        if !self.has("date")
            && let Some(date) = self.facts.file_date
        {
            self.set("date", midnight(date).to_string());
        }
        let titled = matches!(self.front.fields.get("title"), Some(Value::String(title)) if !title.trim().is_empty());
        if !titled {
            self.set("title", title_from_name(&self.facts.bare_name));
        }
        if !self.has("date") && !self.has("kind") {
            self.set("kind", "page");
        }
        let slug = self
            .front
            .fields
            .get("slug")
            .and_then(Value::as_str)
            .map(folder_form)
            .unwrap_or_default();
        let mut aliases: Vec<String> = Vec::new();
        for alias in self.list("aliases") {
            let alias = self.address(&alias);
            if !alias.is_empty() && alias != slug && !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
        if aliases.is_empty() {
            self.front.fields.remove("aliases");
        } else {
            self.set("aliases", aliases);
        }
        if let Some((line, example)) = find_shortcode(self.generator, body) {
            let what = match self.generator {
                Generator::Hugo => "Hugo shortcodes",
                Generator::Zola => "Zola shortcodes",
                Generator::Jekyll => "Liquid tags",
            };
            self.notes.add(
                "shortcode",
                Problem::new(
                    &self.facts.path,
                    Some(body_line + line),
                    format!("{what} such as `{example}` are not run: they show as written"),
                    "replace them with Markdown or HTML",
                ),
            );
        }
    }
}

/// `first-light` → `First Light`, as Jekyll titles a post without one.
fn title_from_name(name: &str) -> String {
    name.split(['-', '_', ' '])
        .filter(|word| !word.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_uppercase().chain(chars).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The first shortcode or template tag in `body`: its line within the
/// body, from 0, and the tag as written.
fn find_shortcode(generator: Generator, body: &str) -> Option<(usize, String)> {
    let starts: &[&str] = match generator {
        Generator::Hugo => &["{{<", "{{%"],
        Generator::Zola | Generator::Jekyll => &["{{", "{%"],
    };
    let mut from = 0;
    while let Some(found) = starts
        .iter()
        .filter_map(|start| body[from..].find(start).map(|at| from + at))
        .min()
    {
        let rest = &body[found..];
        let end = match rest.find(['}', '\n']) {
            Some(at) if rest[at..].starts_with("}}") => at + 2,
            Some(at) if rest[at..].starts_with('}') => at + 1,
            Some(at) => at,
            None => rest.len(),
        };
        let tag = &rest[..end];
        // Zola's are calls (`{{ youtube(id="…") }}`); other `{{` is text.
        let is_tag = generator != Generator::Zola || is_zola_call(&tag[2..]);
        if is_tag {
            let line = body[..found].matches('\n').count();
            let example: String = if tag.chars().count() > 64 {
                tag.chars().take(60).chain(['…']).collect()
            } else {
                tag.to_string()
            };
            return Some((line, example));
        }
        from = found + 2;
    }
    None
}

fn is_zola_call(inside: &str) -> bool {
    let name = inside.trim_start();
    let length = name
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(name.len());
    length > 0 && name[length..].starts_with('(')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_each_generators_shortcodes_and_their_line() {
        let hugo = "Text.\n\n{{< youtube id=\"abc\" >}}\n";
        assert_eq!(
            find_shortcode(Generator::Hugo, hugo),
            Some((2, "{{< youtube id=\"abc\" >}}".into()))
        );
        assert_eq!(find_shortcode(Generator::Hugo, "{{ not hugo }}\n"), None);
        let zola = "A {{ literal }} brace.\n{{ youtube(id=\"abc\") }}\n";
        assert_eq!(
            find_shortcode(Generator::Zola, zola).map(|found| found.0),
            Some(1)
        );
        assert_eq!(
            find_shortcode(Generator::Jekyll, "See {% include note.html %}.\n")
                .map(|found| found.1),
            Some("{% include note.html %}".into())
        );
        assert_eq!(find_shortcode(Generator::Jekyll, "Plain text.\n"), None);
    }

    #[test]
    fn a_title_from_a_file_name() {
        assert_eq!(title_from_name("first-light_at sea"), "First Light At Sea");
    }
}
