//! What a folder or a bucket holds under the site's root, as its listing
//! says: each file's path, size and, where the store reports one, the MD5
//! of its body.

use futures::TryStreamExt;
use object_store::path::Path as ObjectPath;

use super::{Kind, Store};
use crate::mirror::MirrorError;
use crate::mirror::storage::HeldFile;
use crate::reserved::is_reserved;

impl Store {
    /// Every file under the site's root but the reserved ones, sorted by
    /// path; an HTTP origin cannot be listed, and gives `None`.
    pub(in crate::mirror::storage) fn held_files(
        &self,
    ) -> Option<Result<Vec<HeldFile>, MirrorError>> {
        let mut held = match &self.kind {
            Kind::Folder(dir) => folder_files(dir),
            Kind::S3 => self.bucket_files(),
            Kind::Http => return None,
        };
        if let Ok(files) = &mut held {
            files.retain(|file| !is_reserved(&file.path));
            files.sort_by(|a, b| a.path.cmp(&b.path));
        }
        Some(held)
    }

    fn bucket_files(&self) -> Result<Vec<HeldFile>, MirrorError> {
        let prefix = (!self.prefix.is_empty()).then(|| ObjectPath::from(self.prefix.as_str()));
        let objects = self
            .run(self.inner.list(prefix.as_ref()).try_collect::<Vec<_>>())
            .map_err(|source| MirrorError::Storage {
                location: self.description.clone(),
                source,
            })?;
        Ok(objects
            .into_iter()
            .filter_map(|object| {
                let path = relative_to(object.location.as_ref(), &self.prefix)?;
                Some(HeldFile {
                    path: path.to_string(),
                    size: object.size,
                    md5: object.e_tag.as_deref().and_then(md5_of_etag),
                })
            })
            .collect())
    }
}

/// `key` without the site's `prefix`; `None` for the prefix itself.
fn relative_to<'a>(key: &'a str, prefix: &str) -> Option<&'a str> {
    let path = if prefix.is_empty() {
        key
    } else {
        key.strip_prefix(prefix)?.strip_prefix('/')?
    };
    (!path.is_empty()).then_some(path)
}

/// The MD5 an S3 ETag stands for. A single-part upload's ETag is the hex
/// MD5 of its body; a multipart upload's (`…-N`) is a hash of the parts'
/// hashes, which no local file can be compared with, so it gives `None`.
fn md5_of_etag(etag: &str) -> Option<String> {
    let bare = etag.trim_matches('"');
    (bare.len() == 32 && bare.bytes().all(|byte| byte.is_ascii_hexdigit()))
        .then(|| bare.to_ascii_lowercase())
}

/// A folder's files; a folder not made yet holds none. Its files are
/// compared by reading them, so no checksum is given.
fn folder_files(dir: &std::path::Path) -> Result<Vec<HeldFile>, MirrorError> {
    if !dir.exists() {
        return Ok(Vec::new());
    }
    crate::mirror::folder::list_files(dir)?
        .into_iter()
        .map(|path| {
            let full = dir.join(&path);
            let metadata =
                std::fs::metadata(&full).map_err(|error| MirrorError::io(full, error))?;
            Ok(HeldFile {
                path,
                size: metadata.len(),
                md5: None,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_etag_gives_an_md5_only_for_a_single_part_upload() {
        let md5 = "5d41402abc4b2a76b9719d911017c592";
        assert_eq!(md5_of_etag(&format!("\"{md5}\"")).as_deref(), Some(md5));
        assert_eq!(
            md5_of_etag("\"5D41402ABC4B2A76B9719D911017C592\"").as_deref(),
            Some(md5)
        );
        assert_eq!(md5_of_etag(&format!("\"{md5}-3\"")), None);
        assert_eq!(md5_of_etag("\"1234\""), None);
        assert_eq!(md5_of_etag(""), None);
    }

    #[test]
    fn keys_are_read_relative_to_the_site_prefix() {
        assert_eq!(relative_to("lantern/a/b.html", "lantern"), Some("a/b.html"));
        assert_eq!(relative_to("lanterns/a.html", "lantern"), None);
        assert_eq!(relative_to("index.html", ""), Some("index.html"));
        assert_eq!(relative_to("lantern", "lantern"), None);
    }

    #[test]
    fn a_folder_lists_sizes_and_a_missing_folder_holds_nothing() {
        let work = tempfile::tempdir().unwrap();
        let site = work.path().join("site");
        std::fs::create_dir_all(site.join("a")).unwrap();
        std::fs::write(site.join("a/page.html"), "page").unwrap();
        std::fs::write(site.join(crate::reserved::MANIFEST_PATH), "{}").unwrap();
        let store = Store::folder(&site).unwrap();
        let held = store.held_files().unwrap().unwrap();
        assert_eq!(
            held,
            [HeldFile {
                path: "a/page.html".into(),
                size: 4,
                md5: None
            }]
        );
        let nowhere = Store::folder(&work.path().join("nowhere")).unwrap();
        assert_eq!(nowhere.held_files().unwrap().unwrap(), []);
    }
}
