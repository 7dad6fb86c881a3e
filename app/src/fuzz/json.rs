//! The mutations a broken or hostile server could make to its JSON, first
//! to the tree (fields dropped, retyped, replaced with hostile values) and
//! then to the text (flipped bytes, truncation, splices, duplicate keys).

use proptest::prelude::*;
use proptest::sample::{Index, select};
use serde_json::{Value, json};

/// A change to one node of a JSON tree.
#[derive(Clone, Debug)]
pub enum Edit {
    /// The node leaves its object or list (the root becomes `null`).
    Drop,
    /// The node becomes this value.
    Set(Value),
    /// A string becomes a number, a number a string, a list an object, an
    /// object a list.
    Retype,
    /// The node is wrapped in this many lists.
    Bury(usize),
    /// A list's items or a string's text, many times over.
    Repeat(usize),
}

/// A change to the JSON text once written.
#[derive(Clone, Debug)]
pub enum TextEdit {
    Keep,
    Flip(Index, u8),
    Truncate(Index),
    Splice(Index, &'static str),
    /// A field written again just inside one of the objects: a duplicate
    /// key wherever the object has that field already.
    Duplicate(Index, &'static str),
}

/// What a case does to a fixture.
#[derive(Clone, Debug)]
pub struct Mutation {
    pub edits: Vec<(Index, Edit)>,
    pub text: TextEdit,
}

/// Values servers have been known to send, and worse.
fn hostile() -> impl Strategy<Value = Value> {
    prop_oneof![
        select(vec![
            Value::Null,
            json!(-1),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(1e308),
            json!(-1.5),
            json!(0),
            json!(true),
            json!(""),
            json!("javascript:alert(1)"),
            json!("data:text/html,<script>alert(1)</script>"),
            json!("\u{202e}\u{200b}\u{feff}\u{0}"),
            json!("１２７．０．０．１"),
            json!([]),
            json!({}),
            json!([[[[[[[[[]]]]]]]]]),
            json!({"id": ""}),
            json!({"id": "1", "account": {"id": "2"}}),
        ]),
        ".{0,40}".prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        (1usize..20_000).prop_map(|n| Value::from("x".repeat(n))),
    ]
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => Just(Edit::Drop),
        4 => hostile().prop_map(Edit::Set),
        2 => Just(Edit::Retype),
        1 => (1usize..200).prop_map(Edit::Bury),
        1 => (2usize..300).prop_map(Edit::Repeat),
    ]
}

/// JSON text that breaks a parser's assumptions when spliced in anywhere.
const SPLICES: &[&str] = &[
    "\"\\ud800\"",
    "\\u0000",
    "1e999",
    "18446744073709551616",
    "-9223372036854775809",
    "[",
    "}",
    "\"",
    "\\",
    ",,",
    "{\"id\":",
    "null",
    "\u{feff}",
];

/// Fields written twice: the ones every parser here reads.
const FIELDS: &[&str] = &[
    "\"id\":\"dup\",",
    "\"id\":7,",
    "\"account\":null,",
    "\"content\":1,",
    "\"reblog\":{},",
    "\"quote\":{\"id\":\"q\",\"account\":{\"id\":\"a\"}},",
    "\"type\":\"mention\",",
    "\"group_key\":\"\",",
    "\"event\":\"update\",",
    "\"payload\":\"{}\",",
];

fn text_edit() -> impl Strategy<Value = TextEdit> {
    prop_oneof![
        6 => Just(TextEdit::Keep),
        1 => (any::<Index>(), any::<u8>()).prop_map(|(at, byte)| TextEdit::Flip(at, byte)),
        1 => any::<Index>().prop_map(TextEdit::Truncate),
        1 => (any::<Index>(), select(SPLICES)).prop_map(|(at, text)| TextEdit::Splice(at, text)),
        1 => (any::<Index>(), select(FIELDS)).prop_map(|(at, text)| TextEdit::Duplicate(at, text)),
    ]
}

/// Up to `most` tree edits, then perhaps one text edit.
pub fn mutation(most: usize) -> impl Strategy<Value = Mutation> {
    (
        prop::collection::vec((any::<Index>(), edit()), 0..=most),
        text_edit(),
    )
        .prop_map(|(edits, text)| Mutation { edits, text })
}

/// Tree edits only: for a value that goes inside a larger document, which
/// is then written whole.
pub fn tree_mutation(most: usize) -> impl Strategy<Value = Mutation> {
    prop::collection::vec((any::<Index>(), edit()), 0..=most).prop_map(|edits| Mutation {
        edits,
        text: TextEdit::Keep,
    })
}

fn count(value: &Value) -> usize {
    1 + match value {
        Value::Object(map) => map.values().map(count).sum(),
        Value::Array(items) => items.iter().map(count).sum(),
        _ => 0,
    }
}

fn retype(value: &Value) -> Value {
    match value {
        Value::String(text) => text.parse::<f64>().map_or(json!(text.len()), Value::from),
        Value::Number(number) => Value::from(number.to_string()),
        Value::Array(items) => Value::Object(
            items
                .iter()
                .enumerate()
                .map(|(at, item)| (at.to_string(), item.clone()))
                .collect(),
        ),
        Value::Object(map) => Value::Array(map.values().cloned().collect()),
        Value::Bool(flag) => Value::from(u8::from(*flag)),
        Value::Null => json!({}),
    }
}

/// About how many bytes `value` takes written out.
fn size(value: &Value) -> usize {
    match value {
        Value::Object(map) => {
            map.iter()
                .map(|(key, child)| key.len() + size(child) + 4)
                .sum::<usize>()
                + 2
        }
        Value::Array(items) => items.iter().map(|item| size(item) + 1).sum::<usize>() + 2,
        Value::String(text) => text.len() + 2,
        _ => 8,
    }
}

/// How large a repeat may grow a node: large enough to test how parsers
/// handle size, small enough that repeats of repeats stay in memory.
const MOST_REPEATED: usize = 1 << 21;

/// `node` changed by any edit but `Drop`, which its parent does.
fn change(node: &mut Value, edit: &Edit) {
    let old = node.take();
    let edit = &match edit {
        Edit::Repeat(times) => Edit::Repeat((*times).min(MOST_REPEATED / size(&old)).max(1)),
        other => other.clone(),
    };
    *node = match edit {
        Edit::Drop => Value::Null,
        Edit::Set(value) => value.clone(),
        Edit::Retype => retype(&old),
        Edit::Bury(depth) => (0..*depth).fold(old, |inner, _| json!([inner])),
        Edit::Repeat(times) => match old {
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .cycle()
                    .take(items.len() * times)
                    .cloned()
                    .collect(),
            ),
            Value::String(text) => Value::from(text.repeat(*times)),
            other => Value::Array(vec![other; *times]),
        },
    };
}

