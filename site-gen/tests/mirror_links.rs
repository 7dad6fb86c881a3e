//! A pull never writes through a link: not one the previous copy holds,
//! nor one left in the folder of an interrupted pull.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use samizdat_manifest::{FileProblem, PublicKey};
use site_gen::mirror::keys;
use site_gen::mirror::manifest::{Naming, write_for_dir};
use site_gen::mirror::pull::pull;
use site_gen::mirror::seen::SeenSerials;
use site_gen::mirror::storage::Store;
use site_gen::mirror::verify::verify_site;

struct Publisher {
    work: tempfile::TempDir,
    secret: minisign::SecretKey,
    public: PublicKey,
}

impl Publisher {
    fn new() -> Self {
        let work = tempfile::tempdir().unwrap();
        let (secret, public) = keys::generate(&work.path().join("samizdat"), None).unwrap();
        Self {
            secret: keys::load_secret(&secret).unwrap(),
            public: keys::load_public(&public).unwrap(),
            work,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.work.path().join(name)
    }

    /// Writes `files` into the site and signs it.
    fn publish(&self, files: &[(&str, &str)]) {
        for (name, contents) in files {
            let path = self.path("site").join(name);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, contents).unwrap();
        }
        write_for_dir(
            &self.path("site"),
            Some(&self.secret),
            None,
            jiff::SignedDuration::from_hours(24),
            None,
            Naming::default(),
        )
        .unwrap();
    }

    fn pull(&self) {
        let mut seen = SeenSerials::load(&self.path("seen.json")).unwrap();
        let site = Store::folder(&self.path("site")).unwrap();
        pull(
            &site,
            &self.path("mirror"),
            &self.public,
            &mut seen,
            jiff::Timestamp::now(),
        )
        .unwrap();
    }

    fn verify_mirror(&self) -> Vec<FileProblem> {
        let mut seen = SeenSerials::load(&self.path("seen.json")).unwrap();
        let mirror = Store::folder(&self.path("mirror")).unwrap();
        verify_site(&mirror, &self.public, &mut seen, jiff::Timestamp::now())
            .unwrap()
            .problems
    }
}

/// Every file below `dir`, links not followed, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| (entry.path().to_path_buf(), fs::read(entry.path()).unwrap()))
        .collect();
    files.sort();
    files
}

#[test]
fn a_pull_replaces_links_in_the_copy_and_its_part_folder_rather_than_following_them() {
    let publisher = Publisher::new();
    publisher.publish(&[
        ("index.html", "<p>hello</p>"),
        ("media/a.txt", "a"),
        ("media/b.txt", "b"),
    ]);
    publisher.pull();

    // The copy's folder and a file become links out of it, and an
    // interrupted pull's folder holds one too.
    let outside = publisher.path("outside");
    fs::create_dir_all(&outside).unwrap();
    for name in ["a.txt", "b.txt", "c.txt", "index.html"] {
        fs::write(outside.join(name), "mine").unwrap();
    }
    let mirror = publisher.path("mirror");
    fs::remove_dir_all(mirror.join("media")).unwrap();
    symlink(&outside, mirror.join("media")).unwrap();
    fs::remove_file(mirror.join("index.html")).unwrap();
    symlink(outside.join("index.html"), mirror.join("index.html")).unwrap();
    let partial = publisher.path(".mirror.pull-partial");
    fs::create_dir_all(&partial).unwrap();
    symlink(&outside, partial.join("media")).unwrap();
    let before = tree(&outside);

    publisher.publish(&[
        ("index.html", "<p>hello again</p>"),
        ("media/a.txt", "a, edited"),
        ("media/c.txt", "c"),
    ]);
    publisher.pull();

    assert_eq!(tree(&outside), before, "nothing outside the copy changed");
    for name in ["media", "index.html"] {
        let kind = fs::symlink_metadata(mirror.join(name)).unwrap().file_type();
        assert!(!kind.is_symlink(), "{name} is the copy's own again");
    }
    assert_eq!(
        fs::read_to_string(mirror.join("media/a.txt")).unwrap(),
        "a, edited"
    );
    assert_eq!(publisher.verify_mirror(), Vec::<FileProblem>::new());
}
