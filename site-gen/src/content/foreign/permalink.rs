//! Permalink patterns, as Jekyll's `permalink` and Hugo's `[permalinks]`
//! write them (`/:categories/:year/:month/:day/:title/`): each article's
//! old address, computed so that an alias keeps it working.

use jiff::civil::Date;

/// What a pattern's placeholders stand for, for one article.
#[derive(Debug, Default)]
pub struct Facts<'a> {
    pub date: Option<Date>,
    /// `:title`: Jekyll's is the file name's slug, Hugo's the title's.
    pub title: &'a str,
    /// `:slug`: the front matter's slug, else the title's.
    pub slug: &'a str,
    /// The file name without its date and extension.
    pub filename: &'a str,
    pub categories: &'a [String],
    /// The content section, such as `posts`.
    pub section: &'a str,
}

/// Jekyll's named styles, as its documentation lists them.
fn jekyll_style(name: &str) -> Option<&'static str> {
    Some(match name {
        "date" => "/:categories/:year/:month/:day/:title:output_ext",
        "pretty" => "/:categories/:year/:month/:day/:title/",
        "ordinal" => "/:categories/:year/:y_day/:title:output_ext",
        "weekdate" => "/:categories/:year/W:week/:short_day/:title:output_ext",
        "none" => "/:categories/:title:output_ext",
        _ => return None,
    })
}

/// The pattern a named style stands for, or the pattern itself.
pub fn resolve(pattern: &str) -> &str {
    jekyll_style(pattern).unwrap_or(pattern)
}

/// Whether a `permalink` is a pattern rather than one literal address.
pub fn is_pattern(permalink: &str) -> bool {
    jekyll_style(permalink).is_some() || permalink.contains(':')
}

/// The address `pattern` gives an article, as a folder path without
/// leading or trailing `/`; an unknown placeholder comes back as the error.
pub fn expand(pattern: &str, facts: &Facts) -> Result<String, String> {
    let pattern = resolve(pattern);
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(start) = rest.find(':') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(after.len());
        out.push_str(&placeholder(&after[..end], facts)?);
        rest = &after[end..];
    }
    out.push_str(rest);
    Ok(folder_form(&out))
}

fn placeholder(name: &str, facts: &Facts) -> Result<String, String> {
    let date = |format: &str| {
        facts
            .date
            .map(|date| date.strftime(format).to_string())
            .unwrap_or_default()
    };
    Ok(match name {
        "year" => date("%Y"),
        "short_year" => date("%y"),
        "month" => date("%m"),
        "i_month" => date("%-m"),
        "day" => date("%d"),
        "i_day" => date("%-d"),
        "y_day" => date("%j"),
        "week" => date("%V"),
        "short_day" => date("%a"),
        "title" => facts.title.to_string(),
        "slug" | "slugorfilename" | "slugorcontentbasename" => facts.slug.to_string(),
        "filename" | "contentbasename" | "name" => facts.filename.to_string(),
        "categories" => facts
            .categories
            .iter()
            .map(|category| crate::content::slugify(category))
            .filter(|category| !category.is_empty())
            .collect::<Vec<_>>()
            .join("/"),
        "section" | "sections" => facts.section.to_string(),
        "output_ext" => ".html".into(),
        other => return Err(format!(":{other}")),
    })
}

/// A URL path as site-gen places pages: no leading or trailing `/`, no
/// empty parts, and `name.html` or `name/index.html` served as `name/`.
pub fn folder_form(path: &str) -> String {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    let path = path.strip_suffix("index.html").unwrap_or(path);
    let path = path.strip_suffix(".html").unwrap_or(path);
    path.split('/')
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join("/")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn facts<'a>(categories: &'a [String]) -> Facts<'a> {
        Facts {
            date: Some("2021-01-05".parse().unwrap()),
            title: "first-light",
            slug: "first-light",
            filename: "first-light",
            categories,
            section: "posts",
        }
    }

    #[test]
    fn patterns_and_named_styles_expand_for_each_article() {
        let categories = ["Harbour News".to_string(), "boats".to_string()];
        let facts = facts(&categories);
        let expand = |pattern| expand(pattern, &facts).unwrap();
        assert_eq!(
            expand("/:categories/:year/:month/:day/:title/"),
            "harbour-news/boats/2021/01/05/first-light"
        );
        assert_eq!(expand("date"), "harbour-news/boats/2021/01/05/first-light");
        assert_eq!(expand("pretty"), expand("date"));
        assert_eq!(expand("none"), "harbour-news/boats/first-light");
        assert_eq!(
            expand("/:year/:i_month/:i_day/:slug.html"),
            "2021/1/5/first-light"
        );
        assert_eq!(
            expand("/:section/:year/:filename/"),
            "posts/2021/first-light"
        );
    }

    #[test]
    fn an_article_without_categories_leaves_no_empty_folder() {
        assert_eq!(
            expand("/:categories/:year/:title/", &facts(&[])).unwrap(),
            "2021/first-light"
        );
    }

    #[test]
    fn an_unknown_placeholder_is_named() {
        assert_eq!(expand("/:year/:mood/", &facts(&[])).unwrap_err(), ":mood");
        assert!(is_pattern("pretty") && is_pattern("/:year/:title/"));
        assert!(!is_pattern("/about-us/"));
    }

    #[test]
    fn html_addresses_become_folders() {
        assert_eq!(folder_form("/2020/old-page.html"), "2020/old-page");
        assert_eq!(folder_form("/about/index.html"), "about");
        assert_eq!(folder_form("//a//b/"), "a/b");
    }
}
