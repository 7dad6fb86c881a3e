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
/// Each file goes to `emit` as soon as it is made, so that a million
/// articles' URLs are never in memory at once.
pub fn sitemap(
    renderer: &Renderer,
    emit: &mut dyn FnMut(Page) -> Result<(), Problem>,
) -> Result<(), Problem> {
    sitemap_split_at(renderer, SITEMAP_LIMIT, emit)
}

/// The sitemap with at most `limit` URLs a file.
pub fn sitemap_split_at(
    renderer: &Renderer,
    limit: usize,
    emit: &mut dyn FnMut(Page) -> Result<(), Problem>,
) -> Result<(), Problem> {
    let site = renderer.site;
    let Some(base_url) = site.config.base_url.as_deref() else {
        return Ok(());
    };
    let limit = limit.max(1);
    let home = PagePath::root();
    let absolute = |target: &str| link(Some(base_url), &home, target);
    let articles = site.articles.iter().map(|article| {
        let lastmod = article
            .updated
            .or(article.dated.then_some(article.date))
            .map(|date| date.to_string());
        (absolute(article.path.url()), lastmod)
    });
    let terms = site
        .taxonomies
        .iter()
        .flat_map(|taxonomy| &taxonomy.terms)
        .map(|term| (absolute(term.path.url()), None));
    let total =
        1 + site.articles.len() + site.taxonomies.iter().map(|t| t.terms.len()).sum::<usize>();
    let mut urls = std::iter::once((absolute(home.url()), None))
        .chain(articles)
        .chain(terms);
    let source = &templates::source("sitemap.xml");
    if total <= limit {
        let chunk: Vec<(String, Option<String>)> = urls.collect();
        let pages = renderer.page(
            "sitemap.xml".into(),
            "sitemap.xml",
            context! { urls => chunk },
            source,
        )?;
        return pages.into_iter().try_for_each(emit);
    }
    let mut parts = Vec::new();
    loop {
        let chunk: Vec<(String, Option<String>)> = urls.by_ref().take(limit).collect();
        if chunk.is_empty() {
            break;
        }
        let name = format!("sitemap{}.xml", parts.len() + 1);
        parts.push(absolute(&name));
        let pages = renderer.page(name, "sitemap.xml", context! { urls => chunk }, source)?;
        pages.into_iter().try_for_each(&mut *emit)?;
    }
    let pages = renderer.page(
        "sitemap.xml".into(),
        "sitemap_index.xml",
        context! { sitemaps => parts },
        source,
    )?;
    pages.into_iter().try_for_each(emit)
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

        let collect = |limit: usize| {
            let mut pages = Vec::new();
            sitemap_split_at(&renderer, limit, &mut |page| {
                pages.push(page);
                Ok(())
            })
            .unwrap();
            pages
        };
        let whole = collect(SITEMAP_LIMIT);
        assert_eq!(whole.len(), 1, "the example site fits one sitemap");
        let every_url = locs(&whole[0].contents);
        assert!(every_url.len() > 5, "{every_url:?}");

        let split = collect(4);
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
