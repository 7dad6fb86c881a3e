//! Checks an exported zip against the formats other tools read:
//! Mastodon's CSV exports (Settings → Import and export) and the layout
//! of Mastodon's "Request your archive" (`outbox.json` beside the
//! `media_attachments/` it points to).

use std::collections::BTreeMap;
use std::io::Read;

use anyhow::Context;

/// The files of a zip, by path inside it.
pub fn unzip(bytes: &[u8]) -> anyhow::Result<BTreeMap<String, Vec<u8>>> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))?;
    let mut files = BTreeMap::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index)?;
        if file.is_dir() {
            continue;
        }
        let mut content = Vec::new();
        file.read_to_end(&mut content)?;
        files.insert(file.name().to_string(), content);
    }
    Ok(files)
}

/// The header row of each CSV Mastodon writes with one; the others have none.
const FOLLOWING_HEADER: [&str; 4] = [
    "Account address",
    "Show boosts",
    "Notify on new posts",
    "Languages",
];
const MUTED_HEADER: [&str; 2] = ["Account address", "Hide notifications"];

/// Fails, saying where, unless every CSV Mastodon exports is there in its
/// shape and `outbox.json` is an archive outbox whose media are all in
/// the zip.
pub fn check_mastodon_csvs(files: &BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    let following = rows(files, "following_accounts.csv", Some(&FOLLOWING_HEADER))?;
    for row in &following {
        check_address(row.first())?;
        check_bool(row.get(1))?;
        check_bool(row.get(2))?;
        let languages = row.get(3).map(String::as_str).unwrap_or_default();
        // Mastodon joins languages with ", ".
        for code in languages.split(", ").filter(|code| !code.is_empty()) {
            anyhow::ensure!(
                code.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'),
                "following_accounts.csv: {languages:?} is not languages joined with \", \""
            );
        }
    }
    for row in rows(files, "muted_accounts.csv", Some(&MUTED_HEADER))? {
        check_address(row.first())?;
        check_bool(row.get(1))?;
    }
    for row in one_column(files, "blocked_accounts.csv")? {
        check_address(Some(&row))?;
    }
    for domain in one_column(files, "blocked_domains.csv")? {
        anyhow::ensure!(
            !domain.is_empty() && !domain.contains(['@', '/', ' ']),
            "blocked_domains.csv: {domain:?} is not a domain"
        );
    }
    for uri in one_column(files, "bookmarks.csv")? {
        anyhow::ensure!(
            uri.starts_with("https://") || uri.starts_with("http://"),
            "bookmarks.csv: {uri:?} is not a status URI"
        );
    }
    for row in rows(files, "lists.csv", None)? {
        anyhow::ensure!(row.len() == 2, "lists.csv: {row:?} is not title,address");
        anyhow::ensure!(
            row.first().is_some_and(|title| !title.is_empty()),
            "lists.csv: a row without a title: {row:?}"
        );
        check_address(row.get(1))?;
    }
    check_outbox(files)
}

/// The records of `name`, after checking its header when it has one.
fn rows(
    files: &BTreeMap<String, Vec<u8>>,
    name: &str,
    header: Option<&[&str]>,
) -> anyhow::Result<Vec<Vec<String>>> {
    let bytes = files
        .get(name)
        .ok_or_else(|| anyhow::anyhow!("{name} is missing from the export"))?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(header.is_none())
        .from_reader(bytes.as_slice());
    let mut records = Vec::new();
    for record in reader.records() {
        let record = record.with_context(|| format!("{name} is not CSV"))?;
        records.push(record.iter().map(str::to_string).collect::<Vec<_>>());
    }
    if let Some(expected) = header {
        let first = records.first().cloned().unwrap_or_default();
        anyhow::ensure!(
            first == expected,
            "{name}: header {first:?}, Mastodon writes {expected:?}"
        );
        records.remove(0);
    }
    Ok(records)
}

fn one_column(files: &BTreeMap<String, Vec<u8>>, name: &str) -> anyhow::Result<Vec<String>> {
    rows(files, name, None)?
        .into_iter()
        .map(|row| match row.as_slice() {
            [only] => Ok(only.clone()),
            _ => anyhow::bail!("{name}: {row:?} should be one column"),
        })
        .collect()
}

fn check_address(field: Option<&String>) -> anyhow::Result<()> {
    let address = field.map(String::as_str).unwrap_or_default();
    let valid = address.split_once('@').is_some_and(|(user, server)| {
        !user.is_empty() && !server.is_empty() && !server.contains('@') && !address.contains(' ')
    });
    anyhow::ensure!(valid, "{address:?} is not an account address (user@server)");
    Ok(())
}

fn check_bool(field: Option<&String>) -> anyhow::Result<()> {
    let value = field.map(String::as_str).unwrap_or_default();
    anyhow::ensure!(
        value == "true" || value == "false",
        "{value:?} is not true or false"
    );
    Ok(())
}

/// `outbox.json` as in Mastodon's archive: an OrderedCollection of Create
/// and Announce activities, whose attachments' URLs are paths of files
/// in the zip.
fn check_outbox(files: &BTreeMap<String, Vec<u8>>) -> anyhow::Result<()> {
    let bytes = files
        .get("outbox.json")
        .ok_or_else(|| anyhow::anyhow!("outbox.json is missing from the export"))?;
    let outbox: serde_json::Value =
        serde_json::from_slice(bytes).context("outbox.json is not JSON")?;
    anyhow::ensure!(
        outbox["type"] == "OrderedCollection",
        "outbox.json is a {}, not an OrderedCollection",
        outbox["type"]
    );
    let items = outbox["orderedItems"]
        .as_array()
        .ok_or_else(|| anyhow::anyhow!("outbox.json has no orderedItems"))?;
    if let Some(total) = outbox["totalItems"].as_u64() {
        anyhow::ensure!(
            usize::try_from(total).ok() == Some(items.len()),
            "outbox.json says {total} items and holds {}",
            items.len()
        );
    }
    for item in items {
        match item["type"].as_str() {
            Some("Create") => {
                let note = &item["object"];
                anyhow::ensure!(note.is_object(), "a Create without its object: {item}");
                let attachments = note["attachment"].as_array().into_iter().flatten();
                for attachment in attachments {
                    let url = attachment["url"].as_str().unwrap_or_default();
                    let path = url.trim_start_matches('/');
                    anyhow::ensure!(
                        path.starts_with("media_attachments/") && files.contains_key(path),
                        "outbox.json points to {url:?}, which is not a media_attachments/ file in the zip"
                    );
                }
            }
            Some("Announce") => anyhow::ensure!(
                item["object"].is_string(),
                "an Announce should name the boosted post's URI: {item}"
            ),
            _ => anyhow::bail!("outbox.json holds {}, not Create or Announce", item["type"]),
        }
    }
    Ok(())
}
