//! The addresses an archive's own articles hold before an import.

use std::collections::HashSet;
use std::path::Path;

use serde_json::Value;

use crate::archive::split_front_matter;

/// The slugs and aliases of the articles the publisher wrote, which
/// imported articles must not take.
pub fn publisher_paths(root: &Path, recorded: &HashSet<&str>) -> Vec<String> {
    let content = if root.join("content").is_dir() {
        root.join("content")
    } else {
        root.to_path_buf()
    };
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(&content)
        .into_iter()
        .filter_entry(|entry| {
            entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
        })
        .flatten()
    {
        let path = entry.path();
        if !entry.file_type().is_file() || path.extension().is_none_or(|ext| ext != "md") {
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .unwrap_or(path)
            .to_string_lossy()
            .replace('\\', "/");
        if recorded.contains(relative.as_str()) {
            continue;
        }
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        let Ok((front, _)) = split_front_matter(&text) else {
            continue;
        };
        let field = |name: &str| match front.fields.get(name) {
            Some(Value::String(text)) => vec![text.clone()],
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|item| item.as_str().map(ToOwned::to_owned))
                .collect(),
            _ => Vec::new(),
        };
        let slug = field("slug")
            .pop()
            .unwrap_or_else(|| crate::content::default_slug(Path::new(&relative)));
        paths.push(slug.trim_matches('/').to_string());
        paths.extend(
            field("aliases")
                .iter()
                .map(|alias| alias.trim_matches('/').to_string()),
        );
    }
    paths
}
