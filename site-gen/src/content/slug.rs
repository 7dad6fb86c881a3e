//! Slugs: the path of an article in the site.

use samizdat_manifest::check_relative_path;

/// A slug from a file or folder name: lower case, letters and digits kept
/// (accented ones too), everything else folded into single hyphens.
pub fn slugify(name: &str) -> String {
    let mut slug = String::with_capacity(name.len());
    for c in name.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// Checks a slug given in front matter. It may have `/`-separated parts,
/// but none may climb out of the output folder or hide in it.
pub fn check_slug(slug: &str) -> Result<String, String> {
    let slug = slug.trim().trim_matches('/');
    if slug.is_empty() {
        return Err("is empty".into());
    }
    for part in slug.split('/') {
        if part.is_empty() || part == "." || part == ".." {
            return Err(format!(
                "“{slug}” has an empty, `.` or `..` part, which would place the page outside its folder"
            ));
        }
        if part.starts_with('.')
            || part.contains(['\\', '?', '#', '%', ':', '"', '<', '>'])
            || part.chars().any(char::is_control)
        {
            return Err(format!(
                "“{slug}” has characters that do not belong in a URL path"
            ));
        }
    }
    check_relative_path(slug)
        .map_err(|reason| format!("“{slug}” cannot be a path in the output: {reason}"))?;
    Ok(slug.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_keeps_letters_and_folds_the_rest() {
        assert_eq!(slugify("Le Phare d'Ouessant"), "le-phare-d-ouessant");
        assert_eq!(slugify("  Été 2026 !! "), "été-2026");
        assert_eq!(slugify("a__b"), "a-b");
    }

    #[test]
    fn check_slug_refuses_traversal() {
        assert_eq!(check_slug("2026/hello").unwrap(), "2026/hello");
        let long = "n".repeat(256);
        for bad in [
            "../etc",
            "a/../../b",
            "a//b",
            ".hidden",
            "a\\b",
            "",
            "x?y",
            "a\u{2215}..",
            "a./b",
            "a /b",
            &long,
        ] {
            assert!(check_slug(bad).is_err(), "{bad:?}");
        }
    }
}
