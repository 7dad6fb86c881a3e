//! A poll (a `Question`): its options with their counts, as a list the
//! site shows and as data kept under `extra.poll`.

use jiff::Timestamp;
use serde_json::{Value, json};

use super::model::{ClosedAt, Note, PollOption};

/// The poll's options with their counts, as Markdown and as data.
pub fn poll(note: &Note) -> Option<(String, Value)> {
    let (options, multiple): (&[PollOption], bool) = if !note.one_of.is_empty() {
        (&note.one_of, false)
    } else if !note.any_of.is_empty() {
        (&note.any_of, true)
    } else {
        return None;
    };
    let mut lines = Vec::new();
    let mut data = Vec::new();
    for option in options {
        let name = option.name.as_deref().unwrap_or_default().trim();
        let votes = option
            .replies
            .as_ref()
            .and_then(|count| count.total_items)
            .unwrap_or(0);
        let unit = if votes == 1 { "vote" } else { "votes" };
        lines.push(format!("- {}: {votes} {unit}", escape_list_text(name)));
        data.push(json!({"name": name, "votes": votes}));
    }
    let closed = match &note.closed {
        Some(ClosedAt::Date(date)) => Some(date.clone()),
        Some(ClosedAt::Flag(true)) => note.end_time.clone().or(Some(String::new())),
        _ => None,
    };
    let ends = closed.as_deref().or(note.end_time.as_deref());
    let when = ends
        .and_then(|date| date.parse::<Timestamp>().ok())
        .map(|date| date.strftime(" %Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_default();
    let state = match (&closed, ends) {
        (Some(_), _) => format!("Poll closed{when}"),
        (None, Some(_)) => format!("Poll ends{when}"),
        (None, None) => "Poll".to_string(),
    };
    let kind = if multiple {
        ", several answers allowed"
    } else {
        ""
    };
    lines.push(String::new());
    lines.push(format!("*{state}{kind}.*"));
    let value = json!({
        "multiple": multiple,
        "options": data,
        "end_time": ends,
        "closed": closed.is_some(),
    });
    Some((lines.join("\n"), value))
}

fn escape_list_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '*' | '_' | '[' | ']' | '<' | '>' | '`' | '#') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}
