//! Checking one module folder: its metadata, the pages in every language, their
//! shared structure, links and reading level.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::fields::RawSource;
use super::load::Checker;
use super::markdown::{self, LinkTarget};
use super::*;
use crate::lang::Lang;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawModule {
    pub(super) id: String,
    pub(super) order: u32,
    #[serde(default)]
    pub(super) kind: Option<String>,
    #[serde(default)]
    pub(super) plan_for: Option<String>,
    pub(super) audience: Vec<String>,
    pub(super) minutes: u32,
    #[serde(default)]
    pub(super) illustration: Option<String>,
    #[serde(default)]
    pub(super) alt: Option<BTreeMap<String, String>>,
    pub(super) title: BTreeMap<String, String>,
    pub(super) summary: BTreeMap<String, String>,
    #[serde(default)]
    pub(super) sources: Vec<RawSource>,
}

impl Checker {
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

    pub(super) fn module(
        &mut self,
        dir: &str,
        files: &BTreeMap<String, &ContentFile>,
    ) -> Option<Module> {
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

        let code = raw.kind.as_deref().unwrap_or(Kind::Lesson.code());
        let kind = match Kind::from_code(code) {
            Some(kind) => kind,
            None => {
                let other = code;
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
            if let Some(file) = files.get(&format!("{}.md", lang.code())) {
                for (line, p) in textcheck::forbidden_terms(lang, &file.text) {
                    self.at(&path, Some(line), None, p);
                }
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

fn link_label(t: &LinkTarget) -> String {
    match t {
        LinkTarget::Module(id) => format!("module:{id}"),
        LinkTarget::Glossary(id) => format!("glossary:{id}"),
        LinkTarget::Help => "help:".into(),
    }
}
