//! `site-gen new`: a new article with its front matter filled in.

use std::path::{Path, PathBuf};

use crate::content::slugify;
use crate::problem::Problem;

/// Writes a draft article titled `title`, dated `now`, into the archive's
/// `content/` folder (or its root when it has none). Never overwrites.
pub fn new_article(archive: &Path, title: &str, now: jiff::Timestamp) -> Result<PathBuf, Problem> {
    let slug = slugify(title);
    if slug.is_empty() {
        return Err(Problem::new(
            archive,
            None,
            format!("“{title}” has no letters or digits to name the file after"),
            "give a title with words in it",
        ));
    }
    let content = archive.join("content");
    let dir = if content.is_dir() {
        content
    } else {
        archive.to_path_buf()
    };
    let path = dir.join(format!("{slug}.md"));
    if path.exists() {
        return Err(Problem::new(
            &path,
            None,
            "an article with this name exists already",
            "choose another title, or edit that file",
        ));
    }
    std::fs::create_dir_all(&dir).map_err(|error| {
        Problem::new(
            &dir,
            None,
            format!("cannot create the folder: {error}"),
            "check permissions",
        )
    })?;
    let title = serde_json::to_string(title).unwrap_or_default();
    let text = format!(
        "---\ntitle: {title}\ndate: {}\ndraft: true\ntags: []\nauthors: []\n---\n\nWrite here. Remove `draft: true` to publish.\n",
        now.strftime("%Y-%m-%dT%H:%M:%SZ")
    );
    std::fs::write(&path, text).map_err(|error| {
        Problem::new(
            &path,
            None,
            format!("cannot write: {error}"),
            "check permissions",
        )
    })?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::split_front_matter;

    #[test]
    fn scaffolds_a_draft_that_parses_and_never_overwrites() {
        let archive = tempfile::tempdir().unwrap();
        std::fs::create_dir(archive.path().join("content")).unwrap();
        let now: jiff::Timestamp = "2026-11-29T10:00:00Z".parse().unwrap();
        let path = new_article(archive.path(), "L'été \"chaud\"", now).unwrap();
        assert_eq!(path, archive.path().join("content/l-été-chaud.md"));
        let text = std::fs::read_to_string(&path).unwrap();
        let (front, _) = split_front_matter(&text).unwrap();
        assert_eq!(front.fields["title"], "L'été \"chaud\"");
        assert_eq!(front.fields["draft"], true);
        assert!(
            new_article(archive.path(), "L'été \"chaud\"", now)
                .unwrap_err()
                .message
                .contains("exists")
        );
        assert!(new_article(archive.path(), "!!!", now).is_err());
    }
}
