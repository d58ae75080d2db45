//! The content check: the shipped content passes; broken fixtures are reported with
//! file, line or field, and what is wrong.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use sauga::content::{self, Audience, Catalog, Problem};
use sauga::lang::Lang;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/good")
}

/// A copy of the good fixture in a temporary folder, changed by `edit`.
fn broken(edit: impl FnOnce(&Path)) -> (tempfile::TempDir, Vec<Problem>, Catalog) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    edit(dir.path());
    let files = content::read_dir(dir.path()).unwrap();
    let (catalog, problems) = content::load(&files);
    (dir, problems, catalog)
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

fn alpha(root: &Path, file: &str) -> PathBuf {
    root.join("modules/01-alpha").join(file)
}

fn replace(path: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "fixture lacks {from:?}");
    fs::write(path, text.replacen(from, to, 1)).unwrap();
}

fn messages(problems: &[Problem]) -> Vec<String> {
    problems.iter().map(|p| p.to_string()).collect()
}

/// Asserts that exactly one problem names `file` and contains `needle`, and returns it.
fn only<'a>(problems: &'a [Problem], file: &str, needle: &str) -> &'a Problem {
    let hits: Vec<_> = problems
        .iter()
        .filter(|p| p.file == file && p.to_string().contains(needle))
        .collect();
    assert_eq!(
        hits.len(),
        1,
        "want one problem in {file} with {needle:?}, got {:#?}",
        messages(problems)
    );
    hits[0]
}

#[test]
fn shipped_content_passes_the_check() {
    let (catalog, problems) = content::load(&content::embedded_files());
    assert!(
        problems.is_empty(),
        "content problems:\n{}",
        messages(&problems).join("\n")
    );
    assert!(catalog.modules.len() >= 2);
    assert!(!catalog.version.is_empty());
    for id in ["what-is-trafficking", "job-offers-abroad"] {
        let m = catalog
            .module(id)
            .unwrap_or_else(|| panic!("module {id} missing"));
        assert!(
            (5..=8).contains(&m.page_count()),
            "{id} has {} pages",
            m.page_count()
        );
        assert!(m.audience.contains(&Audience::Pupils));
        for lang in Lang::ALL {
            assert_eq!(m.pages.get(lang).len(), m.page_count(), "{id} {lang:?}");
        }
    }
    // The embedded copy is the folder on disk.
    let on_disk =
        content::read_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).unwrap();
    assert_eq!(content::load(&on_disk).0, *catalog_ref(&catalog));
}

fn catalog_ref(c: &Catalog) -> &Catalog {
    c
}

#[test]
fn the_good_fixture_passes() {
    let (_d, problems, catalog) = broken(|_| {});
    assert!(problems.is_empty(), "{:#?}", messages(&problems));
    assert_eq!(catalog.modules.len(), 2);
    assert_eq!(catalog.modules[0].id, "alpha");
    assert_eq!(
        catalog.modules[0].pages.get(Lang::Uk)[1].title,
        "Second page (uk)"
    );
}

#[test]
fn missing_language_file() {
    let (_d, problems, catalog) = broken(|root| fs::remove_file(alpha(root, "ru.md")).unwrap());
    only(&problems, "modules/01-alpha/ru.md", "missing language");
    assert!(
        catalog.module("alpha").is_none(),
        "a broken module is left out"
    );
    assert!(catalog.module("beta").is_some(), "the others stay");
}

#[test]
fn missing_language_in_metadata() {
    let (_d, problems, _) =
        broken(|root| replace(&alpha(root, "module.toml"), "ru = \"Урок alpha\"\n", ""));
    let p = only(
        &problems,
        "modules/01-alpha/module.toml",
        "missing language `ru`",
    );
    assert_eq!(p.field.as_deref(), Some("title"));
}

#[test]
fn different_number_of_pages() {
    let (_d, problems, _) = broken(|root| {
        let path = alpha(root, "uk.md");
        let mut text = fs::read_to_string(&path).unwrap();
        text.push_str("\n# Third page\n\nMore.\n");
        fs::write(path, text).unwrap();
    });
    only(
        &problems,
        "modules/01-alpha/uk.md",
        "has 3 pages but lt.md has 2",
    );
}

#[test]
fn unknown_audience() {
    let (_d, problems, _) =
        broken(|root| replace(&alpha(root, "module.toml"), "\"pupils\"", "\"pupil\""));
    let p = only(
        &problems,
        "modules/01-alpha/module.toml",
        "unknown audience `pupil`",
    );
    assert_eq!(p.field.as_deref(), Some("audience"));
}

#[test]
fn module_without_sources() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "module.toml"),
            "[[sources]]\ntitle = \"Example source\"\nurl = \"https://example.org/source\"\n",
            "",
        )
    });
    only(&problems, "modules/01-alpha/module.toml", "no sources");
}

#[test]
fn empty_page() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "en.md"),
            "Some text with a [link](module:beta).\n",
            "",
        )
    });
    let p = only(&problems, "modules/01-alpha/en.md", "is empty");
    assert_eq!(p.line, Some(1));
}

#[test]
fn link_to_a_module_that_does_not_exist() {
    let (_d, problems, catalog) =
        broken(|root| replace(&alpha(root, "lt.md"), "module:beta", "module:gamma"));
    let p = only(
        &problems,
        "modules/01-alpha/lt.md",
        "links to module `gamma`, which does not exist",
    );
    assert_eq!(p.line, Some(1));
    assert!(catalog.module("alpha").is_none());
}

#[test]
fn unsupported_markdown() {
    let (_d, problems, _) = broken(|root| {
        replace(
            &alpha(root, "en.md"),
            "> Remember.",
            "> Remember.\n\n![a picture](x.png)\n\n<div>html</div>",
        )
    });
    let img = only(
        &problems,
        "modules/01-alpha/en.md",
        "an image is not supported",
    );
    assert_eq!(img.line, Some(11));
    let html = only(&problems, "modules/01-alpha/en.md", "HTML is not supported");
    assert_eq!(html.line, Some(13));
}

#[test]
fn bad_toml_names_its_line() {
    let (_d, problems, _) =
        broken(|root| replace(&alpha(root, "module.toml"), "minutes = 5", "minutes = five"));
    let p = problems
        .iter()
        .find(|p| p.file == "modules/01-alpha/module.toml")
        .expect("a problem");
    assert_eq!(p.line, Some(4), "{p}");
}

#[test]
fn duplicate_ids_leave_both_out() {
    let (_d, problems, catalog) = broken(|root| {
        replace(
            &root.join("modules/02-beta/module.toml"),
            "id = \"beta\"",
            "id = \"alpha\"",
        )
    });
    assert!(
        messages(&problems)
            .iter()
            .any(|m| m.contains("`alpha` is also the id")),
        "{problems:#?}"
    );
    assert!(catalog.modules.is_empty());
}

#[test]
fn the_command_prints_problems_and_fails() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixture(), dir.path());
    fs::remove_file(alpha(dir.path(), "uk.md")).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_content-check"))
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("modules/01-alpha/uk.md: missing language"),
        "{stdout}"
    );
    assert!(stdout.contains("1 problem(s)"), "{stdout}");

    let ok = Command::new(env!("CARGO_BIN_EXE_content-check"))
        .arg(fixture())
        .output()
        .unwrap();
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stdout)
    );
}
