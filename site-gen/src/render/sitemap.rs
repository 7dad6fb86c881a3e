//! The sitemap, for search engines, which want absolute URLs: it is
//! written only when `site.toml` gives `base_url`.

use minijinja::context;

use super::Page;
use super::feeds::link;
use super::renderer::Renderer;
use super::templates;
use crate::content::PagePath;
use crate::problem::Problem;

/// The most URLs one sitemap file may list, by the sitemaps protocol.
const SITEMAP_LIMIT: usize = 50_000;

/// `sitemap.xml`, or with more than 50,000 URLs, an index of numbered
/// sitemaps. Written only with `base_url`: the protocol wants absolute URLs.
pub fn sitemap(renderer: &Renderer) -> Result<Vec<Page>, Problem> {
    sitemap_split_at(renderer, SITEMAP_LIMIT)
}

/// The sitemap with at most `limit` URLs a file.
pub fn sitemap_split_at(renderer: &Renderer, limit: usize) -> Result<Vec<Page>, Problem> {
    let site = renderer.site;
    let Some(base_url) = site.config.base_url.as_deref() else {
        return Ok(Vec::new());
    };
    let home = PagePath::root();
    let absolute = |target: &str| link(Some(base_url), &home, target);
    let mut urls: Vec<(String, Option<String>)> = vec![(absolute(home.url()), None)];
    for article in &site.articles {
        let lastmod = article
            .updated
            .or(article.dated.then_some(article.date))
            .map(|date| date.to_string());
        urls.push((absolute(article.path.url()), lastmod));
    }
    for taxonomy in &site.taxonomies {
        for term in &taxonomy.terms {
            urls.push((absolute(term.path.url()), None));
        }
    }
    let source = &templates::source("sitemap.xml");
    let chunks: Vec<&[(String, Option<String>)]> = urls.chunks(limit.max(1)).collect();
    if chunks.len() == 1 {
        return renderer.page(
            "sitemap.xml".into(),
            "sitemap.xml",
            context! { urls => urls },
            source,
        );
    }
    let mut pages = Vec::new();
    let mut parts = Vec::new();
    for (index, chunk) in chunks.iter().enumerate() {
        let name = format!("sitemap{}.xml", index + 1);
        parts.push(absolute(&name));
        pages.extend(renderer.page(name, "sitemap.xml", context! { urls => chunk }, source)?);
    }
    pages.extend(renderer.page(
        "sitemap.xml".into(),
        "sitemap_index.xml",
        context! { sitemaps => parts },
        source,
    )?);
    Ok(pages)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Archive;
    use crate::content::Site;

    fn locs(xml: &str) -> Vec<&str> {
        xml.split("<loc>")
            .skip(1)
            .filter_map(|rest| rest.split("</loc>").next())
            .collect()
    }

    #[test]
    fn a_sitemap_over_the_limit_becomes_an_index_of_numbered_sitemaps() {
        let examples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
        let mut archive = Archive::load(&examples).unwrap();
        let site = Site::from_archive(&mut archive, false).unwrap();
        let in_feeds = vec![false; site.articles.len()];
        let renderer = Renderer::new(&site, &archive, &in_feeds).unwrap();

        let whole = sitemap(&renderer).unwrap();
        assert_eq!(whole.len(), 1, "the example site fits one sitemap");
        let every_url = locs(&whole[0].contents);
        assert!(every_url.len() > 5, "{every_url:?}");

        let split = sitemap_split_at(&renderer, 4).unwrap();
        let (index, parts): (Vec<&Page>, Vec<&Page>) =
            split.iter().partition(|page| page.path == "sitemap.xml");
        let expected_parts = every_url.len().div_ceil(4);
        assert_eq!(parts.len(), expected_parts);
        let names: Vec<String> = (1..=expected_parts)
            .map(|n| format!("sitemap{n}.xml"))
            .collect();
        let written: Vec<&str> = parts.iter().map(|page| page.path.as_str()).collect();
        assert_eq!(written, names);
        let mut rejoined = Vec::new();
        for part in &parts {
            let urls = locs(&part.contents);
            assert!(urls.len() <= 4, "{} lists {}", part.path, urls.len());
            assert!(part.contents.contains("<urlset"));
            rejoined.extend(urls);
        }
        assert_eq!(rejoined, every_url, "no URL lost or repeated");
        assert!(index[0].contents.contains("<sitemapindex"));
        let listed: Vec<String> = names
            .iter()
            .map(|name| format!("https://lantern.example/{name}"))
            .collect();
        assert_eq!(locs(&index[0].contents), listed);
    }
}
