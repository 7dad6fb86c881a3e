//! Where things are in a folder: which folders hold content, templates
//! and static files, and which belong to another generator and are left
//! alone, each named once in the build's warnings.

use std::path::{Path, PathBuf};

use super::Generator;
use crate::problem::Problem;

const CONTENT_DIR: &str = "content";
const TEMPLATES_DIR: &str = "templates";
const STATIC_DIR: &str = "static";

#[derive(Debug)]
pub struct Layout {
    pub generator: Option<Generator>,
    pub content_root: PathBuf,
    /// The publisher's templates: a site-gen archive's alone.
    pub templates: Option<PathBuf>,
    /// The folder of static files. A Jekyll site has none: its plain
    /// files among the content are published as they are.
    pub static_root: Option<PathBuf>,
    /// The folders left alone, each said once.
    pub notes: Vec<Problem>,
    root: PathBuf,
    /// Never read: another generator's folders, and Jekyll's `exclude`.
    skipped: Vec<PathBuf>,
}

/// Folders another generator keeps beside its content, and why site-gen
/// leaves each alone.
const HUGO_FOLDERS: &[(&str, &str)] = &[
    (
        "layouts",
        "Hugo layouts/ is not used: site-gen renders with its own templates",
    ),
    (
        "themes",
        "themes/ is not used: site-gen renders with its own templates and stylesheet",
    ),
    (
        "archetypes",
        "Hugo archetypes/ is not used: they are the models of new content, not content",
    ),
    (
        "assets",
        "Hugo assets/ is not used: site-gen has its own stylesheet; files to publish as they are belong in static/",
    ),
    (
        "data",
        "data/ is not used: site-gen's templates read no data files",
    ),
    (
        "i18n",
        "i18n/ is not used: site-gen has its own interface text in each language",
    ),
    (
        "resources",
        "resources/ is not read: it is Hugo's cache of generated files",
    ),
    (
        "public",
        "public/ is not read: it is the generator's output",
    ),
];
const ZOLA_FOLDERS: &[(&str, &str)] = &[
    (
        "templates",
        "Zola templates/ (Tera) is not used: site-gen renders with its own templates",
    ),
    (
        "themes",
        "themes/ is not used: site-gen renders with its own templates and stylesheet",
    ),
    ("sass", "sass/ is not used: site-gen has its own stylesheet"),
    (
        "public",
        "public/ is not read: it is the generator's output",
    ),
];
const JEKYLL_FOLDERS: &[(&str, &str)] = &[
    (
        "_layouts",
        "Jekyll _layouts/ is not used: site-gen renders with its own templates",
    ),
    (
        "_includes",
        "Jekyll _includes/ is not used: site-gen renders with its own templates",
    ),
    (
        "_sass",
        "_sass/ is not used: site-gen has its own stylesheet",
    ),
    (
        "_data",
        "_data/ is not used: site-gen's templates read no data files",
    ),
    ("_site", "_site/ is not read: it is Jekyll's output"),
    ("_drafts", "_drafts/ is not published: drafts stay drafts"),
];
/// Jekyll's own default `exclude`, besides `_` and `.` names.
const JEKYLL_NEVER_PUBLISHED: &[&str] = &["Gemfile", "Gemfile.lock", "node_modules", "vendor"];

impl Layout {
    pub fn new(root: &Path, generator: Option<Generator>, exclude: &[String]) -> Self {
        let mut layout = Self {
            generator,
            content_root: root.join(CONTENT_DIR),
            templates: None,
            static_root: Some(root.join(STATIC_DIR)),
            notes: Vec::new(),
            root: root.to_path_buf(),
            skipped: Vec::new(),
        };
        let folders = match generator {
            None => {
                if !layout.content_root.is_dir() {
                    layout.content_root = root.to_path_buf();
                }
                layout.templates = Some(root.join(TEMPLATES_DIR));
                layout.skipped = vec![root.join(TEMPLATES_DIR), root.join(STATIC_DIR)];
                return layout;
            }
            Some(Generator::Hugo) => HUGO_FOLDERS,
            Some(Generator::Zola) => ZOLA_FOLDERS,
            Some(Generator::Jekyll) => {
                layout.content_root = root.to_path_buf();
                layout.static_root = None;
                JEKYLL_FOLDERS
            }
        };
        for (folder, why) in folders {
            if root.join(folder).is_dir() {
                layout.notes.push(Problem::new(*folder, None, *why, ""));
            }
        }
        if generator == Some(Generator::Jekyll) {
            layout.note_other_underscore_folders();
            layout.skipped = JEKYLL_NEVER_PUBLISHED
                .iter()
                .copied()
                .chain(exclude.iter().map(String::as_str))
                .map(|name| root.join(name))
                .collect();
        }
        layout
    }

    /// Whether the content walk leaves out `path`, a folder or a file.
    pub fn skips(&self, path: &Path, is_dir: bool) -> bool {
        if self.skipped.iter().any(|skipped| skipped == path) {
            return true;
        }
        if self.generator != Some(Generator::Jekyll) || path == self.root {
            return false;
        }
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy())
            .unwrap_or_default();
        // Jekyll reads `_posts/` at any depth, and nothing else whose
        // name starts with `_`; files starting with `#` or `~` are an
        // editor's leftovers.
        if is_dir {
            name.starts_with('_') && name != "_posts"
        } else {
            name.starts_with(['_', '#', '~']) || name == crate::config::SiteConfig::FILE_NAME
        }
    }

    /// Whether `path` is Markdown that may hold an article.
    pub fn is_markdown(&self, path: &Path) -> bool {
        path.extension()
            .is_some_and(|ext| ext == "md" || (self.generator.is_some() && ext == "markdown"))
    }

    /// Jekyll's collections and plugin folders: site-gen publishes
    /// `_posts/` and the root's pages, nothing else starting with `_`.
    fn note_other_underscore_folders(&mut self) {
        let mut others: Vec<String> = std::fs::read_dir(&self.root)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|entry| entry.path().is_dir())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| {
                name.starts_with('_')
                    && name != "_posts"
                    && !JEKYLL_FOLDERS.iter().any(|(folder, _)| folder == name)
            })
            .collect();
        others.sort();
        for name in others {
            self.notes.push(Problem::new(
                &name,
                None,
                format!("{name}/ is not read: site-gen publishes _posts/ and the pages outside `_` folders, not other collections"),
                "",
            ));
        }
    }
}
