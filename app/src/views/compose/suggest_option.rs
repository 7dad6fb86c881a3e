//! How one suggestion reads in the list: an image (an account's avatar,
//! an emoji), then what is inserted, then a display name if any.

use leptos::prelude::*;

use crate::api::compose::Suggestion;
use crate::sanitize::policy::http_url;

#[component]
pub fn SuggestionBody(choice: Suggestion) -> impl IntoView {
    let inserted = choice.replacement();
    let (image, name) = match choice {
        Suggestion::Account {
            display_name,
            avatar,
            ..
        } => (avatar, display_name),
        Suggestion::Hashtag { .. } => (String::new(), String::new()),
        Suggestion::Emoji { image, .. } => (image, String::new()),
    };
    let image = http_url(&image).map(str::to_string);
    view! {
        {image.map(|src| view! { <img src=src alt="" width="24" height="24" loading="lazy" /> })}
        <span class="inserted">{inserted}</span>
        " "
        <span class="display-name">{name}</span>
    }
}
