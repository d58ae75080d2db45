//! The four languages of Sauga, how the first one is chosen, and the UI strings.
//!
//! UI strings live in `locales/pupil/` and `locales/teacher/` (rust-i18n). Lesson text does not: it lives
//! in `content/` (see [`crate::content`]). rust-i18n's own global locale is never
//! used: every lookup names its language, which the UI keeps in a signal.

use std::borrow::Cow;

coded! {
    /// A language Sauga is written in.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum Lang {
        Lt = "lt",
        En = "en",
        Ru = "ru",
        Uk = "uk",
    }
}

impl Lang {
    /// The language used when the device's language is none of ours.
    pub const DEFAULT: Lang = Lang::Lt;

    /// The language's name in itself, as shown on the language buttons.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Lt => "Lietuvių",
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
        }
    }

    /// Every language's code, as a content file's author is told them: "lt, en, ru, uk".
    pub fn code_list() -> String {
        Lang::ALL.map(Lang::code).join(", ")
    }

    /// Every language but `self`: the ones a text is compared with.
    pub fn others(self) -> impl Iterator<Item = Lang> {
        Lang::ALL.into_iter().filter(move |l| *l != self)
    }

    /// The languages translated from English: a text left equal to the English one
    /// in any of these is a forgotten translation.
    pub fn translations() -> impl Iterator<Item = Lang> {
        Lang::En.others()
    }

    /// Whether the language is written in Cyrillic (Russian, Ukrainian).
    pub fn is_cyrillic(self) -> bool {
        matches!(self, Lang::Ru | Lang::Uk)
    }

    /// A BCP 47 tag as a browser or an OS reports it (`uk-UA`, `lt_LT.UTF-8`, `EN`).
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or("")
            .trim()
            .to_ascii_lowercase();
        Lang::from_code(&primary)
    }

    /// The first of the device's preferred languages that Sauga has, else Lithuanian.
    pub fn detect<I, S>(preferred: I) -> Lang
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        preferred
            .into_iter()
            .find_map(|tag| Lang::from_tag(tag.as_ref()))
            .unwrap_or(Lang::DEFAULT)
    }
}

/// One value in each of the four languages. Read with a language missing (a web
/// content file holds one language: `content::data`), that language is left empty.
#[derive(Clone, Debug, PartialEq, Default, serde::Serialize, serde::Deserialize)]
#[serde(default, bound(deserialize = "T: serde::Deserialize<'de> + Default"))]
pub struct PerLang<T> {
    pub lt: T,
    pub en: T,
    pub ru: T,
    pub uk: T,
}

impl<T> PerLang<T> {
    pub fn get(&self, lang: Lang) -> &T {
        match lang {
            Lang::Lt => &self.lt,
            Lang::En => &self.en,
            Lang::Ru => &self.ru,
            Lang::Uk => &self.uk,
        }
    }

    pub fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::Lt => &mut self.lt,
            Lang::En => &mut self.en,
            Lang::Ru => &mut self.ru,
            Lang::Uk => &mut self.uk,
        }
    }
}

impl<T: Clone> PerLang<T> {
    /// The same value in every language (a teacher's own quiz is in one language).
    pub fn same(value: T) -> Self {
        PerLang {
            lt: value.clone(),
            en: value.clone(),
            ru: value.clone(),
            uk: value,
        }
    }
}

/// A UI string in the given language.
pub fn tr(lang: Lang, key: &str) -> String {
    rust_i18n::t!(key, locale = lang.code()).into_owned()
}

/// A UI string with `%{name}` placeholders filled in.
pub fn tr_with(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    let mut text = tr(lang, key);
    for (name, value) in args {
        text = text.replace(&format!("%{{{name}}}"), value);
    }
    text
}

/// Every UI string of one language, as (key, text), for checks and tests.
pub fn ui_messages(lang: Lang) -> Vec<(String, String)> {
    crate::_rust_i18n_backend()
        .messages_for_locale(lang.code())
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v): (Cow<'_, str>, Cow<'_, str>)| (k.into_owned(), v.into_owned()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_map_to_languages() {
        assert_eq!(Lang::from_tag("uk-UA"), Some(Lang::Uk));
        assert_eq!(Lang::from_tag("lt_LT.UTF-8"), Some(Lang::Lt));
        assert_eq!(Lang::from_tag("RU"), Some(Lang::Ru));
        assert_eq!(Lang::from_tag("en-GB"), Some(Lang::En));
        assert_eq!(Lang::from_tag("de-DE"), None);
        assert_eq!(Lang::from_tag(""), None);
    }

    #[test]
    fn detection_takes_first_known_else_lithuanian() {
        assert_eq!(Lang::detect(["de-DE", "ru-RU", "en"]), Lang::Ru);
        assert_eq!(Lang::detect(["pl", "fr"]), Lang::Lt);
        assert_eq!(Lang::detect(Vec::<String>::new()), Lang::Lt);
    }

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_code(l.code()), Some(l));
        }
        assert_eq!(Lang::from_code("ua"), None);
    }

    #[test]
    fn placeholders_are_filled() {
        let s = tr_with(Lang::En, "lesson.page_of", &[("n", "3"), ("total", "6")]);
        assert!(s.contains('3') && s.contains('6'), "{s}");
        assert!(!s.contains("%{"), "{s}");
    }
}
