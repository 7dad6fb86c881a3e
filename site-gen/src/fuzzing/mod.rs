//! What every fuzz target of site-gen shares: its proptest settings and
//! the mutations that turn a well-formed input into a hostile one.
//!
//! Targets start from inputs shaped like the real thing (the example
//! archive, the import fixtures, a grammar), because random bytes rarely
//! get past a parser's first check; the mutations then break them the
//! ways damaged or hostile files are broken.

pub mod memory;

use proptest::prelude::*;
use proptest::sample::Index;
use proptest::test_runner::Config;

/// Cases a target runs when `PROPTEST_CASES` is not set: few enough that
/// the whole test suite stays quick. `bench/fuzz` sets it for long runs.
pub fn config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|cases| cases.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        // A failure is kept as a plain regression test next to its target,
        // never as a file written into the source tree.
        failure_persistence: None,
        ..Config::default()
    }
}

/// Pieces that parsers of text, markup and paths tend to get wrong.
pub const HOSTILE: &[&str] = &[
    "\0",
    "\u{feff}",
    "\r",
    "\r\n",
    "\n",
    "\t",
    "\u{2028}",
    "\u{202e}",
    "\u{fffd}",
    "é",
    "🦀",
    "\u{0301}",
    "../",
    "..\\",
    "/etc/passwd",
    "C:\\",
    "\u{2215}",
    "\u{ff0e}\u{ff0e}/",
    "%2e%2e/",
    "---",
    "+++",
    "\"",
    "'",
    "<",
    ">",
    "&",
    "&#0;",
    "&#x110000;",
    "]]>",
    "<![CDATA[",
    "<!--",
    "-->",
    "{",
    "}",
    "[",
    "]",
    ":",
    "=",
    "*",
    "&a",
    "!!binary",
    "9999-99-99",
    "-99999999999999999999",
    "1e999",
    "NaN",
    "null",
    "true",
];

/// One way to damage an input.
#[derive(Clone, Debug)]
pub enum Mutation {
    FlipBit(Index, u8),
    SetByte(Index, u8),
    Truncate(Index),
    Delete(Index, Index),
    Insert(Index, &'static str),
    /// Copies a stretch of the input elsewhere in it, as a splice of two
    /// documents does.
    Duplicate(Index, Index, Index),
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<Index>(), 0u8..8).prop_map(|(at, bit)| Mutation::FlipBit(at, bit)),
        (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| Mutation::SetByte(at, byte)),
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), any::<Index>()).prop_map(|(at, to)| Mutation::Delete(at, to)),
        (any::<Index>(), proptest::sample::select(HOSTILE))
            .prop_map(|(at, piece)| Mutation::Insert(at, piece)),
        (any::<Index>(), any::<Index>(), any::<Index>())
            .prop_map(|(from, to, at)| Mutation::Duplicate(from, to, at)),
    ]
}

/// Up to `most` mutations, none at all in some cases: the unbroken input
/// must keep working too.
pub fn mutations(most: usize) -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(mutation(), 0..=most)
}

/// `bytes` with `mutations` applied in turn.
pub fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for mutation in mutations {
        let len = bytes.len();
        let at = |index: &Index| if len == 0 { 0 } else { index.index(len + 1) };
        match mutation {
            Mutation::FlipBit(index, bit) if len > 0 => bytes[index.index(len)] ^= 1 << bit,
            Mutation::SetByte(index, byte) if len > 0 => bytes[index.index(len)] = *byte,
            Mutation::FlipBit(..) | Mutation::SetByte(..) => {}
            Mutation::Truncate(index) => bytes.truncate(at(index)),
            Mutation::Delete(from, to) => {
                let (from, to) = ordered(at(from), at(to));
                // Short deletions keep most of the document's shape.
                bytes.drain(from..to.min(from + 64));
            }
            Mutation::Insert(index, piece) => {
                let at = at(index);
                bytes.splice(at..at, piece.bytes());
            }
            Mutation::Duplicate(from, to, index) => {
                let (from, to) = ordered(at(from), at(to));
                let copied = bytes[from..to.min(from + 256)].to_vec();
                let at = at(index);
                bytes.splice(at..at, copied);
            }
        }
    }
    bytes
}

/// `text` mutated, made text again where a mutation broke its UTF-8, for
/// parsers that are handed a `&str`.
pub fn mutate_text(text: &str, mutations: &[Mutation]) -> String {
    String::from_utf8_lossy(&mutate(text.as_bytes().to_vec(), mutations)).into_owned()
}

fn ordered(a: usize, b: usize) -> (usize, usize) {
    if a <= b { (a, b) } else { (b, a) }
}

/// Whether `path`, relative to a folder, stays inside it whatever the
/// platform: no `..`, no root, no drive, no NUL.
pub fn stays_inside(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with(['/', '\\'])
        && path.get(1..2) != Some(":")
        && !path.contains('\0')
        && path.split(['/', '\\']).all(|part| part != "..")
}
