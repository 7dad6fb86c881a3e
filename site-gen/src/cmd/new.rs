use std::path::Path;

pub fn run(archive: &Path, title: &str) -> anyhow::Result<()> {
    let path = site_gen::scaffold::new_article(archive, title, jiff::Timestamp::now())
        .map_err(|problem| anyhow::anyhow!("{problem}"))?;
    println!("{}", path.display());
    Ok(())
}
