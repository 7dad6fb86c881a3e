//! `Link` headers: well-formed ones checked against a model of what the
//! client should follow, and hostile ones for no panic and no link that is
//! not http(s).

use proptest::prelude::*;
use proptest::sample::select;

use crate::api::{Page, parse_link_header};

#[derive(Clone, Debug)]
struct Entry {
    url: String,
    rels: Vec<&'static str>,
    title: bool,
}

fn entry() -> impl Strategy<Value = Entry> {
    let scheme = select(vec![
        "https://",
        "http://",
        "HTTPS://",
        "javascript:",
        "data:text/html,",
        "",
        "/",
        "//x.org/",
        "ftp://",
    ]);
    let rel = select(vec![
        "next", "prev", "previous", "NEXT", "Prev", "other", "nextx",
    ]);
    (
        scheme,
        "[a-z0-9.-]{1,12}",
        "[a-zA-Z0-9/?=&.,%_-]{0,24}",
        prop::collection::vec(rel, 0..3),
        any::<bool>(),
    )
        .prop_map(|(scheme, host, path, rels, title)| Entry {
            url: format!("{scheme}{host}/{path}"),
            rels,
            title,
        })
}

impl Entry {
    fn text(&self) -> String {
        let title = if self.title {
            "; title=\"a, b; c\""
        } else {
            ""
        };
        format!("<{}>{title}; rel=\"{}\"", self.url, self.rels.join(" "))
    }

    fn is_http(&self) -> bool {
        let lower = self.url.to_ascii_lowercase();
        lower.starts_with("http://") || lower.starts_with("https://")
    }

    fn has(&self, names: &[&str]) -> bool {
        self.rels
            .iter()
            .any(|rel| names.contains(&rel.to_ascii_lowercase().as_str()))
    }
}

/// The page a client should read: the first http(s) link of each kind.
fn model(entries: &[Entry]) -> Page {
    let first = |names: &[&str]| {
        entries
            .iter()
            .find(|entry| entry.is_http() && entry.has(names))
            .map(|entry| entry.url.clone())
    };
    Page {
        next: first(&["next"]),
        prev: first(&["prev", "previous"]),
    }
}

/// Pieces of headers that break parsers: unterminated brackets and quotes,
/// stray separators, control characters.
fn hostile_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "<",
            ">",
            "\"",
            ",",
            ";",
            "=",
            "rel",
            "rel=next",
            "rel=\"next",
            "<https://x.org/",
            "<https://x.org/n>",
            " ",
            "\t",
            "\0",
            "\u{202e}",
            "<javascript:x>",
        ])
        .prop_map(str::to_string),
        entry().prop_map(|entry| entry.text()),
        ".{0,16}",
    ]
}

fn check(header: &str, page: &Page) {
    for link in [&page.next, &page.prev].into_iter().flatten() {
        let lower = link.to_ascii_lowercase();
        assert!(
            lower.starts_with("http://") || lower.starts_with("https://"),
            "{link:?}"
        );
        assert!(
            !link.chars().any(|c| c.is_whitespace() || c.is_control()),
            "{link:?}"
        );
        assert!(
            header.contains(link.as_str()),
            "a link comes from the header: {link:?}"
        );
    }
}

proptest! {
    #![proptest_config(super::config())]

    #[test]
    fn fuzz_link_header_well_formed(
        entries in prop::collection::vec(entry(), 0..6),
        separator in select(vec![",", ", ", " ,\t", ",\n"]),
    ) {
        let header: Vec<String> = entries.iter().map(Entry::text).collect();
        let header = header.join(separator);
        let page = parse_link_header(&header);
        check(&header, &page);
        prop_assert_eq!(page, model(&entries));
    }

    #[test]
    fn fuzz_link_header_hostile(pieces in prop::collection::vec(hostile_piece(), 0..24)) {
        let header = pieces.concat();
        check(&header, &parse_link_header(&header));
    }
}
