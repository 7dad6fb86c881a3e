//! The index's files, written once the article jobs are done. Every file
//! is a script that hands its data to `__samizdatSearch(name, data)`, so
//! it loads through a script element, from `file://` as over HTTP.

use std::fmt::Write;

use serde::Serialize;

use super::filters;
use super::index::{Document, SearchIndex, Vocabulary};
use super::script::{page, script, wrap};
use crate::content::Site;
use crate::render::Page;

/// Results in a stem's first page, which comes inside its postings
/// fragment: enough for any one-word query's first screens.
pub const FIRST_PAGE: usize = 500;
/// Results in each further page of a stem, a file of its own, fetched
/// only when a query with several words or a filter needs more.
pub const MORE_PAGE: usize = 2000;
/// Fragments are closed once they reach these sizes, before compression.
pub const WORDS_FRAGMENT_BYTES: usize = 16_000;
pub const POSTINGS_FRAGMENT_BYTES: usize = 40_000;

#[derive(Serialize)]
struct Entry {
    v: u32,
    /// Articles in the site.
    docs: usize,
    first: usize,
    more: usize,
    /// Articles per metadata file `d/N`.
    group: usize,
    /// The first word of each words fragment `w/N`.
    words: Vec<String>,
    /// The first stem of each postings fragment `p/N`.
    stems: Vec<String>,
}

/// Every file of the index but the articles' metadata, each handed to
/// `emit` as soon as it is made, so they are never all in memory.
pub fn write(index: &SearchIndex, site: &Site, emit: &mut dyn FnMut(Page)) {
    let (documents, vocabulary) = index.parts();
    let counts = counts(&documents, vocabulary.stems.len());
    let mut order: Vec<u32> = (0..vocabulary.stems.len())
        .filter(|&id| counts[id] > 0)
        .map(|id| id as u32)
        .collect();
    order
        .sort_unstable_by(|&a, &b| vocabulary.stems[a as usize].cmp(&vocabulary.stems[b as usize]));
    let stems = postings_fragments(&order, &counts, &documents, &vocabulary, BATCH, emit);
    let words = words_fragments(&vocabulary, &counts, emit);
    let entry = Entry {
        v: 2,
        docs: documents.len(),
        first: FIRST_PAGE,
        more: MORE_PAGE,
        group: super::metadata::GROUP,
        words,
        stems,
    };
    emit(page("entry", script("entry", &entry)));
    filters::pages(site).into_iter().for_each(emit);
}

/// Postings inverted at once, at most: stems are taken in batches, each
/// a pass over the documents, so a million articles never have all their
/// postings in memory together (8 bytes each).
const BATCH: usize = 4_000_000;

/// How many articles hold each stem.
fn counts(documents: &[Option<Document>], stems: usize) -> Vec<usize> {
    let mut counts = vec![0usize; stems];
    for document in documents.iter().flatten() {
        for (stem, _) in document.stems() {
            counts[stem as usize] += 1;
        }
    }
    counts
}

/// The articles of each stem of `batch`, best first, then newest first.
fn invert(documents: &[Option<Document>], batch: &[u32], counts: &[usize]) -> Vec<Vec<(u32, u8)>> {
    let mut place = vec![usize::MAX; counts.len()];
    for (at, &stem) in batch.iter().enumerate() {
        place[stem as usize] = at;
    }
    let mut postings: Vec<Vec<(u32, u8)>> = batch
        .iter()
        .map(|&stem| Vec::with_capacity(counts[stem as usize]))
        .collect();
    for (doc, document) in documents.iter().enumerate() {
        let Some(document) = document else { continue };
        for (stem, score) in document.stems() {
            if let Some(list) = postings.get_mut(place[stem as usize]) {
                list.push((doc as u32, score));
            }
        }
    }
    for list in &mut postings {
        list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    }
    postings
}

/// `doc,score,doc,score…` as a JSON array.
fn pairs(list: &[(u32, u8)]) -> String {
    let mut out = String::with_capacity(list.len() * 8 + 2);
    out.push('[');
    // Millions of numbers on a large site: formatted without `fmt`.
    let mut number = itoa::Buffer::new();
    for (position, &(doc, score)) in list.iter().enumerate() {
        if position > 0 {
            out.push(',');
        }
        out.push_str(number.format(doc));
        out.push(',');
        out.push_str(number.format(score));
    }
    out.push(']');
    out
}

