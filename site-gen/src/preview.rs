//! The edited article's own pages, rendered at once from the model of the
//! last build, so `serve` can show an edit before the rest of the site
//! (lists, feeds, the search index) has been rebuilt around it.
//!
//! Only an edit that leaves the front matter as it was is previewed: the
//! model then still describes the article (its place, title, tags and
//! neighbours), and its body is read from the file when its page is
//! rendered. Any other change waits for the rebuild.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::archive::Archive;
use crate::content::Site;
use crate::render::{Page, render_article};

/// The model of the last successful build, and where its articles come from.
struct Model {
    archive: Archive,
    site: Site,
    /// Each article's source, relative to the archive, by its place.
    by_source: HashMap<PathBuf, usize>,
}

/// Renders single articles from the model the last build used.
pub struct Preview {
    root: PathBuf,
    model: Mutex<Option<Model>>,
}

impl Preview {
    /// A preview of the archive at `root`, which knows nothing until
    /// [`Preview::reload`].
    pub fn new(root: &Path) -> Self {
        Self {
            root: root.to_path_buf(),
            model: Mutex::new(None),
        }
    }

    /// Reads the archive's model again, after a build. An archive that
    /// does not load leaves no model: nothing is previewed until it does.
    pub fn reload(&self) {
        let model = Archive::load(&self.root).ok().and_then(|mut archive| {
            let site = Site::from_archive(&mut archive, false).ok()?;
            let by_source = (site.articles.iter().enumerate())
                .map(|(index, article)| (article.source.to_path_buf(), index))
                .collect();
            Some(Model {
                archive,
                site,
                by_source,
            })
        });
        *self.model.lock().unwrap_or_else(PoisonError::into_inner) = model;
    }

    /// The pages of the article whose file is `changed` (relative to the
    /// archive), with its body as the file holds it now; none when the
    /// file is not a known article, or its front matter changed.
    pub fn pages_of(&self, changed: &Path) -> Option<Vec<Page>> {
        let model = self.model.lock().unwrap_or_else(PoisonError::into_inner);
        let model = model.as_ref()?;
        let &index = model.by_source.get(changed)?;
        // Rendering reads the body, and refuses if the front matter no
        // longer hashes as the model's did.
        render_article(&model.site, &model.archive, index).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::Preview;
    use std::fs;
    use std::path::Path;

    fn archive() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        fs::write(dir.path().join("site.toml"), "title = \"Lantern\"\n").unwrap();
        fs::create_dir_all(dir.path().join("content")).unwrap();
        for (name, title) in [("storm", "Storm"), ("tide", "Tide")] {
            fs::write(
                dir.path().join(format!("content/{name}.md")),
                format!(
                    "---\ntitle: {title}\ndate: 2024-05-0{}\n---\nFirst words.\n",
                    title.len()
                ),
            )
            .unwrap();
        }
        dir
    }

    fn page_text(preview: &Preview, name: &str) -> Option<String> {
        let pages = preview.pages_of(Path::new(name))?;
        let page = pages
            .iter()
            .find(|page| page.path.ends_with("index.html"))?;
        Some(page.contents.clone())
    }

    #[test]
    fn an_edited_body_is_rendered_from_the_file_as_it_is_now() {
        let dir = archive();
        let preview = Preview::new(dir.path());
        assert!(page_text(&preview, "content/storm.md").is_none());
        preview.reload();
        assert!(
            page_text(&preview, "content/storm.md")
                .unwrap()
                .contains("First words.")
        );
        let source = dir.path().join("content/storm.md");
        let edited = fs::read_to_string(&source)
            .unwrap()
            .replace("First", "Second");
        fs::write(&source, edited).unwrap();
        let page = page_text(&preview, "content/storm.md").unwrap();
        assert!(page.contains("Second words."), "{page}");
        assert!(page.contains("Storm"));
    }

    #[test]
    fn a_changed_front_matter_or_an_unknown_file_waits_for_the_rebuild() {
        let dir = archive();
        let preview = Preview::new(dir.path());
        preview.reload();
        let source = dir.path().join("content/tide.md");
        let retitled = fs::read_to_string(&source).unwrap().replace("Tide", "Ebb");
        fs::write(&source, retitled).unwrap();
        assert!(preview.pages_of(Path::new("content/tide.md")).is_none());
        assert!(preview.pages_of(Path::new("content/new.md")).is_none());
        assert!(preview.pages_of(Path::new("site.toml")).is_none());
    }
}
