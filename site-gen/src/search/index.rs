//! The collector the article jobs fill in parallel: one compact document
//! per article, replaceable, and the vocabulary they share.

use std::collections::HashMap;
use std::sync::{Mutex, MutexGuard, PoisonError};

use super::document::{analyse, metadata_script, score, text_of};
use crate::content::Article;
use crate::render::Page;

/// Where the index's files go in the output.
pub const FOLDER: &str = "search";

/// An article's part of the index: the stems it holds, as ids into the
/// vocabulary, ascending, each with its score. Nothing of its text stays.
#[derive(Debug, Default)]
pub struct Document {
    pub stems: Box<[u32]>,
    pub scores: Box<[u8]>,
}

/// Stems interned once for the whole site, and each folded word with the
/// stems it was read as (two languages may stem it differently).
#[derive(Default)]
pub struct Vocabulary {
    pub ids: HashMap<Box<str>, u32>,
    pub stems: Vec<Box<str>>,
    pub words: HashMap<Box<str>, Vec<u32>>,
}

impl Vocabulary {
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

/// The search index while the site renders: documents by article index.
pub struct SearchIndex {
    documents: Mutex<Vec<Option<Document>>>,
    vocabulary: Mutex<Vocabulary>,
}

impl SearchIndex {
    pub fn new(articles: usize) -> Self {
        Self {
            documents: Mutex::new((0..articles).map(|_| None).collect()),
            vocabulary: Mutex::new(Vocabulary::default()),
        }
    }

    /// Indexes the article at `index` of the site, from its rendered body,
    /// replacing what it held before; returns its metadata fragment.
    pub fn add(&self, index: usize, article: &Article, body_html: &str) -> Page {
        let text = text_of(body_html);
        let analysis = analyse(article, &text);
        let name = metadata_name(index);
        let page = Page {
            path: format!("{FOLDER}/{name}.js"),
            contents: metadata_script(&name, article, &text),
        };
        let mut stems: Vec<(u32, u8)> = {
            let mut vocabulary = lock(&self.vocabulary);
            let ids: Vec<u32> = analysis
                .stems
                .iter()
                .map(|(stem, _)| vocabulary.intern(stem))
                .collect();
            for (word, place) in &analysis.words {
                let id = ids[*place];
                match vocabulary.words.get_mut(word.as_str()) {
                    Some(ids) if ids.contains(&id) => {}
                    Some(ids) => ids.push(id),
                    None => {
                        vocabulary.words.insert(word.as_str().into(), vec![id]);
                    }
                }
            }
            ids.iter()
                .zip(&analysis.stems)
                .map(|(&id, (_, weight))| (id, score(*weight, analysis.length)))
                .collect()
        };
        stems.sort_unstable();
        let document = Document {
            stems: stems.iter().map(|&(id, _)| id).collect(),
            scores: stems.iter().map(|&(_, score)| score).collect(),
        };
        self.replace(index, Some(document));
        page
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

/// The name of an article's metadata fragment, inside the index's folder.
pub fn metadata_name(index: usize) -> String {
    format!("d/{index}")
}

/// A job that panicked leaves the build failing anyway; what it left
/// behind is still well-formed, so the lock is taken regardless.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}
