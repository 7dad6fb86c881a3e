//! Fuzz target for the path rules: a name they accept stays strictly
//! inside the folder it is joined to, read the Unix way or the Windows
//! way, and a name they refuse is refused with a reason.

#![cfg(not(target_arch = "wasm32"))]

mod hostile;

use std::path::{Component, Path};

use hostile::{config, hostile_path};
use proptest::prelude::*;
use samizdat_manifest::{MAX_PART_BYTES, MAX_PATH_BYTES, check_relative_path};

/// Whether `name` joined to a folder stays strictly inside it on this
/// system, judged by the standard library's own reading of the path.
fn inside_here(name: &str) -> bool {
    let base = Path::new("/base");
    let joined = base.join(name);
    let Ok(below) = joined.strip_prefix(base) else {
        return false;
    };
    below.components().count() > 0
        && below
            .components()
            .all(|part| matches!(part, Component::Normal(_)))
}

/// Whether `name` stays inside on Windows, which also splits on `\`,
/// reads `X:` as a drive, and drops a part's trailing dots and spaces.
fn inside_on_windows(name: &str) -> bool {
    name.split(['/', '\\']).all(|part| {
        let kept = part.trim_end_matches(['.', ' ']);
        !kept.is_empty() && !drive(part)
    })
}

fn drive(part: &str) -> bool {
    let bytes = part.as_bytes();
    bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':'
}

/// Whether a server that percent-decodes the name, or a reader who takes
/// a look-alike for the real thing, could see a dot part or a separator.
fn plain_to_everyone(name: &str) -> bool {
    let decoded = name
        .to_ascii_lowercase()
        .replace("%2e", ".")
        .replace("%2f", "/")
        .replace("%5c", "\\")
        .replace(['\u{FF0E}', '\u{FE52}', '\u{2024}'], ".")
        .replace(['\u{2215}', '\u{2044}', '\u{FF0F}', '\u{29F8}'], "/");
    decoded == name.to_ascii_lowercase() || inside_on_windows(&decoded)
}

proptest! {
    #![proptest_config(config(1024))]

    #[test]
    fn fuzz_path_rules(name in hostile_path()) {
        match check_relative_path(&name) {
            Ok(()) => {
                prop_assert!(inside_here(&name), "{name:?}");
                prop_assert!(inside_on_windows(&name), "{name:?}");
                prop_assert!(plain_to_everyone(&name), "{name:?}");
                prop_assert!(!name.contains('\0'), "{name:?}");
                prop_assert!(name.len() <= MAX_PATH_BYTES);
                prop_assert!(name.split('/').all(|part| part.len() <= MAX_PART_BYTES));
            }
            Err(reason) => prop_assert!(!reason.to_string().is_empty()),
        }
    }

    /// Any string at all, not only the shapes above.
    #[test]
    fn fuzz_path_rules_any_text(name in "\\PC*|.*") {
        if check_relative_path(&name).is_ok() {
            prop_assert!(inside_here(&name), "{name:?}");
            prop_assert!(inside_on_windows(&name), "{name:?}");
        }
    }
}
