//! Result codes that last: a quiz's latest code on its module page and in "My
//! results", and the full-screen view for the teacher (large characters, the QR code).

use dioxus::prelude::*;

use crate::quiz::resultcode;
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::components::qr::QrCode;
use crate::ui::state::{use_ctx, Screen};

/// A quiz's latest result code, kept: score, date, the code, and the full-screen view
/// for the teacher. Shown on the module page and in "My results".
#[component]
pub fn LatestCode(latest: crate::storage::LatestResult) -> Element {
    let ctx = use_ctx();
    let mut shown = use_signal(|| false);
    let date = crate::dates::Date::from_unix(latest.at).to_string();
    rsx! {
        div { class: "result-code kept", "data-kept-code": "{latest.code}",
            p { class: "small-heading", {ctx.t("quiz.latest_code")} }
            p { class: "code", "{resultcode::Grouped(&latest.code)}" }
            p { class: "muted", {ctx.t_with("quiz.latest_meta", &[("right", &latest.right.to_string()), ("total", &latest.total.to_string()), ("date", &date)])} }
            button { class: "btn", "data-action": "show-code", onclick: move |_| shown.set(true),
                {ctx.t("quiz.show_teacher")}
            }
        }
        if shown() {
            ShowCode { code: latest.code.clone(), on_close: move |_| shown.set(false) }
        }
    }
}

/// The code full screen, for the teacher to read or scan: large characters and the QR
/// code, dark on white whatever the colours; Close or Escape returns.
#[component]
pub fn ShowCode(code: String, on_close: EventHandler<()>) -> Element {
    let ctx = use_ctx();
    use_effect(|| crate::ui::js::focus("[data-show-code] [data-action=close-code]"));
    rsx! {
        div { class: "show-code", role: "dialog", "aria-modal": "true", "aria-labelledby": "show-code-title", "data-show-code": "{code}",
            onkeydown: move |e: KeyboardEvent| if e.key() == Key::Escape { on_close.call(()) },
            h2 { id: "show-code-title", {ctx.t("quiz.code_title")} }
            p { class: "giant-code", "{resultcode::Grouped(&code)}" }
            QrCode { text: code.clone(), label: ctx.t("quiz.code_qr") }
            button { class: "btn primary wide", "data-action": "close-code", onclick: move |_| on_close.call(()),
                {ctx.t("quiz.close_code")}
            }
        }
    }
}

/// "My results": every quiz's latest result code, to show the teacher later.
#[component]
pub fn MyResults() -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let stats = (ctx.quiz_stats)();
    let catalog = ctx.catalog();
    let kept: Vec<(String, crate::storage::LatestResult)> = catalog
        .quizzes
        .iter()
        .chain(catalog.final_quiz.iter())
        .filter_map(|q| {
            let latest = stats.get(&q.id)?.latest.clone()?;
            let title = match (&q.title, &q.module) {
                (Some(t), _) => t.get(lang).clone(),
                (None, Some(m)) => catalog
                    .module(m)
                    .map(|m| m.title.get(lang).clone())
                    .unwrap_or_default(),
                _ => q.id.clone(),
            };
            Some((title, latest))
        })
        .collect();
    rsx! {
        button { class: "back", onclick: move |_| ctx.go(Screen::Learn),
            Svg { icon: Icon::ArrowLeft }
            span { {ctx.t("nav.learn")} }
        }
        h1 { {ctx.t("quiz.my_results")} }
        p { class: "muted", {ctx.t("quiz.my_results_text")} }
        if kept.is_empty() {
            p { "data-no-results": "true", {ctx.t("quiz.no_results")} }
        }
        for (title, latest) in kept {
            section { key: "{latest.code}", class: "card",
                h2 { "{title}" }
                LatestCode { latest }
            }
        }
    }
}
