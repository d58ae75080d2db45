//! Helpers shared by the integration tests.

use std::fs;
use std::path::{Path, PathBuf};

use sauga::check::Problem;
use sauga::content::{self, Catalog};
use sauga::dates::Date;

/// The good content fixture.
pub fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

/// A copy of the good content fixture in a temporary folder, to break in a test.
pub fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    dir
}

/// The day fixtures are checked on, so their check dates never grow stale.
pub const FIXTURE_DAY: &str = "2026-11-26";

/// Today, for checks of the shipped content (its help entries must be current).
pub fn today() -> Date {
    Date::from_unix(sauga::platform::now_unix())
}

/// The good fixture, copied, changed by `edit`, and loaded as of `day`: the folder
/// (kept while the test runs), what loaded, and every problem.
pub fn load_fixture_on(
    day: &str,
    edit: impl FnOnce(&Path),
) -> (tempfile::TempDir, Catalog, Vec<Problem>) {
    let dir = fixture_copy();
    edit(dir.path());
    let files = sauga::platform::read_content_dir(dir.path()).unwrap();
    let (catalog, problems) = content::load(&files, Date::parse(day).unwrap());
    (dir, catalog, problems)
}

/// [`load_fixture_on`] the fixtures' day.
pub fn load_fixture(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, Catalog, Vec<Problem>) {
    load_fixture_on(FIXTURE_DAY, edit)
}

/// Runs the `content-check` command on a folder: its exit code and what it printed.
pub fn content_check(dir: &Path) -> (Option<i32>, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_content-check"))
        .arg(dir)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}
