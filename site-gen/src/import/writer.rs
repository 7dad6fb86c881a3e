//! The one way imports write an archive: each article as Markdown with
//! YAML front matter in a folder of its own (`content/posts/SLUG/index.md`,
//! pages under `content/pages/`), its media beside it, and a record of
//! what was written so that a second import neither duplicates an
//! article nor overwrites one the publisher has edited.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::disk::write_if_changed;
use super::files::{render, site_toml};
use super::record::{ImportRecord, Written, sha256_hex};
use super::taken::publisher_paths;
use super::{
    ImportError, ImportProgress, ImportReport, Item, ItemKind, Location, MediaSource, Sink,
    SiteInfo,
};
use crate::config::SiteConfig;
use crate::content::{check_slug, slugify};
use samizdat_manifest::check_relative_path;

pub struct ArchiveWriter<'a> {
    root: PathBuf,
    record: ImportRecord,
    report: ImportReport,
    /// Every URL path an article or alias takes, so that none is given twice.
    taken: HashSet<String>,
    /// Item keys met in this import.
    seen: HashSet<String>,
    site: Option<SiteInfo>,
    progress: &'a dyn ImportProgress,
}

enum Outcome {
    Created,
    Updated,
    Unchanged,
    Kept,
}

impl<'a> ArchiveWriter<'a> {
    pub fn open(root: &Path, progress: &'a dyn ImportProgress) -> Result<Self, ImportError> {
        std::fs::create_dir_all(root).map_err(|source| ImportError::Write {
            path: root.to_path_buf(),
            source,
        })?;
        let record = ImportRecord::load(root)?;
        let mut taken = HashSet::new();
        let recorded: HashSet<&str> = record.items.values().map(|w| w.path.as_str()).collect();
        for written in record.items.values() {
            taken.insert(written.slug.clone());
        }
        taken.extend(publisher_paths(root, &recorded));
        Ok(Self {
            root: root.to_path_buf(),
            record,
            report: ImportReport::default(),
            taken,
            seen: HashSet::new(),
            site: None,
            progress,
        })
    }

    /// Writes the record and, for a new archive, `site.toml`; gives the report.
    pub fn finish(mut self) -> Result<ImportReport, ImportError> {
        let config_path = self.root.join(SiteConfig::FILE_NAME);
        if !config_path.exists() {
            let text = site_toml(&self.site.take().unwrap_or_default());
            write_if_changed(&self.root, SiteConfig::FILE_NAME, text.as_bytes())?;
        }
        self.record.save(&self.root)?;
        Ok(self.report)
    }

    fn write_item(&mut self, mut item: Item) -> Result<(), ImportError> {
        if !self.seen.insert(item.key.clone()) {
            self.report.warnings.push((
                item.at.clone(),
                format!(
                    "a second item with the key “{}”: only the first was imported",
                    item.key
                ),
            ));
            *self.report.skipped.entry("duplicates".into()).or_default() += 1;
            return Ok(());
        }
        if item.kind == ItemKind::Post && item.date.is_none() {
            self.report.warnings.push((
                item.at.clone(),
                "a post without a date: imported as a page".into(),
            ));
            item.kind = ItemKind::Page;
        }
        let (slug, path) = match self.record.items.get(&item.key) {
            Some(written) => (written.slug.clone(), written.path.clone()),
            None => self.allocate(&item),
        };
        let aliases = self.claim_aliases(&item, &slug);
        let bytes = render(&item, &slug, &aliases);
        let full = self.root.join(&path);
        let current = std::fs::read(&full).ok();
        let recorded = self.record.items.get(&item.key);
        let outcome = match (&current, recorded) {
            (None, Some(_)) => Outcome::Kept,
            (Some(current), Some(written)) if sha256_hex(current) != written.sha256 => {
                Outcome::Kept
            }
            (Some(current), _) if *current == bytes => Outcome::Unchanged,
            (Some(_), _) => Outcome::Updated,
            (None, None) => Outcome::Created,
        };
        match outcome {
            Outcome::Kept => {
                self.report.kept.push(path);
                return Ok(());
            }
            Outcome::Created => self.report.created += 1,
            Outcome::Updated => self.report.updated += 1,
            Outcome::Unchanged => self.report.unchanged += 1,
        }
        write_if_changed(&self.root, &path, &bytes)?;
        self.report.aliases += aliases.len();
        let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
        let mut media = std::collections::BTreeMap::new();
        for file in item.media {
            if file.name.contains(['/', '\\'])
                || file.name == "index.md"
                || file.name.starts_with('.')
                || check_relative_path(&file.name).is_err()
            {
                self.report.warnings.push((
                    item.at.clone(),
                    format!("a media file named “{}” was left out: the name cannot be a file beside the article", file.name),
                ));
                continue;
            }
            let bytes = match file.source {
                MediaSource::Bytes(bytes) => bytes,
                MediaSource::File(source) => match std::fs::read(&source) {
                    Ok(bytes) => bytes,
                    Err(_) => {
                        self.report.media_missing.push(source.display().to_string());
                        continue;
                    }
                },
                MediaSource::Missing { url } => {
                    self.report.media_missing.push(url);
                    continue;
                }
            };
            if write_if_changed(&self.root, &format!("{folder}/{}", file.name), &bytes)? {
                self.report.media_copied += 1;
            }
            media.insert(file.name, sha256_hex(&bytes));
        }
        self.record.items.insert(
            item.key,
            Written {
                path,
                slug,
                sha256: sha256_hex(&bytes),
                media,
            },
        );
        Ok(())
    }

