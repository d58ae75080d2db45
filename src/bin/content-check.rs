//! `content-check [FOLDER]`: checks lesson content and prints every problem as
//! `file:line: message` (warnings say so and do not fail). Exits 1 when there is any
//! problem, 2 when the folder cannot be read. The default folder is this crate's `content/`.
//!
//! `content-check export OUT [FOLDER]`: the same check, then (only if it passes) one
//! data file per language in `OUT` (`lt.json`…) for the web app (`content::data`).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use sauga::content::{data, Catalog};
use sauga::lang::Lang;

fn main() -> ExitCode {
    let mut args: Vec<PathBuf> = std::env::args_os().skip(1).map(PathBuf::from).collect();
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
