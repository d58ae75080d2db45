//! UI strings: every key in every language, and no language left in English.

use std::collections::BTreeMap;

use sauga::lang::{tr, ui_messages, Lang};

/// Words written in Latin letters in every language.
const LATIN_NAMES: &[&str] = &[
    "Sauga",
    "Shift",
    "CSV",
    "GIFT",
    "Moodle",
    "Excel",
    ".xlsx",
    "QR",
    "IndexedDB",
];

/// Values that are the same in every language on purpose.
const SAME_IN_ALL: &[&str] = &[];

fn table(lang: Lang) -> BTreeMap<String, String> {
    ui_messages(lang).into_iter().collect()
}

#[test]
fn every_language_has_every_key() {
    let tables: Vec<(Lang, BTreeMap<String, String>)> =
        Lang::ALL.iter().map(|&l| (l, table(l))).collect();
    let all_keys: std::collections::BTreeSet<&String> =
        tables.iter().flat_map(|(_, t)| t.keys()).collect();
    assert!(all_keys.len() > 50, "only {} keys found", all_keys.len());
    for (lang, t) in &tables {
        let missing: Vec<_> = all_keys.iter().filter(|k| !t.contains_key(**k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
        let empty: Vec<_> = t
            .iter()
            .filter(|(_, v)| v.trim().is_empty())
            .map(|(k, _)| k)
            .collect();
        assert!(empty.is_empty(), "{lang:?} has empty {empty:?}");
    }
}

#[test]
fn no_language_is_left_in_english() {
    let en = table(Lang::En);
    for lang in Lang::translations() {
        let same: Vec<_> = table(lang)
            .into_iter()
            .filter(|(k, v)| en.get(k) == Some(v) && !SAME_IN_ALL.contains(&k.as_str()))
            .map(|(k, _)| k)
            .collect();
        assert!(same.is_empty(), "{lang:?} has English text for {same:?}");
    }
}

#[test]
fn cyrillic_languages_are_written_in_cyrillic() {
    for lang in Lang::ALL.into_iter().filter(|l| l.is_cyrillic()) {
        for (key, value) in table(lang) {
            // Placeholders (`%{name}`) and GIFT examples (`{T}`) are code, not text.
            let mut text = String::new();
            let mut depth = 0usize;
            for ch in value.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' => depth = depth.saturating_sub(1),
                    _ if depth == 0 => text.push(ch),
                    _ => {}
                }
            }
            // Names that stay in Latin letters: the app's name and a key on the keyboard.
            for name in LATIN_NAMES {
                text = text.replace(name, "");
            }
            let latin: String = text.chars().filter(|c| c.is_ascii_alphabetic()).collect();
            assert!(
                latin.is_empty(),
                "{lang:?} {key} has Latin letters {latin:?}: {value}"
            );
        }
    }
    // Ukrainian is not Russian: the two differ wherever a word differs.
    assert_ne!(tr(Lang::Uk, "nav.home"), tr(Lang::Ru, "nav.home"));
}

#[test]
fn lookups_name_their_language() {
    assert_eq!(tr(Lang::Lt, "nav.settings"), "Nustatymai");
    assert_eq!(tr(Lang::Uk, "nav.settings"), "Налаштування");
    assert_eq!(tr(Lang::En, "nav.settings"), "Settings");
}

#[test]
fn every_gift_and_backup_problem_is_told_in_every_language() {
    let keys = sauga::gift::GiftProblem::ALL
        .iter()
        .map(|p| format!("gift.problem.{}", p.code()))
        .chain(
            sauga::teacher::BackupProblem::ALL
                .iter()
                .map(|p| format!("teacher.backup_problem.{}", p.code())),
        );
    for key in keys {
        for lang in Lang::ALL {
            let t = table(lang);
            let text = t
                .get(&key)
                .unwrap_or_else(|| panic!("{lang:?} has no {key}"));
            assert!(
                !text.contains('`'),
                "{lang:?} {key}: no Markdown in messages"
            );
        }
    }
}

#[test]
fn every_topic_has_a_name_in_every_language() {
    for lang in Lang::ALL {
        let t = table(lang);
        for topic in sauga::quiz::TOPICS {
            assert!(
                t.contains_key(&format!("topic.{topic}")),
                "{lang:?} has no name for topic {topic}"
            );
        }
    }
}

