//! The many spellings of a URL or a name that parsers accept and
//! filters miss.

use super::payloads::script;
use super::rng::Rng;

/// A URL that runs `script` when followed or loaded, spelled the way
/// filters miss.
pub fn script_url(label: &str, rng: &mut Rng) -> String {
    let run = script(label, rng);
    let top = format!("top.__pwned='{label}'");
    match rng.below(12) {
        0 => format!("javascript:{run}"),
        1 => format!("{}:{run}", mixed_case("javascript", rng)),
        2 => format!("{}javascript:{run}", control_characters(rng)),
        3 => {
            let inside = rng.pick(&["\t", "\n", "\r", "\u{0}"]);
            format!("java{inside}script:{run}")
        }
        4 => format!("vbscript:msgbox(\"{label}\")"),
        5 => format!("data:text/html,<script>{top}</script>"),
        6 => format!(
            "data:text/html;base64,{}",
            base64(format!("<script>{top}</script>").as_bytes())
        ),
        7 => {
            format!("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' onload=\"{top}\"/>")
        }
        8 => format!("javascript://%0a{run}"),
        9 => format!("javascript&colon;{run}"),
        10 => format!("&#x6A;avascript&#58;{run}"),
        _ => format!("jav&#x09;ascript:{run}"),
    }
}

/// Links a status may legitimately carry, and relative ones it may not.
pub fn plain_url(rng: &mut Rng) -> String {
    rng.pick(&[
        "https://remote.example/@ada",
        "https://home.example/tags/sea",
        "http://example.org/a?b=c&amp;d=e",
        "mailto:ada@remote.example",
        "xmpp:ada@remote.example",
        "magnet:?xt=urn:btih:x",
        "/relative/path",
        "//evil.example/x",
        "#fragment",
        "https:javascript:x",
        "",
    ])
    .to_string()
}

/// Writes some characters of an attribute value as character references.
pub fn entity_encode(value: &str, rng: &mut Rng) -> String {
    let mut out = String::new();
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        let next_is_digit = chars.peek().is_some_and(|c| c.is_ascii_hexdigit());
        if !rng.chance(25) {
            out.push(c);
            continue;
        }
        let named = match c {
            ':' => Some("&colon;"),
            '\t' => Some("&Tab;"),
            '\n' => Some("&NewLine;"),
            '(' => Some("&lpar;"),
            ')' => Some("&rpar;"),
            _ => None,
        };
        match (rng.below(4), named) {
            (0, Some(named)) => out.push_str(named),
            (1, _) => out.push_str(&format!("&#x{:x};", c as u32)),
            (2, _) if !next_is_digit => out.push_str(&format!("&#{}", c as u32)),
            (3, _) => out.push_str(&format!("&#x0000{:X};", c as u32)),
            _ => out.push_str(&format!("&#{};", c as u32)),
        }
    }
    out
}

pub fn mixed_case(word: &str, rng: &mut Rng) -> String {
    word.chars()
        .map(|c| {
            if rng.chance(50) {
                c.to_ascii_uppercase()
            } else {
                c
            }
        })
        .collect()
}

/// A name as written: mostly lower case, sometimes mixed.
pub fn cased(name: &str, rng: &mut Rng) -> String {
    if rng.chance(15) {
        mixed_case(name, rng)
    } else {
        name.to_string()
    }
}

/// Whitespace and control characters that URL parsers strip from the start.
fn control_characters(rng: &mut Rng) -> String {
    const CONTROLS: &[char] = &[
        '\u{1}', '\u{8}', '\t', '\n', '\u{c}', '\r', '\u{1b}', ' ', '\u{1f}',
    ];
    (0..1 + rng.below(3))
        .map(|_| CONTROLS[rng.below(CONTROLS.len())])
        .collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, &b| n << 8 | u32::from(b)) << (8 * (3 - chunk.len()));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}
