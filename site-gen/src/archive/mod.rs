//! Loading an archive from disk: its config, articles, templates and
//! static files. Nothing here interprets an article; `content` does.

mod front_matter;
#[cfg(test)]
mod front_matter_fuzz;
#[cfg(test)]
mod front_matter_limits;
pub mod generator;
mod source;

pub use front_matter::{
    FRONT_MATTER_LIMIT, FrontMatter, FrontMatterError, front_matter_overrun, has_front_matter,
    split_front_matter,
};
pub use generator::Generator;
pub use source::SourceFile;
#[cfg(test)]
use source::read_article;

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::problem::{Problem, Problems};
use generator::{Layout, Permalinks, Settings};

#[derive(Debug)]
pub struct Archive {
    pub root: PathBuf,
    pub config: SiteConfig,
    /// The generator the folder was written for, when not site-gen.
    pub generator: Option<Generator>,
    /// The patterns of its articles' old addresses, from its config.
    pub permalinks: Permalinks,
    pub sources: Vec<SourceFile>,
    /// Publisher templates by name, each overriding the built-in one.
    pub templates: Vec<(String, String)>,
    /// Files published as they are, relative to `static_root`.
    pub static_files: Vec<PathBuf>,
    pub static_root: PathBuf,
    /// What could not be read. Loading goes on past them, so that a build
    /// reports these together with the problems found in the articles.
    pub problems: Vec<Problem>,
    /// What another generator's folder has that site-gen leaves alone,
    /// each said once; warnings of the build.
    pub notes: Vec<Problem>,
}

impl Archive {
    pub fn load(root: &Path) -> Result<Self, Problems> {
        if !root.is_dir() {
            return Err(Problem::new(
                root,
                None,
                "no archive folder here",
                "give the folder that holds your articles",
            )
            .into());
        }
        let mut problems = Vec::new();
        let generator = Generator::detect(root);
        let settings = match generator {
            Some(generator) => Settings::read(root, generator)
                .map_err(|problem| problems.push(problem))
                .unwrap_or_default(),
            None => Settings::default(),
        };
        let has_own_config = root.join(SiteConfig::FILE_NAME).is_file();
        let config = if generator.is_some() && !has_own_config {
            settings.config
        } else {
            SiteConfig::load(root)
                .map_err(|problem| problems.push(problem))
                .unwrap_or_default()
        };
        let layout = Layout::new(root, generator, &settings.exclude);
        let mut notes = settings.notes;
        notes.extend(layout.notes.iter().cloned());
        let mut sources = Vec::new();
        let mut static_files = Vec::new();
        let mut liquid = Vec::new();
        let skips = |path: &Path, is_dir: bool| layout.skips(path, is_dir);
        for path in walk(&layout.content_root, &skips, &mut problems) {
            let jekyll = generator == Some(Generator::Jekyll);
            if layout.is_markdown(&path) {
                // Jekyll copies Markdown without front matter as it is.
                if jekyll && !has_front_matter(&first_line(&path)) {
                    static_files.push(relative(root, &path));
                } else {
                    sources.push(source_file(root, &path));
                }
            } else if jekyll {
                if has_front_matter(&first_line(&path)) {
                    liquid.push(relative(root, &path));
                } else {
                    static_files.push(relative(root, &path));
                }
            }
        }
        if let Some(first) = liquid.first() {
            notes.push(Problem::new(
                first,
                None,
                format!(
                    "{} Jekyll file{} with front matter and Liquid (layouts, feeds, Sass) {} not used: site-gen makes its own pages, feeds and stylesheet",
                    liquid.len(),
                    if liquid.len() == 1 { "" } else { "s" },
                    if liquid.len() == 1 { "is" } else { "are" }
                ),
                "",
            ));
        }
        let mut templates = Vec::new();
        if let Some(dir) = &layout.templates {
            for path in walk(dir, &|_, _| false, &mut problems) {
                let name = relative(dir, &path).to_string_lossy().replace('\\', "/");
                match std::fs::read(&path).map(String::from_utf8) {
                    Ok(Ok(text)) => templates.push((name, text)),
                    _ => problems.push(not_utf8(root, &path)),
                }
            }
        }
        let static_root = layout
            .static_root
            .clone()
            .unwrap_or_else(|| root.to_path_buf());
        if let Some(dir) = &layout.static_root {
            static_files = walk(dir, &|_, _| false, &mut problems)
                .iter()
                .map(|path| relative(dir, path))
                .collect();
        }
        if generator.is_some() {
            static_files.retain(|file| {
                let taken = SITE_GEN_FILES.iter().any(|name| file == Path::new(name));
                if taken {
                    notes.push(Problem::new(
                        relative(root, &static_root.join(file)),
                        None,
                        "not copied: site-gen writes this file itself",
                        "",
                    ));
                }
                !taken
            });
        }
        Ok(Self {
            root: root.to_path_buf(),
            config,
            generator,
            permalinks: settings.permalinks,
            sources,
            templates,
            static_files,
            static_root,
            problems,
            notes,
        })
    }
}

