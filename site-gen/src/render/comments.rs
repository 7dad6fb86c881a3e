//! An article's comments section, from the snapshot kept in the archive.

use minijinja::Value;

use super::renderer::Renderer;
use super::ui_text;
use crate::comments::{Labels, load, render_section, snapshot_path};
use crate::content::Article;
use crate::problem::Problem;

impl Renderer<'_> {
    /// The section as safe HTML, or none when the article names no post.
    pub fn comments_section(&self, article: &Article) -> Result<Option<Value>, Problem> {
        let Some(source) = &article.comments else {
            return Ok(None);
        };
        let path = snapshot_path(&self.archive_root, &article.slug);
        let snapshot = load(&path).map_err(|error| {
            Problem::new(
                path.strip_prefix(&self.archive_root).unwrap_or(&path),
                None,
                error.to_string(),
                error.hint(),
            )
        })?;
        let t = ui_text::for_language(&article.lang);
        let labels = Labels {
            comments: t["comments"],
            total: t["comments_total"],
            none: t["comments_none"],
            cut_short: t["comments_cut_short"],
            replies: t["comment_replies"],
            boosts: t["comment_boosts"],
            favourites: t["comment_favourites"],
            content_warning: t["content_warning"],
            reply_on: t["reply_on"],
            reply_elsewhere: t["reply_elsewhere"],
            reply: t["reply"],
        };
        Ok(Some(Value::from_safe_string(render_section(
            source,
            snapshot.as_ref(),
            &labels,
        ))))
    }
}
