//! The client's words in English and French. The browser's language picks
//! the default; the reader can switch.

mod messages;
mod words;

pub use messages::{
    Message, characters_per_post, error_text, message, no_page_at, relative_time, sign_in_to_see,
};
pub use words::{Text, text};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    En,
    Fr,
}

impl Lang {
    /// The language for a BCP 47 tag such as `fr-CA`, English by default.
    pub fn from_tag(tag: &str) -> Self {
        match tag
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
            .as_str()
        {
            "fr" => Self::Fr,
            _ => Self::En,
        }
    }

    pub fn tag(self) -> &'static str {
        match self {
            Self::En => "en",
            Self::Fr => "fr",
        }
    }

    pub fn other(self) -> Self {
        match self {
            Self::En => Self::Fr,
            Self::Fr => Self::En,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::ApiError;

    #[test]
    fn languages_from_tags_and_french_errors() {
        assert_eq!(Lang::from_tag("fr-CA"), Lang::Fr);
        assert_eq!(Lang::from_tag("FR"), Lang::Fr);
        assert_eq!(Lang::from_tag("de-DE"), Lang::En);
        assert_eq!(text(Lang::Fr, Text::SignIn), "Se connecter");
        assert_eq!(
            error_text(Lang::Fr, &ApiError::ServerFailed { status: 503 }),
            "Le serveur a échoué (503). Réessayez dans un instant."
        );
        assert_eq!(
            error_text(Lang::En, &ApiError::NotFound),
            ApiError::NotFound.to_string()
        );
    }
}
