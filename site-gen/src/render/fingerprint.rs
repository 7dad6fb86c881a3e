//! Fingerprinted names, so a file can be cached for ever: a changed file
//! gets a new name.

use sha2::{Digest, Sha256};

/// `stem.HASH.ext`, the hash taken over `contents`.
pub fn fingerprinted(stem: &str, ext: &str, contents: &[u8]) -> String {
    let digest = Sha256::digest(contents);
    let hash: String = digest
        .iter()
        .take(5)
        .map(|byte| format!("{byte:02x}"))
        .collect();
    format!("{stem}.{hash}.{ext}")
}

#[cfg(test)]
mod tests {
    use super::fingerprinted;

    #[test]
    fn the_name_changes_with_the_contents() {
        let first = fingerprinted("assets/theme", "css", b"a {}");
        let second = fingerprinted("assets/theme", "css", b"b {}");
        assert!(first.starts_with("assets/theme.") && first.ends_with(".css"));
        assert_eq!(first.len(), "assets/theme..css".len() + 10);
        assert_ne!(first, second);
        assert_eq!(first, fingerprinted("assets/theme", "css", b"a {}"));
    }
}
