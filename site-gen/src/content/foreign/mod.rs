//! Front matter written for Hugo, Zola or Jekyll, mapped onto site-gen's
//! own fields before an article is read, so that such a folder builds
//! without edits. Whatever has no place in site-gen is said once, in the
//! build's warnings, at the first file that has it.

mod dates;
mod facts;
mod hugo;
mod jekyll;
pub(crate) mod links;
mod mapping;
pub mod permalink;
mod zola;

pub use dates::{date_in_path, parse_generator_date, split_dated_name};

use jiff::Timestamp;

use super::Article;
use super::body::BodyPlace;
use super::notes::Notes;
use crate::archive::generator::Permalinks;
use crate::archive::{FrontMatter, Generator, SourceFile, has_front_matter, split_front_matter};
use crate::config::SiteConfig;
use crate::problem::Problem;
use facts::FileFacts;
use mapping::Mapping;

/// Whether a file is published once mapped.
pub(crate) enum Verdict {
    Publish,
    LeaveOut,
}

/// Reads the articles of a folder written for `generator`.
pub struct ForeignReader<'a> {
    generator: Generator,
    permalinks: &'a Permalinks,
    now: Timestamp,
    notes: Notes,
}

/// When expiry dates are compared: `SOURCE_DATE_EPOCH` when set, so that
/// a build can be made again byte for byte later, else now.
fn clock() -> Timestamp {
    std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|epoch| epoch.trim().parse::<i64>().ok())
        .and_then(|seconds| Timestamp::from_second(seconds).ok())
        .unwrap_or_else(Timestamp::now)
}

impl<'a> ForeignReader<'a> {
    pub fn new(generator: Generator, permalinks: &'a Permalinks) -> Self {
        Self {
            generator,
            permalinks,
            now: clock(),
            notes: Notes::default(),
        }
    }

    /// The article in `source`, or `None` when the generator would not
    /// publish it as one (a section file, an expired page).
    pub fn article(
        &mut self,
        source: &SourceFile,
        text: &str,
        config: &SiteConfig,
        warnings: &mut Vec<Problem>,
    ) -> Option<Result<Article, Vec<Problem>>> {
        let split = if self.generator == Generator::Hugo && !has_front_matter(text) {
            // Hugo publishes a file without front matter, titled by its name.
            Ok((FrontMatter::empty(), text))
        } else {
            split_front_matter(text)
        };
        let (mut front, body) = match split {
            Ok(split) => split,
            Err(error) => {
                return Some(Err(vec![Problem::new(
                    &source.path,
                    Some(error.line),
                    error.message,
                    "",
                )]));
            }
        };
        let facts = FileFacts::of(self.generator, &source.path);
        if let Some((key, why)) = facts.left_out() {
            self.notes
                .add(key, Problem::new(&source.path, None, why, ""));
            return None;
        }
        let body_line = text[..text.len() - body.len()].matches('\n').count() + 1;
        let mut mapping = Mapping {
            front: &mut front,
            facts: &facts,
            notes: &mut self.notes,
            generator: self.generator,
        };
        let verdict = match self.generator {
            Generator::Hugo => hugo::map(&mut mapping, self.permalinks, self.now),
            Generator::Zola => zola::map(&mut mapping),
            Generator::Jekyll => jekyll::map(&mut mapping, self.permalinks),
        };
        if let Verdict::LeaveOut = verdict {
            return None;
        }
        mapping.finish(body, body_line);
        let slug = front
            .fields
            .get("slug")
            .and_then(serde_json::Value::as_str)
            .unwrap_or_default();
        let body = BodyPlace::of(text, body).with_relative_links(slug);
        Some(Article::from_front_matter(
            source, &front, body, config, warnings,
        ))
    }

    /// What was left alone, each thing once.
    pub fn into_notes(self) -> Vec<Problem> {
        self.notes.into_problems()
    }
}
