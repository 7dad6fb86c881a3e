//! The page plan: which output files the site has, one job each.

use super::taxonomy::Taxonomy;
use crate::content::Site;

/// What one job renders: one output file, or a few made from the same
/// data (a list's feeds, a sitemap split in parts).
pub enum Job<'a> {
    Article(usize),
    Alias { article: usize, alias: &'a str },
    ListPage(ListPage<'a>),
    TermsIndex(&'a Taxonomy),
    Feeds(ArticleList<'a>),
    Sitemap,
    Mirrors,
    NotFound,
}

/// Articles listed over numbered pages: the home page, or a term's.
pub struct ArticleList<'a> {
    /// Relative to the site root: empty for the home page, else ending in `/`.
    pub base: String,
    pub title: &'a str,
    /// Article indices, newest first.
    pub articles: Vec<usize>,
    pub has_feeds: bool,
}

/// One numbered page of an [`ArticleList`].
pub struct ListPage<'a> {
    pub base: String,
    pub title: &'a str,
    /// This page's articles.
    pub articles: Vec<usize>,
    /// From 1.
    pub number: usize,
    pub total: usize,
    /// The list's Atom feed, relative to the site root.
    pub feed: Option<String>,
}

/// Every job of the site, in a fixed order.
pub fn jobs<'a>(site: &'a Site, taxonomies: &'a [Taxonomy]) -> Vec<Job<'a>> {
    let mut jobs: Vec<Job> = (0..site.articles.len()).map(Job::Article).collect();
    for (article, item) in site.articles.iter().enumerate() {
        jobs.extend(
            item.aliases
                .iter()
                .map(|alias| Job::Alias { article, alias }),
        );
    }
    let mut lists = vec![ArticleList {
        base: String::new(),
        title: &site.config.title,
        articles: (0..site.articles.len()).collect(),
        has_feeds: true,
    }];
    for taxonomy in taxonomies {
        jobs.push(Job::TermsIndex(taxonomy));
        lists.extend(taxonomy.terms.iter().map(|term| ArticleList {
            base: format!("{}/{}/", taxonomy.kind.path(), term.slug),
            title: &term.name,
            articles: term.articles.clone(),
            has_feeds: taxonomy.kind.has_feeds(),
        }));
    }
    for list in lists {
        jobs.extend(list_pages(&list, site.config.paginate).map(Job::ListPage));
        if list.has_feeds {
            jobs.push(Job::Feeds(list));
        }
    }
    if !site.config.mirrors.is_empty() {
        jobs.push(Job::Mirrors);
    }
    jobs.push(Job::Sitemap);
    jobs.push(Job::NotFound);
    jobs
}

/// The pages of `list`, `size` articles a page, always at least one page.
fn list_pages<'a>(list: &ArticleList<'a>, size: usize) -> impl Iterator<Item = ListPage<'a>> {
    let chunks: Vec<Vec<usize>> = if list.articles.is_empty() {
        vec![Vec::new()]
    } else {
        list.articles.chunks(size).map(<[usize]>::to_vec).collect()
    };
    let total = chunks.len();
    let feed = list.has_feeds.then(|| format!("{}atom.xml", list.base));
    let (base, title) = (list.base.clone(), list.title);
    chunks
        .into_iter()
        .enumerate()
        .map(move |(index, articles)| ListPage {
            base: base.clone(),
            title,
            articles,
            number: index + 1,
            total,
            feed: feed.clone(),
        })
}
