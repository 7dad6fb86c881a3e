//! Old addresses: a post's permalink (`/2021/01/slug/`) becomes an alias
//! relative to the site's root; `/?p=123` cannot be a file on a static
//! host, so the post keeps its id for the home page's redirect script.

/// The path of `link` below `base`, if it is one a static host can serve.
pub fn alias(link: &str, base: &str) -> Option<String> {
    let link = without_scheme(link.trim());
    let base = without_scheme(base.trim()).trim_end_matches('/');
    let path = match link.strip_prefix(base) {
        Some(rest) if rest.is_empty() || rest.starts_with('/') => rest,
        // Another host, or a base the export does not give: its path.
        _ => link.find('/').map_or("", |at| &link[at..]),
    };
    let path = path.split('#').next().unwrap_or_default();
    if path.contains('?') {
        return None;
    }
    let parts: Vec<String> = path
        .split('/')
        .filter(|part| !part.is_empty())
        .map(percent_decode)
        .collect();
    (!parts.is_empty()).then(|| parts.join("/"))
}

fn without_scheme(url: &str) -> &str {
    url.split_once("://").map_or(url, |(_, rest)| rest)
}

/// `%c3%a9` as `é`; invalid sequences are kept as written.
pub fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_string();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                out.push(byte);
                index += 3;
            }
            (byte, _) => {
                out.push(byte);
                index += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_permalink_becomes_an_alias_below_the_base() {
        let base = "https://example.org/blog/";
        assert_eq!(
            alias("https://example.org/blog/2021/01/hello-world/", base).as_deref(),
            Some("2021/01/hello-world")
        );
        assert_eq!(
            alias("http://example.org/blog/%c3%a9t%c3%a9/", base).as_deref(),
            Some("été")
        );
        assert_eq!(alias("https://example.org/blog/?p=12", base), None);
        assert_eq!(alias("https://example.org/blog/", base), None);
        assert_eq!(
            alias("https://old.example.net/about/team/", base).as_deref(),
            Some("about/team")
        );
    }

    #[test]
    fn percent_decoding_keeps_what_is_not_a_sequence() {
        assert_eq!(percent_decode("caf%C3%A9-100%"), "café-100%");
        assert_eq!(percent_decode("%zz"), "%zz");
    }
}
