//! Fields that several content files share: per-language tables, sources and their
//! titles, web addresses.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::textcheck;
use crate::lang::{Lang, PerLang};

/// A source as written in a content file: `title = { lt = "…", en = "…", … }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub title: RawTitle,
    pub url: String,
    #[serde(default)]
    pub checked: Option<String>,
}

/// A web address as content may give one: `http://` or `https://`, no spaces.
pub fn is_web_url(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://")) && !url.contains(' ')
}

/// A source's title as written: one per language, or (refused with a clear message)
/// one string for all, as older content files had it.
#[derive(Deserialize)]
#[serde(untagged)]
pub(crate) enum RawTitle {
    PerLang(BTreeMap<String, String>),
    One(String),
}

/// A source's title in every language. Titles are short, so the English-words check
/// rarely fires: a copy of the English title is what a forgotten translation looks
/// like, and it is refused.
pub(crate) fn source_title(
    raw: &RawTitle,
    field: &str,
    report: &mut dyn FnMut(String, String),
) -> PerLang<String> {
    let map = match raw {
        RawTitle::PerLang(map) => map,
        RawTitle::One(one) => {
            report(
                field.to_string(),
                format!(
                    "one title for all languages (`{one}`): write it in each, as \
                     {{ lt = \"…\", en = \"…\", ru = \"…\", uk = \"…\" }}"
                ),
            );
            return PerLang::default();
        }
    };
    let title = per_lang_from(map, field, report);
    for lang in Lang::translations() {
        if !title.en.is_empty() && *title.get(lang) == title.en {
            report(
                format!("{field}.{}", lang.code()),
                "is the English title: write it in this language".into(),
            );
        }
    }
    title
}

/// Reads a per-language table (`{ lt = "…", en = "…", ru = "…", uk = "…" }`): every
/// language present and not empty, no other keys. Each problem goes to
/// `report(field, message)`; a missing language is left empty in the result.
pub(crate) fn per_lang_from(
    map: &BTreeMap<String, String>,
    field: &str,
    report: &mut dyn FnMut(String, String),
) -> PerLang<String> {
    let mut out = PerLang::<String>::default();
    for lang in Lang::ALL {
        match map.get(lang.code()).map(|v| v.trim()) {
            Some(v) if !v.is_empty() => {
                // English left in a translation; Russian and Ukrainian sentences in
                // Cyrillic. Short texts (names such as "Vaikų linija") are not judged
                // by script, and Lithuanian letters are judged per page, not per field.
                let field = format!("{field}.{}", lang.code());
                if let Some(p) = textcheck::english_problem(lang, v) {
                    report(field.clone(), p);
                }
                for (_, p) in textcheck::forbidden_terms(lang, v) {
                    report(field.clone(), p);
                }
                let letters = v.chars().filter(|c| c.is_alphabetic()).count();
                if lang.is_cyrillic() && letters >= 60 {
                    if let Some(p) = textcheck::script_problem(lang, v) {
                        report(field, p);
                    }
                }
                *out.get_mut(lang) = v.to_string()
            }
            Some(_) => report(format!("{field}.{}", lang.code()), "is empty".into()),
            None => report(
                field.to_string(),
                format!("missing language `{}`", lang.code()),
            ),
        }
    }
    for key in map.keys() {
        if Lang::from_code(key).is_none() {
            report(
                format!("{field}.{key}"),
                format!("unknown language (use {})", Lang::code_list()),
            );
        }
    }
    out
}
