//! Loading an archive from disk: its config, articles, templates and
//! static files. Nothing here interprets an article; `content` does.

mod front_matter;

pub use front_matter::{FrontMatter, split_front_matter};

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::problem::{Problem, Problems};

/// One Markdown article as read from disk.
#[derive(Debug)]
pub struct SourceFile {
    /// The path relative to the archive root, as problems name it.
    pub path: PathBuf,
    pub text: String,
    /// For a page bundle (`name/index.md`), the other files of its folder.
    pub bundle_assets: Vec<PathBuf>,
}

#[derive(Debug)]
pub struct Archive {
    pub root: PathBuf,
    pub config: SiteConfig,
    pub sources: Vec<SourceFile>,
    /// Publisher templates by name, each overriding the built-in one.
    pub templates: Vec<(String, String)>,
    /// Files under `static/`, relative to it.
    pub static_files: Vec<PathBuf>,
    /// What could not be read. Loading goes on past them, so that a build
    /// reports these together with the problems found in the articles.
    pub problems: Vec<Problem>,
}

const CONTENT_DIR: &str = "content";
const TEMPLATES_DIR: &str = "templates";
const STATIC_DIR: &str = "static";

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
        let config = SiteConfig::load(root)
            .map_err(|problem| problems.push(problem))
            .unwrap_or_default();
        let content_root = if root.join(CONTENT_DIR).is_dir() {
            root.join(CONTENT_DIR)
        } else {
            root.to_path_buf()
        };
        let skip = [root.join(TEMPLATES_DIR), root.join(STATIC_DIR)];
        let mut sources = Vec::new();
        for path in walk(&content_root, &skip, &mut problems) {
            if path.extension().is_some_and(|ext| ext == "md") {
                match read_source(root, &path) {
                    Ok(source) => sources.push(source),
                    Err(problem) => problems.push(problem),
                }
            }
        }
        let mut templates = Vec::new();
        for path in walk(&root.join(TEMPLATES_DIR), &[], &mut problems) {
            let name = relative(&root.join(TEMPLATES_DIR), &path)
                .to_string_lossy()
                .replace('\\', "/");
            match std::fs::read(&path).map(String::from_utf8) {
                Ok(Ok(text)) => templates.push((name, text)),
                _ => problems.push(not_utf8(root, &path)),
            }
        }
        let static_root = root.join(STATIC_DIR);
        let static_files = walk(&static_root, &[], &mut problems)
            .iter()
            .map(|path| relative(&static_root, path))
            .collect();
        Ok(Self {
            root: root.to_path_buf(),
            config,
            sources,
            templates,
            static_files,
            problems,
        })
    }
}

fn read_source(root: &Path, path: &Path) -> Result<SourceFile, Problem> {
    let bytes = std::fs::read(path).map_err(|error| {
        Problem::new(
            relative(root, path),
            None,
            format!("cannot read it: {error}"),
            "check its permissions",
        )
    })?;
    let text = String::from_utf8(bytes).map_err(|_| not_utf8(root, path))?;
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
    Ok(SourceFile {
        path: relative(root, path),
        text,
        bundle_assets,
    })
}

fn not_utf8(root: &Path, path: &Path) -> Problem {
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
fn walk(dir: &Path, skip: &[PathBuf], problems: &mut Vec<Problem>) -> Vec<PathBuf> {
    let is_hidden = |entry: &walkdir::DirEntry| {
        entry.depth() > 0 && entry.file_name().to_string_lossy().starts_with('.')
    };
    let mut files = Vec::new();
    let entries = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_entry(|entry| !is_hidden(entry) && !skip.iter().any(|path| path == entry.path()));
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
