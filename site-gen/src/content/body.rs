//! An article's Markdown body is not kept in the model: the model keeps
//! where it starts in its file, and the job that renders the article reads
//! it then. Memory so grows with the articles' front matter, not their
//! text, which lets a build hold a million articles.

use std::hash::{Hash, Hasher};
use std::path::Path;

use crate::problem::Problem;

/// Where an article's body is in its file, and what to make of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyPlace {
    /// The body's first byte in the file (after the front matter, and
    /// after a byte-order mark when there is no front matter).
    start: usize,
    /// A hash of the bytes before `start`: a file whose front matter
    /// changed after loading no longer matches the model built from it.
    head: u64,
    /// For another generator's folder: the slug its root links are made
    /// relative to, as they were when the article was loaded.
    relative_links_from: Option<Box<str>>,
}

impl BodyPlace {
    /// The body of `text` as the slice `body` of it, which must end it.
    pub fn of(text: &str, body: &str) -> Self {
        let start = text.len().saturating_sub(body.len());
        Self {
            start,
            head: hash_of(&text.as_bytes()[..start]),
            relative_links_from: None,
        }
    }

    /// Root links in the body are to be made relative to the page at
    /// `slug`, as another generator's content has them.
    pub fn with_relative_links(mut self, slug: &str) -> Self {
        self.relative_links_from = Some(slug.into());
        self
    }

    /// Reads the body from `file` (the archive's `root` joined with
    /// `relative`, which problems name).
    pub fn read(&self, root: &Path, relative: &Path) -> Result<String, Problem> {
        let changed = || {
            Problem::new(
                relative,
                None,
                "the file's front matter changed while the site was being built",
                "build again",
            )
        };
        let mut bytes = std::fs::read(root.join(relative)).map_err(|error| {
            Problem::new(
                relative,
                None,
                format!("cannot read it again to render it: {error}"),
                "keep the archive in place while the site is built, then build again",
            )
        })?;
        if bytes.len() < self.start || hash_of(&bytes[..self.start]) != self.head {
            return Err(changed());
        }
        bytes.drain(..self.start);
        let body = String::from_utf8(bytes).map_err(|_| {
            Problem::new(
                relative,
                None,
                "the file is not UTF-8 text",
                "save it as UTF-8 in your editor, or remove it",
            )
        })?;
        Ok(match &self.relative_links_from {
            Some(slug) => super::foreign::links::relative_to_page(&body, slug),
            None => body,
        })
    }
}

fn hash_of(bytes: &[u8]) -> u64 {
    // SipHash with fixed keys: the same bytes always give the same hash.
    let mut hasher = std::hash::DefaultHasher::new();
    bytes.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::split_front_matter;

    fn place_of(dir: &Path, name: &str, text: &str) -> BodyPlace {
        std::fs::write(dir.join(name), text).unwrap();
        let (_, body) = split_front_matter(text).unwrap();
        BodyPlace::of(text, body)
    }

    #[test]
    fn reads_the_body_after_yaml_or_toml_front_matter() {
        let dir = tempfile::tempdir().unwrap();
        for (name, text) in [
            ("yaml.md", "---\ntitle: A\n---\nBody *one*.\n"),
            ("toml.md", "+++\ntitle = \"A\"\n+++\nBody *one*.\n"),
        ] {
            let place = place_of(dir.path(), name, text);
            assert_eq!(
                place.read(dir.path(), Path::new(name)).unwrap(),
                "Body *one*.\n"
            );
        }
    }

    #[test]
    fn a_byte_order_mark_and_crlf_lines_are_kept_out_of_the_body() {
        let dir = tempfile::tempdir().unwrap();
        let text = "\u{feff}---\r\ntitle: A\r\n---\r\nLine one\r\nLine two\r\n";
        let place = place_of(dir.path(), "crlf.md", text);
        assert_eq!(
            place.read(dir.path(), Path::new("crlf.md")).unwrap(),
            "Line one\r\nLine two\r\n"
        );
    }

    #[test]
    fn delimiters_inside_the_body_stay_in_it() {
        let dir = tempfile::tempdir().unwrap();
        let text = "---\ntitle: A\n---\nAbove\n\n---\n\nBelow +++\n";
        let place = place_of(dir.path(), "rule.md", text);
        assert_eq!(
            place.read(dir.path(), Path::new("rule.md")).unwrap(),
            "Above\n\n---\n\nBelow +++\n"
        );
    }

    #[test]
    fn a_body_edited_after_loading_is_read_as_it_now_is() {
        let dir = tempfile::tempdir().unwrap();
        let place = place_of(dir.path(), "a.md", "---\ntitle: A\n---\nOld.\n");
        std::fs::write(
            dir.path().join("a.md"),
            "---\ntitle: A\n---\nNew, and longer.\n",
        )
        .unwrap();
        assert_eq!(
            place.read(dir.path(), Path::new("a.md")).unwrap(),
            "New, and longer.\n"
        );
    }

    #[test]
    fn front_matter_edited_after_loading_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let place = place_of(dir.path(), "a.md", "---\ntitle: A\n---\nBody.\n");
        for edited in ["---\ntitle: B\n---\nBody.\n", "---\n", ""] {
            std::fs::write(dir.path().join("a.md"), edited).unwrap();
            let problem = place.read(dir.path(), Path::new("a.md")).unwrap_err();
            assert_eq!(problem.file, Path::new("a.md"));
            assert!(problem.message.contains("changed"), "{problem}");
            assert_eq!(problem.hint, "build again");
        }
    }

    #[test]
    fn a_removed_or_no_longer_utf8_file_names_itself() {
        let dir = tempfile::tempdir().unwrap();
        let place = place_of(dir.path(), "a.md", "---\ntitle: A\n---\nBody.\n");
        std::fs::write(dir.path().join("a.md"), b"---\ntitle: A\n---\n\xff\xfe\n").unwrap();
        let problem = place.read(dir.path(), Path::new("a.md")).unwrap_err();
        assert!(problem.message.contains("UTF-8"), "{problem}");
        std::fs::remove_file(dir.path().join("a.md")).unwrap();
        let problem = place.read(dir.path(), Path::new("a.md")).unwrap_err();
        assert_eq!(problem.file, Path::new("a.md"));
        assert!(problem.message.contains("cannot read"), "{problem}");
    }

    #[test]
    fn another_generators_root_links_are_made_relative_on_reading() {
        let dir = tempfile::tempdir().unwrap();
        let place = place_of(
            dir.path(),
            "a.md",
            "---\ntitle: A\n---\n![storm](/images/storm.jpg)\n",
        )
        .with_relative_links("posts/storm");
        assert_eq!(
            place.read(dir.path(), Path::new("a.md")).unwrap(),
            "![storm](../../images/storm.jpg)\n"
        );
    }
}
