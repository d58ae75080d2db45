//! Content packs made and checked by `content-check`, as a publisher would: a key made,
//! the content packed (only when it passes the check), a pack verified against the key
//! and refused against any other, changed or cut short.

use std::path::Path;
use std::process::{Command, Output};

use crate::support::fixture_copy;

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_content-check"))
        .args(args)
        .output()
        .unwrap()
}

fn public_key(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("public key: ").map(str::to_string))
        .expect("keygen prints the public key")
}

#[test]
fn a_pack_is_made_signed_verified_and_refused_when_anything_is_wrong() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("publisher.key");
    let other = dir.path().join("other.key");
    let pack = dir.path().join("sauga.pack");
    let made = run(&["keygen".as_ref(), key.as_os_str()]);
    assert_eq!(made.status.code(), Some(0));
    let public = public_key(&made);
    let stranger = public_key(&run(&["keygen".as_ref(), other.as_os_str()]));
    // A key is never overwritten.
    assert_eq!(
        run(&["keygen".as_ref(), key.as_os_str()]).status.code(),
        Some(2)
    );

    let content = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let packed = run(&[
        "pack".as_ref(),
        "--key".as_ref(),
        key.as_os_str(),
        "--out".as_ref(),
        pack.as_os_str(),
        content.as_os_str(),
    ]);
    assert_eq!(
        packed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&packed.stderr)
    );

    let verify = |file: &Path, trust: &str| {
        run(&[
            "verify".as_ref(),
            file.as_os_str(),
            "--trust".as_ref(),
            trust.as_ref(),
        ])
    };
    let ok = verify(&pack, &public);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
    assert!(String::from_utf8_lossy(&ok.stdout).contains("is a sound pack"));
    // Another key, one byte changed, cut short: each refused with its reason.
    let refused = verify(&pack, &stranger);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stdout).contains("not signed"));
    let mut bytes = std::fs::read(&pack).unwrap();
    let changed = dir.path().join("changed.pack");
    let at = bytes.len() / 2;
    bytes[at] ^= 0x20;
    std::fs::write(&changed, &bytes).unwrap();
    assert_eq!(verify(&changed, &public).status.code(), Some(1));
    let cut = dir.path().join("cut.pack");
    std::fs::write(&cut, &std::fs::read(&pack).unwrap()[..50]).unwrap();
    let out = verify(&cut, &public);
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("cut short"),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );

    // Content that fails the check is never packed.
    let broken = fixture_copy();
    let services = broken.path().join("help/services.toml");
    let text = std::fs::read_to_string(&services).unwrap();
    std::fs::write(&services, text.replacen("number = \"+", "number = \"", 1)).unwrap();
    let not_packed = dir.path().join("broken.pack");
    let out = run(&[
        "pack".as_ref(),
        "--key".as_ref(),
        key.as_os_str(),
        "--out".as_ref(),
        not_packed.as_os_str(),
        broken.path().as_os_str(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!not_packed.exists());
}
