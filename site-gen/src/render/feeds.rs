//! Feeds (Atom, RSS 2.0, JSON Feed 1.1) and the sitemap.
//!
//! Feed readers and search engines want absolute URLs, which only
//! `base_url` can give. Without it, feeds use links relative to the feed
//! itself, which readers resolve against the URL they fetched it from.

use minijinja::context;
use serde_json::json;

use super::view::path_to_root;
use super::{Page, Renderer};
use crate::problem::Problem;

/// How many of the newest articles a feed carries.
const FEED_ITEMS: usize = 20;
/// The most URLs one sitemap file may list, by the sitemaps protocol.
const SITEMAP_LIMIT: usize = 50_000;

/// Which articles some feed carries: the newest of the site and of each
/// taxonomy term that has feeds.
pub fn articles_in_feeds(count: usize, taxonomies: &[super::taxonomy::Taxonomy]) -> Vec<bool> {
    let mut needed = vec![false; count];
    needed
        .iter_mut()
        .take(FEED_ITEMS)
        .for_each(|slot| *slot = true);
    for taxonomy in taxonomies
        .iter()
        .filter(|taxonomy| taxonomy.kind.has_feeds())
    {
        for term in &taxonomy.terms {
            for &index in term.articles.iter().take(FEED_ITEMS) {
                needed[index] = true;
            }
        }
    }
    needed
}

/// The URL of `path` (relative to the site root) as seen from `from`.
fn link(base_url: Option<&str>, from: &str, path: &str) -> String {
    match base_url {
        Some(base) => format!("{}/{path}", base.trim_end_matches('/')),
        None => format!("{}{path}", path_to_root(from)),
    }
}

fn rfc2822(timestamp: jiff::Timestamp) -> String {
    timestamp
        .strftime("%a, %d %b %Y %H:%M:%S +0000")
        .to_string()
}

pub fn render(
    renderer: &Renderer,
    base: &str,
    title: &str,
    articles: &[usize],
) -> Result<Vec<Page>, Problem> {
    let site = renderer.site;
    let config = &site.config;
    let base_url = config.base_url.as_deref();
    let newest: Vec<usize> = articles.iter().copied().take(FEED_ITEMS).collect();
    let updated = newest
        .iter()
        .map(|&index| {
            site.articles[index]
                .updated
                .unwrap_or(site.articles[index].date)
        })
        .max()
        .unwrap_or_default();
    let mut pages = Vec::new();

    for (file, template) in [("atom.xml", "atom.xml"), ("rss.xml", "rss.xml")] {
        let path = format!("{base}{file}");
        let items: Vec<minijinja::Value> = newest
            .iter()
            .map(|&index| {
                let article = &site.articles[index];
                context! {
                    title => &article.title,
                    url => link(base_url, &path, &format!("{}/", article.slug)),
                    date_iso => article.date.to_string(),
                    date_rfc2822 => rfc2822(article.date),
                    updated_iso => article.updated.unwrap_or(article.date).to_string(),
                    authors => &article.authors,
                    tags => &article.tags,
                    lang => &article.lang,
                    description => &article.description,
                    content => renderer.body(index),
                }
            })
            .collect();
        let context = context! {
            site => config,
            title => title,
            self_url => link(base_url, &path, &path),
            home_url => link(base_url, &path, base),
            updated_iso => updated.to_string(),
            updated_rfc2822 => rfc2822(updated),
            items => items,
        };
        pages.extend(renderer.page(
            path,
            template,
            context,
            std::path::Path::new(&format!("templates/{template}")),
        )?);
    }

    let path = format!("{base}feed.json");
    let items: Vec<serde_json::Value> = newest
        .iter()
        .map(|&index| {
            let article = &site.articles[index];
            let url = link(base_url, &path, &format!("{}/", article.slug));
            let mut item = json!({
                "id": url,
                "url": url,
                "title": article.title,
                "content_html": renderer.body(index),
                "summary": article.description,
                "date_published": article.date.to_string(),
                "date_modified": article.updated.map(|updated| updated.to_string()),
                "authors": article.authors.iter().map(|name| json!({ "name": name })).collect::<Vec<_>>(),
                "tags": article.tags,
                "language": article.lang,
            });
            // JSON Feed leaves out what is unknown rather than sending null.
            if let Some(fields) = item.as_object_mut() {
                fields.retain(|_, value| !value.is_null());
            }
            item
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": title,
        "home_page_url": link(base_url, &path, base),
        "feed_url": link(base_url, &path, &path),
        "description": config.description,
        "language": config.language,
        "items": items,
    });
    let contents = serde_json::to_string_pretty(&feed).unwrap_or_default();
    pages.push(Page { path, contents });
    Ok(pages)
}

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
    let mut urls: Vec<(String, Option<String>)> = vec![(link(Some(base_url), "", ""), None)];
    for article in &site.articles {
        let lastmod = article.updated.unwrap_or(article.date).to_string();
        urls.push((
            link(Some(base_url), "", &format!("{}/", article.slug)),
            Some(lastmod),
        ));
    }
    for taxonomy in &renderer.taxonomies {
        for term in &taxonomy.terms {
            urls.push((
                link(
                    Some(base_url),
                    "",
                    &format!("{}/{}/", taxonomy.kind.path(), term.slug),
                ),
                None,
            ));
        }
    }
    let source = std::path::Path::new("templates/sitemap.xml");
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
        parts.push(link(Some(base_url), "", &name));
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
