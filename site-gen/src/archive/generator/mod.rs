//! Folders written for other generators — Hugo, Zola, Jekyll — built as
//! they are. A publisher who has lost their host should not have to move
//! files about first, so the layout rules bend to the folder: where its
//! content and static files are, which folders are the other generator's
//! own (templates, themes, caches) and never site-gen's.
//!
//! Telling the kind of folder costs a few `stat`s, and reads a config
//! file only when a `config.*` is there, so site-gen's own archives build
//! as fast as before.

mod layout;
mod settings;

pub use layout::Layout;
pub use settings::{Permalinks, Settings};

use std::path::Path;

/// Which generator a folder was written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Generator {
    Hugo,
    Zola,
    Jekyll,
}

impl Generator {
    pub fn name(self) -> &'static str {
        match self {
            Generator::Hugo => "Hugo",
            Generator::Zola => "Zola",
            Generator::Jekyll => "Jekyll",
        }
    }

    /// The generator `root` was written for; `None` for a site-gen archive.
    pub fn detect(root: &Path) -> Option<Self> {
        let file = |name: &str| root.join(name).is_file();
        let dir = |name: &str| root.join(name).is_dir();
        if HUGO_CONFIGS[..4].iter().any(|name| file(name)) {
            return Some(Generator::Hugo);
        }
        if JEKYLL_CONFIGS.iter().any(|name| file(name)) || dir("_posts") {
            return Some(Generator::Jekyll);
        }
        for name in &HUGO_CONFIGS[4..] {
            let Ok(text) = std::fs::read_to_string(root.join(name)) else {
                continue;
            };
            // Zola insists on `base_url`; Hugo spells it `baseURL` (any
            // case). Both are required, so a real config has one of them.
            if name.ends_with(".toml") && has_key(&text, "base_url") {
                return Some(Generator::Zola);
            }
            if has_key(&text.to_ascii_lowercase(), "baseurl") {
                return Some(Generator::Hugo);
            }
        }
        if dir("archetypes") {
            return Some(Generator::Hugo);
        }
        None
    }

    /// The config files the generator reads, in the order it prefers them.
    pub fn config_files(self) -> &'static [&'static str] {
        match self {
            Generator::Hugo => &HUGO_CONFIGS,
            Generator::Zola => &ZOLA_CONFIGS,
            Generator::Jekyll => &JEKYLL_CONFIGS,
        }
    }
}

const HUGO_CONFIGS: [&str; 7] = [
    "hugo.toml",
    "hugo.yaml",
    "hugo.yml",
    "hugo.json",
    "config.toml",
    "config.yaml",
    "config.json",
];
const ZOLA_CONFIGS: [&str; 1] = ["config.toml"];
const JEKYLL_CONFIGS: [&str; 2] = ["_config.yml", "_config.yaml"];

/// Whether a line of `text` sets `key`, in TOML, YAML or JSON.
fn has_key(text: &str, key: &str) -> bool {
    text.lines().any(|line| {
        let line = line.trim_start().trim_start_matches('"');
        line.strip_prefix(key).is_some_and(|rest| {
            let rest = rest.trim_start_matches('"').trim_start();
            rest.starts_with('=') || rest.starts_with(':')
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn detect(files: &[(&str, &str)], dirs: &[&str]) -> Option<Generator> {
        let root = tempfile::tempdir().unwrap();
        for (name, text) in files {
            std::fs::write(root.path().join(name), text).unwrap();
        }
        for name in dirs {
            std::fs::create_dir_all(root.path().join(name)).unwrap();
        }
        Generator::detect(root.path())
    }

    #[test]
    fn tells_each_generator_by_its_files() {
        assert_eq!(detect(&[("hugo.toml", "")], &[]), Some(Generator::Hugo));
        assert_eq!(
            detect(&[("config.toml", "baseURL = 'https://a.example/'\n")], &[]),
            Some(Generator::Hugo)
        );
        assert_eq!(
            detect(&[("config.yaml", "baseurl: https://a.example/\n")], &[]),
            Some(Generator::Hugo)
        );
        assert_eq!(
            detect(
                &[("config.toml", "base_url = \"https://a.example\"\n")],
                &["templates"]
            ),
            Some(Generator::Zola)
        );
        assert_eq!(
            detect(&[("_config.yml", "title: A\n")], &[]),
            Some(Generator::Jekyll)
        );
        assert_eq!(detect(&[], &["_posts"]), Some(Generator::Jekyll));
        assert_eq!(detect(&[], &["archetypes"]), Some(Generator::Hugo));
    }

    #[test]
    fn a_site_gen_archive_is_none_of_them() {
        assert_eq!(
            detect(
                &[("site.toml", "title = \"A\"\n")],
                &["content", "templates", "static"]
            ),
            None
        );
        assert_eq!(
            detect(&[("config.toml", "title = \"not a site\"\n")], &[]),
            None
        );
    }
}
