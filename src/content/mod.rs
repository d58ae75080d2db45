//! The course: modules, their metadata and pages, loaded from the files in `content/`.
//!
//! Raw files are parsed (TOML, Markdown) and then validated into the model; every
//! problem names the file, the line or field, and what is wrong. The same code serves
//! the app (content embedded at build time), `cargo test` and the `content-check`
//! command (content read from disk). A module with any problem is left out of the
//! catalogue, so one broken file never takes the rest of the course down.
//!
//! See `content/README.md` for the format.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::Deserialize;

pub mod help;
pub mod markdown;
mod quizzes;
pub mod textcheck;

use self::help::Service;
use self::markdown::{LinkTarget, Page};
use crate::check::{Collector, Problem};
use crate::dates::Date;
use crate::lang::{Lang, PerLang};
use crate::quiz::{Quiz, SelfCheck};

/// The content embedded into the app at build time.
static EMBEDDED: include_dir::Dir<'static> =
    include_dir::include_dir!("$CARGO_MANIFEST_DIR/content");

/// Who a module is written for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Audience {
    Pupils,
    Teachers,
    Specialists,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Pupils, Audience::Teachers, Audience::Specialists];

    pub fn code(self) -> &'static str {
        match self {
            Audience::Pupils => "pupils",
            Audience::Teachers => "teachers",
            Audience::Specialists => "specialists",
        }
    }

    pub fn from_code(code: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.code() == code)
    }
}

/// Where the facts of a module come from: named in every language, with its address.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    pub title: PerLang<String>,
    pub url: String,
    /// When a phone number or address from this source was last checked (YYYY-MM-DD).
    pub checked: Option<String>,
}

/// A source as written in a content file: `title = { lt = "…", en = "…", … }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSource {
    title: RawTitle,
    url: String,
    #[serde(default)]
    checked: Option<String>,
}

/// A web address as content may give one: `http://` or `https://`, no spaces.
pub(crate) fn is_web_url(url: &str) -> bool {
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

/// What a module is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A lesson (pupils' modules, the teachers' and specialists' track).
    Lesson,
    /// A made-up case for discussion.
    Story,
    /// A 45-minute lesson plan for a pupil module (`plan_for`).
    Plan,
}

impl Kind {
    pub fn code(self) -> &'static str {
        match self {
            Kind::Lesson => "lesson",
            Kind::Story => "story",
            Kind::Plan => "plan",
        }
    }
}

/// A module's picture: an SVG drawn for Sauga, with its description in each language.
#[derive(Clone, Debug, PartialEq)]
pub struct Illustration {
    pub svg: String,
    pub alt: PerLang<String>,
}

impl Illustration {
    /// The picture as a `data:` address for an `img` element: shown like any image,
    /// never run as part of the page.
    pub fn data_uri(&self) -> String {
        let mut out = String::from("data:image/svg+xml,");
        for ch in self.svg.chars() {
            match ch {
                '%' => out.push_str("%25"),
                '#' => out.push_str("%23"),
                '"' => out.push('\''),
                '<' => out.push_str("%3C"),
                '>' => out.push_str("%3E"),
                '\n' | '\r' | '\t' => out.push(' '),
                c => out.push(c),
            }
        }
        out
    }
}

/// A glossary term.
#[derive(Clone, Debug, PartialEq)]
pub struct Term {
    pub id: String,
    pub term: PerLang<String>,
    pub definition: PerLang<String>,
}

/// A number for the Facts and figures page, always with its year and source.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    pub id: String,
    pub figure: String,
    pub year: i32,
    pub text: PerLang<String>,
    pub source: Source,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub id: String,
    pub kind: Kind,
    /// For a lesson plan: the pupil module it is for.
    pub plan_for: Option<String>,
    pub illustration: Option<Illustration>,
    /// Folder name under `content/modules/`.
    pub dir: String,
    pub order: u32,
    pub audience: Vec<Audience>,
    pub minutes: u32,
    pub title: PerLang<String>,
    pub summary: PerLang<String>,
    pub sources: Vec<Source>,
    pub pages: PerLang<Vec<Page>>,
}

impl Module {
    /// Number of pages (the same in every language once validated).
    pub fn page_count(&self) -> usize {
        self.pages.en.len()
    }
}

