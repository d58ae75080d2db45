//! Learn: the module list, a module's overview, and its pages with next/previous.

use dioxus::prelude::*;

use crate::content::{Audience, Kind, Module};
use crate::storage::ModuleProgress;
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::components::read_aloud::ReadAloud;
use crate::ui::components::rich::Blocks;
use crate::ui::state::{use_ctx, Screen};

fn audience_key(a: crate::content::Audience) -> &'static str {
    match a {
        crate::content::Audience::Pupils => "learn.audience.pupils",
        crate::content::Audience::Teachers => "learn.audience.teachers",
        crate::content::Audience::Specialists => "learn.audience.specialists",
    }
}

/// Percentage of a module's pages read.
fn percent(m: &Module, p: Option<&ModuleProgress>) -> usize {
    let read = p
        .map(|p| p.pages_read.iter().filter(|&&i| i < m.page_count()).count())
        .unwrap_or(0);
    (read * 100).checked_div(m.page_count()).unwrap_or(0)
}

#[component]
fn ProgressBar(percent: usize) -> Element {
    let ctx = use_ctx();
    rsx! {
        div {
            class: "bar",
            role: "progressbar",
            "aria-label": ctx.t("learn.progress"),
            "aria-valuemin": "0",
            "aria-valuemax": "100",
            "aria-valuenow": "{percent}",
            div { class: "bar-fill", width: "{percent}%" }
        }
    }
}

/// The course in sections: pupils' lessons, stories, the teachers' and specialists'
/// track, lesson plans, then the glossary and the facts.
#[component]
pub fn ModuleList() -> Element {
    let ctx = use_ctx();
    let modules = &ctx.catalog().modules;
    let pupils: Vec<Module> = modules
        .iter()
        .filter(|m| m.is_pupil_lesson())
        .cloned()
        .collect();
    let stories: Vec<Module> = modules
        .iter()
        .filter(|m| m.kind == Kind::Story)
        .cloned()
        .collect();
    let staff: Vec<Module> = modules
        .iter()
        .filter(|m| m.kind == Kind::Lesson && !m.audience.contains(&Audience::Pupils))
        .cloned()
        .collect();
    let plans: Vec<Module> = modules
        .iter()
        .filter(|m| m.kind == Kind::Plan)
        .cloned()
        .collect();
    rsx! {
        h1 { {ctx.t("learn.title")} }
        p { class: "lead", {ctx.t("learn.intro")} }
        ModuleSection { title_key: "learn.section.pupils", modules: pupils, numbered: true }
        if !stories.is_empty() {
            ModuleSection { title_key: "learn.section.stories", modules: stories, numbered: false }
        }
        section { class: "more-links", "data-section": "quizzes",
            if ctx.catalog().final_quiz.is_some() {
                button { class: "btn wide", "data-action": "final-quiz", onclick: move |_| ctx.go(Screen::Quiz("final".into())),
                    span { {ctx.t("quiz.final")} }
                    Svg { icon: Icon::ArrowRight }
                }
            }
            if (ctx.quiz_stats)().values().any(|s| s.latest.is_some()) {
                button { class: "btn wide", "data-action": "open-results", onclick: move |_| ctx.go(Screen::Results),
                    span { {ctx.t("quiz.my_results")} }
                    Svg { icon: Icon::ArrowRight }
                }
            }
            if !(ctx.review)().boxes.is_empty() {
                button { class: "btn wide", "data-action": "practise", onclick: move |_| ctx.go(Screen::Practice),
                    span { {ctx.t_with("practice.open", &[("n", &(ctx.review)().boxes.len().to_string())])} }
                    Svg { icon: Icon::ArrowRight }
                }
            }
        }
        if !ctx.catalog().glossary.is_empty() || !ctx.catalog().facts.is_empty() {
            section { class: "more-links", "data-section": "reference",
                if !ctx.catalog().glossary.is_empty() {
                    button { class: "btn wide", "data-action": "open-glossary", onclick: move |_| ctx.go(Screen::Glossary(None)),
                        span { {ctx.t("glossary.title")} }
                        Svg { icon: Icon::ArrowRight }
                    }
                }
                if !ctx.catalog().facts.is_empty() {
                    button { class: "btn wide", "data-action": "open-facts", onclick: move |_| ctx.go(Screen::Facts),
                        span { {ctx.t("facts.title")} }
                        Svg { icon: Icon::ArrowRight }
                    }
                }
            }
        }
        // Teachers' and specialists' material and lesson plans, folded away under
        // their own heading so a pupil's list stays short.
        if !staff.is_empty() || !plans.is_empty() {
            details { class: "teacher-material", "data-teacher-material": "true",
                summary { {ctx.t_with("learn.teacher_material", &[("n", &(staff.len() + plans.len()).to_string())])} }
                if !staff.is_empty() {
                    ModuleSection { title_key: "learn.section.staff", modules: staff, numbered: false }
                }
                if !plans.is_empty() {
                    ModuleSection { title_key: "learn.section.plans", modules: plans, numbered: false }
                }
            }
        }
    }
}

