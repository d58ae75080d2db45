//! Home: what Sauga is, where to pick up, and the language in one tap.

use dioxus::prelude::*;

use crate::lang::Lang;
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::state::{use_ctx, Screen};

#[component]
pub fn Home() -> Element {
    let ctx = use_ctx();
    let progress = (ctx.progress)();
    let modules = &ctx.catalog().modules;
    let lang = (ctx.lang)();
    // Progress counts the pupils' lessons, not staff material or lesson plans.
    let lessons: Vec<_> = modules.iter().filter(|m| m.is_pupil_lesson()).collect();
    let done = lessons
        .iter()
        .filter(|m| progress.get(&m.id).is_some_and(|p| p.completed))
        .count();
    // The first started, unfinished module, to continue with.
    let resume = modules.iter().find_map(|m| {
        let p = progress.get(&m.id)?;
        if p.completed || p.pages_read.is_empty() {
            return None;
        }
        let next = (0..m.page_count())
            .find(|i| !p.pages_read.contains(i))
            .unwrap_or(0);
        Some((m.id.clone(), m.title.get(lang).clone(), next))
    });
    let done_text = ctx.t_with(
        "home.progress",
        &[
            ("done", &done.to_string()),
            ("total", &lessons.len().to_string()),
        ],
    );
    rsx! {
        section { class: "hero",
            h1 { {ctx.t("home.title")} }
            p { class: "lead", {ctx.t("app.tagline")} }
            p { {ctx.t("home.intro")} }
        }
        section { class: "card",
            h2 { class: "small-heading", {ctx.t("home.language")} }
            LangSwitch {}
        }
        if let Some((id, title, page)) = resume {
            section { class: "card resume",
                h2 { class: "small-heading", {ctx.t("home.continue_title")} }
                button {
                    class: "btn primary wide",
                    "data-action": "resume",
                    onclick: move |_| ctx.open_page(&id, page),
                    span { "{title}" }
                    Svg { icon: Icon::ArrowRight }
                }
            }
        }
        section { class: "card",
            p { class: "muted", "{done_text}" }
            button {
                class: "btn primary wide",
                "data-action": "start-learning",
                onclick: move |_| ctx.go(Screen::Learn),
                span { {ctx.t("home.start")} }
                Svg { icon: Icon::ArrowRight }
            }
        }
        if ctx.catalog().self_check.is_some() {
            section { class: "card selfcheck-card",
                h2 { {ctx.t("selfcheck.title")} }
                p { class: "muted", {ctx.t("selfcheck.teaser")} }
                button { class: "btn wide", "data-action": "open-selfcheck", onclick: move |_| ctx.go(Screen::SelfCheck),
                    span { {ctx.t("selfcheck.open")} }
                    Svg { icon: Icon::ArrowRight }
                }
            }
        }
        p { class: "privacy",
            Svg { icon: Icon::Shield }
            span { {ctx.t("home.private")} }
        }
        // Teachers reach their classes from the first screen, not from the bottom of
        // Settings.
        button { class: "btn wide", "data-action": "home-teacher", onclick: move |_| ctx.go(Screen::Teacher),
            span { {ctx.t("home.for_teachers")} }
            Svg { icon: Icon::ArrowRight }
        }
    }
}

/// The four languages, each one tap away; used on Home and in Settings.
#[component]
pub fn LangSwitch() -> Element {
    let ctx = use_ctx();
    let current = (ctx.lang)();
    rsx! {
        div { class: "segmented", role: "radiogroup", "aria-label": ctx.t("settings.language"),
            for l in Lang::ALL {
                button {
                    key: "{l.code()}",
                    class: if l == current { "seg active" } else { "seg" },
                    role: "radio",
                    "aria-checked": if l == current { "true" } else { "false" },
                    lang: l.code(),
                    "data-lang": l.code(),
                    onclick: move |_| ctx.set_lang(l),
                    {l.native_name()}
                }
            }
        }
    }
}
