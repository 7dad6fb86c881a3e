//! What an import did, for the publisher to read once it is over.

use std::collections::BTreeMap;
use std::fmt;

use super::Location;

#[derive(Debug, Default)]
pub struct ImportReport {
    /// Articles written for the first time.
    pub created: usize,
    /// Articles the source changed, rewritten.
    pub updated: usize,
    /// Articles already as the source has them.
    pub unchanged: usize,
    /// Articles the publisher edited or deleted since the last import,
    /// left as they are: their paths.
    pub kept: Vec<String>,
    /// Items left out, counted by reason.
    pub skipped: BTreeMap<String, usize>,
    pub media_copied: usize,
    /// Media the source links to but that could not be copied: kept as
    /// links in the articles, listed here to be fetched by hand.
    pub media_missing: Vec<String>,
    pub aliases: usize,
    pub warnings: Vec<(Location, String)>,
}

impl ImportReport {
    pub fn imported(&self) -> usize {
        self.created + self.updated + self.unchanged
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "imported {} articles: {} new, {} updated, {} unchanged",
            self.imported(),
            self.created,
            self.updated,
            self.unchanged
        )?;
        if !self.kept.is_empty() {
            writeln!(
                f,
                "kept {} articles as you edited them since the last import:",
                self.kept.len()
            )?;
            for path in &self.kept {
                writeln!(f, "  {path}")?;
            }
        }
        if !self.skipped.is_empty() {
            let total: usize = self.skipped.values().sum();
            let reasons: Vec<String> = self
                .skipped
                .iter()
                .map(|(reason, count)| format!("{count} {reason}"))
                .collect();
            writeln!(f, "skipped {total}: {}", reasons.join(", "))?;
        }
        writeln!(
            f,
            "media: {} copied, {} missing",
            self.media_copied,
            self.media_missing.len()
        )?;
        if !self.media_missing.is_empty() {
            writeln!(
                f,
                "missing media, kept as links (fetch them into the article's folder):"
            )?;
            for url in &self.media_missing {
                writeln!(f, "  {url}")?;
            }
        }
        writeln!(f, "aliases written: {}", self.aliases)?;
        if !self.warnings.is_empty() {
            writeln!(f, "{} warnings:", self.warnings.len())?;
            for (at, message) in &self.warnings {
                writeln!(f, "  {at}: {message}")?;
            }
        }
        Ok(())
    }
}
