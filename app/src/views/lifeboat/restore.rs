//! Restoring a backup into the active account: pick a backup (kept in
//! this browser, or a file), see what will happen, confirm, and read the
//! report, one line per account or entry.

use leptos::prelude::*;

use super::super::tr;
use super::words::kind_words;
use crate::api::lifeboat::restore::{EntryOutcome, Preview, ReportEntry};
use crate::i18n::lifeboat::LifeboatWords as W;
use crate::state::lifeboat::{accounts_with, import_file, preview, restore};
use crate::state::{SignedInAccount, app_state};

#[component]
pub fn Restore() -> impl IntoView {
    let state = app_state();
    let target = Memo::new(move |_| state.active_account());
    view! {
        <section id="restore" class="lifeboat-restore">
            <h2>{tr(W::RestoreTitle)}</h2>
            {move || match target.get() {
                None => view! { <p>{tr(W::SignInFirst)}</p> }.into_any(),
                Some(target) => view! { <RestoreInto target=target /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn RestoreInto(target: SignedInAccount) -> impl IntoView {
    let state = app_state();
    let key = target.key();
    let sources = RwSignal::new(Vec::<String>::new());
    let picked = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);
    let planned = RwSignal::new(None::<Preview>);
    let target = StoredValue::new(target);
    {
        let key = key.clone();
        leptos::task::spawn_local(async move {
            let mut found = accounts_with("backup").await;
            found.retain(|source| *source != key);
            sources.try_set(found);
        });
    }
    Effect::new(move |_| {
        let Some(source) = picked.get() else {
            planned.set(None);
            return;
        };
        leptos::task::spawn_local(async move {
            planned.try_set(preview(state, &source, &target.get_value()).await);
        });
    });
    let restore_key = key.clone();
    let shown = Memo::new(move |_| {
        state.lifeboat.with(|accounts| {
            accounts
                .get(&restore_key)
                .and_then(|shown| shown.restore.clone())
        })
    });
    let running = move || shown.with(|shown| shown.as_ref().is_some_and(|shown| shown.running));
    // After a reload, the backup of the restore under way or last made
    // is the one picked, so that it can be gone on with or run again.
    Effect::new(move |_| {
        if let Some(source) = shown.with(|shown| shown.as_ref().map(|shown| shown.source.clone()))
            && picked.get_untracked().is_none()
        {
            sources.update(|sources| {
                if !sources.contains(&source) {
                    sources.push(source.clone());
                }
            });
            picked.set(Some(source));
        }
    });
    let pick_file = move |ev: leptos::ev::Event| {
        let Some(file) = file_of(&ev) else { return };
        problem.set(None);
        leptos::task::spawn_local(async move {
            let imported = match crate::browser::files::bytes_of(&file).await {
                Ok(bytes) => import_file(bytes).await,
                Err(why) => Err(why),
            };
            match imported {
                Ok(source) => {
                    sources.update(|sources| {
                        if !sources.contains(&source) {
                            sources.push(source.clone());
                        }
                    });
                    picked.set(Some(source));
                }
                Err(why) => {
                    problem.set(Some(why));
                }
            }
        });
    };
    let start = move |_| {
        if let Some(source) = picked.get_untracked() {
            leptos::task::spawn_local(restore(state, target.get_value(), source));
        }
    };
    view! {
        <p>{tr(W::RestoreInto)}" "<strong data-restore-target=key.clone()>{format!("@{key}")}</strong></p>
        <label>
            {tr(W::FromThisBrowser)}" "
            <select name="source" on:change=move |ev| {
                let value = event_target_value(&ev);
                picked.set((!value.is_empty()).then_some(value));
            }>
                <option value="" selected=move || picked.get().is_none()>"—"</option>
                {move || sources.get().into_iter().map(|source| {
                    let value = source.clone();
                    view! { <option value=source.clone() selected=move || picked.get().as_deref() == Some(value.as_str())>{format!("@{source}")}</option> }
                }).collect_view()}
            </select>
        </label>
        <label>
            {tr(W::FromFile)}" "
            <input type="file" name="backup" accept=".zip,.json,application/zip,application/json" on:change=pick_file />
        </label>
        {move || problem.get().map(|why| view! { <p class="failure" role="alert">{tr(W::NotABackup)}" "{why}</p> })}
        {move || match planned.get() {
            None => view! { <p class="hint">{tr(W::NothingPicked)}</p> }.into_any(),
            Some(plan) => view! { <PreviewList plan=plan /> }.into_any(),
        }}
        <button type="button" data-action="restore"
            disabled=move || picked.get().is_none() || running()
            on:click=start>{tr(W::Restore)}</button>
        {move || shown.get().map(|shown| view! { <Report shown=shown target=target.get_value() /> })}
    }
}

fn file_of(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = ev.target()?.dyn_into().ok()?;
    input.files()?.get(0)
}

#[component]
fn PreviewList(plan: Preview) -> impl IntoView {
    view! {
        <h3>{tr(W::WillDo)}</h3>
        <ul class="restore-preview" data-lifeboat-preview="">
            {plan.counts.into_iter().map(|(kind, count)| view! {
                <li data-kind=kind.name() data-count=count>{count}" "{tr(kind_words(kind))}</li>
            }).collect_view()}
        </ul>
    }
}

#[component]
fn Report(shown: crate::state::lifeboat::RestoreShown, target: SignedInAccount) -> impl IntoView {
    let status = if shown.running {
        view! { <p role="status" data-restore-state="running">{tr(W::Restoring)}</p> }.into_any()
    } else if let Some(why) = shown.halted.clone() {
        view! { <p role="alert" data-restore-state="halted">{tr(W::RestoreHalted)}" "{why}</p> }
            .into_any()
    } else if shown.finished {
        view! { <p role="status" data-restore-state="finished">{tr(W::RestoreDone)}</p> }.into_any()
    } else {
        let until = shown.waiting_until.map(|at| {
            String::from(
                js_sys::Date::new(&at.into())
                    .to_locale_string("default", &wasm_bindgen::JsValue::UNDEFINED),
            )
        });
        view! { <p role="status" data-restore-state="waiting">{tr(W::RestoreWaits)}" "{until}</p> }
            .into_any()
    };
    let csv = shown.follows_csv.map(|csv| {
        let href = format!("data:text/csv;charset=utf-8,{}", js_sys::encode_uri_component(&csv));
        view! { <p><a data-follows-csv="" download="following_accounts.csv" href=href>{tr(W::FollowsCsv)}</a></p> }
    });
    let source = StoredValue::new(shown.source.clone());
    let announce = move |_| {
        let target = target.clone();
        leptos::task::spawn_local(async move {
            super::announce::draft_announcement(&source.get_value(), &target).await;
        });
    };
    view! {
        {status}
        <ul class="restore-report" data-lifeboat-report="">
            {shown.report.into_iter().map(|entry| view! { <ReportLine entry=entry /> }).collect_view()}
        </ul>
        {csv}
        {shown.finished.then(|| view! {
            <button type="button" data-action="draft-announcement" on:click=announce>{tr(W::DraftAnnouncement)}</button>
        })}
    }
}

#[component]
fn ReportLine(entry: ReportEntry) -> impl IntoView {
    let (words, why) = match &entry.outcome {
        EntryOutcome::Restored => (W::Restored, None),
        EntryOutcome::Present => (W::Present, None),
        EntryOutcome::Waiting { why, .. } => (W::Waiting, Some(why.clone())),
        EntryOutcome::Impossible { why } => (W::Impossible, Some(why.clone())),
    };
    view! {
        <li data-outcome=entry.outcome.name() data-kind=entry.kind.name() data-subject=entry.subject.clone()>
            <span class="kind">{tr(kind_words(entry.kind))}</span>" "
            <span class="subject">{entry.subject.clone()}</span>" — "
            <span class="outcome">{tr(words)}</span>
            {why.map(|why| view! { " ("{why}")" })}
        </li>
    }
}
