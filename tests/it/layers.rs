//! The layers of ARCHITECTURE.md, checked as absences over the source text (in the
//! manner of rust-analyzer's tidy tests): where SQL, Dioxus, the file system, the
//! environment, the clock and page scripts may appear, and that every browser test
//! opens its page through the one helper that fails on off-origin requests.

use std::fs;
use std::path::{Path, PathBuf};

/// The domain: plain Rust with no storage, platform or UI underneath it.
const DOMAIN: &[&str] = &[
    "src/check.rs",
    "src/coded.rs",
    "src/content/",
    "src/dates.rs",
    "src/gift/",
    "src/lang.rs",
    "src/passcode.rs",
    "src/quiz/",
    "src/teacher/",
];

/// The longest a source file may grow before it should be split.
const MAX_LINES: usize = 600;

struct Source {
    /// Relative to the crate, with `/`.
    path: String,
    /// Lines of code: comment lines (`//`, `///`, `//!`) are left out, so prose may
    /// name what code may not use.
    code: Vec<(usize, String)>,
    lines: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn walk(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for e in fs::read_dir(dir).unwrap() {
        let path = e.unwrap().path();
        if path.is_dir() {
            walk(&path, ext, out);
        } else if path.extension().is_some_and(|x| x == ext) {
            out.push(path);
        }
    }
}

fn sources() -> Vec<Source> {
    let mut files = Vec::new();
    walk(&root().join("src"), "rs", &mut files);
    files.sort();
    assert!(files.len() > 30, "the walk found the sources");
    files
        .into_iter()
        .map(|f| {
            let text = fs::read_to_string(&f).unwrap();
            let path = f
                .strip_prefix(root())
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            let code = text
                .lines()
                .enumerate()
                .filter(|(_, l)| !l.trim_start().starts_with("//"))
                .map(|(i, l)| (i + 1, l.to_string()))
                .collect();
            Source {
                path,
                code,
                lines: text.lines().count(),
            }
        })
        .collect()
}

fn under(path: &str, places: &[&str]) -> bool {
    places
        .iter()
        .any(|p| path == *p || (p.ends_with('/') && path.starts_with(p)))
}

/// Every line of code outside `allowed` that contains any of `needles`.
fn found_outside(allowed: &[&str], needles: &[&str]) -> Vec<String> {
    let mut out = Vec::new();
    for s in sources().iter().filter(|s| !under(&s.path, allowed)) {
        for (n, line) in &s.code {
            if let Some(needle) = needles.iter().find(|x| line.contains(*x)) {
                out.push(format!("{}:{n}: `{needle}` in: {}", s.path, line.trim()));
            }
        }
    }
    out
}

#[test]
fn sql_only_in_storage() {
    let sql = [
        "rusqlite",
        "SELECT ",
        "INSERT INTO",
        "DELETE FROM",
        "CREATE TABLE",
        "CREATE INDEX",
        "PRAGMA",
        "user_version",
    ];
    let found = found_outside(&["src/storage/"], &sql);
    assert!(
        found.is_empty(),
        "SQL outside src/storage/:\n{}",
        found.join("\n")
    );
}

#[test]
fn dioxus_only_in_the_ui_and_the_binary() {
    let found = found_outside(&["src/ui/", "src/main.rs"], &["dioxus"]);
    assert!(
        found.is_empty(),
        "Dioxus outside src/ui/:\n{}",
        found.join("\n")
    );
}

#[test]
fn files_environment_and_clock_only_in_platform_and_binaries() {
    let io = [
        "std::fs",
        "std::env",
        "SystemTime",
        "Instant::now",
        "js_sys::Date",
        "std::process",
    ];
    let found = found_outside(&["src/platform/", "src/bin/", "src/main.rs"], &io);
    assert!(
        found.is_empty(),
        "file system, environment or clock outside src/platform/:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_domain_stands_on_nothing_but_itself() {
    let found: Vec<String> = sources()
        .iter()
        .filter(|s| under(&s.path, DOMAIN))
        .flat_map(|s| {
            s.code.iter().filter_map(|(n, line)| {
                ["crate::storage", "crate::platform", "crate::ui"]
                    .iter()
                    .find(|x| line.contains(*x))
                    .map(|x| format!("{}:{n}: `{x}`", s.path))
            })
        })
        .collect();
    assert!(
        found.is_empty(),
        "the domain reaches outward:\n{}",
        found.join("\n")
    );
}

#[test]
fn platform_differences_only_in_platform() {
    // `cfg(test)` and features are fine anywhere; which target it runs on is not.
    let found = found_outside(
        &["src/platform/", "src/main.rs"],
        &["target_arch", "target_os", "target_family"],
    );
    assert!(
        found.is_empty(),
        "a platform `cfg` outside src/platform/:\n{}",
        found.join("\n")
    );
}

#[test]
fn page_scripts_only_in_ui_js() {
    let found = found_outside(&["src/ui/js.rs"], &["document::eval", "eval("]);
    assert!(
        found.is_empty(),
        "scripts outside src/ui/js.rs:\n{}",
        found.join("\n")
    );
}

/// The web page's Content-Security-Policy allows no inline styles: a `style`
/// attribute string would be refused in the browser (and `document::Title` runs
/// `eval` there). Single properties (`width: "…"`) are set through the CSSOM, which
/// the policy allows.
#[test]
fn nothing_the_page_policy_refuses() {
    let found = found_outside(&[], &["style: \"", "document::Title", "document::Style"]);
    assert!(
        found.is_empty(),
        "refused by the web page's policy:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_source_file_grows_past_the_limit() {
    let long: Vec<String> = sources()
        .iter()
        .filter(|s| s.lines > MAX_LINES)
        .map(|s| format!("{}: {} lines", s.path, s.lines))
        .collect();
    assert!(
        long.is_empty(),
        "split these (over {MAX_LINES} lines):\n{}",
        long.join("\n")
    );
}

#[test]
fn every_browser_test_page_fails_on_off_origin_requests() {
    // The one helper that hands out pages, in `tests/e2e/browser.mjs`.
    let shared = root().join("tests/e2e/browser.mjs");
    let text = fs::read_to_string(&shared).unwrap();
    let helper = text
        .find("async function watchedPage(")
        .expect("tests/e2e/browser.mjs: no watchedPage helper");
    let body_end = text[helper..].find("\n}\n").map(|e| helper + e).unwrap();
    let body = &text[helper..body_end];
    assert!(
        body.contains("page.on(\"request\"") && body.contains("errors.push(`network:"),
        "watchedPage must record off-origin requests as errors"
    );
    assert!(
        body.contains("securitypolicyviolation"),
        "watchedPage must record Content-Security-Policy violations as errors"
    );
    // No test file, and no other part of the helper module, opens a page itself.
    let mut files = Vec::new();
    walk(&root().join("tests/e2e"), "mjs", &mut files);
    let tests: Vec<PathBuf> = files
        .into_iter()
        .filter(|f| f.to_string_lossy().ends_with(".test.mjs"))
        .collect();
    assert!(tests.len() >= 2, "browser tests not found: {tests:?}");
    for f in tests.iter().chain([&shared]) {
        let text = fs::read_to_string(f).unwrap();
        for opener in ["newPage(", "newContext("] {
            let outside = text
                .match_indices(opener)
                .filter(|(i, _)| *f != shared || !(helper..body_end).contains(i))
                .count();
            assert_eq!(
                outside,
                0,
                "{}: a page opened with `{opener}` outside watchedPage",
                f.display()
            );
        }
    }
}
