//! Positions in the browser's units (UTF-16 code units) and in Rust's
//! (bytes of UTF-8).

/// The byte offset of the `utf16`th code unit of `text`. A position past
/// the end is the end; one inside a character (between the halves of a
/// surrogate pair, which a browser does not give) is that character's
/// start, so the result is always a valid place to slice.
pub fn byte_offset(text: &str, utf16: u32) -> usize {
    let mut units = 0u32;
    for (byte, c) in text.char_indices() {
        let next = units + c.len_utf16() as u32;
        if next > utf16 {
            return byte;
        }
        units = next;
    }
    text.len()
}

/// The UTF-16 position of byte `byte` of `text` (clamped to its end; a
/// byte inside a character counts from that character's start).
pub fn utf16_offset(text: &str, byte: usize) -> u32 {
    text.char_indices()
        .take_while(|&(start, c)| start + c.len_utf8() <= byte)
        .map(|(_, c)| c.len_utf16() as u32)
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_counts_the_same_both_ways() {
        assert_eq!(byte_offset("hello", 3), 3);
        assert_eq!(utf16_offset("hello", 3), 3);
        assert_eq!(byte_offset("hello", 99), 5);
        assert_eq!(utf16_offset("hello", 99), 5);
        assert_eq!(byte_offset("", 0), 0);
    }

    #[test]
    fn accents_take_two_bytes_and_one_unit() {
        // "é" is 2 bytes in UTF-8 and 1 unit in UTF-16.
        let text = "café @a";
        assert_eq!(byte_offset(text, 4), 5);
        assert_eq!(utf16_offset(text, 5), 4);
        assert_eq!(byte_offset(text, 7), text.len());
    }

    #[test]
    fn astral_characters_take_four_bytes_and_two_units() {
        // "🐘" is 4 bytes and a surrogate pair.
        let text = "🐘@al";
        assert_eq!(byte_offset(text, 2), 4);
        assert_eq!(utf16_offset(text, 4), 2);
        // Between the halves of the pair: the character's start.
        assert_eq!(byte_offset(text, 1), 0);
        assert_eq!(utf16_offset(text, 2), 0);
        assert_eq!(byte_offset(text, 5), text.len());
        assert_eq!(utf16_offset(text, text.len()), 5);
    }

    #[test]
    fn round_trips_at_every_character_boundary() {
        let text = "a👩‍👩‍👧 é#日本🇫🇷:x";
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(byte_offset(text, utf16_offset(text, byte)), byte);
        }
    }
}
