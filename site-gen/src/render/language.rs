//! Language tags, as articles and `site.toml` name them (`fr`, `fr-CA`).

/// The language without its region or script, in lower case: `fr` for
/// `fr-CA` or `FR_ca`.
pub fn primary_language(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A language's name in that language, for links to translations.
pub fn language_name(lang: &str) -> String {
    match primary_language(lang).as_str() {
        "en" => "English".into(),
        "fr" => "Français".into(),
        "de" => "Deutsch".into(),
        "es" => "Español".into(),
        "it" => "Italiano".into(),
        "pt" => "Português".into(),
        _ => lang.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::{language_name, primary_language};

    #[test]
    fn the_region_and_case_do_not_matter() {
        for (tag, primary, name) in [
            ("fr-CA", "fr", "Français"),
            ("FR_ca", "fr", "Français"),
            ("pt-BR", "pt", "Português"),
            ("tlh", "tlh", "tlh"),
        ] {
            assert_eq!(primary_language(tag), primary, "{tag}");
            assert_eq!(language_name(tag), name, "{tag}");
        }
    }
}
