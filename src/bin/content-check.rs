//! `content-check [FOLDER]`: checks lesson content and prints every problem as
//! `file:line: message` (warnings say so and do not fail). Exits 1 when there is any
//! problem, 2 when the folder cannot be read. The default folder is this crate's `content/`.

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content"));
    let files = match sauga::platform::read_content_dir(&dir) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("content-check: cannot read {}: {e}", dir.display());
            return ExitCode::from(2);
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
    if errors == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
