//! Which names may become paths inside a site's folder. Every name that
//! comes from outside (a manifest's paths, a build's output paths, an
//! import's file names) is checked here before it is joined to a folder,
//! so the rules live in one place and hold on every system a copy may be
//! written on, Windows included.

/// The longest part (file or folder name) most file systems hold.
pub const MAX_PART_BYTES: usize = 255;
/// The longest path, in bytes, a copy may name: Linux's `PATH_MAX`.
pub const MAX_PATH_BYTES: usize = 4096;

/// Characters that look like a separator or a dot, or become one once a
/// system normalises the name (NFKC, or a font), so a reader of the name
/// could take it for a path that leads elsewhere.
const LOOK_ALIKES: &[char] = &[
    '\u{2215}', // division slash
    '\u{2044}', // fraction slash
    '\u{29F8}', // big solidus
    '\u{FF0F}', // fullwidth solidus
    '\u{FF3C}', // fullwidth reverse solidus
    '\u{FE68}', // small reverse solidus
    '\u{FF0E}', // fullwidth full stop
    '\u{FE52}', // small full stop
    '\u{2024}', // one dot leader
    '\u{2025}', // two dot leader
    '\u{2026}', // horizontal ellipsis
];

/// Percent-encodings a server may decode into a dot, a separator or NUL.
const ENCODED: &[&str] = &["%2e", "%2f", "%5c", "%00"];

/// Why a name may not become a path inside a site's folder.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PathRefusal {
    #[error("it is empty")]
    Empty,
    #[error("it starts with “/”: give a path relative to the site's root")]
    Absolute,
    #[error("it holds a backslash, which Windows reads as a separator: use “/”")]
    Backslash,
    #[error("it has an empty part (“//”, or “/” at either end)")]
    EmptyPart,
    #[error("it has a “.” or “..” part, which could lead outside the folder")]
    DotPart,
    #[error("its part “{0}” starts with a drive (“C:”), which Windows reads as another place")]
    Drive(String),
    #[error("it holds the control character U+{0:04X}")]
    Control(u32),
    #[error("its part “{0}” ends with a dot or a space, which Windows drops")]
    TrailingDotOrSpace(String),
    #[error("a part is {0} bytes long, more than the {MAX_PART_BYTES} a file system holds")]
    PartTooLong(usize),
    #[error("it is {0} bytes long, more than the {MAX_PATH_BYTES} a path may be")]
    TooLong(usize),
    #[error("it holds U+{:04X}, which looks like a separator or a dot", u32::from(*.0))]
    LookAlike(char),
    #[error("it holds “{0}”, which a server may decode into a dot, a separator or NUL")]
    Encoded(String),
}

/// Checks that `path`, relative and with `/` between its parts, names a
/// place strictly inside whatever folder it is joined to, on any system.
pub fn check_relative_path(path: &str) -> Result<(), PathRefusal> {
    if path.is_empty() {
        return Err(PathRefusal::Empty);
    }
    if path.len() > MAX_PATH_BYTES {
        return Err(PathRefusal::TooLong(path.len()));
    }
    if path.starts_with('/') {
        return Err(PathRefusal::Absolute);
    }
    if path.contains('\\') {
        return Err(PathRefusal::Backslash);
    }
    if let Some(control) = path.chars().find(|c| c.is_control()) {
        return Err(PathRefusal::Control(control.into()));
    }
    if let Some(look_alike) = path.chars().find(|c| LOOK_ALIKES.contains(c)) {
        return Err(PathRefusal::LookAlike(look_alike));
    }
    let lower = path.to_ascii_lowercase();
    if let Some(encoded) = ENCODED.iter().find(|encoded| lower.contains(**encoded)) {
        return Err(PathRefusal::Encoded((*encoded).to_string()));
    }
    path.split('/').try_for_each(check_part)
}

fn check_part(part: &str) -> Result<(), PathRefusal> {
    if part.is_empty() {
        return Err(PathRefusal::EmptyPart);
    }
    if part == "." || part == ".." {
        return Err(PathRefusal::DotPart);
    }
    if part.len() > MAX_PART_BYTES {
        return Err(PathRefusal::PartTooLong(part.len()));
    }
    let bytes = part.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        return Err(PathRefusal::Drive(part.to_string()));
    }
    if part.ends_with(['.', ' ']) {
        return Err(PathRefusal::TrailingDotOrSpace(part.to_string()));
    }
    Ok(())
}

/// Whether `path` passes [`check_relative_path`].
pub fn is_safe_relative_path(path: &str) -> bool {
    check_relative_path(path).is_ok()
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn paths_that_escape_the_folder_are_refused() {
        let long_part = "a".repeat(MAX_PART_BYTES + 1);
        let long_path = vec!["abc"; MAX_PATH_BYTES / 4 + 1].join("/");
        for (bad, why) in [
            ("../x", PathRefusal::DotPart),
            ("/etc/passwd", PathRefusal::Absolute),
            ("a/../../b", PathRefusal::DotPart),
            ("a//b", PathRefusal::EmptyPart),
            ("a/", PathRefusal::EmptyPart),
            ("a\\b", PathRefusal::Backslash),
            ("", PathRefusal::Empty),
            ("./a", PathRefusal::DotPart),
            ("a/\u{7}b", PathRefusal::Control(7)),
            ("a\0b", PathRefusal::Control(0)),
            ("C:/Windows", PathRefusal::Drive("C:".into())),
            ("a/c:x", PathRefusal::Drive("c:x".into())),
            ("a/.. ", PathRefusal::TrailingDotOrSpace(".. ".into())),
            ("a/.../b", PathRefusal::TrailingDotOrSpace("...".into())),
            ("a./b", PathRefusal::TrailingDotOrSpace("a.".into())),
            ("a\u{2215}..", PathRefusal::LookAlike('\u{2215}')),
            ("\u{FF0E}\u{FF0E}/x", PathRefusal::LookAlike('\u{FF0E}')),
            ("\u{2044}etc", PathRefusal::LookAlike('\u{2044}')),
            ("%2E%2E/x", PathRefusal::Encoded("%2e".into())),
            ("a%2fb", PathRefusal::Encoded("%2f".into())),
            (&long_part, PathRefusal::PartTooLong(MAX_PART_BYTES + 1)),
            (&long_path, PathRefusal::TooLong(long_path.len())),
        ] {
            assert_eq!(check_relative_path(bad), Err(why), "{bad:?}");
            assert!(!is_safe_relative_path(bad), "{bad:?}");
        }
        for good in [
            "index.html",
            "a/b/c.css",
            ".well-known/x",
            "é/ü.html",
            "100%.html",
            "ab:c",
            &"a".repeat(MAX_PART_BYTES),
        ] {
            assert_eq!(check_relative_path(good), Ok(()), "{good:?}");
        }
    }
}
