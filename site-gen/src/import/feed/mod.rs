//! RSS (0.9x, 1.0 and 2.0), Atom and JSON Feed, from a file or a URL: each
//! entry becomes an article, with its relative links made absolute so that
//! they keep pointing at the old site.

mod address;
mod dates;
mod enclosure;
mod entry;
mod fetch;
mod parse;
mod text;

use feed_rs::model::{Feed, FeedType};
use url::Url;

use self::dates::DateRead;
use self::entry::{EntryReader, FeedContext};
use self::text::{is_markup, plain_text};
use super::{ImportError, ImportOptions, Importer, Location, Sink, SiteInfo, Source};

struct FeedImporter {
    feed: Option<Feed>,
    context: FeedContext,
}

/// Reads (or fetches) and parses the feed at once, so that an unreadable
/// one is refused before the archive is touched.
pub fn open(source: &Source, _options: &ImportOptions) -> Result<Box<dyn Importer>, ImportError> {
    let label = source.label();
    let (bytes, fetched_from) = match source {
        Source::Path(path) => {
            let bytes = std::fs::read(path).map_err(|source| ImportError::Read {
                path: path.clone(),
                source,
            })?;
            (bytes, None)
        }
        Source::Url(address) => {
            let fetched = fetch::fetch(address)?;
            (fetched.bytes, Some(fetched.url))
        }
    };
    let (feed, dates) = parse::parse(&bytes, fetched_from.as_ref(), &label)?;
    let home = feed
        .links
        .iter()
        .find(|link| link.rel.as_deref().is_none_or(|rel| rel == "alternate"))
        .and_then(|link| address::absolute(&link.href, fetched_from.as_ref()));
    let site = home.clone().or(fetched_from);
    let feed_date =
        [feed.published, feed.updated]
            .into_iter()
            .find_map(|date| match dates.read(date) {
                DateRead::Valid(date) => Some(date),
                _ => None,
            });
    let key_scope = home
        .as_ref()
        .map(Url::to_string)
        .or_else(|| (!feed.id.trim().is_empty()).then(|| feed.id.trim().to_string()))
        .or_else(|| feed.title.as_ref().map(|title| title.content.clone()))
        .unwrap_or_else(|| "feed".into());
    let context = FeedContext {
        label,
        site,
        key_scope,
        language: feed.language.clone(),
        dates,
        feed_date,
        untyped_descriptions: matches!(feed.feed_type, FeedType::RSS0 | FeedType::RSS1),
    };
    Ok(Box::new(FeedImporter {
        feed: Some(feed),
        context,
    }))
}

impl Importer for FeedImporter {
    fn import(&mut self, sink: &mut dyn Sink) -> Result<(), ImportError> {
        let Some(feed) = self.feed.take() else {
            return Ok(());
        };
        let text = |text: &Option<feed_rs::model::Text>| {
            text.as_ref()
                .map(|text| plain_text(&self::text::as_html(&text.content, is_markup(text))))
                .filter(|text| !text.is_empty())
        };
        sink.site(SiteInfo {
            title: text(&feed.title),
            description: text(&feed.description),
            language: feed.language.clone(),
            base_url: self.context.site.as_ref().map(Url::to_string),
        });
        if feed.entries.is_empty() {
            sink.warning(
                Location {
                    file: self.context.label.clone(),
                    ..Location::default()
                },
                "the feed has no entries".into(),
            );
        }
        let total = feed.entries.len() as u64;
        let mut reader = EntryReader {
            context: &self.context,
            previous_date: None,
        };
        for (index, entry) in feed.entries.into_iter().enumerate() {
            let item = reader.item(index + 1, entry, sink);
            sink.item(item)?;
            sink.progress(index as u64 + 1, total);
        }
        Ok(())
    }
}