/// The whole course.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Catalog {
    /// `version` from `content/content.toml`, shown in Settings → About.
    pub version: String,
    /// Modules sorted by `order`.
    pub modules: Vec<Module>,
    /// The help-line directory, in file order.
    pub help: Vec<Service>,
    /// Glossary terms, in file order.
    pub glossary: Vec<Term>,
    /// The Facts and figures page, in file order.
    pub facts: Vec<Fact>,
    /// Module quizzes, in module order.
    pub quizzes: Vec<Quiz>,
    /// The final quiz across modules.
    pub final_quiz: Option<Quiz>,
    /// The private "am I at risk?" self-check.
    pub self_check: Option<SelfCheck>,
}

impl Catalog {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The quiz of a module.
    pub fn quiz_of(&self, module_id: &str) -> Option<&Quiz> {
        self.quizzes
            .iter()
            .find(|q| q.module.as_deref() == Some(module_id))
    }

    /// A quiz by id: a module's (its module id) or the final one.
    pub fn quiz(&self, id: &str) -> Option<&Quiz> {
        self.quizzes
            .iter()
            .chain(self.final_quiz.iter())
            .find(|q| q.id == id)
    }

    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.id == id)
    }

    /// A module's picture: its own, or for a lesson plan the picture of the lesson
    /// it is for.
    pub fn picture_of<'a>(&'a self, m: &'a Module) -> Option<&'a Illustration> {
        m.illustration.as_ref().or_else(|| {
            m.plan_for
                .as_deref()
                .and_then(|id| self.module(id))
                .and_then(|target| target.illustration.as_ref())
        })
    }

    /// The lesson plan written for a pupil module, if there is one.
    pub fn plan_for(&self, module_id: &str) -> Option<&Module> {
        self.modules
            .iter()
            .find(|m| m.kind == Kind::Plan && m.plan_for.as_deref() == Some(module_id))
    }

    /// The content built into the app. Problems are reported by `cargo test` and
    /// `content-check`; at run time a broken module is simply left out.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: std::sync::LazyLock<Catalog> =
            // Dates are checked by `cargo test` and `content-check`; a device whose
            // clock is wrong must not lose a help line over it.
            std::sync::LazyLock::new(|| load_at(&embedded_files(), Date::LATEST).0);
        &CATALOG
    }
}

/// A content file: its path relative to the content folder, and its text.
#[derive(Clone, Debug)]
pub struct ContentFile {
    pub path: String,
    pub text: String,
}

/// The files embedded into the app.
pub fn embedded_files() -> Vec<ContentFile> {
    fn walk(dir: &include_dir::Dir<'static>, out: &mut Vec<ContentFile>) {
        for f in dir.files() {
            out.push(ContentFile {
                path: f.path().to_string_lossy().replace('\\', "/"),
                text: String::from_utf8_lossy(f.contents()).into_owned(),
            });
        }
        for d in dir.dirs() {
            walk(d, out);
        }
    }
    let mut out = Vec::new();
    walk(&EMBEDDED, &mut out);
    out
}

/// The files of a content folder on disk (for `content-check` and tests).
pub fn read_dir(root: &Path) -> std::io::Result<Vec<ContentFile>> {
    fn walk(root: &Path, dir: &Path, out: &mut Vec<ContentFile>) -> std::io::Result<()> {
        let mut entries: Vec<_> = std::fs::read_dir(dir)?.collect::<Result<_, _>>()?;
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let path = e.path();
            if path.is_dir() {
                walk(root, &path, out)?;
            } else {
                let rel = path
                    .strip_prefix(root)
                    .unwrap_or(&path)
                    .to_string_lossy()
                    .replace('\\', "/");
                let bytes = std::fs::read(&path)?;
                let text = match String::from_utf8(bytes) {
                    Ok(t) => t,
                    // Kept as text so the loader can say which file is not UTF-8.
                    Err(_) => "\u{0}not utf-8".to_string(),
                };
                out.push(ContentFile { path: rel, text });
            }
        }
        Ok(())
    }
    let mut out = Vec::new();
    walk(root, root, &mut out)?;
    Ok(out)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawContentToml {
    version: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawModule {
    id: String,
    order: u32,
    #[serde(default)]
    kind: Option<String>,
    #[serde(default)]
    plan_for: Option<String>,
    audience: Vec<String>,
    minutes: u32,
    #[serde(default)]
    illustration: Option<String>,
    #[serde(default)]
    alt: Option<BTreeMap<String, String>>,
    title: BTreeMap<String, String>,
    summary: BTreeMap<String, String>,
    #[serde(default)]
    sources: Vec<RawSource>,
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

/// What an illustration may not contain: anything that runs or fetches.
const SVG_FORBIDDEN: &[&str] = &[
    "<script",
    "href",
    "<image",
    "<foreignobject",
    "url(",
    "<text",
    "@import",
];
/// The largest illustration accepted, in bytes.
const SVG_MAX: usize = 12 * 1024;

/// Problems of an SVG illustration (empty when fine).
pub fn svg_problems(svg: &str) -> Vec<String> {
    let mut out = Vec::new();
    let lower = svg.to_lowercase();
    let start = lower.trim_start();
    if !(start.starts_with("<svg") || start.starts_with("<?xml")) || !lower.contains("<svg") {
        out.push("is not an SVG picture (it must start with <svg)".to_string());
    }
    if !svg.contains("xmlns=\"http://www.w3.org/2000/svg\"") {
        out.push("lacks xmlns=\"http://www.w3.org/2000/svg\"".to_string());
    }
    if svg.len() > SVG_MAX {
        out.push(format!(
            "is {} bytes; keep pictures under {SVG_MAX} bytes",
            svg.len()
        ));
    }
    for bad in SVG_FORBIDDEN {
        if lower.contains(bad) {
            out.push(format!("contains `{bad}`: pictures may hold shapes only (no scripts, text, links or images)"));
        }
    }
    let mut rest = lower.as_str();
    while let Some(i) = rest.find(" on") {
        let after = &rest[i + 3..];
        let name_len = after
            .chars()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        if name_len > 0 && after[name_len..].trim_start().starts_with('=') {
            out.push("has an event attribute (on…=): pictures may not run code".to_string());
            break;
        }
        rest = after;
    }
    out
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
                "unknown language (use lt, en, ru, uk)".into(),
            );
        }
    }
    out
}

