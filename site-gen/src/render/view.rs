//! How templates see articles and links.

use serde::Serialize;

use crate::content::Article;

/// An article as templates see it. `url` is relative to the site root.
#[derive(Serialize)]
pub struct ArticleView<'a> {
    pub title: &'a str,
    pub url: String,
    pub date: String,
    pub date_iso: String,
    pub updated_iso: Option<String>,
    pub description: Option<&'a str>,
    pub tags: &'a [String],
    pub categories: &'a [String],
    pub authors: &'a [String],
    pub lang: &'a str,
    pub image: Option<&'a str>,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
}

pub fn article_view(article: &Article) -> ArticleView<'_> {
    ArticleView {
        title: &article.title,
        url: format!("{}/", article.slug),
        date: article.date.strftime("%Y-%m-%d").to_string(),
        date_iso: article.date.to_string(),
        updated_iso: article.updated.map(|updated| updated.to_string()),
        description: article.description.as_deref(),
        tags: &article.tags,
        categories: &article.categories,
        authors: &article.authors,
        lang: &article.lang,
        image: article.image.as_deref(),
        extra: &article.extra,
    }
}

/// The relative path from the file at `path` back to the site root:
/// `./` at the root, `../` one folder down, and so on.
pub fn path_to_root(path: &str) -> String {
    match path.matches('/').count() {
        0 => "./".to_string(),
        depth => "../".repeat(depth),
    }
}

#[cfg(test)]
mod tests {
    use super::path_to_root;

    #[test]
    fn climbs_one_level_per_folder() {
        assert_eq!(path_to_root("index.html"), "./");
        assert_eq!(path_to_root("a/index.html"), "../");
        assert_eq!(path_to_root("tags/x/page/2/index.html"), "../../../../");
    }
}
