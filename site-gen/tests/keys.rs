//! An encrypted secret key, unlocked through `SAMIZDAT_KEY_PASSWORD` as a
//! publisher's script would, by the command line itself.

use std::path::Path;
use std::process::{Command, Output};

use site_gen::mirror::keys::{self, PASSWORD_ENV};

fn site_gen(args: &[&str], password: &str) -> Output {
    Command::new(env!("CARGO_BIN_EXE_site-gen"))
        .args(args)
        .env(PASSWORD_ENV, password)
        .output()
        .unwrap()
}

fn text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

#[test]
fn an_encrypted_key_signs_with_the_password_from_the_environment_only() {
    let work = tempfile::tempdir().unwrap();
    let name = work.path().join("locked");
    let made = site_gen(&["keygen", "--out", &text(&name), "--password"], "hunter2");
    assert!(made.status.success(), "{made:?}");
    let secret = name.with_extension("key");
    let stored = minisign::SecretKeyBox::from_string(&std::fs::read_to_string(&secret).unwrap())
        .and_then(minisign::SecretKeyBox::into_unencrypted_secret_key);
    assert!(
        stored.ok().is_none_or(|key| key.is_encrypted()),
        "the secret key is stored encrypted"
    );

    let dist = work.path().join("dist");
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(dist.join("index.html"), "<title>client</title>").unwrap();
    let wrong = site_gen(
        &["manifest", &text(&dist), "--sign-key", &text(&secret)],
        "swordfish",
    );
    assert!(!wrong.status.success());
    let complaint = String::from_utf8_lossy(&wrong.stderr);
    assert!(
        complaint.contains("cannot unlock it") && complaint.contains(PASSWORD_ENV),
        "{complaint}"
    );
    assert!(
        !dist.join("samizdat-manifest.json.minisig").exists(),
        "nothing is signed with a wrong password"
    );

    let signed = site_gen(
        &["manifest", &text(&dist), "--sign-key", &text(&secret)],
        "hunter2",
    );
    assert!(signed.status.success(), "{signed:?}");
    let public = keys::load_public(&name.with_extension("pub")).unwrap();
    let manifest = std::fs::read(dist.join("samizdat-manifest.json")).unwrap();
    let signature = std::fs::read(dist.join("samizdat-manifest.json.minisig")).unwrap();
    public.verify(&signature, &manifest).unwrap();
}
