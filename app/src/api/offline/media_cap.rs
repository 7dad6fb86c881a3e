//! The media previews kept for offline reading, within a size cap the
//! reader sets: when a new preview would pass it, the oldest go first.

use serde::{Deserialize, Serialize};

/// The cap until the reader sets one, in megabytes.
pub const DEFAULT_CAP_MB: u32 = 50;
/// The highest cap the setting takes: past it, the browser's own quota
/// decides anyway.
const MAX_CAP_MB: u32 = 100_000;

/// A cap in megabytes, in bytes.
pub fn cap_bytes(megabytes: u32) -> u64 {
    u64::from(megabytes) * 1_000_000
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CapError {
    #[error(
        "the offline media cap must be a whole number of megabytes from 0 to {MAX_CAP_MB}, not “{0}”"
    )]
    NotACap(String),
}

/// The cap as the reader typed it, in megabytes; 0 keeps no media.
pub fn parse_cap_mb(text: &str) -> Result<u32, CapError> {
    text.trim()
        .parse::<u32>()
        .ok()
        .filter(|megabytes| *megabytes <= MAX_CAP_MB)
        .ok_or_else(|| CapError::NotACap(text.to_string()))
}

/// One kept preview.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MediaEntry {
    pub url: String,
    pub bytes: u64,
    /// When it was kept (ms since the epoch).
    pub stored_at: f64,
}

/// Every kept preview, with its size.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct MediaIndex {
    pub entries: Vec<MediaEntry>,
}

impl MediaIndex {
    pub fn total_bytes(&self) -> u64 {
        self.entries.iter().map(|entry| entry.bytes).sum()
    }

    pub fn contains(&self, url: &str) -> bool {
        self.entries.iter().any(|entry| entry.url == url)
    }

    /// Records `entry`, replacing an older record of the same URL.
    pub fn add(&mut self, entry: MediaEntry) {
        self.entries.retain(|known| known.url != entry.url);
        self.entries.push(entry);
    }

    /// Forgets the oldest previews until the rest fit in `cap` bytes,
    /// giving the URLs forgotten, oldest first, to remove from the cache.
    pub fn evict_to(&mut self, cap: u64) -> Vec<String> {
        self.entries
            .sort_by(|a, b| a.stored_at.total_cmp(&b.stored_at));
        let mut total = self.total_bytes();
        let mut evicted = Vec::new();
        while total > cap && !self.entries.is_empty() {
            let oldest = self.entries.remove(0);
            total -= oldest.bytes;
            evicted.push(oldest.url);
        }
        evicted
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(url: &str, bytes: u64, stored_at: f64) -> MediaEntry {
        MediaEntry {
            url: url.into(),
            bytes,
            stored_at,
        }
    }

    #[test]
    fn the_oldest_previews_go_first_until_the_rest_fit() {
        let mut index = MediaIndex::default();
        index.add(entry("b", 400, 2.0));
        index.add(entry("a", 300, 1.0));
        index.add(entry("c", 500, 3.0));
        assert_eq!(index.total_bytes(), 1200);
        assert!(index.evict_to(1200).is_empty(), "at the cap, nothing goes");
        assert_eq!(index.evict_to(900), ["a"]);
        assert_eq!(index.evict_to(500), ["b"]);
        assert_eq!(index.total_bytes(), 500);
        assert!(index.contains("c") && !index.contains("a"));
        assert_eq!(index.evict_to(0), ["c"], "a cap of 0 keeps nothing");
        assert_eq!(index, MediaIndex::default());
    }

    #[test]
    fn a_preview_kept_again_counts_once_and_as_new() {
        let mut index = MediaIndex::default();
        index.add(entry("a", 300, 1.0));
        index.add(entry("b", 300, 2.0));
        index.add(entry("a", 350, 3.0));
        assert_eq!(index.total_bytes(), 650);
        assert_eq!(index.evict_to(400), ["b"]);
    }

    #[test]
    fn the_cap_reads_whole_megabytes_and_says_what_it_takes() {
        assert_eq!(parse_cap_mb(" 50 "), Ok(50));
        assert_eq!(parse_cap_mb("0"), Ok(0));
        assert_eq!(cap_bytes(50), 50_000_000);
        for bad in ["", "-1", "2.5", "lots", "100001"] {
            let error = parse_cap_mb(bad).unwrap_err();
            assert!(
                error.to_string().contains("whole number of megabytes"),
                "{error}"
            );
        }
    }
}
