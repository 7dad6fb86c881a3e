//! Where a page lives in the output. Each page's address is made once,
//! when the model is built; rendering and host files only read it.

/// A page's folder relative to the site root, served by its `index.html`:
/// empty for the home page, else ending in `/` (`tags/sea/`). This is also
/// the page's URL relative to the site root.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct PagePath(Box<str>);

impl PagePath {
    /// The home page.
    pub fn root() -> Self {
        Self(Box::default())
    }

    /// The page at `folder`, a checked path such as a slug or an alias.
    pub fn folder(folder: &str) -> Self {
        if folder.is_empty() {
            Self::root()
        } else {
            Self(format!("{folder}/").into())
        }
    }

    /// The page at `name`, one folder below this one.
    pub fn child(&self, name: &str) -> Self {
        Self(format!("{}{name}/", self.0).into())
    }

    /// The `number`th page of a list that starts here, counting from 1.
    pub fn numbered(&self, number: usize) -> Self {
        if number == 1 {
            self.clone()
        } else {
            Self(format!("{}page/{number}/", self.0).into())
        }
    }

    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }

    /// The URL relative to the site root.
    pub fn url(&self) -> &str {
        &self.0
    }

    /// The folder without its final `/`, as publishers write it.
    pub fn name(&self) -> &str {
        self.0.trim_end_matches('/')
    }

    /// A file in this folder, relative to the site root.
    pub fn file(&self, name: &str) -> String {
        format!("{}{name}", self.0)
    }

    /// The page's own file.
    pub fn index_file(&self) -> String {
        self.file("index.html")
    }

    /// The relative path from this page back to the site root: `./` at
    /// the root, `../` one folder down, and so on.
    pub fn to_root(&self) -> String {
        match self.0.matches('/').count() {
            0 => "./".to_string(),
            depth => "../".repeat(depth),
        }
    }

    /// A relative link to this page from the page at `from`, through the
    /// site root.
    pub fn link_from(&self, from: &PagePath) -> String {
        format!("{}{}", from.to_root(), self.0)
    }

    /// A relative link to this page from `folder`, which holds it.
    pub fn below(&self, folder: &PagePath) -> &str {
        self.0.strip_prefix(&*folder.0).unwrap_or(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::PagePath;

    #[test]
    fn files_and_links_follow_the_folder() {
        let home = PagePath::root();
        let tag = PagePath::folder("tags").child("sea");
        assert_eq!(tag.url(), "tags/sea/");
        assert_eq!(tag.name(), "tags/sea");
        assert_eq!(tag.index_file(), "tags/sea/index.html");
        assert_eq!(home.index_file(), "index.html");
        assert_eq!(tag.numbered(1), tag);
        assert_eq!(tag.numbered(3).url(), "tags/sea/page/3/");
        assert_eq!(home.numbered(2).url(), "page/2/");
        assert_eq!(home.to_root(), "./");
        assert_eq!(tag.numbered(2).to_root(), "../../../../");
        assert_eq!(tag.link_from(&home.numbered(2)), "../../tags/sea/");
        assert_eq!(tag.below(&PagePath::folder("tags")), "sea/");
    }
}
