//! `site-gen import`: other formats become a Samizdat archive, which
//! `build` then turns into a site. The archive stays the source of truth.
//!
//! Each source format is one [`Importer`]. It reads its source and hands
//! every article it finds to a [`Sink`] as it goes, so a large export is
//! never held in memory. The one sink that matters is the
//! [`writer::ArchiveWriter`]: it writes Markdown with front matter and the
//! media beside it (page bundles), keeps a record of what it wrote, and on
//! a second import updates only what the publisher has not edited since.

mod disk;
mod error;
mod feed;
mod files;
#[cfg(test)]
mod fuzz;
mod guess;
pub mod html;
mod item;
mod mastodon;
mod record;
mod report;
mod taken;
mod text;
pub mod writer;
mod wxr;

use std::path::{Path, PathBuf};

pub use error::ImportError;
pub use guess::guess_format;
pub use item::{Item, ItemKind, Location, Media, MediaSource, SiteInfo};
pub use report::ImportReport;
pub use writer::ArchiveWriter;

/// The formats `site-gen import` reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A WordPress export (WXR 1.0 to 1.2).
    Wxr,
    /// RSS 2.0, Atom or JSON Feed, from a file or a URL.
    Feed,
    /// Mastodon's "Request your archive" zip or tar.gz, or a Lifeboat export.
    Mastodon,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Wxr => "wordpress",
            Format::Feed => "feed",
            Format::Mastodon => "mastodon",
        }
    }
}

/// What to import: a file or folder, or an `https://` URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    Path(PathBuf),
    Url(String),
}

impl Source {
    pub fn parse(text: &str) -> Self {
        if text.starts_with("https://") || text.starts_with("http://") {
            Source::Url(text.to_string())
        } else {
            Source::Path(PathBuf::from(text))
        }
    }

    /// How problems name it.
    pub fn label(&self) -> String {
        match self {
            Source::Path(path) => path.display().to_string(),
            Source::Url(url) => url.clone(),
        }
    }
}

/// Choices that apply to some formats only; each importer reads its own.
#[derive(Clone, Debug, Default)]
pub struct ImportOptions {
    /// WordPress: the `wp-content/uploads` folder, whose files are copied
    /// rather than linked.
    pub uploads: Option<PathBuf>,
    /// Mastodon: boosts are imported as links to the boosted post unless
    /// this is set.
    pub skip_boosts: bool,
    /// Mastodon: followers-only and direct posts are imported only when
    /// this is set.
    pub include_private: bool,
}

/// Reads one source format. An importer sends every article to the sink
/// as soon as it has read it.
pub trait Importer {
    fn import(&mut self, sink: &mut dyn Sink) -> Result<(), ImportError>;
}

/// Where an importer sends what it reads.
pub trait Sink {
    /// Facts about the whole site, for `site.toml` when the archive has none.
    fn site(&mut self, site: SiteInfo);
    /// One article, written (or kept) at once.
    fn item(&mut self, item: Item) -> Result<(), ImportError>;
    /// An item left out on purpose, counted by reason ("draft", "private post").
    fn skipped(&mut self, reason: &str);
    /// Something imported imperfectly, with where in the source it is.
    fn warning(&mut self, at: Location, message: String);
    /// How far the import has come, in any unit (bytes or items).
    fn progress(&mut self, _done: u64, _total: u64) {}
}

/// Told how far an import has come.
pub trait ImportProgress {
    fn set(&self, done: u64, total: u64);
}

impl ImportProgress for crate::Quiet {
    fn set(&self, _done: u64, _total: u64) {}
}

/// The importer for `format`, reading `source`.
pub fn importer(
    format: Format,
    source: &Source,
    options: &ImportOptions,
) -> Result<Box<dyn Importer>, ImportError> {
    match format {
        Format::Wxr => wxr::open(source, options),
        Format::Feed => feed::open(source, options),
        Format::Mastodon => mastodon::open(source, options),
    }
}

/// Imports `source` into the archive at `archive`, creating it if needed.
pub fn import(
    format: Format,
    source: &Source,
    archive: &Path,
    options: &ImportOptions,
    progress: &dyn ImportProgress,
) -> Result<ImportReport, ImportError> {
    let mut importer = importer(format, source, options)?;
    let mut writer = ArchiveWriter::open(archive, progress)?;
    importer.import(&mut writer)?;
    writer.finish()
}
