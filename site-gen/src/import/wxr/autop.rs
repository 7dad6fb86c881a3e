//! WordPress's `wpautop`, the part that matters once the HTML is read
//! again: text separated by a blank line becomes paragraphs, a single line
//! break inside one becomes `<br>`, and block elements and `<pre>` are
//! left as they are.

/// Elements that make their own block, around which no `<p>` goes.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "audio",
    "blockquote",
    "caption",
    "col",
    "colgroup",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "iframe",
    "legend",
    "li",
    "map",
    "math",
    "menu",
    "nav",
    "object",
    "ol",
    "p",
    "pre",
    "section",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "video",
];

/// Blocks whose text is itself paragraphs, so it stands apart from their tags.
const CONTAINERS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "details",
    "div",
    "fieldset",
    "footer",
    "form",
    "header",
    "nav",
    "section",
];

/// Paragraphs for `text`, as WordPress shows it.
pub fn autop(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for (index, part) in split_pre(&text).into_iter().enumerate() {
        if index % 2 == 1 {
            out.push_str(&code_inside(part));
            out.push('\n');
        } else {
            paragraphs(part, &mut out);
        }
    }
    out
}

/// `text` cut at `<pre>` blocks: even parts outside, odd parts a whole
/// `<pre>…</pre>`, which keeps its line breaks.
fn split_pre(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(start) = find_tag(rest, "<pre") {
        let end = rest[start..]
            .find("</pre>")
            .map_or(rest.len(), |end| start + end + "</pre>".len());
        parts.push(&rest[..start]);
        parts.push(&rest[start..end]);
        rest = &rest[end..];
    }
    parts.push(rest);
    parts
}

/// A `<pre>` block with its text in `<code>`, which is what Markdown's
/// code blocks read back; WordPress's often hold the text bare.
fn code_inside(pre: &str) -> String {
    let Some(open_end) = pre.find('>') else {
        return pre.to_string();
    };
    let inner = &pre[open_end + 1..];
    let Some(close) = inner.rfind("</pre>") else {
        return pre.to_string();
    };
    if inner.trim_start().to_ascii_lowercase().starts_with("<code") {
        return pre.to_string();
    }
    // HTML drops a line break right after `<pre>`, not after `<code>`.
    let text = inner[..close].strip_prefix('\n').unwrap_or(&inner[..close]);
    format!("{}<code>{text}</code></pre>", &pre[..=open_end])
}

/// Where `<pre` starts as a tag, any case.
fn find_tag(text: &str, tag: &str) -> Option<usize> {
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(found) = lower[from..].find(tag) {
        let at = from + found;
        let next = lower.as_bytes().get(at + tag.len());
        if matches!(next, Some(b'>' | b' ' | b'\t' | b'\n')) {
            return Some(at);
        }
        from = at + tag.len();
    }
    None
}

fn paragraphs(text: &str, out: &mut String) {
    let spaced = space_blocks(text);
    for chunk in spaced.split("\n\n") {
        let chunk = chunk.trim();
        if chunk.is_empty() {
            continue;
        }
        if starts_block(chunk) || ends_block(chunk) {
            out.push_str(chunk);
        } else {
            out.push_str("<p>");
            let lines: Vec<&str> = chunk.lines().map(str::trim).collect();
            out.push_str(&lines.join("<br>"));
            out.push_str("</p>");
        }
        out.push('\n');
    }
}

/// `text` with a blank line before every block tag's opening and after
/// every block tag's closing, so each stands in a chunk of its own.
fn space_blocks(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(at) = rest.find('<') {
        out.push_str(&rest[..at]);
        let tag = &rest[at..];
        let end = tag.find('>').map_or(tag.len(), |end| end + 1);
        let (name, closing) = tag_name(&tag[..end]);
        let block = BLOCKS.contains(&name.as_str());
        let container = CONTAINERS.contains(&name.as_str());
        if block && (!closing || container) {
            out.push_str("\n\n");
        }
        out.push_str(&tag[..end]);
        if block && (closing || container || name == "hr") {
            out.push_str("\n\n");
        }
        rest = &tag[end..];
    }
    out.push_str(rest);
    // Paragraph breaks are blank lines, whatever white space they hold.
    let mut normal = String::with_capacity(out.len());
    let mut blank_run = false;
    for line in out.split('\n') {
        if line.trim().is_empty() {
            blank_run = true;
            continue;
        }
        if !normal.is_empty() {
            normal.push_str(if blank_run { "\n\n" } else { "\n" });
        }
        normal.push_str(line);
        blank_run = false;
    }
    normal
}

/// The lower-cased name of the tag `tag` (`<div class=…>`, `</div>`) and
/// whether it closes.
fn tag_name(tag: &str) -> (String, bool) {
    let inner = tag.trim_start_matches('<');
    let closing = inner.starts_with('/');
    let name = inner
        .trim_start_matches('/')
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect::<String>()
        .to_ascii_lowercase();
    (name, closing)
}

fn starts_block(chunk: &str) -> bool {
    chunk.starts_with('<') && BLOCKS.contains(&tag_name(chunk).0.as_str())
}

fn ends_block(chunk: &str) -> bool {
    chunk.rfind("</").is_some_and(|at| {
        chunk.ends_with('>') && BLOCKS.contains(&tag_name(&chunk[at..]).0.as_str())
    })
}

#[cfg(test)]
mod tests {
    use super::autop;

    #[test]
    fn blank_lines_make_paragraphs_and_single_breaks_br() {
        assert_eq!(
            autop("First line\nsecond line\n\nAnother paragraph."),
            "<p>First line<br>second line</p>\n<p>Another paragraph.</p>\n"
        );
    }

    #[test]
    fn blocks_and_pre_are_left_alone() {
        let html = autop("Intro\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<pre>a\n\nb</pre>\nEnd");
        assert!(
            html.starts_with("<p>Intro</p>\n<ul>\n<li>one</li>\n"),
            "{html}"
        );
        assert!(html.contains("<pre><code>a\n\nb</code></pre>"), "{html}");
        assert!(html.ends_with("<p>End</p>\n"), "{html}");
        assert!(!html.contains("<li>one</li><br>"), "{html}");
    }

    #[test]
    fn text_inside_a_blockquote_gets_paragraphs() {
        assert_eq!(
            autop("<blockquote>Said once.\n\nSaid twice.</blockquote>"),
            "<blockquote>\n<p>Said once.</p>\n<p>Said twice.</p>\n</blockquote>\n"
        );
    }
}
