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
        let (seen, places, recent) = &mut *scratch.borrow_mut();
        seen.clear();
        places.clear();
        recent.next_article();
        for (part, weight, html) in parts {
            each_word(part, html, |word| {
                let key = word_key(word);
                let place = recent.get(key).unwrap_or_else(|| {
                    let place = *seen.entry(key).or_insert_with(|| {
                        let id = stem_id(key, word);
                        *places.entry(id).or_insert_with(|| {
                            analysis.stems.push((id, 0));
                            analysis.stems.len() - 1
                        })
                    });
                    recent.put(key, place);
                    place
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

type Scratch = (WordMap<u64, usize>, WordMap<u32, usize>, Recent);

/// The places of words met before in the article, each in a slot picked
/// by its hash: most words of a text are ones it has used already, and a
/// slot answers them without the map's probe. A slot is good for the
/// article it was filled in only, which `article` numbers.
struct Recent {
    article: u32,
    /// The word's hash, the article, and the word's place.
    slots: Vec<(u64, u32, usize)>,
}

/// A power of two: slots are picked by the hash's top bits.
const RECENT_SLOTS: usize = 1024;

impl Default for Recent {
    fn default() -> Self {
        Self {
            article: 0,
            slots: vec![(0, 0, 0); RECENT_SLOTS],
        }
    }
}

impl Recent {
    fn next_article(&mut self) {
        self.article = self.article.wrapping_add(1);
        if self.article == 0 {
            // After four billion articles: no slot may pass for current.
            *self = Self::default();
            self.article = 1;
        }
    }

    fn slot(key: u64) -> usize {
        (key >> (64 - RECENT_SLOTS.trailing_zeros())) as usize
    }

    fn get(&self, key: u64) -> Option<usize> {
        let (held, article, place) = self.slots[Self::slot(key)];
        (held == key && article == self.article).then_some(place)
    }

    fn put(&mut self, key: u64, place: usize) {
        self.slots[Self::slot(key)] = (key, self.article, place);
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::default();
}

/// A word's 64-bit hash. Most words are eight bytes or fewer: those are
/// read in at most two loads, which together cover every byte, and mixed
/// with their length in one multiplication.
fn word_key(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let length = bytes.len();
    let head = match length {
        0 => 0,
        1..=3 => {
            u64::from(bytes[0])
                | u64::from(bytes[length / 2]) << 8
                | u64::from(bytes[length - 1]) << 16
        }
        4..=8 => u64::from(u32_at(bytes, 0)) | u64::from(u32_at(bytes, length - 4)) << 32,
        _ => {
            let mut hasher = WordHasher::default();
            hasher.write(bytes);
            hasher.finish()
        }
    };
    multiply_fold(
        head ^ 0x2d35_8dcc_aa6c_78a5,
        length as u64 ^ 0x8bb8_4b93_962e_acc9,
    )
}

fn u32_at(bytes: &[u8], at: usize) -> u32 {
    let mut four = [0; 4];
    four.copy_from_slice(&bytes[at..at + 4]);
    u32::from_le_bytes(four)
}

/// Both halves of the 128-bit product, folded: every bit of either input
/// reaches the result's top bits, which pick a slot.
fn multiply_fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a) * u128::from(b);
    (product as u64) ^ (product >> 64) as u64
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
    use super::{RECENT_SLOTS, Recent, score, word_key};
    use std::collections::HashSet;

    #[test]
    fn words_of_every_length_get_keys_of_their_own() {
        let words = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "aa",
            "abc",
            "acb",
            "cba",
            "abcd",
            "abce",
            "abcde",
            "abdce",
            "keeper",
            "keepers",
            "élection",
            "election",
            "abcdefgh",
            "abcdefgi",
            "habcdefg",
            "abcdefghi",
            "abcdefghij",
            "bacdefghij",
        ];
        let keys: HashSet<u64> = words.iter().map(|word| word_key(word)).collect();
        assert_eq!(keys.len(), words.len());
        assert_eq!(word_key("keeper"), word_key(&String::from("keeper")));
    }

    #[test]
    fn a_recent_word_is_known_in_its_own_article_only() {
        let mut recent = Recent::default();
        recent.next_article();
        let (key, other) = (0xabcd_u64 << 50, 0xabcd_u64 << 50 | 1);
        assert_eq!(recent.get(key), None);
        recent.put(key, 7);
        assert_eq!(recent.get(key), Some(7));
        // Another word in the same slot takes it over.
        recent.put(other, 9);
        assert_eq!((recent.get(key), recent.get(other)), (None, Some(9)));
        recent.next_article();
        assert_eq!(recent.get(other), None);
        recent.article = u32::MAX;
        recent.put(key, 3);
        recent.next_article();
        assert_eq!(recent.get(key), None);
        assert_eq!(recent.slots.len(), RECENT_SLOTS);
    }

    #[test]
    fn more_occurrences_score_higher_and_longer_texts_lower() {
        assert!(score(5, 100) > score(1, 100));
        assert!(score(3, 100) > score(3, 5000));
        assert!(score(0, 0) >= 1);
        assert_eq!(score(u32::MAX, 0), 255);
    }
}