#[test]
fn ui_strings_use_none_of_the_forbidden_terms() {
    let mut found = Vec::new();
    for lang in Lang::ALL {
        for (key, value) in table(lang) {
            for (_, why) in sauga::content::textcheck::forbidden_terms(lang, &value) {
                found.push(format!("{}: {key}: {why}", lang.code()));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The Rust files under `dir`, recursively.
fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of a Rust file, each with the text just before it.
fn literals(source: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = source.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if chars[i] == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
        } else if chars[i] == '"' {
            let before: String = chars[i.saturating_sub(24)..i].iter().collect();
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                text.push(chars[i]);
                i += 1;
            }
            found.push((before, text));
            i += 1;
        } else {
            i += 1;
        }
    }
    found
}

/// The keys of the UI string files in a folder (top-level lines `key:`).
fn keys_in(dir: &str) -> std::collections::BTreeSet<String> {
    let mut keys = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for line in text.lines() {
            if let Some(key) = line.strip_suffix(':') {
                if !key.starts_with([' ', '#', '_']) {
                    keys.insert(key.to_string());
                }
            }
        }
    }
    keys
}

/// Teacher mode's screens: left out of the pupil's web app (the `teacher` feature).
fn teacher_only(path: &std::path::Path) -> bool {
    let p = path.to_string_lossy().replace('\\', "/");
    p.contains("src/ui/views/teacher/") || p.ends_with("src/ui/components/charts.rs")
}

#[test]
fn every_key_the_code_looks_up_exists_and_the_pupils_app_has_its_own() {
    let all: std::collections::BTreeSet<String> = table(Lang::En).into_keys().collect();
    let pupil = keys_in(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/pupil"));
    let teacher = keys_in(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/teacher"));
    assert!(pupil.len() > 200 && teacher.len() > 200);
    assert_eq!(
        pupil.len() + teacher.len(),
        all.len(),
        "a key in both files"
    );
    let mut files = Vec::new();
    rust_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/src")),
        &mut files,
    );
    let (mut unknown, mut not_pupil, mut looked_up) = (Vec::new(), Vec::new(), 0);
    for file in &files {
        let source = std::fs::read_to_string(file).unwrap();
        for (before, text) in literals(&source) {
            let lookup = before.ends_with(".t(")
                || before.ends_with("t_with(")
                || before.trim_end().ends_with("tr(lang,");
            if lookup {
                looked_up += 1;
                if !all.contains(&text) {
                    unknown.push(format!("{}: {text}", file.display()));
                }
            }
            // A key named anywhere the pupil's app compiles must be in its strings.
            if all.contains(&text) && !teacher_only(file) && !pupil.contains(&text) {
                not_pupil.push(format!("{}: {text}", file.display()));
            }
        }
    }
    assert!(looked_up > 400, "only {looked_up} lookups found");
    assert!(unknown.is_empty(), "keys not in locales/: {unknown:#?}");
    assert!(
        not_pupil.is_empty(),
        "keys the pupil's web app needs, not in locales/pupil/: {not_pupil:#?}"
    );
}

#[test]
fn every_content_pack_refusal_is_told_in_every_language_in_the_pupils_app() {
    let pupil = keys_in(concat!(env!("CARGO_MANIFEST_DIR"), "/locales/pupil"));
    for code in sauga::content::pack::PROBLEMS.iter().chain(&["not_saved"]) {
        let key = format!("pack.problem.{code}");
        assert!(pupil.contains(&key), "locales/pupil/ has no {key}");
        for lang in Lang::ALL {
            assert!(!table(lang)[&key].is_empty(), "{lang:?} {key}");
        }
    }
}

#[test]
fn placeholders_are_written_as_lookups_fill_them() {
    // `lang::tr_with` fills `%{name}`; a bare `{name}` would reach the screen as it is.
    for lang in Lang::ALL {
        for (key, value) in table(lang) {
            let bare = value.match_indices('{').any(|(at, _)| {
                let name: String = value[at + 1..].chars().take_while(|c| *c != '}').collect();
                let placeholder = !name.is_empty()
                    && name.chars().all(|c| c.is_ascii_lowercase() || c == '_')
                    && value[at + 1 + name.len()..].starts_with('}');
                placeholder && (at == 0 || value.as_bytes()[at - 1] != b'%')
            });
            assert!(!bare, "{lang:?} {key}: {value}");
        }
    }
}
