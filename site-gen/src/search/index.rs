//! The collector the article jobs fill in parallel: one compact document
//! per article, replaceable, and the vocabulary they share.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::document::{analyse, excerpt_source, score};
use super::fold::strip_accents;
use super::hash::WordMap;
use super::metadata::{Groups, metadata_json};
use super::script::FOLDER;
use super::stem::LanguageStemmer;
use crate::content::Article;
use crate::render::Page;

pub use super::packed::Document;

/// Stems interned once for the whole site, and each folded word with the
/// stems it was read as (two languages may stem it differently).
#[derive(Default)]
pub struct Vocabulary {
    pub ids: WordMap<Box<str>, u32>,
    pub stems: Vec<Box<str>>,
    pub words: WordMap<Box<str>, Vec<u32>>,
}

impl Vocabulary {
    /// Records that `folded_word` was read as `stem`; returns the stem's id.
    fn add(&mut self, stem: &str, folded_word: String) -> u32 {
        let id = self.intern(stem);
        match self.words.get_mut(folded_word.as_str()) {
            Some(ids) if ids.contains(&id) => {}
            Some(ids) => ids.push(id),
            None => {
                self.words.insert(folded_word.into(), vec![id]);
            }
        }
        id
    }

    fn intern(&mut self, stem: &str) -> u32 {
        if let Some(&id) = self.ids.get(stem) {
            return id;
        }
        let id = u32::try_from(self.stems.len()).unwrap_or(u32::MAX);
        self.stems.push(stem.into());
        self.ids.insert(stem.into(), id);
        id
    }
}

/// The words a thread has seen, by language, with their stems' ids; a
/// language's list is emptied past `KNOWN_WORDS`, so a vast vocabulary
/// does not stay in memory. Ids belong to one index: `index` says which.
#[derive(Default)]
struct Known {
    index: u64,
    /// A site has few languages: a list is searched faster than a map.
    languages: Vec<(Box<str>, WordMap<u64, u32>)>,
}

const KNOWN_WORDS: usize = 100_000;

impl Known {
    /// The stems' ids of the words this thread has read in `lang`, by the
    /// words' hashes, for the index `id`: found once per article, so a
    /// word new to the article costs one probe. Ids from another index
    /// are forgotten.
    fn words_in(&mut self, id: u64, lang: &str) -> &mut WordMap<u64, u32> {
        if self.index != id {
            self.index = id;
            self.languages.clear();
        }
        let at = match self
            .languages
            .iter()
            .position(|(known, _)| **known == *lang)
        {
            Some(at) => at,
            None => {
                self.languages.push((lang.into(), WordMap::default()));
                self.languages.len() - 1
            }
        };
        &mut self.languages[at].1
    }
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::default();
}

static NEXT_INDEX: AtomicU64 = AtomicU64::new(1);

/// The search index while the site renders: documents by article index.
pub struct SearchIndex {
    id: u64,
    documents: Mutex<Vec<Option<Document>>>,
    vocabulary: Mutex<Vocabulary>,
    metadata: Groups,
}

impl SearchIndex {
    pub fn new(articles: usize) -> Self {
        Self {
            id: NEXT_INDEX.fetch_add(1, Ordering::Relaxed),
            documents: Mutex::new((0..articles).map(|_| None).collect()),
            vocabulary: Mutex::new(Vocabulary::default()),
            metadata: Groups::new(articles),
        }
    }

    /// Indexes the article at `index` of the site, from its rendered body,
    /// replacing what it held before; returns the metadata file of its
    /// group when this article completes it.
    pub fn add(&self, index: usize, article: &Article, body_html: &str) -> Option<Page> {
        let text = excerpt_source(body_html);
        let analysis = KNOWN.with(|known| {
            let mut known = known.borrow_mut();
            let words = known.words_in(self.id, &article.lang);
            let mut stemmer = None;
            analyse(article, body_html, |key, word| {
                if let Some(&id) = words.get(&key) {
                    return id;
                }
                let stemmer = stemmer.get_or_insert_with(|| LanguageStemmer::new(&article.lang));
                let id =
                    lock(&self.vocabulary).add(&stemmer.folded_stem(word), strip_accents(word));
                if words.len() >= KNOWN_WORDS {
                    words.clear();
                }
                words.insert(key, id);
                id
            })
        });
        let metadata = self.metadata.file(index, metadata_json(article, &text));
        let mut stems: Vec<(u32, u8)> = analysis
            .stems
            .iter()
            .map(|&(id, weight)| (id, score(weight, analysis.length)))
            .collect();
        stems.sort_unstable();
        self.replace(index, Some(Document::new(&stems)));
        metadata
    }

    /// Puts `document` in the place of the article at `index`, growing the
    /// list for a new article; `None` takes an article out.
    pub fn replace(&self, index: usize, document: Option<Document>) {
        let mut documents = lock(&self.documents);
        if documents.len() <= index {
            documents.resize_with(index + 1, || None);
        }
        documents[index] = document;
    }

    pub(super) fn parts(
        &self,
    ) -> (
        MutexGuard<'_, Vec<Option<Document>>>,
        MutexGuard<'_, Vocabulary>,
    ) {
        (lock(&self.documents), lock(&self.vocabulary))
    }
}

/// Whether `path` (from the output's root) is a file of articles'
/// metadata. Those are named by the articles' places in the site, which
/// other articles' additions and deletions move, so an incremental build
/// never carries one over with an article's page.
pub fn is_metadata_path(path: &str) -> bool {
    path.strip_prefix(FOLDER)
        .and_then(|rest| rest.strip_prefix("/d/"))
        .is_some()
}

/// A job that panicked leaves the build failing anyway; what it left
/// behind is still well-formed, so the lock is taken regardless.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
