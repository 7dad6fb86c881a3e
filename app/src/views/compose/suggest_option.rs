//! How one suggestion reads in the list: an account with its avatar,
//! name and address, a hashtag, or an emoji with its image.

use leptos::prelude::*;

use crate::api::compose::Suggestion;
use crate::sanitize::policy::http_url;

#[component]
pub fn SuggestionBody(choice: Suggestion) -> impl IntoView {
    let text = choice.replacement();
    match choice {
        Suggestion::Account {
            display_name,
            avatar,
            ..
        } => {
            let avatar = http_url(&avatar).map(str::to_string);
            view! {
                {avatar.map(|src| view! { <img class="avatar" src=src alt="" width="24" height="24" loading="lazy" /> })}
                <span class="display-name">{display_name}</span>
                " "
                <span class="acct">{text}</span>
            }
            .into_any()
        }
        Suggestion::Hashtag { .. } => view! { <span class="hashtag">{text}</span> }.into_any(),
        Suggestion::Emoji { image, .. } => {
            let image = http_url(&image).map(str::to_string);
            view! {
                {image.map(|src| view! { <img class="emoji" src=src alt="" width="24" height="24" loading="lazy" /> })}
                <span class="shortcode">{text}</span>
            }
            .into_any()
        }
    }
}
