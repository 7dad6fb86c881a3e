//! Incremental builds: each job's inputs are hashed into a fingerprint,
//! and a job whose fingerprint is the one the cache holds is not rendered
//! again; its files are carried over from the previous output instead.
//!
//! A job's inputs are its template context, exactly what its template
//! can see, with each article body it includes given as the hash of its
//! Markdown source rather than as HTML, so nothing is rendered to find out
//! whether it must be. The fingerprint also covers the templates and the
//! site-gen program itself. So the same fingerprint always means the same
//! files: a cache left by an older or failed build can make a build carry
//! less, never carry wrong, and the staging only carries bytes it finds
//! in a previous output by their hash. Jobs that are cheap to render (the
//! sitemap, the 404 page, the mirrors page) have no fingerprint and are
//! always rendered; their files still cost nothing when unchanged.
//!
//! A site-wide output (such as a search index) fits as a job whose inputs
//! list what it takes from every article: one article's change changes
//! its fingerprint.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use minijinja::Value;
use samizdat_manifest::FileEntry;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// What the last incremental build rendered, by job.
#[derive(Default, Serialize, Deserialize)]
pub struct JobCache {
    format: u32,
    jobs: HashMap<String, CachedJob>,
}

#[derive(Clone, Serialize, Deserialize)]
pub struct CachedJob {
    pub fingerprint: String,
    pub files: Vec<FileEntry>,
}

/// Changes whenever the cache's layout does, so an old one is dropped.
const FORMAT: u32 = 1;

impl JobCache {
    /// Where the cache of the output at `out_dir` is kept: beside it, so
    /// the output holds only the site.
    pub fn path(out_dir: &Path) -> PathBuf {
        crate::swap::beside(out_dir, "cache")
    }

    /// The cache at `path`; empty, making the build a full one, when it
    /// is missing, unreadable or from another version.
    pub fn load(path: &Path) -> Self {
        fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Self>(&bytes).ok())
            .filter(|cache| cache.format == FORMAT)
            .unwrap_or_default()
    }

    /// Writes the cache whole, or leaves the old one.
    pub fn save(&self, path: &Path) -> std::io::Result<()> {
        let temporary = path.with_extension(format!("{}", std::process::id()));
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other)?;
        fs::write(&temporary, bytes)?;
        fs::rename(&temporary, path).inspect_err(|_| {
            let _ = fs::remove_file(&temporary);
        })
    }

    pub fn from_jobs(jobs: impl IntoIterator<Item = (String, CachedJob)>) -> Self {
        Self {
            format: FORMAT,
            jobs: jobs.into_iter().collect(),
        }
    }

    /// The files the job `key` wrote, if its fingerprint was `fingerprint`.
    pub fn files(&self, key: &str, fingerprint: &str) -> Option<&[FileEntry]> {
        self.jobs
            .get(key)
            .filter(|job| job.fingerprint == fingerprint)
            .map(|job| job.files.as_slice())
    }

    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }
}

/// What every fingerprint of a build shares: the program, the templates,
/// and what every page shows (`site_wide`: settings, menus, footer).
/// None when they cannot be hashed: then nothing may be carried over.
pub fn salt(templates: &[(String, String)], site_wide: &Value) -> Option<String> {
    let mut hasher = Sha256::new();
    serde_json::to_writer(&mut hasher, site_wide).ok()?;
    hasher.update(env!("CARGO_PKG_VERSION"));
    // The built-in templates and the rendering code live in the program:
    // a rebuilt program must not trust what an older one rendered.
    if let Some(program) = std::env::current_exe()
        .ok()
        .and_then(|path| fs::metadata(path).ok())
    {
        hasher.update(program.len().to_le_bytes());
        if let Ok(since) = program
            .modified()
            .map(|time| time.duration_since(std::time::UNIX_EPOCH))
        {
            hasher.update(since.unwrap_or_default().as_nanos().to_le_bytes());
        }
    }
    for (name, source) in templates {
        hasher.update((name.len() as u64).to_le_bytes());
        hasher.update(name);
        hasher.update((source.len() as u64).to_le_bytes());
        hasher.update(source);
    }
    Some(hex(&hasher.finalize()))
}

/// The fingerprint of the job `key` whose inputs are `inputs`.
pub fn fingerprint(salt: &str, key: &str, inputs: &Value) -> Option<String> {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update([0]);
    hasher.update(key);
    hasher.update([0]);
    serde_json::to_writer(&mut hasher, inputs).ok()?;
    hasher.flush().ok()?;
    Some(hex(&hasher.finalize()))
}

/// The hash that stands for a body in a job's inputs.
pub fn body_hash(source: &str) -> String {
    hex(&Sha256::digest(source))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cache_that_cannot_be_read_is_empty() {
        let work = tempfile::tempdir().unwrap();
        let path = work.path().join(".site.cache");
        fs::write(&path, "{not json").unwrap();
        assert!(JobCache::load(&path).is_empty());
        assert!(JobCache::load(&work.path().join("missing")).is_empty());
    }

    #[test]
    fn a_saved_cache_gives_back_files_only_for_the_same_fingerprint() {
        let work = tempfile::tempdir().unwrap();
        let path = work.path().join(".site.cache");
        let files = vec![FileEntry::for_contents("a/index.html", b"page")];
        let job = CachedJob {
            fingerprint: "f1".into(),
            files: files.clone(),
        };
        JobCache::from_jobs([("article a".to_string(), job)])
            .save(&path)
            .unwrap();
        let cache = JobCache::load(&path);
        assert_eq!(cache.files("article a", "f1"), Some(files.as_slice()));
        assert_eq!(cache.files("article a", "f2"), None);
        assert_eq!(cache.files("article b", "f1"), None);
    }

    #[test]
    fn fingerprints_follow_inputs_key_and_salt() {
        let inputs = Value::from_serialize(serde_json::json!({ "title": "A" }));
        let other = Value::from_serialize(serde_json::json!({ "title": "B" }));
        let base = fingerprint("s", "k", &inputs);
        assert_eq!(base, fingerprint("s", "k", &inputs));
        assert_ne!(base, fingerprint("s", "k", &other));
        assert_ne!(base, fingerprint("s", "k2", &inputs));
        assert_ne!(base, fingerprint("t", "k", &inputs));
    }
}
