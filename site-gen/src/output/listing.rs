//! The files a build wrote, as the manifest lists them: sorted by path,
//! each with its digest. A million articles write millions of files, so
//! the paths are held end to end in one buffer rather than one string
//! each, and the digests stay in the map of what was written.

use samizdat_manifest::{FileEntry, FileList};

use super::reuse::{Digest, KeyMap, path_key};

/// Paths in one buffer, each known by where it starts and its length.
#[derive(Default)]
pub struct Paths {
    text: String,
    spans: Vec<(u32, u32)>,
}

impl Paths {
    /// Adds `path`; `false` once the buffer would pass 4 GiB of paths.
    pub fn push(&mut self, path: &str) -> bool {
        let (Ok(start), Ok(length)) = (u32::try_from(self.text.len()), u32::try_from(path.len()))
        else {
            return false;
        };
        if start.checked_add(length).is_none() {
            return false;
        }
        self.text.push_str(path);
        self.spans.push((start, length));
        true
    }

    fn get(&self, (start, length): (u32, u32)) -> &str {
        let start = start as usize;
        &self.text[start..start + length as usize]
    }

    /// Sorts the paths as the manifest lists them, by their bytes.
    pub fn sort(&mut self) {
        let mut spans = std::mem::take(&mut self.spans);
        spans.sort_unstable_by(|&a, &b| self.get(a).cmp(self.get(b)));
        spans.shrink_to_fit();
        self.spans = spans;
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.spans.iter().map(|&span| self.get(span))
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }
}

/// Sorted paths with the digests written there.
pub struct Listing<'a> {
    pub paths: &'a Paths,
    pub written: &'a KeyMap<Digest>,
}

impl FileList for Listing<'_> {
    fn len(&self) -> usize {
        self.paths.len()
    }

    fn each(&self, visit: &mut dyn FnMut(&FileEntry)) {
        for path in self.paths.iter() {
            if let Some(digest) = self.written.get(&path_key(path)) {
                visit(&listed(path, digest));
            }
        }
    }
}

/// A written file as the manifest lists it, made again from its path
/// and digest, which take a third of a [`FileEntry`]'s memory.
pub fn listed(path: &str, digest: &Digest) -> FileEntry {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let sha256 = digest
        .sha256
        .iter()
        .flat_map(|byte| [HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]])
        .map(char::from)
        .collect();
    FileEntry {
        path: path.to_string(),
        size: digest.size,
        sha256,
        content_type: samizdat_manifest::content_type(path).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::Paths;

    #[test]
    fn paths_sort_by_their_bytes_as_a_manifest_lists_them() {
        let mut paths = Paths::default();
        for path in [
            "b/index.html",
            "a/index.html",
            "a-b/index.html",
            "a",
            "é.html",
        ] {
            assert!(paths.push(path));
        }
        paths.sort();
        let sorted: Vec<&str> = paths.iter().collect();
        assert_eq!(
            sorted,
            [
                "a",
                "a-b/index.html",
                "a/index.html",
                "b/index.html",
                "é.html"
            ]
        );
        assert_eq!(paths.len(), 5);
    }
}