/// The content check: one [`Collector`] and the checks of each kind of file.
struct Checker(Collector);

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
    fn parse_file<T: serde::de::DeserializeOwned>(&mut self, file: &ContentFile) -> Option<T> {
        self.0.parse_toml(&file.path, &file.text)
    }

    /// A per-language table (`[title]`) with exactly our four languages, none empty.
    fn per_lang(
        &mut self,
        file: &str,
        field: &str,
        raw: &BTreeMap<String, String>,
    ) -> PerLang<String> {
        per_lang_from(raw, field, &mut |field, message| {
            self.at(file, None, Some(&field), message)
        })
    }

    fn source_title(&mut self, file: &str, field: &str, raw: &RawTitle) -> PerLang<String> {
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

    /// Every language has the same subheadings, lists, notes and links on each page.
    fn same_structure(&mut self, dir: &str, pages: &PerLang<Vec<Page>>) {
        let base = &pages.lt;
        for lang in Lang::Lt.others() {
            let path = format!("modules/{dir}/{}.md", lang.code());
            for (i, (b, p)) in base.iter().zip(pages.get(lang)).enumerate() {
                let (sb, sp) = (textcheck::shape(&b.blocks), textcheck::shape(&p.blocks));
                if sb != sp {
                    self.at(
                        &path,
                        Some(p.line),
                        None,
                        format!(
                            "page {} has {} but lt.md has {}: every language needs the same structure",
                            i + 1,
                            textcheck::describe(&sp),
                            textcheck::describe(&sb)
                        ),
                    );
                }
                let (lb, lp) = (textcheck::link_set(b), textcheck::link_set(p));
                if lb != lp {
                    let missing: Vec<String> = lb.difference(&lp).map(link_label).collect();
                    let extra: Vec<String> = lp.difference(&lb).map(link_label).collect();
                    self.at(
                        &path,
                        Some(p.line),
                        None,
                        format!(
                            "page {} links differ from lt.md (missing: {}; extra: {})",
                            i + 1,
                            if missing.is_empty() {
                                "none".into()
                            } else {
                                missing.join(", ")
                            },
                            if extra.is_empty() {
                                "none".into()
                            } else {
                                extra.join(", ")
                            }
                        ),
                    );
                }
            }
        }
    }

    fn module(&mut self, dir: &str, files: &BTreeMap<String, &ContentFile>) -> Option<Module> {
        let before = self.problems.len();
        let meta_path = format!("modules/{dir}/module.toml");
        let Some(meta_file) = files.get("module.toml") else {
            self.at(
                &meta_path,
                None,
                None,
                "missing: every module folder needs a module.toml",
            );
            return None;
        };
        let illustration_name = files
            .get("module.toml")
            .and_then(|f| toml::from_str::<RawModule>(&f.text).ok())
            .and_then(|r| r.illustration);
        for name in files.keys() {
            let known = name == "module.toml"
                || name == "quiz.toml"
                || Some(name) == illustration_name.as_ref()
                || Lang::ALL
                    .iter()
                    .any(|l| *name == format!("{}.md", l.code()));
            if !known {
                self.at(
                    &format!("modules/{dir}/{name}"),
                    None,
                    None,
                    "unknown file (a module folder holds module.toml, lt.md, en.md, ru.md, uk.md and the illustration module.toml names)",
                );
            }
        }
        let raw: RawModule = self.parse_file(meta_file)?;
        if raw.id.trim().is_empty()
            || !raw
                .id
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            self.at(
                &meta_path,
                None,
                Some("id"),
                format!(
                    "`{}` is not a valid id (use lowercase letters, digits and `-`)",
                    raw.id
                ),
            );
        }
        let mut audience = Vec::new();
        for a in &raw.audience {
            match Audience::from_code(a) {
                Some(a) => audience.push(a),
                None => self.at(
                    &meta_path,
                    None,
                    Some("audience"),
                    format!("unknown audience `{a}` (use pupils, teachers or specialists)"),
                ),
            }
        }
        if raw.audience.is_empty() {
            self.at(
                &meta_path,
                None,
                Some("audience"),
                "is empty: name who the module is for",
            );
        }
        if raw.minutes == 0 {
            self.at(&meta_path, None, Some("minutes"), "must be more than 0");
        }
        let title = self.per_lang(&meta_path, "title", &raw.title);
        let summary = self.per_lang(&meta_path, "summary", &raw.summary);
        if raw.sources.is_empty() {
            self.at(
                &meta_path,
                None,
                Some("sources"),
                "the module has no sources: add at least one [[sources]] with title and url",
            );
        }
        let mut sources = Vec::new();
        for (i, s) in raw.sources.iter().enumerate() {
            let field = format!("sources[{}]", i + 1);
            let title = self.source_title(&meta_path, &format!("{field}.title"), &s.title);
            sources.push(Source {
                title,
                url: s.url.clone(),
                checked: s.checked.clone(),
            });
            if !is_web_url(&s.url) {
                self.at(
                    &meta_path,
                    None,
                    Some(&format!("{field}.url")),
                    format!("`{}` is not a web address (http:// or https://)", s.url),
                );
            }
            if let Some(date) = &s.checked {
                if Date::parse(date).is_none() {
                    self.at(
                        &meta_path,
                        None,
                        Some(&format!("{field}.checked")),
                        format!("`{date}` is not a date written as YYYY-MM-DD"),
                    );
                }
            }
        }

        let kind = match raw.kind.as_deref().unwrap_or("lesson") {
            "lesson" => Kind::Lesson,
            "story" => Kind::Story,
            "plan" => Kind::Plan,
            other => {
                self.at(
                    &meta_path,
                    None,
                    Some("kind"),
                    format!("unknown kind `{other}` (use lesson, story or plan)"),
                );
                Kind::Lesson
            }
        };
        match (kind, &raw.plan_for) {
            (Kind::Plan, None) => self.at(
                &meta_path,
                None,
                Some("plan_for"),
                "missing: a lesson plan names the pupil module it is for",
            ),
            (Kind::Lesson | Kind::Story, Some(_)) => self.at(
                &meta_path,
                None,
                Some("plan_for"),
                "only a lesson plan (kind = \"plan\") is for another module",
            ),
            _ => {}
        }
        let illustration = match (&raw.illustration, &raw.alt) {
            (None, None) => None,
            (None, Some(_)) => {
                self.at(
                    &meta_path,
                    None,
                    Some("alt"),
                    "there is no illustration to describe",
                );
                None
            }
            (Some(name), alt) => {
                let alt = match alt {
                    Some(a) => self.per_lang(&meta_path, "alt", a),
                    None => {
                        self.at(
                            &meta_path,
                            None,
                            Some("alt"),
                            "missing: describe the illustration in each language ([alt])",
                        );
                        PerLang::default()
                    }
                };
                let path = format!("modules/{dir}/{name}");
                if !name.ends_with(".svg") {
                    self.at(
                        &meta_path,
                        None,
                        Some("illustration"),
                        "must be an .svg file",
                    );
                    None
                } else if let Some(f) = files.get(name) {
                    for p in svg_problems(&f.text) {
                        self.at(&path, None, None, p);
                    }
                    Some(Illustration {
                        svg: f.text.clone(),
                        alt,
                    })
                } else {
                    self.at(
                        &meta_path,
                        None,
                        Some("illustration"),
                        format!("`{name}` is not in the module folder"),
                    );
                    None
                }
            }
        };

        let mut pages = PerLang::<Vec<Page>>::default();
        let mut counts: Vec<(Lang, usize)> = Vec::new();
        for lang in Lang::ALL {
            let name = format!("{}.md", lang.code());
            let path = format!("modules/{dir}/{name}");
            let Some(file) = files.get(&name) else {
                self.at(
                    &path,
                    None,
                    None,
                    format!("missing language: no {name} in this module"),
                );
                continue;
            };
            if file.text.starts_with('\u{0}') {
                self.at(&path, None, None, "not UTF-8 text: save the file as UTF-8");
                continue;
            }
            let (parsed, md_problems) = markdown::parse_pages(&file.text);
            for p in md_problems {
                self.at(&path, Some(p.line), None, p.message);
            }
            if parsed.is_empty() {
                self.at(
                    &path,
                    None,
                    None,
                    "no pages: start each page with a `# Title` line",
                );
            }
            for page in &parsed {
                if page.blocks.is_empty() {
                    self.at(
                        &path,
                        Some(page.line),
                        None,
                        format!("page \"{}\" is empty", page.title),
                    );
                }
            }
            counts.push((lang, parsed.len()));
            *pages.get_mut(lang) = parsed;
        }
        if let Some(&(first_lang, first)) = counts.first() {
            for &(lang, n) in &counts[1..] {
                if n != first {
                    self.at(
                        &format!("modules/{dir}/{}.md", lang.code()),
                        None,
                        None,
                        format!(
                            "has {n} pages but {}.md has {first}: every language needs the same pages",
                            first_lang.code()
                        ),
                    );
                }
            }
        }
        if counts.len() == Lang::ALL.len() && counts.iter().all(|(_, n)| *n == counts[0].1) {
            self.same_structure(dir, &pages);
        }
        for lang in Lang::ALL {
            let path = format!("modules/{dir}/{}.md", lang.code());
            let text = textcheck::pages_text(pages.get(lang));
            if let Some(p) = textcheck::script_problem(lang, &text) {
                self.at(&path, None, None, p);
            }
            if let Some(p) = textcheck::english_problem(lang, &text) {
                self.at(&path, None, None, p);
            }
            if kind == Kind::Lesson && audience.contains(&Audience::Pupils) {
                let avg = textcheck::count_pages(pages.get(lang)).average();
                if avg > MAX_PUPIL_SENTENCE {
                    self.at(
                        &path,
                        None,
                        None,
                        format!(
                            "sentences average {avg:.1} words; pupils' lessons keep to {MAX_PUPIL_SENTENCE} or fewer"
                        ),
                    );
                }
            }
        }
        let en_pages = &pages.en;
        if let (Some(first), Some(last)) = (en_pages.first(), en_pages.last()) {
            if kind == Kind::Story
                && !matches!(first.blocks.first(), Some(markdown::Block::Note(_)))
            {
                self.at(
                    &format!("modules/{dir}/en.md"),
                    Some(first.line),
                    None,
                    "a story starts with a `>` note saying it is made up",
                );
            }
            if kind == Kind::Story
                && !last
                    .blocks
                    .iter()
                    .any(|b| matches!(b, markdown::Block::List { ordered: true, .. }))
            {
                self.at(
                    &format!("modules/{dir}/en.md"),
                    Some(last.line),
                    None,
                    "a story ends with discussion questions as a numbered list",
                );
            }
            if kind != Kind::Plan && !textcheck::link_set(last).contains(&LinkTarget::Help) {
                self.at(
                    &format!("modules/{dir}/en.md"),
                    Some(last.line),
                    None,
                    "the last page ends with a link to Help: [text](help:)",
                );
            }
        }
        if self.problems.len() > before {
            return None;
        }
        Some(Module {
            id: raw.id,
            kind,
            plan_for: raw.plan_for,
            illustration,
            dir: dir.to_string(),
            order: raw.order,
            audience,
            minutes: raw.minutes,
            title,
            summary,
            sources,
            pages,
        })
    }
}

/// The longest average sentence, in words, a pupils' lesson may have in any language.
pub const MAX_PUPIL_SENTENCE: f64 = 15.0;

fn link_label(t: &LinkTarget) -> String {
    match t {
        LinkTarget::Module(id) => format!("module:{id}"),
        LinkTarget::Glossary(id) => format!("glossary:{id}"),
        LinkTarget::Help => "help:".into(),
    }
}

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

/// Loads and checks content files as of today. Returns what is sound, and every
/// problem found. No error means the content is fit to ship.
pub fn load(files: &[ContentFile]) -> (Catalog, Vec<Problem>) {
    load_at(files, Date::from_unix(crate::platform::now_unix()))
}

/// [`load`] as of a given date (check dates are compared with it).
pub fn load_at(files: &[ContentFile], today: Date) -> (Catalog, Vec<Problem>) {
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
