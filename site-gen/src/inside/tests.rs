use std::os::unix::fs::symlink;
use std::path::Component;

use proptest::prelude::*;

use super::*;

/// A folder `base` beside a folder `outside`, with links in `base` that
/// lead out: a folder link, a file link, and one a level down.
struct Trap {
    work: tempfile::TempDir,
}

impl Trap {
    fn new() -> Self {
        let work = tempfile::tempdir().unwrap();
        let (base, outside) = (work.path().join("base"), work.path().join("outside"));
        fs::create_dir_all(base.join("a")).unwrap();
        fs::create_dir_all(&outside).unwrap();
        fs::write(outside.join("victim"), "kept").unwrap();
        symlink(&outside, base.join("link")).unwrap();
        symlink(&outside, base.join("a/link")).unwrap();
        symlink(outside.join("victim"), base.join("victim")).unwrap();
        symlink("../../outside", base.join("a/up")).unwrap();
        Self { work }
    }

    fn base(&self) -> PathBuf {
        self.work.path().join("base")
    }

    /// What `outside` holds, which nothing may change.
    fn outside(&self) -> Vec<(String, Vec<u8>)> {
        let mut held: Vec<_> = fs::read_dir(self.work.path().join("outside"))
            .unwrap()
            .map(|entry| {
                let entry = entry.unwrap();
                let bytes = fs::read(entry.path()).unwrap_or_default();
                (entry.file_name().to_string_lossy().into_owned(), bytes)
            })
            .collect();
        held.sort();
        held
    }
}

fn untouched() -> Vec<(String, Vec<u8>)> {
    vec![("victim".into(), b"kept".to_vec())]
}

#[test]
fn links_in_the_folder_are_replaced_not_followed() {
    let trap = Trap::new();
    for name in ["link/victim", "victim", "a/link/x", "a/up/victim", "link"] {
        let (path, mut file) = create(&trap.base(), name).unwrap();
        std::io::Write::write_all(&mut file, b"new").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"new", "{name}");
        assert!(is_plain_file(&trap.base(), name), "{name}");
    }
    assert_eq!(trap.outside(), untouched());
}

#[test]
fn a_link_is_not_a_plain_file_and_a_bad_name_is_refused() {
    let trap = Trap::new();
    assert!(!is_plain_file(&trap.base(), "victim"));
    assert!(!is_plain_file(&trap.base(), "link/victim"));
    assert!(matches!(
        create(&trap.base(), "../outside/victim"),
        Err(InsideError::Refused {
            reason: PathRefusal::DotPart,
            ..
        })
    ));
    let refused = make_room(&trap.base(), "a/C:/x").unwrap_err().to_string();
    assert!(
        refused.contains("“a/C:/x”") && refused.contains("drive"),
        "{refused}"
    );
    assert_eq!(trap.outside(), untouched());
}

/// Parts of names as a hostile manifest or archive might write them,
/// the links the trap folder holds among them.
fn part() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("link".to_string()),
        Just("victim".to_string()),
        Just("a".to_string()),
        Just("up".to_string()),
        Just("..".to_string()),
        Just(".".to_string()),
        Just(String::new()),
        Just("C:".to_string()),
        Just("..\u{2215}..".to_string()),
        Just("\u{FF0E}\u{FF0E}".to_string()),
        Just("%2e%2e".to_string()),
        Just(".. ".to_string()),
        Just("x\0y".to_string()),
        "[a-z.]{1,8}",
        "\\PC{1,4}",
        (250usize..260).prop_map(|length| "n".repeat(length)),
    ]
}

fn name() -> impl Strategy<Value = String> {
    (
        proptest::collection::vec(part(), 1..6),
        prop_oneof![Just(""), Just("/"), Just("\\")],
    )
        .prop_map(|(parts, start)| format!("{start}{}", parts.join("/")))
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|cases| cases.parse().ok())
            .unwrap_or(128),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Whatever the name, a file is made strictly inside the folder, or
    /// the name is refused; nothing outside changes.
    #[test]
    fn fuzz_files_made_from_hostile_names_stay_inside(name in name()) {
        let trap = Trap::new();
        let base = trap.base();
        if let Ok((path, mut file)) = create(&base, &name) {
            std::io::Write::write_all(&mut file, b"new").unwrap();
            let below = path.strip_prefix(&base).unwrap();
            prop_assert!(below.components().all(|part| matches!(part, Component::Normal(_))));
            prop_assert!(below.components().count() >= 1);
            prop_assert!(is_plain_file(&base, &name), "{name:?}");
        }
        prop_assert_eq!(trap.outside(), untouched(), "{:?}", name);
    }
}
