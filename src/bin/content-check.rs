//! `content-check [FOLDER]`: checks lesson content and prints every problem as
//! `file:line: message` (warnings say so and do not fail). Exits 1 when there is any
//! problem, 2 when the folder cannot be read. The default folder is this crate's `content/`.
//!
//! `content-check export OUT [FOLDER]`: the same check, then (only if it passes) one
//! data file per language in `OUT` (`lt.json`…) for the web app (`content::data`).
//!
//! Content packs (`content::pack`, described in `content/README.md`):
//! - `content-check keygen KEYFILE`: a new publisher key pair; the private key goes to
//!   `KEYFILE` (keep it out of the repository), the public key is printed.
//! - `content-check pack --key KEYFILE --out FILE [FOLDER]`: the full check, then (only
//!   if it passes) the folder as a signed pack.
//! - `content-check verify FILE [--trust PUBLICKEY]`: checks a pack as the app would,
//!   against the app's publisher keys (and any key given).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sauga::content::{data, Catalog};
use sauga::lang::Lang;

fn main() -> ExitCode {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
    match args.first().and_then(|a| a.to_str()) {
        Some("keygen") => return keygen(&args[1..]),
        Some("pack") => return make_pack(&args[1..]),
        Some("verify") => return verify(&args[1..]),
        _ => {}
    }
    let export = if args.first().is_some_and(|a| a.as_os_str() == "export") {
        args.remove(0);
        if args.is_empty() {
            eprintln!("usage: content-check export OUT [FOLDER]");
            return ExitCode::from(2);
        }
        Some(args.remove(0))
    } else {
        None
    };
    let dir = args
        .pop()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content"));
    let Some(catalog) = check(&dir) else {
        return ExitCode::FAILURE;
    };
    match export {
        None => ExitCode::SUCCESS,
        Some(out) => match write_data_files(&catalog, &out) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("content-check: cannot write {}: {e}", out.display());
                ExitCode::from(2)
            }
        },
    }
}

/// Checks the folder and prints what it found; the catalogue when nothing is wrong.
fn check(dir: &Path) -> Option<Catalog> {
    let files = match sauga::platform::read_content_dir(dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("content-check: cannot read {}: {e}", dir.display());
            std::process::exit(2);
        }
    };
    let today = sauga::dates::Date::from_unix(sauga::platform::now_unix());
    let (catalog, problems) = sauga::content::load(&files, today);
    for p in &problems {
        println!("{}/{p}", dir.display());
    }
    for (m, levels) in sauga::content::reading_levels(&catalog) {
        println!(
            "reading level: {:<28} words per sentence: lt {:.1} · en {:.1} · ru {:.1} · uk {:.1}",
            m.id, levels.lt, levels.en, levels.ru, levels.uk
        );
    }
    let errors = problems.iter().filter(|p| p.is_error()).count();
    println!(
        "content-check: {} module(s) and {} help service(s) sound, {} problem(s), {} warning(s) in {}",
        catalog.modules.len(),
        catalog.help.len(),
        errors,
        problems.len() - errors,
        dir.display()
    );
    (errors == 0).then_some(catalog)
}

fn write_data_files(catalog: &Catalog, out: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(out)?;
    for lang in Lang::ALL {
        let path = out.join(data::file_name(lang));
        let json = data::language_json(catalog, lang);
        std::fs::write(&path, &json)?;
        println!(
            "content-check: wrote {} ({} KB)",
            path.display(),
            json.len() / 1024
        );
    }
    Ok(())
}

/// The value after `--name` in `args`, removed from them.
fn take_flag(args: &mut Vec<PathBuf>, name: &str) -> Option<PathBuf> {
    let at = args.iter().position(|a| a.as_os_str() == name)?;
    if at + 1 >= args.len() {
        return None;
    }
    let value = args.remove(at + 1);
    args.remove(at);
    Some(value)
}

