use leptos::prelude::*;

use super::tr;
use crate::i18n::Text;
use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::error_notice::ErrorNotice;
use super::status_card::StatusCard;
use crate::api::{Account, ApiError, ServerAddr, Status};
use crate::browser::http::get_json;
use crate::sanitize::emoji::name_html;
use crate::sanitize::sanitize_html;

async fn load_profile(
    server: &ServerAddr,
    acct: &str,
    token: Option<&str>,
) -> Result<(Account, Vec<Status>), ApiError> {
    let acct = utf8_percent_encode(acct, NON_ALPHANUMERIC);
    let account = get_json::<Account>(
        server,
        &format!("/api/v1/accounts/lookup?acct={acct}"),
        token,
    )
    .await?
    .body;
    let id = utf8_percent_encode(&account.id, NON_ALPHANUMERIC);
    let statuses =
        get_json::<Vec<Status>>(server, &format!("/api/v1/accounts/{id}/statuses"), token)
            .await?
            .body;
    Ok((account, statuses))
}

/// An account's header, counts and recent posts.
#[component]
pub fn ProfileView(server: ServerAddr, acct: String) -> impl IntoView {
    let token = StoredValue::new(crate::state::app_state().token_for(&server));
    let server = StoredValue::new(server);
    let acct = StoredValue::new(acct);
    let profile = LocalResource::new(move || async move {
        load_profile(
            &server.get_value(),
            &acct.get_value(),
            token.get_value().as_deref(),
        )
        .await
    });
    view! {
        <Suspense fallback=|| view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }>
            {move || profile.get().map(|result| match result {
                Ok((account, statuses)) => view! {
                    <section class="profile" aria-labelledby="profile-name">
                        <h1 id="profile-name">{account.name().to_string()}</h1>
                        <p class="acct">{format!("@{}", account.acct)}</p>
                        <div class="note" inner_html=sanitize_html(&account.note, &account.emojis, &|_| None)></div>
                        {fields_view(&account)}
                        <dl class="counts">
                            <dt>{tr(Text::Posts)}</dt><dd>{account.statuses_count}</dd>
                            <dt>{tr(Text::Following)}</dt><dd>{account.following_count}</dd>
                            <dt>{tr(Text::Followers)}</dt><dd>{account.followers_count}</dd>
                        </dl>
                    </section>
                    <div role="feed" class="feed" aria-label=tr(Text::Posts)>
                        {statuses.into_iter().enumerate().map(|(at, status)| view! { <StatusCard server=server.get_value() status=status position=Signal::stored(at) /> }).collect_view()}
                    </div>
                }.into_any(),
                Err(error) => view! { <ErrorNotice error=error retry=Callback::new(move |_| profile.refetch()) /> }.into_any(),
            })}
        </Suspense>
    }
}

/// The profile's table: names are text, values are HTML like a post's.
fn fields_view(account: &Account) -> Option<impl IntoView + use<>> {
    if account.fields.is_empty() {
        return None;
    }
    let rows = account
        .fields
        .iter()
        .map(|field| {
            let verified = field.verified_at.is_some();
            view! {
                <div class="field" class:verified=verified>
                    <dt inner_html=name_html(&field.name, &account.emojis)></dt>
                    <dd>
                        <div class="field-value" inner_html=sanitize_html(&field.value, &account.emojis, &|_| None)></div>
                        {verified.then(|| view! { <span class="verified-mark" role="img" aria-label=tr(Text::Verified) title=tr(Text::Verified)>"✓"</span> })}
                    </dd>
                </div>
            }
        })
        .collect_view();
    Some(view! { <dl class="fields">{rows}</dl> })
}