#[component]
fn ModuleSection(title_key: &'static str, modules: Vec<Module>, numbered: bool) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let progress = (ctx.progress)();
    let section = title_key.trim_start_matches("learn.section.");
    rsx! {
        section { class: "module-section", "data-section": section,
            h2 { {ctx.t(title_key)} }
            ul { class: "module-list",
                for (n, m) in modules.iter().enumerate() {
                    {
                        let p = progress.get(&m.id);
                        let pct = percent(m, p);
                        let completed = p.is_some_and(|p| p.completed);
                        let status = if completed {
                            ctx.t("learn.completed")
                        } else if pct > 0 {
                            let read = p.map(|p| p.pages_read.len()).unwrap_or(0).to_string();
                            ctx.t_with("learn.in_progress", &[("read", &read), ("total", &m.page_count().to_string())])
                        } else {
                            ctx.t("learn.not_started")
                        };
                        let id = m.id.clone();
                        rsx! {
                            li { key: "{m.id}",
                                button {
                                    class: if completed { "module-card done" } else { "module-card" },
                                    "data-module": "{m.id}",
                                    onclick: move |_| ctx.go(Screen::Module(id.clone())),
                                    if let Some(ill) = ctx.catalog().picture_of(m) {
                                        img { class: "module-thumb", src: ill.data_uri(), alt: "", "aria-hidden": "true" }
                                    } else {
                                        span { class: "module-number", "aria-hidden": "true",
                                            if completed { Svg { icon: Icon::Check } } else if numbered { "{n + 1}" } else { Svg { icon: Icon::Book } }
                                        }
                                    }
                                    span { class: "module-text",
                                        span { class: "module-title", {m.title.get(lang).clone()} }
                                        span { class: "module-summary", {m.summary.get(lang).clone()} }
                                        span { class: "meta",
                                            Svg { icon: Icon::Clock }
                                            {ctx.t_with("learn.minutes", &[("n", &m.minutes.to_string())])}
                                            " · "
                                            span { class: "status", "{status}" }
                                            if let Some(s) = (ctx.quiz_stats)().get(&m.id) {
                                                " · "
                                                span { class: "best", "data-best": "{s.best_right}/{s.best_total}",
                                                    {ctx.t_with("quiz.best_short", &[("right", &s.best_right.to_string()), ("total", &s.best_total.to_string()), ("n", &s.attempts.to_string())])}
                                                }
                                            }
                                        }
                                        ProgressBar { percent: pct }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

#[component]
pub fn ModuleOverview(id: String) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let Some(m) = ctx.catalog().module(&id) else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let progress = (ctx.progress)();
    let p = progress.get(&m.id).cloned().unwrap_or_default();
    let pages = m.pages.get(lang).clone();
    let next = (0..m.page_count()).find(|i| !p.pages_read.contains(i));
    let (label, start_at) = match (p.completed, next, p.pages_read.is_empty()) {
        (true, _, _) => (ctx.t("module.again"), 0),
        (false, _, true) => (ctx.t("module.start"), 0),
        (false, n, false) => (ctx.t("module.continue"), n.unwrap_or(0)),
    };
    let pct = percent(m, Some(&p));
    let start_id = m.id.clone();
    rsx! {
        button { class: "back", onclick: move |_| ctx.go(Screen::Learn),
            Svg { icon: Icon::ArrowLeft }
            span { {ctx.t("module.back")} }
        }
        article { class: "module", "data-module": "{m.id}", "data-kind": m.kind.code(),
            if let Some(ill) = ctx.catalog().picture_of(m) {
                img { class: "module-illustration", src: ill.data_uri(), alt: ill.alt.get(lang).clone() }
            }
            if m.kind == Kind::Story {
                p { class: "badge", "data-badge": "made-up", {ctx.t("learn.made_up")} }
            }
            if m.kind == Kind::Plan {
                p { class: "badge", {ctx.t("learn.plan")} }
            }
            h1 { {m.title.get(lang).clone()} }
            p { class: "lead", {m.summary.get(lang).clone()} }
            p { class: "meta",
                Svg { icon: Icon::Clock }
                {ctx.t_with("learn.minutes", &[("n", &m.minutes.to_string())])}
                " · "
                {ctx.t_with("learn.pages", &[("n", &m.page_count().to_string())])}
                for a in m.audience.iter() {
                    span { class: "chip", {ctx.t(audience_key(*a))} }
                }
            }
            ProgressBar { percent: pct }
            if p.completed {
                p { class: "done-banner", "data-completed": "true",
                    Svg { icon: Icon::Check }
                    span { {ctx.t("module.done")} }
                }
            }
            button {
                class: "btn primary wide",
                "data-action": "open-module",
                onclick: move |_| ctx.open_page(&start_id, start_at),
                span { "{label}" }
                Svg { icon: Icon::ArrowRight }
            }
            if let Some(quiz) = ctx.catalog().quiz_of(&m.id) {
                {
                    let quiz_id = quiz.id.clone();
                    let stats = (ctx.quiz_stats)().get(&quiz.id).cloned();
                    let review = (ctx.review)();
                    let mistakes_here = quiz.questions.iter().any(|q| review.boxes.contains_key(&q.key()));
                    rsx! {
                        section { class: "card quiz-card",
                            h2 { {ctx.t("quiz.title")} }
                            p { class: "muted", {ctx.t_with("quiz.about", &[("n", &quiz.questions.len().to_string())])} }
                            if let Some(s) = stats.clone() {
                                p { class: "meta", "data-best": "{s.best_right}/{s.best_total}",
                                    {ctx.t_with("quiz.best", &[("right", &s.best_right.to_string()), ("total", &s.best_total.to_string()), ("n", &s.attempts.to_string())])}
                                }
                            }
                            // The latest code stays here, to show the teacher later.
                            if let Some(latest) = stats.and_then(|s| s.latest) {
                                crate::ui::views::results::LatestCode { latest }
                            }
                            button { class: "btn primary wide", "data-action": "start-quiz", onclick: move |_| ctx.go(Screen::Quiz(quiz_id.clone())),
                                span { {ctx.t("quiz.start")} }
                                Svg { icon: Icon::ArrowRight }
                            }
                            if mistakes_here {
                                button { class: "btn wide", "data-action": "practise", onclick: move |_| ctx.go(Screen::Practice),
                                    span { {ctx.t("practice.start")} }
                                    Svg { icon: Icon::ArrowRight }
                                }
                            }
                        }
                    }
                }
            }
            if let Some(plan) = ctx.catalog().plan_for(&m.id) {
                {
                    let plan_id = plan.id.clone();
                    rsx! {
                        button { class: "help-link", "data-action": "open-plan", onclick: move |_| ctx.go(Screen::Module(plan_id.clone())),
                            Svg { icon: Icon::Book }
                            span { {ctx.t("module.plan_link")} }
                            Svg { icon: Icon::ArrowRight }
                        }
                    }
                }
            }
            if let Some(target) = m.plan_for.as_ref().and_then(|id| ctx.catalog().module(id)) {
                {
                    let target_id = target.id.clone();
                    let title = target.title.get(lang).clone();
                    rsx! {
                        button { class: "help-link", "data-action": "open-planned-module", onclick: move |_| ctx.go(Screen::Module(target_id.clone())),
                            Svg { icon: Icon::Book }
                            span { {ctx.t_with("module.for_module", &[("title", &title)])} }
                            Svg { icon: Icon::ArrowRight }
                        }
                    }
                }
            }
            h2 { {ctx.t("module.contents")} }
            ol { class: "page-list",
                for (i, page) in pages.into_iter().enumerate() {
                    {
                        let mid = m.id.clone();
                        let read = p.pages_read.contains(&i);
                        rsx! {
                            li { key: "{i}",
                                button {
                                    class: if read { "page-link read" } else { "page-link" },
                                    onclick: move |_| ctx.open_page(&mid, i),
                                    span { class: "page-index", "{i + 1}" }
                                    span { class: "page-title", "{page.title}" }
                                    if read { Svg { icon: Icon::Check } }
                                }
                            }
                        }
                    }
                }
            }
            h2 { {ctx.t("module.sources")} }
            SourceList { sources: m.sources.clone() }
        }
    }
}

/// Sources with their address as text (tapping opens the system browser, never the app).
#[component]
pub fn SourceList(sources: Vec<crate::content::Source>) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    rsx! {
        ul { class: "sources",
            for (i, s) in sources.into_iter().enumerate() {
                li { key: "{i}",
                    a { href: "{s.url}", target: "_blank", rel: "noopener noreferrer", {s.title.get(lang).clone()} }
                    span { class: "muted", " · {host(&s.url)}" }
                    if let Some(date) = &s.checked {
                        span { class: "muted", " · {ctx.t_with(\"module.checked\", &[(\"date\", date)])}" }
                    }
                }
            }
        }
    }
}

/// The host part of a web address, shown beside a source's title.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    rest.split('/')
        .next()
        .unwrap_or(rest)
        .trim_start_matches("www.")
}

#[component]
pub fn LessonPage(id: String, page: usize) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let Some(m) = ctx.catalog().module(&id) else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let total = m.page_count();
    let page = page.min(total.saturating_sub(1));
    let Some(current) = m.pages.get(lang).get(page).cloned() else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let last = page + 1 == total;
    let pct = (page + 1) * 100 / total.max(1);
    let (back_id, prev_id, next_id) = (m.id.clone(), m.id.clone(), m.id.clone());
    rsx! {
        button { class: "back", "data-action": "back-to-module", onclick: move |_| ctx.go(Screen::Module(back_id.clone())),
            Svg { icon: Icon::ArrowLeft }
            span { {m.title.get(lang).clone()} }
        }
        article { class: "lesson", "data-page": "{page + 1}", "data-pages": "{total}",
            p { class: "page-count", "data-no-read": "true", {ctx.t_with("lesson.page_of", &[("n", &(page + 1).to_string()), ("total", &total.to_string())])} }
            ProgressBar { percent: pct }
            h1 { "{current.title}" }
            ReadAloud { key: "{m.id}-{page}", target: "article.lesson" }
            Blocks { blocks: current.blocks, at: Some((m.id.clone(), page)) }
        }
        button { class: "help-link", "data-action": "help-from-lesson", onclick: move |_| ctx.go(Screen::Help),
            Svg { icon: Icon::Lifebuoy }
            span { {ctx.t("help.lesson_link")} }
            Svg { icon: Icon::ArrowRight }
        }
        // After the last page, the module's quiz is one tap away.
        if last {
            if let Some(quiz) = ctx.catalog().quiz_of(&m.id) {
                {
                    let quiz_id = quiz.id.clone();
                    rsx! {
                        button { class: "btn primary wide", "data-action": "take-quiz-now",
                            onclick: move |_| ctx.go(Screen::Quiz(quiz_id.clone())),
                            span { {ctx.t("lesson.quiz_now")} }
                            Svg { icon: Icon::ArrowRight }
                        }
                    }
                }
            }
        }
        div { class: "pager",
            if page > 0 {
                button {
                    class: "btn",
                    "data-action": "previous",
                    onclick: move |_| ctx.open_page(&prev_id, page - 1),
                    Svg { icon: Icon::ArrowLeft }
                    span { {ctx.t("lesson.previous")} }
                }
            } else {
                span {}
            }
            if last {
                button {
                    class: "btn primary",
                    "data-action": "finish",
                    onclick: move |_| ctx.go(Screen::Module(next_id.clone())),
                    span { {ctx.t("lesson.finish")} }
                    Svg { icon: Icon::Check }
                }
            } else {
                button {
                    class: "btn primary",
                    "data-action": "next",
                    onclick: move |_| ctx.open_page(&next_id, page + 1),
                    span { {ctx.t("lesson.next")} }
                    Svg { icon: Icon::ArrowRight }
                }
            }
        }
    }
}
