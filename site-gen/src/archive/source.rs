//! One article's file on disk, read when its article is, with its front
//! matter's limit kept while reading.

use std::path::{Path, PathBuf};

use super::{FRONT_MATTER_LIMIT, FrontMatterError, front_matter_overrun, not_utf8};
use crate::problem::Problem;

/// One Markdown article found on disk. Its text is read when its article
/// is (see [`SourceFile::read_text`]), and not kept: an archive of a
/// million articles is never in memory at once.
#[derive(Debug)]
pub struct SourceFile {
    /// The path relative to the archive root, as problems name it.
    pub path: PathBuf,
    /// For a page bundle (`name/index.md`), the other files of its folder.
    pub bundle_assets: Vec<PathBuf>,
}

impl SourceFile {
    /// The file's text, which must be UTF-8. A front matter that runs
    /// past its limit is refused after reading no more than the limit.
    pub fn read_text(&self, root: &Path) -> Result<String, Problem> {
        let cannot_read = |error: std::io::Error| {
            Problem::new(
                &self.path,
                None,
                format!("cannot read it: {error}"),
                "check its permissions",
            )
        };
        let file = std::fs::File::open(root.join(&self.path)).map_err(cannot_read)?;
        let bytes = match read_article(file).map_err(cannot_read)? {
            Ok(bytes) => bytes,
            Err(overrun) => {
                return Err(Problem::new(
                    &self.path,
                    Some(overrun.line),
                    overrun.message,
                    "",
                ));
            }
        };
        String::from_utf8(bytes).map_err(|_| not_utf8(root, &root.join(&self.path)))
    }
}

/// An article's bytes; or, when its front matter runs past the limit, the
/// error, with no more than the limit and a line's margin read.
pub(crate) fn read_article(
    mut reader: impl std::io::Read,
) -> std::io::Result<Result<Vec<u8>, FrontMatterError>> {
    use std::io::Read;
    let head_size = (FRONT_MATTER_LIMIT + 4096) as u64;
    let mut bytes = Vec::new();
    reader.by_ref().take(head_size).read_to_end(&mut bytes)?;
    if bytes.len() as u64 == head_size
        && let Some(overrun) = front_matter_overrun(&String::from_utf8_lossy(&bytes))
    {
        return Ok(Err(overrun));
    }
    reader.read_to_end(&mut bytes)?;
    Ok(Ok(bytes))
}