/// Files at the root of every site-gen build, which another generator's
/// static files must not replace.
const SITE_GEN_FILES: &[&str] = &[
    "index.html",
    "404.html",
    "robots.txt",
    "sitemap.xml",
    "sitemap_index.xml",
    "atom.xml",
    "rss.xml",
    "feed.json",
    "_headers",
    "_redirects",
];

/// The first line of a file, or nothing when it cannot be read.
fn first_line(path: &Path) -> String {
    use std::io::Read;
    let mut start = [0u8; 8];
    let read = std::fs::File::open(path)
        .and_then(|mut file| file.read(&mut start))
        .unwrap_or(0);
    String::from_utf8_lossy(&start[..read]).into_owned()
}

fn source_file(root: &Path, path: &Path) -> SourceFile {
    let bundle_assets = if path.file_name().is_some_and(|name| name == "index.md") {
        let dir = path.parent().unwrap_or(root);
        let mut assets: Vec<PathBuf> = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|entry| entry.path())
            .filter(|asset| asset.is_file() && asset.extension().is_none_or(|ext| ext != "md"))
            .map(|asset| relative(root, &asset))
            .collect();
        assets.sort();
        assets
    } else {
        Vec::new()
    };
    SourceFile {
        path: relative(root, path),
        bundle_assets,
    }
}

pub(crate) fn not_utf8(root: &Path, path: &Path) -> Problem {
    Problem::new(
        relative(root, path),
        None,
        "the file is not UTF-8 text",
        "save it as UTF-8 in your editor, or remove it",
    )
}

fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

/// Every file below `dir`, sorted so that builds are deterministic. Hidden
/// files and folders are skipped, as editors and VCSs leave them about.
fn walk(
    dir: &Path,
    skip: &dyn Fn(&Path, bool) -> bool,
    problems: &mut Vec<Problem>,
) -> Vec<PathBuf> {
    let is_hidden = |entry: &walkdir::DirEntry| {
        entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
    };
    let mut files = Vec::new();
    let entries = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|entry| !is_hidden(entry) && !skip(entry.path(), entry.file_type().is_dir()));
    for entry in entries {
        match entry {
            Ok(entry) if entry.file_type().is_file() => files.push(entry.into_path()),
            Ok(_) => {}
            Err(error) => {
                let missing = error
                    .io_error()
                    .is_some_and(|error| error.kind() == std::io::ErrorKind::NotFound);
                if !missing {
                    problems.push(Problem::new(
                        error.path().unwrap_or(dir),
                        None,
                        format!("cannot list this folder: {}", describe(&error)),
                        "check its permissions",
                    ));
                }
            }
        }
    }
    files.sort();
    files
}

/// The underlying I/O error, without walkdir's own wording around it.
fn describe(error: &walkdir::Error) -> String {
    error
        .io_error()
        .map_or_else(|| error.to_string(), ToString::to_string)
}
