//! Loading: every content file parsed and checked into the [`Catalog`], each problem
//! with its file and line or field. Modules are checked in `module.rs`, quizzes in
//! `quizzes.rs`, the help file in `help.rs`.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use super::fields::{per_lang_from, source_title, RawSource, RawTitle};
use super::markdown::LinkTarget;
use super::module::RawModule;
use super::*;
use crate::check::{Collector, Problem};
use crate::lang::Lang;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContentToml {
    version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGlossary {
    #[serde(default)]
    term: Vec<RawTerm>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    id: String,
    term: BTreeMap<String, String>,
    definition: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFacts {
    #[serde(default)]
    fact: Vec<RawFact>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFact {
    id: String,
    figure: String,
    year: i32,
    text: BTreeMap<String, String>,
    source: RawSource,
}

/// The content check: one [`Collector`] and the checks of each kind of file.
pub(super) struct Checker(Collector);

impl std::ops::Deref for Checker {
    type Target = Collector;
    fn deref(&self) -> &Collector {
        &self.0
    }
}

impl std::ops::DerefMut for Checker {
    fn deref_mut(&mut self) -> &mut Collector {
        &mut self.0
    }
}

impl Checker {
    pub(super) fn parse_file<T: serde::de::DeserializeOwned>(
        &mut self,
        file: &ContentFile,
    ) -> Option<T> {
        self.0.parse_toml(&file.path, &file.text)
    }

    /// A per-language table (`[title]`) with exactly our four languages, none empty.
    pub(super) fn per_lang(
        &mut self,
        file: &str,
        field: &str,
        raw: &BTreeMap<String, String>,
    ) -> PerLang<String> {
        per_lang_from(raw, field, &mut |field, message| {
            self.at(file, None, Some(&field), message)
        })
    }

    pub(super) fn source_title(
        &mut self,
        file: &str,
        field: &str,
        raw: &RawTitle,
    ) -> PerLang<String> {
        source_title(raw, field, &mut |field, message| {
            self.at(file, None, Some(&field), message)
        })
    }

    fn glossary(&mut self, f: &ContentFile) -> Vec<Term> {
        let Some(raw) = self.parse_file::<RawGlossary>(f) else {
            return Vec::new();
        };
        let mut seen = BTreeSet::new();
        let mut out = Vec::new();
        for (i, t) in raw.term.into_iter().enumerate() {
            let before = self.problems.len();
            let at = format!("term[{}] ({})", i + 1, t.id);
            if !seen.insert(t.id.clone()) {
                self.at(
                    &f.path,
                    None,
                    Some(&format!("{at}.id")),
                    "is used by another term too",
                );
            }
            let term = self.per_lang(&f.path, &format!("{at}.term"), &t.term);
            let definition = self.per_lang(&f.path, &format!("{at}.definition"), &t.definition);
            for lang in Lang::translations() {
                let text = format!("{} {}", term.get(lang), definition.get(lang));
                if let Some(p) = textcheck::script_problem(lang, &text) {
                    self.at(
                        &f.path,
                        None,
                        Some(&format!("{at}.definition.{}", lang.code())),
                        p,
                    );
                }
            }
            if self.problems.len() == before {
                out.push(Term {
                    id: t.id,
                    term,
                    definition,
                });
            }
        }
        out
    }

    fn facts(&mut self, f: &ContentFile) -> Vec<Fact> {
        let Some(raw) = self.parse_file::<RawFacts>(f) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for (i, x) in raw.fact.into_iter().enumerate() {
            let before = self.problems.len();
            let at = format!("fact[{}] ({})", i + 1, x.id);
            let text = self.per_lang(&f.path, &format!("{at}.text"), &x.text);
            if !(1900..=2100).contains(&x.year) {
                self.at(
                    &f.path,
                    None,
                    Some(&format!("{at}.year")),
                    format!("{} is not a year", x.year),
                );
            }
            if x.figure.trim().is_empty() {
                self.at(&f.path, None, Some(&format!("{at}.figure")), "is empty");
            }
            let title = self.source_title(&f.path, &format!("{at}.source.title"), &x.source.title);
            if !is_web_url(&x.source.url) {
                self.at(
                    &f.path,
                    None,
                    Some(&format!("{at}.source.url")),
                    "needs an http(s) url",
                );
            }
            if self.problems.len() == before {
                out.push(Fact {
                    id: x.id,
                    figure: x.figure,
                    year: x.year,
                    text,
                    source: Source {
                        title,
                        url: x.source.url,
                        checked: x.source.checked,
                    },
                });
            }
        }
        out
    }
}

/// The longest average sentence, in words, a pupils' lesson may have in any language.
pub const MAX_PUPIL_SENTENCE: f64 = 15.0;

/// Average sentence length per language of every pupils' lesson, for the report.
pub fn reading_levels(catalog: &Catalog) -> Vec<(&Module, PerLang<f64>)> {
    catalog
        .modules
        .iter()
        .filter(|m| m.kind == Kind::Lesson && m.audience.contains(&Audience::Pupils))
        .map(|m| {
            let mut levels = PerLang::<f64>::default();
            for lang in Lang::ALL {
                *levels.get_mut(lang) = textcheck::count_pages(m.pages.get(lang)).average();
            }
            (m, levels)
        })
        .collect()
}

/// Loads and checks content files as of `today` (help entries' check dates are
/// compared with it; the caller reads the clock). Returns what is sound, and every
/// problem found. No error means the content is fit to ship.
pub fn load(files: &[ContentFile], today: Date) -> (Catalog, Vec<Problem>) {
    let mut c = Checker(Collector::default());
    let mut version = String::new();
    let mut help_services = Vec::new();
    let mut glossary = Vec::new();
    let mut facts = Vec::new();
    let mut final_file: Option<&ContentFile> = None;
    let mut self_check = None;
    let mut by_module: BTreeMap<String, BTreeMap<String, &ContentFile>> = BTreeMap::new();
    for f in files {
        let parts: Vec<&str> = f.path.split('/').collect();
        match parts.as_slice() {
            ["content.toml"] => {
                if let Some(raw) = c.parse_file::<RawContentToml>(f) {
                    version = raw.version;
                }
            }
            ["modules", dir, name] => {
                by_module
                    .entry(dir.to_string())
                    .or_default()
                    .insert(name.to_string(), f);
            }
            ["help", "services.toml"] => {
                help_services = help::load(&mut c.file(&f.path), &f.text, today);
            }
            ["glossary.toml"] => glossary = c.glossary(f),
            ["quizzes", "final.toml"] => final_file = Some(f),
            ["selfcheck.toml"] => {
                self_check = quizzes::load_self_check(&mut c.file(&f.path), &f.text)
            }
            ["facts.toml"] => facts = c.facts(f),
            [name] if name.ends_with(".md") => {} // documentation (README.md, SOURCES.md)
            _ => c.at(&f.path, None, None, "unexpected file in the content folder"),
        }
    }
    if !files.iter().any(|f| f.path == "help/services.toml") {
        c.at(
            "help/services.toml",
            None,
            None,
            "missing: the help-line directory",
        );
    }
    if !files.iter().any(|f| f.path == "content.toml") {
        c.at(
            "content.toml",
            None,
            None,
            "missing: it gives the content version",
        );
    }
    let mut modules: Vec<Module> = Vec::new();
    for (dir, module_files) in &by_module {
        if let Some(m) = c.module(dir, module_files) {
            modules.push(m);
        }
    }
    // Across modules: unique ids and orders, links that resolve.
    // Both modules of a clash are left out: which one is right is the editor's call.
    let mut rejected: BTreeSet<String> = BTreeSet::new();
    for (i, m) in modules.iter().enumerate() {
        let path = format!("modules/{}/module.toml", m.dir);
        for other in &modules[i + 1..] {
            if other.id == m.id {
                c.at(
                    &path,
                    None,
                    Some("id"),
                    format!("`{}` is also the id of modules/{}", m.id, other.dir),
                );
                rejected.extend([m.dir.clone(), other.dir.clone()]);
            }
            if other.order == m.order {
                c.at(
                    &path,
                    None,
                    Some("order"),
                    format!("{} is also the order of modules/{}", m.order, other.dir),
                );
                rejected.extend([m.dir.clone(), other.dir.clone()]);
            }
        }
    }
    let all_ids: BTreeSet<String> = by_module
        .values()
        .filter_map(|files| {
            let f = files.get("module.toml")?;
            let raw: RawModule = toml::from_str(&f.text).ok()?;
            Some(raw.id)
        })
        .collect();
    let term_ids: BTreeSet<&str> = glossary.iter().map(|t: &Term| t.id.as_str()).collect();
    let pupil_lessons: BTreeSet<&str> = modules
        .iter()
        .filter(|m| m.kind == Kind::Lesson && m.audience.contains(&Audience::Pupils))
        .map(|m| m.id.as_str())
        .collect();
    for m in &modules {
        if let Some(target) = &m.plan_for {
            if !pupil_lessons.contains(target.as_str()) {
                c.at(
                    &format!("modules/{}/module.toml", m.dir),
                    None,
                    Some("plan_for"),
                    format!("`{target}` is not a pupils' lesson"),
                );
                rejected.insert(m.dir.clone());
            }
        }
        for lang in Lang::ALL {
            for page in m.pages.get(lang) {
                for target in markdown::links(&page.blocks) {
                    let missing = match target {
                        LinkTarget::Module(id) if !all_ids.contains(id) => {
                            Some(format!("module `{id}`"))
                        }
                        LinkTarget::Glossary(id) if !term_ids.contains(id.as_str()) => {
                            Some(format!("glossary term `{id}`"))
                        }
                        _ => None,
                    };
                    if let Some(what) = missing {
                        c.at(
                            &format!("modules/{}/{}.md", m.dir, lang.code()),
                            Some(page.line),
                            None,
                            format!(
                                "page \"{}\" links to {what}, which does not exist",
                                page.title
                            ),
                        );
                        rejected.insert(m.dir.clone());
                    }
                }
            }
        }
    }
    modules.retain(|m| !rejected.contains(&m.dir));
    modules.sort_by_key(|m| m.order);
    // Quizzes of the modules that are in.
    let mut quizzes = Vec::new();
    for m in &modules {
        if let Some(f) = by_module
            .get(&m.dir)
            .and_then(|files| files.get("quiz.toml"))
        {
            let mut r = c.file(&f.path);
            if let Some(q) = quizzes::load_module_quiz(&mut r, &f.text, &m.id, m.page_count()) {
                quizzes.push(q);
            }
        }
    }
    let mut numbers: BTreeMap<u16, String> = BTreeMap::new();
    for q in &quizzes {
        if let Some(other) =
            numbers.insert(crate::quiz::resultcode::quiz_number(&q.id), q.id.clone())
        {
            c.at(
                &format!("modules/{}/quiz.toml", q.id),
                None,
                None,
                format!(
                    "its result-code number is the same as quiz `{other}`'s: rename one module id"
                ),
            );
        }
    }
    let final_quiz =
        final_file.and_then(|f| quizzes::load_final(&mut c.file(&f.path), &f.text, &quizzes));
    let mut problems = c.0.problems;
    problems.sort();
    (
        Catalog {
            version,
            modules,
            help: help_services,
            glossary,
            facts,
            quizzes,
            final_quiz,
            self_check,
        },
        problems,
    )
}
