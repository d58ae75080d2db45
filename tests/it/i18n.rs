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
