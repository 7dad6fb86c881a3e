//! keygen, manifest, verify, mirror pull and deploy.

use std::path::Path;

use anyhow::{Context, bail};
use samizdat_manifest::PublicKey;
use site_gen::mirror::deploy::{DeployOptions, deploy};
use site_gen::mirror::keys::{self, PASSWORD_ENV};
use site_gen::mirror::manifest::{Naming, write_for_dir};
use site_gen::mirror::pull::pull;
use site_gen::mirror::seen::{SeenSerials, default_state_file};
use site_gen::mirror::storage::{self, Store, Target};
use site_gen::mirror::verify::verify_site;
use site_gen::reserved::MANIFEST_PATH;

use super::signing::signing_time;

pub fn keygen(out: &Path, password: bool) -> anyhow::Result<()> {
    let password = if password {
        Some(
            std::env::var(PASSWORD_ENV)
                .with_context(|| format!("--password takes the password from {PASSWORD_ENV}"))?,
        )
    } else {
        None
    };
    let (secret, public) = keys::generate(out, password)?;
    println!(
        "secret key: {} (keep it private and backed up)",
        secret.display()
    );
    println!(
        "public key: {} (give it to mirror operators)",
        public.display()
    );
    Ok(())
}

/// Writes a manifest, and a signature with a key, for any folder, such as
/// the client's dist/ or a built site to sign again with a fresh expiry.
pub fn manifest(
    dir: &Path,
    sign_key: Option<&Path>,
    valid_days: u32,
    signed_at: Option<jiff::Timestamp>,
    previous: Option<&str>,
    naming: Naming,
) -> anyhow::Result<()> {
    let signed_at = signing_time(signed_at)?;
    let published = super::signing::previous(previous)?;
    let valid_for = jiff::SignedDuration::from_hours(24 * i64::from(valid_days));
    let key = sign_key.map(keys::load_secret).transpose()?;
    let manifest = write_for_dir(
        dir,
        key.as_ref(),
        signed_at,
        valid_for,
        published.as_ref(),
        naming,
    )?;
    eprintln!(
        "{}{} files, serial {}, expires {}, in {}",
        site_label(manifest.site.as_deref()),
        manifest.files.len(),
        manifest.serial,
        manifest.expires,
        dir.join(MANIFEST_PATH).display()
    );
    Ok(())
}

/// "site NAME: " for a manifest that names its site.
fn site_label(site: Option<&str>) -> String {
    site.map(|site| format!("site {site}: "))
        .unwrap_or_default()
}

/// What verifying or pulling a copy needs: the publisher's key, the
/// serials seen so far, and the copy itself.
fn open_copy(
    location: &str,
    key: &Path,
    state: Option<&Path>,
    endpoint: Option<&str>,
) -> anyhow::Result<(PublicKey, SeenSerials, Store)> {
    let public = keys::load_public(key)?;
    let path = state.map_or_else(default_state_file, Path::to_path_buf);
    let seen = SeenSerials::load(&path)?;
    Ok((public, seen, storage::open(location, endpoint)?))
}

pub fn verify(
    location: &str,
    key: &Path,
    state: Option<&Path>,
    endpoint: Option<&str>,
) -> anyhow::Result<()> {
    let (public, mut seen, source) = open_copy(location, key, state, endpoint)?;
    let report = verify_site(&source, &public, &mut seen, jiff::Timestamp::now())?;
    if report.problems.is_empty() {
        eprintln!(
            "{location}: {}all {} files match the manifest signed by {} (serial {})",
            site_label(report.site.as_deref()),
            report.files,
            public.id(),
            report.serial
        );
        return Ok(());
    }
    for problem in &report.problems {
        eprintln!("  {problem}");
    }
    bail!(
        "{location}: {} of {} files do not match the signed manifest",
        report.problems.len(),
        report.files
    )
}

pub fn pull_site(
    url: &str,
    dir: &Path,
    key: &Path,
    state: Option<&Path>,
    endpoint: Option<&str>,
) -> anyhow::Result<()> {
    let (public, mut seen, source) = open_copy(url, key, state, endpoint)?;
    let report = pull(&source, dir, &public, &mut seen, jiff::Timestamp::now())?;
    eprintln!(
        "{}: serial {}, {} files; downloaded {} ({} bytes), kept {}",
        dir.display(),
        report.serial,
        report.files,
        report.downloaded,
        report.downloaded_bytes,
        report.reused
    );
    Ok(())
}

pub fn deploy_site(
    dir: &Path,
    target: &str,
    endpoint: Option<&str>,
    options: DeployOptions,
) -> anyhow::Result<()> {
    // A deploy goes to a folder or a bucket, never to an HTTP origin.
    let target = if target.starts_with("s3://") {
        Store::s3(target, endpoint)?
    } else {
        Store::folder(target.as_ref())?
    };
    let plan = deploy(dir, &target, options)?;
    let dry_run = options.dry_run;
    let verb = if dry_run { "would upload" } else { "uploaded" };
    for path in &plan.uploads {
        eprintln!("  {verb} {path}");
    }
    for path in &plan.deletes {
        eprintln!(
            "  {} {path}",
            if dry_run { "would delete" } else { "deleted" }
        );
    }
    eprintln!(
        "{}: {} {}, {} unchanged, {} deleted",
        target.describe(),
        verb,
        plan.uploads.len(),
        plan.unchanged,
        plan.deletes.len()
    );
    Ok(())
}
