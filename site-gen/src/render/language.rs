//! Language tags, as articles and `site.toml` name them (`fr`, `fr-CA`).

/// A language's name in that language, for links to translations.
pub fn language_name(lang: &str) -> String {
    match lang
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
        .as_str()
    {
        "en" => "English".into(),
        "fr" => "Français".into(),
        "de" => "Deutsch".into(),
        "es" => "Español".into(),
        "it" => "Italiano".into(),
        "pt" => "Português".into(),
        _ => lang.to_string(),
    }
}
