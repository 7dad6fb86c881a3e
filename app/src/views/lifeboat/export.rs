//! The export: the account's backup as one zip, in formats other tools
//! read (Mastodon's CSVs, an archive like Mastodon's own), offered as a
//! download. The link stays on the page to download it again.

use leptos::prelude::*;

use super::super::tr;
use crate::api::lifeboat::export::{export_files, write_zip};
use crate::i18n::lifeboat::LifeboatWords as W;
use crate::state::lifeboat::{stored_backup, stored_file};

#[derive(Clone, PartialEq)]
enum Exported {
    Not,
    Working,
    Ready(String),
    Failed(String),
}

#[component]
pub fn ExportButton(account: String) -> impl IntoView {
    let exported = RwSignal::new(Exported::Not);
    let file_name = format!("samizdat-lifeboat-{}.zip", account.replace([':', '/'], "_"));
    let account = StoredValue::new(account);
    let name = StoredValue::new(file_name);
    let export = move |_| {
        exported.set(Exported::Working);
        leptos::task::spawn_local(async move {
            let outcome = zip_of(account.get_value()).await.and_then(|zip| {
                crate::browser::files::offer_download(&zip, &name.get_value(), "application/zip")
                    .ok_or_else(|| "the browser refused the download".to_string())
            });
            exported.try_set(match outcome {
                Ok(url) => Exported::Ready(url),
                Err(why) => Exported::Failed(why),
            });
        });
    };
    view! {
        <button type="button" data-action="export"
            disabled=move || exported.get() == Exported::Working
            on:click=export>{tr(W::Export)}</button>
        {move || match exported.get() {
            Exported::Not => None,
            Exported::Working => Some(view! { <span role="status">{tr(W::Exporting)}</span> }.into_any()),
            Exported::Ready(url) => Some(view! {
                <a class="export-link" data-export-link="" href=url download=name.get_value()>{name.get_value()}</a>
            }.into_any()),
            Exported::Failed(why) => Some(view! { <span class="failure" role="alert">{why}</span> }.into_any()),
        }}
    }
}

/// The zip of `account`'s last complete backup, with its stored files.
/// The writers' code loads on the first export.
#[cfg_attr(samizdat_split, leptos::lazy)]
#[allow(unsafe_code)] // The split loader's glue, written by the macro, is unsafe.
async fn zip_of(account: String) -> Result<Vec<u8>, String> {
    let account = account.as_str();
    let backup = stored_backup(account)
        .await
        .ok_or_else(|| tr(W::NoBackupYet)().to_string())?;
    let plan = export_files(&backup);
    let mut files = plan.files;
    for stored in plan.stored {
        // A file the browser no longer has only leaves its link unanswered.
        if let Some(blob) = stored_file(account, &stored.key).await {
            files.push((stored.path, crate::browser::files::bytes_of(&blob).await?));
        }
    }
    write_zip(files).map_err(|error| error.to_string())
}
