use leptos::prelude::*;

use super::tr;
use crate::i18n::Text;

use super::error_notice::ErrorNotice;
use super::in_view::load;
use super::status_card::StatusCard;
use crate::api::{Account, ApiError, Status, lookup_account, statuses_of};
use crate::sanitize::emoji::name_html;
use crate::sanitize::sanitize_html;
use crate::state::app_state;
use crate::state::session::{Session, session};

async fn load_profile(session: Session, acct: String) -> Result<(Account, Vec<Status>), ApiError> {
    let account = session.ask(&lookup_account(&acct)).await?;
    let statuses = session.ask(&statuses_of(&account.id)).await?;
    Ok((account, statuses))
}

/// The profile page, loaded on first use.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
pub async fn page(acct: String) -> AnyView {
    view! { <ProfileView acct=acct /> }.into_any()
}

/// An account's header, counts and recent posts.
#[component]
pub fn ProfileView(acct: String) -> impl IntoView {
    let profile = load(move |session| load_profile(session, acct.clone()));
    let server = StoredValue::new(session().server);
    let reader = reader_id();
    view! {
        {move || match profile.get() {
            None => view! { <p class="loading" role="status">{tr(Text::Loading)}</p> }.into_any(),
            Some(Ok((account, statuses))) => {
                // Acting on an account needs an account, and one does not
                // follow, mute or report oneself.
                let actions = reader
                    .as_ref()
                    .is_some_and(|reader| *reader != account.id)
                    .then(|| super::later_part(super::account_actions::panel(account.clone(), statuses.clone())));
                view! {
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
                        {actions}
                    </section>
                    <div role="feed" class="feed" aria-label=tr(Text::Posts)>
                        {statuses.into_iter().enumerate().map(|(at, status)| view! { <StatusCard server=server.get_value() status=status position=Signal::stored(at) /> }).collect_view()}
                    </div>
                }.into_any()
            }
            Some(Err(error)) => view! { <ErrorNotice error=error retry=Callback::new(move |_| profile.reload()) /> }.into_any(),
        }}
    }
}

/// The ID of the account whose token this view's session uses, if any.
fn reader_id() -> Option<String> {
    let session = session();
    let token = session.token.as_ref()?;
    app_state().accounts.with_untracked(|accounts| {
        accounts
            .iter()
            .find(|account| account.server == session.server && &account.token == token)
            .map(|account| account.id.clone())
    })
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
