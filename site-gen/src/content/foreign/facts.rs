//! What a file's place says about it, in the generator that wrote it:
//! its section, its name and the date in that name, whether it is a
//! Jekyll post, and whether it is an article at all.

use std::path::{Path, PathBuf};

use jiff::civil::Date;

use super::dates::split_dated_name;
use crate::archive::Generator;

#[derive(Debug)]
pub struct FileFacts {
    pub path: PathBuf,
    /// The folders between the content root and the file, or its page
    /// bundle, joined with `/`; empty at the root and for Jekyll posts.
    pub section: String,
    /// The file's name without extension, or its bundle folder's name.
    pub name: String,
    pub file_date: Option<Date>,
    /// The name without its date.
    pub bare_name: String,
    /// A Jekyll post, under `_posts/`.
    pub post: bool,
    /// For a Jekyll post, the folders above `_posts/`: its categories.
    pub folder_categories: Vec<String>,
    stem: String,
    in_root: bool,
}

impl FileFacts {
    /// `path` is relative to the folder's root.
    pub fn of(generator: Generator, path: &Path) -> Self {
        let within = match generator {
            Generator::Jekyll => path,
            Generator::Hugo | Generator::Zola => path.strip_prefix("content").unwrap_or(path),
        };
        let stem = within
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let mut folders: Vec<String> = within
            .parent()
            .into_iter()
            .flat_map(Path::components)
            .map(|part| part.as_os_str().to_string_lossy().into_owned())
            .collect();
        let in_root = folders.is_empty();
        let posts_at = folders.iter().position(|folder| folder == "_posts");
        let post = generator == Generator::Jekyll && posts_at.is_some();
        let mut folder_categories = Vec::new();
        if let (true, Some(at)) = (post, posts_at) {
            folder_categories = folders[..at].to_vec();
            folders.clear();
        }
        let name = if stem == "index" && !in_root {
            folders.pop().unwrap_or_default()
        } else {
            stem.clone()
        };
        let (file_date, bare_name) = match split_dated_name(&name) {
            Some((date, rest)) if generator != Generator::Hugo => (Some(date), rest.to_string()),
            _ => (None, name.clone()),
        };
        Self {
            path: path.to_path_buf(),
            section: folders.join("/"),
            name,
            file_date,
            bare_name,
            post,
            folder_categories,
            stem,
            in_root,
        }
    }

    /// Why the file is no article, as a key for notes and what to say.
    pub fn left_out(&self) -> Option<(&'static str, String)> {
        if self.stem == "_index" {
            return Some((
                "section",
                "section files (_index.md) are left out: site-gen lists articles by date and by taxonomy, not by section".into(),
            ));
        }
        if self.stem == "index" && self.in_root {
            return Some((
                "home",
                "left out: the home page is site-gen's own list of articles".into(),
            ));
        }
        None
    }

    /// `name` below the file's section, as a path.
    pub fn in_section(&self, name: &str) -> String {
        if self.section.is_empty() {
            name.to_string()
        } else {
            format!("{}/{name}", self.section)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_names_and_dates_as_each_generator_places_them() {
        let zola = FileFacts::of(
            Generator::Zola,
            Path::new("content/blog/2021-01-10-first.md"),
        );
        assert_eq!(zola.section, "blog");
        assert_eq!(zola.bare_name, "first");
        assert_eq!(zola.file_date, Some("2021-01-10".parse().unwrap()));

        let bundle = FileFacts::of(Generator::Hugo, Path::new("content/posts/storm/index.md"));
        assert_eq!(
            (bundle.section.as_str(), bundle.name.as_str()),
            ("posts", "storm")
        );
        let hugo = FileFacts::of(Generator::Hugo, Path::new("content/posts/2021-01-10-x.md"));
        assert_eq!(hugo.file_date, None, "Hugo keeps the date in the name");

        let post = FileFacts::of(
            Generator::Jekyll,
            Path::new("news/_posts/2020-05-01-tide.md"),
        );
        assert!(post.post);
        assert_eq!(post.folder_categories, ["news"]);
        assert_eq!(post.section, "");
        assert_eq!(post.bare_name, "tide");

        let page = FileFacts::of(Generator::Jekyll, Path::new("about.md"));
        assert!(!page.post && page.left_out().is_none());
        assert!(
            FileFacts::of(Generator::Jekyll, Path::new("index.md"))
                .left_out()
                .is_some()
        );
        assert!(
            FileFacts::of(Generator::Zola, Path::new("content/blog/_index.md"))
                .left_out()
                .is_some()
        );
    }
}
