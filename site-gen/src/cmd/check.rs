use std::path::Path;

use anyhow::{Context, bail};

pub fn run(out: &Path) -> anyhow::Result<()> {
    let (links, broken) = site_gen::check::check_links(out)
        .with_context(|| format!("cannot read {}", out.display()))?;
    if broken.is_empty() {
        eprintln!(
            "checked {links} internal links in {}: all resolve",
            out.display()
        );
        return Ok(());
    }
    for link in &broken {
        eprintln!("  {link}");
    }
    bail!(
        "{} of {links} links in {} do not resolve",
        broken.len(),
        out.display()
    )
}
