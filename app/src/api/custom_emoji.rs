//! A server's custom emoji, as statuses and accounts list the ones their
//! text uses by `:shortcode:`.

use serde::Deserialize;

use super::lenient::null_default;

#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CustomEmoji {
    pub shortcode: String,
    #[serde(default, deserialize_with = "null_default")]
    pub url: String,
    #[serde(default, deserialize_with = "null_default")]
    pub static_url: String,
}
