//! One article as the index sees it: its stems with their scores, read
//! during the article's own job.

use std::cell::RefCell;
use std::hash::Hasher;

use super::hash::{WordHasher, WordMap};
use super::metadata::EXCERPT_CHARS;
use super::text::{each_word, plain_text};
use crate::content::Article;

/// A word in the title counts as this many in the body; in the
/// description or a tag, as `SUMMARY_WEIGHT`.
const TITLE_WEIGHT: u32 = 5;
const SUMMARY_WEIGHT: u32 = 2;

/// An article's stems, as vocabulary ids, each with its weight.
pub struct Analysis {
    pub stems: Vec<(u32, u32)>,
    /// The body's length in words, which tempers the scores of long texts.
    pub length: u32,
}

/// Reads the article's title, description, tags and body; `stem_id`
/// gives the vocabulary id of a word's stem, once per distinct word, from
/// the word and its 64-bit hash: words are told apart by that hash, which
/// spares a copy of each.
pub fn analyse(
    article: &Article,
    body_html: &str,
    mut stem_id: impl FnMut(u64, &str) -> u32,
) -> Analysis {
    let summary = (article.description.iter().map(|text| &**text))
        .chain(article.tags.iter().map(|tag| &**tag));
    let parts = std::iter::once((&*article.title, TITLE_WEIGHT, false))
        .chain(summary.map(|part| (part, SUMMARY_WEIGHT, false)))
        .chain(std::iter::once((body_html, 1, true)));
    let mut analysis = Analysis {
        stems: Vec::new(),
        length: 0,
    };
    // The maps are kept by each thread from one article to the next, so
    // their memory is not allocated and grown again for every article.
    SCRATCH.with(|scratch| {
        let (seen, places) = &mut *scratch.borrow_mut();
        seen.clear();
        places.clear();
        for (part, weight, html) in parts {
            each_word(part, html, |word| {
                let key = word_key(word);
                let place = *seen.entry(key).or_insert_with(|| {
                    let id = stem_id(key, word);
                    *places.entry(id).or_insert_with(|| {
                        analysis.stems.push((id, 0));
                        analysis.stems.len() - 1
                    })
                });
                analysis.stems[place].1 += weight;
                if html {
                    analysis.length += 1;
                }
            });
        }
    });
    analysis
}

type Scratch = (WordMap<u64, usize>, WordMap<u32, usize>);

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

fn word_key(word: &str) -> u64 {
    let mut hasher = WordHasher::default();
    hasher.write(word.as_bytes());
    hasher.write_u8(0xff);
    hasher.finish()
}

/// How well an article answers a stem, from 1 to 255: more for more
/// occurrences, less for a longer text, so a short piece about a word
/// ranks above a long one that mentions it.
pub fn score(weight: u32, length: u32) -> u8 {
    let weight = f64::from(weight);
    let saturation = weight / (weight + 1.0 + f64::from(length) / 250.0);
    1 + (254.0 * saturation).round().clamp(0.0, 254.0) as u8
}

/// The start of the body's text, enough for its excerpt.
pub fn excerpt_source(body_html: &str) -> String {
    plain_text(body_html, EXCERPT_CHARS + EXCERPT_CHARS / 4)
}

#[cfg(test)]
mod tests {
    use super::score;

    #[test]
    fn more_occurrences_score_higher_and_longer_texts_lower() {
        assert!(score(5, 100) > score(1, 100));
        assert!(score(3, 100) > score(3, 5000));
        assert!(score(0, 0) >= 1);
        assert_eq!(score(u32::MAX, 0), 255);
    }
}
