//! The page plan: which output files the site has, one job each.

use crate::content::{PagePath, Site, Taxonomy};

/// What one job renders: one output file, or a few made from the same
/// data (a list's feeds, a sitemap split in parts).
pub enum Job<'a> {
    Article(usize),
    Alias { article: usize, alias: &'a PagePath },
    ListPage(ListPage<'a>),
    TermsIndex(&'a Taxonomy),
    Feeds(ArticleList<'a>),
    Sitemap,
    Mirrors,
    Search,
    NotFound,
}

impl Job<'_> {
    /// What names the job from one build to the next: the first file it
    /// writes, and its kind. Jobs always rendered need no name.
    pub fn key(&self, site: &Site) -> Option<String> {
        Some(match self {
            Job::Article(index) => format!("article {}", site.articles[*index].path.index_file()),
            Job::Alias { alias, .. } => format!("alias {}", alias.index_file()),
            Job::ListPage(page) => format!("list {}", page.list.numbered(page.number).index_file()),
            Job::TermsIndex(taxonomy) => format!("terms {}", taxonomy.path.index_file()),
            Job::Feeds(list) => format!("feeds {}", list.path.url()),
            Job::Sitemap | Job::Mirrors | Job::Search | Job::NotFound => return None,
        })
    }
}

/// Articles listed over numbered pages: the home page, or a term's.
pub struct ArticleList<'a> {
    /// The first page's.
    pub path: PagePath,
    pub title: &'a str,
    /// Article indices, newest first.
    pub articles: Vec<usize>,
    pub has_feeds: bool,
}

/// One numbered page of an [`ArticleList`].
pub struct ListPage<'a> {
    /// The list's first page.
    pub list: PagePath,
    pub title: &'a str,
    /// This page's articles.
    pub articles: Vec<usize>,
    /// From 1.
    pub number: usize,
    pub total: usize,
    pub has_feed: bool,
}

/// Every job of the site, in a fixed order, but the articles' pages: one
/// for each article, `render_site` counts them rather than listing them.
pub fn jobs(site: &Site) -> Vec<Job<'_>> {
    let mut jobs: Vec<Job> = Vec::new();
    for (article, item) in site.articles.iter().enumerate() {
        jobs.extend(
            item.aliases
                .iter()
                .map(|alias| Job::Alias { article, alias }),
        );
    }
    let mut lists = vec![ArticleList {
        path: PagePath::root(),
        title: &site.config.title,
        articles: (0..site.articles.len())
            .filter(|&index| !site.articles[index].page)
            .collect(),
        has_feeds: true,
    }];
    for taxonomy in &site.taxonomies {
        jobs.push(Job::TermsIndex(taxonomy));
        lists.extend(taxonomy.terms.iter().map(|term| ArticleList {
            path: term.path.clone(),
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
    if site.config.search {
        jobs.push(Job::Search);
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
    let (path, title, has_feed) = (list.path.clone(), list.title, list.has_feeds);
    chunks
        .into_iter()
        .enumerate()
        .map(move |(index, articles)| ListPage {
            list: path.clone(),
            title,
            articles,
            number: index + 1,
            total,
            has_feed,
        })
}
