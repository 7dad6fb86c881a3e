//! A quick hasher for the short words the index counts: the standard one
//! resists flooding, which words from the publisher's own archive need not,
//! and costs a tenth of the build's search time.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct WordHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
        let tail = chunks.remainder();
        if !tail.is_empty() {
            // Byte by byte: a copy of a few bytes would be a call to memcpy.
            let word = (tail.iter().rev()).fold(0u64, |word, &byte| word << 8 | u64::from(byte));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SEED);
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u8(&mut self, byte: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(byte)).wrapping_mul(SEED);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub type WordMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::WordMap;

    #[test]
    fn words_that_share_a_prefix_are_told_apart() {
        let mut map: WordMap<&str, usize> = WordMap::default();
        for (n, word) in ["keeper", "keepers", "keep", "keeper\u{0}"]
            .iter()
            .enumerate()
        {
            map.insert(word, n);
        }
        assert_eq!(map.len(), 4);
        assert_eq!(map["keepers"], 1);
        assert_eq!(map.get("kee"), None);
    }
}