/// Applies `edit` to the node `left` places on from `value` in pre-order
/// (`value` itself at 0); true once applied.
fn apply_at(value: &mut Value, left: &mut usize, edit: &Edit) -> bool {
    if *left == 0 {
        change(value, edit);
        return true;
    }
    *left -= 1;
    let dropping = matches!(edit, Edit::Drop);
    match value {
        Value::Object(map) => {
            let mut gone = None;
            for (key, child) in map.iter_mut() {
                if *left == 0 && dropping {
                    gone = Some(key.clone());
                    break;
                }
                if apply_at(child, left, edit) {
                    return true;
                }
            }
            gone.is_some_and(|key| map.remove(&key).is_some())
        }
        Value::Array(items) => {
            let mut gone = None;
            for (at, child) in items.iter_mut().enumerate() {
                if *left == 0 && dropping {
                    gone = Some(at);
                    break;
                }
                if apply_at(child, left, edit) {
                    return true;
                }
            }
            gone.map(|at| items.remove(at)).is_some()
        }
        _ => false,
    }
}

fn apply_edit(root: &mut Value, at: &Index, edit: &Edit) {
    let mut left = at.index(count(root));
    let applied = apply_at(root, &mut left, edit);
    assert!(applied, "every index below the count names a node");
}

/// The byte offset of the `nth` (modulo their count) `{` in `text`.
fn nth_brace(text: &str, nth: &Index) -> Option<usize> {
    let braces: Vec<usize> = text.match_indices('{').map(|(at, _)| at).collect();
    (!braces.is_empty()).then(|| braces[nth.index(braces.len())])
}

impl Mutation {
    /// The tree edits, applied to `value` in place.
    pub fn apply_tree(&self, value: &mut Value) {
        for (at, edit) in &self.edits {
            apply_edit(value, at, edit);
        }
    }

    /// `value` mutated and written out.
    pub fn apply(&self, value: &Value) -> String {
        let mut value = value.clone();
        self.apply_tree(&mut value);
        let text = value.to_string();
        let mut bytes = text.into_bytes();
        match &self.text {
            TextEdit::Keep => {}
            TextEdit::Flip(at, byte) if !bytes.is_empty() => {
                let at = at.index(bytes.len());
                bytes[at] = *byte;
            }
            TextEdit::Truncate(at) => bytes.truncate(at.index(bytes.len() + 1)),
            TextEdit::Splice(at, splice) => {
                let at = at.index(bytes.len() + 1);
                bytes.splice(at..at, splice.bytes());
            }
            TextEdit::Duplicate(at, field) => {
                let text = String::from_utf8_lossy(&bytes).into_owned();
                if let Some(brace) = nth_brace(&text, at) {
                    bytes.splice(brace + 1..brace + 1, field.bytes());
                }
            }
            TextEdit::Flip(..) => {}
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }
}
