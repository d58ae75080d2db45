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
use std::fmt;
use std::path::Path;

use serde::Deserialize;

use crate::dates::Date;
use crate::help::{self, Service};
use crate::lang::Lang;
use crate::markdown::{self, LinkTarget, Page};

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

/// One text in each of the four languages.
#[derive(Clone, Debug, PartialEq, Default)]
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

    pub(crate) fn get_mut(&mut self, lang: Lang) -> &mut T {
        match lang {
            Lang::Lt => &mut self.lt,
            Lang::En => &mut self.en,
            Lang::Ru => &mut self.ru,
            Lang::Uk => &mut self.uk,
        }
    }
}

/// Where the facts of a module come from.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub title: String,
    pub url: String,
    /// When a phone number or address from this source was last checked (YYYY-MM-DD).
    #[serde(default)]
    pub checked: Option<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    pub id: String,
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
}

impl Catalog {
    pub fn module(&self, id: &str) -> Option<&Module> {
        self.modules.iter().find(|m| m.id == id)
    }

    /// The content built into the app. Problems are reported by `cargo test` and
    /// `content-check`; at run time a broken module is simply left out.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: std::sync::LazyLock<Catalog> =
            std::sync::LazyLock::new(|| load(&embedded_files()).0);
        &CATALOG
    }
}

/// How bad a problem is: errors keep content out of the app and fail the check;
/// warnings are printed and let it through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum Severity {
    #[default]
    Error,
    Warning,
}

/// What is wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// Path relative to the content folder, with `/` separators.
    pub file: String,
    /// 1-based line, where the problem has one.
    pub line: Option<usize>,
    /// The field, for metadata (`title.ru`, `sources`…).
    pub field: Option<String>,
    pub message: String,
    pub severity: Severity,
}

impl Problem {
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": field `{field}`")?;
        }
        if self.severity == Severity::Warning {
            write!(f, ": warning")?;
        }
        write!(f, ": {}", self.message)
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
    audience: Vec<String>,
    minutes: u32,
    title: BTreeMap<String, String>,
    summary: BTreeMap<String, String>,
    #[serde(default)]
    sources: Vec<Source>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn at(
        &mut self,
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        message: impl Into<String>,
    ) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
            severity: Severity::Error,
        });
    }

    fn parse_toml<T: serde::de::DeserializeOwned>(&mut self, file: &ContentFile) -> Option<T> {
        match toml::from_str::<T>(&file.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let line = e.span().map(|s| line_of(&file.text, s.start));
                self.at(&file.path, line, None, e.message().trim().to_string());
                None
            }
        }
    }

    /// A per-language table (`[title]`) with exactly our four languages, none empty.
    fn per_lang(
        &mut self,
        file: &str,
        field: &str,
        raw: &BTreeMap<String, String>,
    ) -> PerLang<String> {
        let mut out = PerLang::<String>::default();
        for lang in Lang::ALL {
            match raw.get(lang.code()) {
                Some(v) if !v.trim().is_empty() => *out.get_mut(lang) = v.trim().to_string(),
                Some(_) => self.at(
                    file,
                    None,
                    Some(&format!("{field}.{}", lang.code())),
                    "is empty",
                ),
                None => self.at(
                    file,
                    None,
                    Some(field),
                    format!("missing language `{}`", lang.code()),
                ),
            }
        }
        for key in raw.keys() {
            if Lang::from_code(key).is_none() {
                self.at(
                    file,
                    None,
                    Some(&format!("{field}.{key}")),
                    "unknown language (use lt, en, ru, uk)",
                );
            }
        }
        out
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
        for name in files.keys() {
            let known = name == "module.toml"
                || Lang::ALL
                    .iter()
                    .any(|l| *name == format!("{}.md", l.code()));
            if !known {
                self.at(
                    &format!("modules/{dir}/{name}"),
                    None,
                    None,
                    "unknown file (a module folder holds module.toml and lt.md, en.md, ru.md, uk.md)",
                );
            }
        }
        let raw: RawModule = self.parse_toml(meta_file)?;
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
        for (i, s) in raw.sources.iter().enumerate() {
            let field = format!("sources[{}]", i + 1);
            if s.title.trim().is_empty() {
                self.at(
                    &meta_path,
                    None,
                    Some(&format!("{field}.title")),
                    "is empty",
                );
            }
            if !(s.url.starts_with("https://") || s.url.starts_with("http://"))
                || s.url.contains(' ')
            {
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
        if self.problems.len() > before {
            return None;
        }
        Some(Module {
            id: raw.id,
            dir: dir.to_string(),
            order: raw.order,
            audience,
            minutes: raw.minutes,
            title,
            summary,
            sources: raw.sources,
            pages,
        })
    }
}

/// Loads and checks content files as of today. Returns what is sound, and every
/// problem found. No error means the content is fit to ship.
pub fn load(files: &[ContentFile]) -> (Catalog, Vec<Problem>) {
    load_at(files, Date::from_unix(crate::platform::now_unix()))
}

/// [`load`] as of a given date (check dates are compared with it).
pub fn load_at(files: &[ContentFile], today: Date) -> (Catalog, Vec<Problem>) {
    let mut c = Checker {
        problems: Vec::new(),
    };
    let mut version = String::new();
    let mut help_services = Vec::new();
    let mut by_module: BTreeMap<String, BTreeMap<String, &ContentFile>> = BTreeMap::new();
    for f in files {
        let parts: Vec<&str> = f.path.split('/').collect();
        match parts.as_slice() {
            ["content.toml"] => {
                if let Some(raw) = c.parse_toml::<RawContentToml>(f) {
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
                help_services = help::load(&f.path, &f.text, today, &mut c.problems);
            }
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
    for m in &modules {
        for lang in Lang::ALL {
            for page in m.pages.get(lang) {
                for LinkTarget::Module(target) in markdown::links(&page.blocks) {
                    if !all_ids.contains(target) {
                        c.at(
                            &format!("modules/{}/{}.md", m.dir, lang.code()),
                            Some(page.line),
                            None,
                            format!(
                                "page \"{}\" links to module `{target}`, which does not exist",
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
    c.problems.sort();
    (
        Catalog {
            version,
            modules,
            help: help_services,
        },
        c.problems,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_print_file_line_field() {
        let p = Problem {
            file: "modules/a/en.md".into(),
            line: Some(4),
            field: None,
            message: "x".into(),
            severity: Severity::Error,
        };
        assert_eq!(p.to_string(), "modules/a/en.md:4: x");
        let p = Problem {
            file: "modules/a/module.toml".into(),
            line: None,
            field: Some("title".into()),
            message: "missing language `ru`".into(),
            severity: Severity::Error,
        };
        assert_eq!(
            p.to_string(),
            "modules/a/module.toml: field `title`: missing language `ru`"
        );
    }
}
