//! A reader of the built search index that looks words up as the search
//! page's script does, so tests can ask the index questions without a
//! browser.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

pub struct Index {
    folder: PathBuf,
    entry: Value,
    /// Every file read, by name, as the client would download it.
    pub read: BTreeSet<String>,
}

impl Index {
    pub fn open(site: &Path) -> Self {
        let mut index = Self {
            folder: site.join("search"),
            entry: Value::Null,
            read: BTreeSet::new(),
        };
        index.entry = index.load("entry");
        index
    }

    /// The data a fragment registers, checking that it registers under the
    /// name it was loaded by.
    pub fn load(&mut self, name: &str) -> Value {
        let path = self.folder.join(format!("{name}.js"));
        let script =
            fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()));
        let prefix = format!("__samizdatSearch({},", serde_json::to_string(name).unwrap());
        let json = script
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(");\n"))
            .unwrap_or_else(|| panic!("{name}.js is not a registration script: {script}"));
        self.read.insert(format!("{name}.js"));
        serde_json::from_str(json).unwrap()
    }

    /// What the results list shows of the article numbered `doc`, from
    /// its group's metadata file.
    pub fn metadata(&mut self, doc: u64) -> Value {
        let group = self.entry["group"].as_u64().unwrap();
        let file = self.load(&format!("d/{}", doc / group));
        file[(doc % group) as usize].clone()
    }

    fn fragment_of(&self, list: &str, key: &str) -> Option<usize> {
        let firsts = self.entry[list].as_array().unwrap();
        firsts
            .iter()
            .rposition(|first| first.as_str().unwrap() <= key)
    }

    /// A stem's articles with their scores, every page of them.
    fn postings(&mut self, stem: &str) -> Option<Vec<(u64, u64)>> {
        let number = self.fragment_of("stems", stem)?;
        let fragment = self.load(&format!("p/{number}"));
        let value = fragment.get(stem)?;
        let (id, total) = (value[0].as_u64().unwrap(), value[1].as_u64().unwrap());
        let mut flat: Vec<u64> = value[2]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect();
        let mut page = 1;
        while (flat.len() / 2) < total as usize {
            let more = self.load(&format!("m/{id}-{page}"));
            flat.extend(more.as_array().unwrap().iter().map(|n| n.as_u64().unwrap()));
            page += 1;
        }
        Some(flat.chunks(2).map(|pair| (pair[0], pair[1])).collect())
    }

    fn stems_of(&mut self, word: &str) -> Vec<String> {
        if let Some(number) = self.fragment_of("words", word) {
            let words = self.load(&format!("w/{number}"));
            if let Some(stems) = words.get(word).and_then(Value::as_str) {
                return if stems.is_empty() {
                    vec![word.to_string()]
                } else {
                    stems.split(' ').map(str::to_string).collect()
                };
            }
        }
        let chars: Vec<char> = word.chars().collect();
        let shortest = 3.max(chars.len().saturating_sub(4));
        (shortest..=chars.len())
            .rev()
            .map(|length| chars[..length].iter().collect::<String>())
            .find(|prefix| self.postings(prefix).is_some())
            .into_iter()
            .collect()
    }

    /// The URLs of the articles holding every word of `query`, best first.
    pub fn search(&mut self, query: &str) -> Vec<String> {
        let folded = site_gen::search::fold(query);
        let words: Vec<String> = site_gen::search::words(&folded)
            .map(str::to_string)
            .collect();
        let mut totals: Option<BTreeMap<u64, u64>> = None;
        for word in words {
            let mut scores: BTreeMap<u64, u64> = BTreeMap::new();
            for stem in self.stems_of(&word) {
                for (doc, score) in self.postings(&stem).unwrap_or_default() {
                    let best = scores.entry(doc).or_default();
                    *best = (*best).max(score);
                }
            }
            totals = Some(match totals {
                None => scores,
                Some(totals) => totals
                    .into_iter()
                    .filter_map(|(doc, score)| scores.get(&doc).map(|more| (doc, score + more)))
                    .collect(),
            });
        }
        let mut ranked: Vec<(u64, u64)> = totals.unwrap_or_default().into_iter().collect();
        ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked
            .into_iter()
            .map(|(doc, _)| {
                let metadata = self.metadata(doc);
                metadata["u"].as_str().unwrap().to_string()
            })
            .collect()
    }
}
