//! Which paths a manifest may name.

/// A path a manifest may name: relative, with no `..`, `.` or empty parts,
/// so that no mirror can be made to write outside its folder.
pub fn is_safe_relative_path(path: &str) -> bool {
    !path.is_empty()
        && !path.starts_with('/')
        && !path.contains('\\')
        && path.split('/').all(|part| {
            !part.is_empty() && part != "." && part != ".." && !part.chars().any(char::is_control)
        })
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn paths_that_escape_the_folder_are_refused() {
        for bad in [
            "../x",
            "/etc/passwd",
            "a/../../b",
            "a//b",
            "a\\b",
            "",
            "./a",
            "a/\u{7}b",
        ] {
            assert!(!is_safe_relative_path(bad), "{bad:?}");
        }
        for good in ["index.html", "a/b/c.css", ".well-known/x", "é/ü.html"] {
            assert!(is_safe_relative_path(good), "{good:?}");
        }
    }
}