fn keygen(args: &[PathBuf]) -> ExitCode {
    let [out] = args else {
        eprintln!("usage: content-check keygen KEYFILE");
        return ExitCode::from(2);
    };
    if out.exists() {
        eprintln!(
            "content-check: {} exists; a key is never overwritten",
            out.display()
        );
        return ExitCode::from(2);
    }
    let mut seed = [0u8; 32];
    seed.copy_from_slice(&sauga::platform::random_bytes(32));
    let key = ed25519_dalek::SigningKey::from_bytes(&seed);
    if let Err(e) = write_private(out, &hex::encode(seed)) {
        eprintln!("content-check: cannot write {}: {e}", out.display());
        return ExitCode::from(2);
    }
    println!(
        "private key: {} (keep it out of the repository)",
        out.display()
    );
    println!(
        "public key: {}",
        hex::encode(key.verifying_key().to_bytes())
    );
    ExitCode::SUCCESS
}

#[cfg(unix)]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    f.write_all(text.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, text: &str) -> std::io::Result<()> {
    std::fs::write(path, text)
}

fn read_key(path: &Path) -> Result<ed25519_dalek::SigningKey, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let seed: [u8; 32] = hex::decode(text.trim())
        .ok()
        .and_then(|b| b.try_into().ok())
        .ok_or_else(|| {
            format!(
                "{}: not a key made by `content-check keygen`",
                path.display()
            )
        })?;
    Ok(ed25519_dalek::SigningKey::from_bytes(&seed))
}

fn make_pack(args: &[PathBuf]) -> ExitCode {
    let mut args = args.to_vec();
    let (Some(key), Some(out)) = (take_flag(&mut args, "--key"), take_flag(&mut args, "--out"))
    else {
        eprintln!("usage: content-check pack --key KEYFILE --out FILE [FOLDER]");
        return ExitCode::from(2);
    };
    let key = match read_key(&key) {
        Ok(k) => k,
        Err(e) => {
            eprintln!("content-check: {e}");
            return ExitCode::from(2);
        }
    };
    let dir = args
        .pop()
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content"));
    // Content that fails the check is never packed.
    let Some(catalog) = check(&dir) else {
        eprintln!("content-check: not packed: the content has problems");
        return ExitCode::FAILURE;
    };
    let files = match sauga::platform::read_content_dir(&dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("content-check: cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
        }
    };
    let pack = sauga::content::pack::Pack {
        content_version: catalog.version.clone(),
        date: sauga::dates::Date::from_unix(sauga::platform::now_unix()),
        files,
    };
    let bytes = sauga::content::pack::seal(&pack, &key);
    match std::fs::write(&out, &bytes) {
        Ok(()) => {
            println!(
                "content-check: packed content {} into {} ({} KB), signed by {}",
                pack.content_version,
                out.display(),
                bytes.len() / 1024,
                hex::encode(key.verifying_key().to_bytes())
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("content-check: cannot write {}: {e}", out.display());
            ExitCode::from(2)
        }
    }
}

fn verify(args: &[PathBuf]) -> ExitCode {
    let mut args = args.to_vec();
    let mut trusted: Vec<[u8; 32]> = sauga::content::pack::PUBLISHER_KEYS.to_vec();
    while let Some(key) = take_flag(&mut args, "--trust") {
        match hex::decode(key.to_string_lossy().trim())
            .ok()
            .and_then(|b| <[u8; 32]>::try_from(b).ok())
        {
            Some(k) => trusted.push(k),
            None => {
                eprintln!("content-check: --trust takes a public key in hex (64 characters)");
                return ExitCode::from(2);
            }
        }
    }
    let [file] = args.as_slice() else {
        eprintln!("usage: content-check verify FILE [--trust PUBLICKEY]");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("content-check: cannot read {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let today = sauga::dates::Date::from_unix(sauga::platform::now_unix());
    // As the app would take it over the built-in content.
    let in_use = Catalog::embedded().version.clone();
    match sauga::content::pack::accept(&bytes, &trusted, &in_use, today) {
        Ok((pack, catalog)) => {
            println!(
                "content-check: {} is a sound pack: content {} of {}, {} modules, {} help services",
                file.display(),
                pack.content_version,
                pack.date,
                catalog.modules.len(),
                catalog.help.len()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("content-check: {} refused: {e}", file.display());
            ExitCode::FAILURE
        }
    }
}
