//! One article as the index sees it: its stems with their scores, and its
//! metadata fragment, written during the article's own job.

use std::collections::HashMap;

use serde::Serialize;

use super::fold::{lower, strip_accents, words};
use super::stem::LanguageStemmer;
use super::text::plain_text;
use crate::content::Article;

/// A word in the title counts as this many in the body; in the
/// description or a tag, as `SUMMARY_WEIGHT`.
const TITLE_WEIGHT: u32 = 5;
const SUMMARY_WEIGHT: u32 = 2;
/// The excerpt's text is cut here, at a word: enough for a few passages
/// to choose from, small enough for ten results to stay a light download.
pub const EXCERPT_CHARS: usize = 1500;

/// What an article adds to the vocabulary: each folded stem with its
/// weight, and each folded word with the stem it was read as, by its
/// place in `stems`.
pub struct Analysis {
    pub stems: Vec<(String, u32)>,
    pub words: Vec<(String, usize)>,
    /// The body's length in words, which tempers the scores of long texts.
    pub length: u32,
}

/// Reads the article's title, description, tags and body text. Each
/// distinct word is folded and stemmed once.
pub fn analyse(article: &Article, text: &str) -> Analysis {
    let stemmer = LanguageStemmer::new(&article.lang);
    let summary = article.description.iter().chain(&article.tags);
    let parts: Vec<(String, u32)> = std::iter::once((lower(&article.title), TITLE_WEIGHT))
        .chain(summary.map(|part| (lower(part), SUMMARY_WEIGHT)))
        .chain(std::iter::once((lower(text), 1)))
        .collect();
    let mut analysis = Analysis {
        stems: Vec::new(),
        words: Vec::new(),
        length: 0,
    };
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut stem_places: HashMap<String, usize> = HashMap::new();
    for (part, weight) in &parts {
        for word in words(part) {
            let place = match seen.get(word) {
                Some(&place) => place,
                None => {
                    let stem = stemmer.folded_stem(word);
                    let next = stem_places.len();
                    let place = *stem_places.entry(stem.clone()).or_insert(next);
                    if place == next {
                        analysis.stems.push((stem, 0));
                    }
                    analysis.words.push((strip_accents(word), place));
                    seen.insert(word, place);
                    place
                }
            };
            analysis.stems[place].1 += weight;
            if *weight == 1 {
                analysis.length += 1;
            }
        }
    }
    analysis
}

/// How well an article answers a stem, from 1 to 255: more for more
/// occurrences, less for a longer text, so a short piece about a word
/// ranks above a long one that mentions it.
pub fn score(weight: u32, length: u32) -> u8 {
    let weight = f64::from(weight);
    let saturation = weight / (weight + 1.0 + f64::from(length) / 250.0);
    1 + (254.0 * saturation).round().clamp(0.0, 254.0) as u8
}

/// What the results list shows of an article.
#[derive(Serialize)]
struct Metadata<'a> {
    u: &'a str,
    t: &'a str,
    /// `YYYY-MM-DD`, empty for a page without a date.
    d: String,
    l: &'a str,
    g: &'a [String],
    a: &'a [String],
    x: &'a str,
}

/// The article's metadata fragment, as its registration script.
pub fn metadata_script(name: &str, article: &Article, text: &str) -> String {
    let date = if article.dated {
        article.date.strftime("%Y-%m-%d").to_string()
    } else {
        String::new()
    };
    let metadata = Metadata {
        u: article.path.url(),
        t: &article.title,
        d: date,
        l: &article.lang,
        g: &article.tags,
        a: &article.authors,
        x: excerpt_text(text),
    };
    super::fragments::script(name, &metadata)
}

fn excerpt_text(text: &str) -> &str {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => text,
        Some((cut, _)) => {
            let at_word = text[..cut].rfind(' ').unwrap_or(cut);
            &text[..at_word]
        }
    }
}

pub fn text_of(body_html: &str) -> String {
    plain_text(body_html)
}

#[cfg(test)]
mod tests {
    use super::{excerpt_text, score};

    #[test]
    fn more_occurrences_score_higher_and_longer_texts_lower() {
        assert!(score(5, 100) > score(1, 100));
        assert!(score(3, 100) > score(3, 5000));
        assert!(score(0, 0) >= 1);
        assert_eq!(score(u32::MAX, 0), 255);
    }

    #[test]
    fn the_excerpt_is_cut_at_a_word() {
        let text = "word ".repeat(1000);
        let excerpt = excerpt_text(&text);
        assert!(excerpt.len() <= super::EXCERPT_CHARS);
        assert!(excerpt.ends_with("word"));
        assert_eq!(excerpt_text("short text"), "short text");
    }
}
