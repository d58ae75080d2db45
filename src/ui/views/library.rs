//! The glossary (a screen, and a sheet over a lesson when a term is tapped) and the
//! Facts and figures page, where every number shows its year and source.

use dioxus::prelude::*;

use crate::ui::components::icons::{Icon, Svg};
use crate::ui::state::{use_ctx, Screen};

#[component]
pub fn Glossary(focus: Option<String>) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut terms: Vec<_> = ctx.catalog().glossary.iter().collect();
    terms.sort_by_key(|t| t.term.get(lang).to_lowercase());
    rsx! {
        button { class: "back", onclick: move |_| ctx.go(Screen::Learn),
            Svg { icon: Icon::ArrowLeft }
            span { {ctx.t("module.back")} }
        }
        h1 { {ctx.t("glossary.title")} }
        p { class: "lead", {ctx.t("glossary.intro")} }
        dl { class: "glossary",
            for t in terms {
                div {
                    key: "{t.id}",
                    class: if focus.as_deref() == Some(t.id.as_str()) { "term focus" } else { "term" },
                    id: "term-{t.id}",
                    "data-term": "{t.id}",
                    dt { {t.term.get(lang).clone()} }
                    dd { {t.definition.get(lang).clone()} }
                }
            }
        }
    }
}

/// The definition of a tapped term, over the page; the lesson stays where it was.
#[component]
pub fn TermSheet() -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    // Keyboard and screen-reader focus moves into the sheet when it opens.
    use_effect(move || {
        if (ctx.term)().is_some() {
            crate::ui::js::focus("[data-action=close-term]");
        }
    });
    let Some(id) = (ctx.term)() else {
        return rsx! {};
    };
    let Some(term) = ctx.catalog().term(&id) else {
        return rsx! {};
    };
    let mut open = ctx.term;
    let all = id.clone();
    rsx! {
        aside { class: "term-sheet", role: "dialog", "aria-label": term.term.get(lang).clone(), "data-term-sheet": "{id}",
            // Escape closes it, as any dialog.
            onkeydown: move |e: KeyboardEvent| {
                if e.key() == Key::Escape {
                    open.set(None);
                }
            },
            h2 { {term.term.get(lang).clone()} }
            p { {term.definition.get(lang).clone()} }
            div { class: "row",
                button { class: "btn primary", "data-action": "close-term", onclick: move |_| open.set(None), {ctx.t("glossary.close")} }
                button { class: "btn", onclick: move |_| ctx.go(Screen::Glossary(Some(all.clone()))), {ctx.t("glossary.all")} }
            }
        }
    }
}

#[component]
pub fn Facts() -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    rsx! {
        button { class: "back", onclick: move |_| ctx.go(Screen::Learn),
            Svg { icon: Icon::ArrowLeft }
            span { {ctx.t("module.back")} }
        }
        h1 { {ctx.t("facts.title")} }
        p { class: "lead", {ctx.t("facts.intro")} }
        ul { class: "facts",
            for f in ctx.catalog().facts.iter() {
                li { class: "card fact", key: "{f.id}", "data-fact": "{f.id}",
                    p { class: "figure", "{f.figure}" }
                    p { {f.text.get(lang).clone()} }
                    p { class: "checked",
                        {ctx.t_with("facts.source", &[("year", &f.year.to_string())])}
                        " "
                        a { href: "{f.source.url}", target: "_blank", rel: "noopener noreferrer", {f.source.title.get(lang).clone()} }
                    }
                }
            }
        }
    }
}
