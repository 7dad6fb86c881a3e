//! An article's part of the index as it waits in memory for the index to
//! be written: a million articles' documents are held at once, so each
//! stem costs one or two bytes of distance and one of score, not five.

/// The stems an article holds, as vocabulary ids, ascending, each with its
/// score: each id as its distance from the one before (LEB128), then the
/// score. Nothing of the article's text stays.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Document {
    packed: Box<[u8]>,
}

impl Document {
    /// Packs `stems`, which are sorted by id, each id once.
    pub fn new(stems: &[(u32, u8)]) -> Self {
        let mut packed = Vec::with_capacity(stems.len() * 3);
        let mut last = 0;
        for &(id, score) in stems {
            let mut gap = id.wrapping_sub(last);
            last = id;
            while gap >= 0x80 {
                packed.push((gap as u8 & 0x7f) | 0x80);
                gap >>= 7;
            }
            packed.push(gap as u8);
            packed.push(score);
        }
        Self {
            packed: packed.into(),
        }
    }

    /// Each stem's id with its score, by id.
    pub fn stems(&self) -> Stems<'_> {
        Stems {
            bytes: &self.packed,
            last: 0,
        }
    }
}

pub struct Stems<'a> {
    bytes: &'a [u8],
    last: u32,
}

impl Iterator for Stems<'_> {
    type Item = (u32, u8);

    fn next(&mut self) -> Option<(u32, u8)> {
        let mut gap = 0u32;
        let mut shift = 0;
        loop {
            let (&byte, rest) = self.bytes.split_first()?;
            self.bytes = rest;
            gap |= u32::from(byte & 0x7f) << shift;
            if byte < 0x80 {
                break;
            }
            shift += 7;
        }
        let (&score, rest) = self.bytes.split_first()?;
        self.bytes = rest;
        self.last = self.last.wrapping_add(gap);
        Some((self.last, score))
    }
}

#[cfg(test)]
mod tests {
    use super::Document;
    use proptest::prelude::*;

    #[test]
    fn small_gaps_take_two_bytes_a_stem() {
        let stems: Vec<(u32, u8)> = (0..100).map(|i| (i * 3, i as u8)).collect();
        let document = Document::new(&stems);
        assert_eq!(document.packed.len(), 200);
        assert_eq!(document.stems().collect::<Vec<_>>(), stems);
        assert_eq!(Document::default().stems().count(), 0);
    }

    proptest! {
        #[test]
        fn stems_come_back_as_they_went_in(
            ids in proptest::collection::btree_set(any::<u32>(), 0..200),
            score in any::<u8>(),
        ) {
            let stems: Vec<(u32, u8)> =
                ids.into_iter().map(|id| (id, score ^ (id as u8))).collect();
            prop_assert_eq!(Document::new(&stems).stems().collect::<Vec<_>>(), stems);
        }
    }
}