/// Postings fragments `p/N`, each a run of stems in order with their first
/// page: `"stem":[id,total,[doc,score…]]`; a stem's further pages are
/// `m/ID-K`, K from 1. Returns the first stem of each fragment.
fn postings_fragments(
    order: &[u32],
    counts: &[usize],
    documents: &[Option<Document>],
    vocabulary: &Vocabulary,
    batch_postings: usize,
    emit: &mut dyn FnMut(Page),
) -> Vec<String> {
    let mut firsts = Vec::new();
    let mut body = String::new();
    let mut start = 0;
    while start < order.len() {
        let mut end = start;
        let mut held = 0;
        while end < order.len()
            && (end == start || held + counts[order[end] as usize] <= batch_postings)
        {
            held += counts[order[end] as usize];
            end += 1;
        }
        let postings = invert(documents, &order[start..end], counts);
        for (offset, list) in postings.iter().enumerate() {
            let id = start + offset;
            let text = &vocabulary.stems[order[id] as usize];
            if body.is_empty() {
                firsts.push(text.to_string());
            } else {
                body.push(',');
            }
            let first = &list[..list.len().min(FIRST_PAGE)];
            let key = serde_json::to_string(&**text).unwrap_or_default();
            let _ = write!(body, "{key}:[{id},{},{}]", list.len(), pairs(first));
            for (k, more) in list[first.len()..].chunks(MORE_PAGE).enumerate() {
                let name = format!("m/{id}-{}", k + 1);
                emit(page(&name, wrap(&name, &pairs(more))));
            }
            if body.len() >= POSTINGS_FRAGMENT_BYTES {
                emit(object_fragment("p", firsts.len() - 1, &mut body));
            }
        }
        start = end;
    }
    if !body.is_empty() {
        emit(object_fragment("p", firsts.len() - 1, &mut body));
    }
    firsts
}

/// Words fragments `w/N`: each folded word that some article holds, with
/// its stems, space-separated, or `""` when its one stem is itself.
fn words_fragments(
    vocabulary: &Vocabulary,
    counts: &[usize],
    emit: &mut dyn FnMut(Page),
) -> Vec<String> {
    let mut words: Vec<(&str, &Vec<u32>)> = vocabulary
        .words
        .iter()
        .map(|(word, stems)| (&**word, stems))
        .collect();
    words.sort_unstable_by(|a, b| a.0.cmp(b.0));
    let mut firsts = Vec::new();
    let mut body = String::new();
    for (word, ids) in words {
        let mut stems: Vec<&str> = ids
            .iter()
            .filter(|&&id| counts[id as usize] > 0)
            .map(|&id| &*vocabulary.stems[id as usize])
            .collect();
        if stems.is_empty() {
            continue;
        }
        stems.sort_unstable();
        let value = if stems == [word] {
            String::new()
        } else {
            stems.join(" ")
        };
        if body.is_empty() {
            firsts.push(word.to_string());
        } else {
            body.push(',');
        }
        let key = serde_json::to_string(word).unwrap_or_default();
        let value = serde_json::to_string(&value).unwrap_or_default();
        let _ = write!(body, "{key}:{value}");
        if body.len() >= WORDS_FRAGMENT_BYTES {
            emit(object_fragment("w", firsts.len() - 1, &mut body));
        }
    }
    if !body.is_empty() {
        emit(object_fragment("w", firsts.len() - 1, &mut body));
    }
    firsts
}

/// The fragment `KIND/NUMBER`, a JSON object of the members in `body`,
/// which is left empty for the next.
fn object_fragment(kind: &str, number: usize, body: &mut String) -> Page {
    let name = format!("{kind}/{number}");
    let contents = wrap(&name, &format!("{{{body}}}"));
    body.clear();
    page(&name, contents)
}

#[cfg(test)]
mod tests {
    use super::{FIRST_PAGE, Vocabulary, counts, invert, postings_fragments};
    use crate::search::index::Document;

    fn document(stems: &[u32], scores: &[u8]) -> Option<Document> {
        let pairs: Vec<(u32, u8)> = stems.iter().copied().zip(scores.iter().copied()).collect();
        Some(Document::new(&pairs))
    }

    #[test]
    fn postings_rank_best_then_newest_and_overflow_into_pages() {
        let mut documents = vec![document(&[0], &[10]), None, document(&[0, 1], &[50, 7])];
        documents.extend((0..FIRST_PAGE + 2).map(|_| document(&[1], &[3])));
        let counts = counts(&documents, 2);
        assert_eq!(counts, [2, FIRST_PAGE + 3]);
        let postings = invert(&documents, &[0, 1], &counts);
        assert_eq!(postings[0], [(2, 50), (0, 10)]);
        assert_eq!(postings[1].len(), FIRST_PAGE + 3);
        assert_eq!(postings[1][0], (2, 7));

        let vocabulary = Vocabulary {
            stems: vec!["zeta".into(), "alpha".into()],
            ..Vocabulary::default()
        };
        // A batch of one posting: each stem is inverted in its own pass.
        let mut pages = Vec::new();
        let firsts =
            postings_fragments(&[1, 0], &counts, &documents, &vocabulary, 1, &mut |page| {
                pages.push(page)
            });
        assert_eq!(firsts, ["alpha"]);
        let paths: Vec<&str> = pages.iter().map(|page| page.path.as_str()).collect();
        assert_eq!(paths, ["search/m/0-1.js", "search/p/0.js"]);
        let last_docs = format!("{},3,{},3]", FIRST_PAGE + 3, FIRST_PAGE + 4);
        assert!(
            pages[0]
                .contents
                .starts_with("__samizdatSearch(\"m/0-1\",[")
        );
        assert!(
            pages[0].contents.contains(&last_docs),
            "{}",
            pages[0].contents
        );
        assert!(pages[1].contents.contains("\"zeta\":[1,2,[2,50,0,10]]"));
        assert!(
            pages[1]
                .contents
                .contains(&format!("\"alpha\":[0,{},[2,7,", FIRST_PAGE + 3))
        );
    }
}