    /// A slug and path no other article has: the one wanted, else with `-2`, `-3`…
    fn allocate(&mut self, item: &Item) -> (String, String) {
        let wanted = check_slug(&item.slug)
            .ok()
            .filter(|slug| !slug.contains('/'))
            .unwrap_or_else(|| slugify(&item.slug));
        let wanted = if wanted.is_empty() {
            slugify(&item.title)
        } else {
            wanted
        };
        let wanted = match shortened(&wanted) {
            short if short.is_empty() => "untitled".to_string(),
            short => short,
        };
        let section = match item.kind {
            ItemKind::Post => "posts",
            ItemKind::Page => "pages",
        };
        let mut slug = wanted.clone();
        let mut number = 1;
        loop {
            let path = format!("content/{section}/{slug}/index.md");
            if !self.taken.contains(&slug) && !self.root.join(&path).exists() {
                self.taken.insert(slug.clone());
                return (slug, path);
            }
            number += 1;
            slug = format!("{wanted}-{number}");
        }
    }

    /// The item's aliases that are valid paths and free, each taken now.
    /// A re-imported item keeps its own.
    fn claim_aliases(&mut self, item: &Item, slug: &str) -> Vec<String> {
        let mut claimed = Vec::new();
        for alias in &item.aliases {
            let Ok(alias) = check_slug(alias) else {
                self.report.warnings.push((
                    item.at.clone(),
                    format!(
                        "the old address “{alias}” cannot be a path of the site: no redirect for it"
                    ),
                ));
                continue;
            };
            if alias == slug || claimed.contains(&alias) {
                continue;
            }
            if !self.taken.insert(alias.clone()) {
                self.report.warnings.push((
                    item.at.clone(),
                    format!(
                        "the old address “{alias}” is taken by another article: no redirect for it"
                    ),
                ));
                continue;
            }
            claimed.push(alias);
        }
        claimed
    }
}

/// The longest slug an import gives, in bytes: a folder name must stay
/// under the file systems' 255 with room for a `-2` suffix.
const MAX_SLUG_BYTES: usize = 200;

/// `slug` cut to [`MAX_SLUG_BYTES`] at a character boundary.
fn shortened(slug: &str) -> String {
    let mut end = slug.len().min(MAX_SLUG_BYTES);
    while !slug.is_char_boundary(end) {
        end -= 1;
    }
    // Nor may it end with a dot once the hyphens go: `a.-` would be `a.`.
    slug[..end].trim_end_matches(['-', '.', ' ']).to_string()
}

impl Sink for ArchiveWriter<'_> {
    fn site(&mut self, site: SiteInfo) {
        self.site = Some(site);
    }

    fn item(&mut self, item: Item) -> Result<(), ImportError> {
        self.write_item(item)
    }

    fn skipped(&mut self, reason: &str) {
        *self.report.skipped.entry(reason.to_string()).or_default() += 1;
    }

    fn warning(&mut self, at: Location, message: String) {
        self.report.warnings.push((at, message));
    }

    fn progress(&mut self, done: u64, total: u64) {
        self.progress.set(done, total);
    }
}
