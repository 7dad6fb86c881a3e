//! The client as a publisher ships it: a copy of the built `dist/`, with
//! the publisher's key and mirror list in its `config.json`, signed.

use crate::publish::Work;
use crate::site_gen::{SiteGen, text};

pub async fn sign_client(
    site_gen: &SiteGen,
    work: &Work,
    mirrors: &[String],
) -> anyhow::Result<((), String)> {
    let dist = e2e::repo_root().join("dist");
    anyhow::ensure!(
        dist.join("index.html").is_file(),
        "dist/index.html is missing: build the client with scripts/build-client first"
    );
    copy_dir(&dist, &work.client)?;
    for listed in ["samizdat-manifest.json", "samizdat-manifest.json.minisig"] {
        let _ = std::fs::remove_file(work.client.join(listed));
    }
    let config = serde_json::json!({
        "publicKey": std::fs::read_to_string(&work.public_key)?,
        "mirrors": mirrors,
    });
    std::fs::write(
        work.client.join("config.json"),
        serde_json::to_vec_pretty(&config)?,
    )?;
    let signed = site_gen
        .run(&[
            "manifest",
            text(&work.client),
            "--sign-key",
            text(&work.secret_key),
            "--site",
            "samizdat-client",
        ])
        .await?;
    Ok(((), signed))
}

/// Copies a folder tree.
pub(crate) fn copy_dir(from: &std::path::Path, to: &std::path::Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
