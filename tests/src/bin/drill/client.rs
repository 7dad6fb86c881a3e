//! The client as a publisher ships it: a copy of the built `dist/`, with
//! the publisher's key and mirror list in its `config.json`, signed; its
//! serial.

use e2e::signed_client::copy_folder;

use crate::publish::Work;
use crate::site_gen::{SiteGen, text};

pub async fn sign_client(
    site_gen: &SiteGen,
    work: &Work,
    mirrors: &[String],
) -> anyhow::Result<(u64, String)> {
    let dist = e2e::repo_root().join("dist");
    anyhow::ensure!(
        dist.join("index.html").is_file(),
        "dist/index.html is missing: build the client with scripts/build-client first"
    );
    copy_folder(&dist, &work.client)?;
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
    let manifest: serde_json::Value =
        serde_json::from_slice(&std::fs::read(work.client.join("samizdat-manifest.json"))?)?;
    let serial = manifest["serial"]
        .as_u64()
        .ok_or_else(|| anyhow::anyhow!("the client's manifest has no serial"))?;
    Ok((serial, signed))
}
