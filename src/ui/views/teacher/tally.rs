//! The tally as a presenter: one question at a time for the class to see, counters
//! saved on every tap, totals checked against the class size (`teacher::tally`).

use dioxus::prelude::*;

use super::*;
use crate::quiz::{Question, Quiz};
use crate::teacher::{self, Session};
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::state::use_ctx;

/// The tally as a presenter: one question at a time in large type for the class to
/// see, no mark of the right answer until "Reveal", big +/− counters saved on every
/// tap, and a running total checked against the class size.
#[component]
pub(super) fn TallyPresenter(
    session: Session,
    quiz: Quiz,
    class_size: u32,
    counts: Vec<Vec<u32>>,
) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut at = use_signal(|| 0usize);
    let mut revealed = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let asked: Vec<Question> = session
        .questions
        .iter()
        .filter_map(|k| quiz.questions.iter().find(|q| &q.key() == k).cloned())
        .collect();
    let total_questions = asked.len();
    let i = at().min(total_questions.saturating_sub(1));
    let Some(q) = asked.get(i).cloned() else {
        return rsx! {};
    };
    let key = q.key();
    let sid = session.id;
    let now: Vec<u32> = (0..q.options.len())
        .map(|o| counts.get(i).and_then(|c| c.get(o)).copied().unwrap_or(0))
        .collect();
    let pupils = teacher::tally_counts_pupils(Some(&q));
    let counted = teacher::tally::total(&now);
    // Every change is saved at once: nothing typed can be lost by leaving.
    let change = move |key: &str, counts: Result<Vec<u32>, teacher::tally::TallyRefusal>| {
        let mut problem = problem;
        match counts {
            Ok(c) => match ctx.teacher_write(|t| t.record_tally(sid, key, &c)) {
                Ok(()) => problem.set(None),
                Err(e) => problem.set(Some(refusal(&ctx, &e))),
            },
            Err(teacher::tally::TallyRefusal::MoreThanClass { most }) => {
                problem.set(Some(ctx.t_with(
                    "teacher.tally_more_than_class",
                    &[("n", &class_size.to_string()), ("most", &most.to_string())],
                )))
            }
        }
    };
    rsx! {
        section { class: "card presenter", "data-entry": "tally", "data-presenter": "{q.key()}", "data-tally-questions": "{total_questions}",
            div { class: "row presenter-top",
                p { class: "page-count", {ctx.t_with("quiz.progress", &[("n", &(i + 1).to_string()), ("total", &total_questions.to_string())])} }
                button { class: "btn small", "data-action": "full-screen",
                    onclick: move |_| crate::ui::js::toggle_full_screen("[data-presenter]"),
                    {ctx.t("teacher.full_screen")}
                }
            }
            p { class: "muted presenter-help", {ctx.t("teacher.mode_help.tally")} }
            if let Some(s) = &q.scenario { p { class: "presenter-scenario", {s.get(lang).clone()} } }
            h2 { class: "presenter-question", {q.text.get(lang).clone()} }
            if !pupils {
                p { class: "muted small", "data-tally-ticks": "true", {ctx.t("teacher.tally_multiple")} }
            }
            ol { class: "presenter-options",
                for (o, opt) in q.options.iter().enumerate() {
                    {
                        let right = revealed() && opt.correct;
                        let (minus, plus, typed) = (now.clone(), now.clone(), now.clone());
                        let (k1, k2, k3) = (key.clone(), key.clone(), key.clone());
                        rsx! {
                            li { key: "{o}", class: if right { "presenter-option right" } else { "presenter-option" },
                                "data-tally-option": "{o}", "data-right": if right { "true" } else { "false" },
                                span { class: "presenter-text",
                                    if right {
                                        span { class: "right-mark", Svg { icon: Icon::Check } " " {ctx.t("teacher.right_answer")} ": " }
                                    }
                                    {opt.text.get(lang).clone()}
                                }
                                div { class: "counter",
                                    button { class: "btn counter-btn", "data-tally-minus": "{o}", disabled: now[o] == 0,
                                        "aria-label": ctx.t_with("teacher.tally_less", &[("option", opt.text.get(lang))]),
                                        onclick: move |_| change(&k1, teacher::tally::step_count(&minus, o, false, class_size, pupils)),
                                        "−"
                                    }
                                    input { r#type: "number", inputmode: "numeric", min: "0", class: "counter-value", "data-tally-count": "{o}",
                                        "aria-label": opt.text.get(lang).clone(),
                                        value: "{now[o]}",
                                        onchange: move |e: FormEvent| {
                                            let v = e.value().trim().parse::<u32>().unwrap_or(0);
                                            change(&k3, teacher::tally::set_count(&typed, o, v, class_size, pupils));
                                        }
                                    }
                                    button { class: "btn counter-btn", "data-tally-plus": "{o}",
                                        "aria-label": ctx.t_with("teacher.tally_more", &[("option", opt.text.get(lang))]),
                                        onclick: move |_| change(&k2, teacher::tally::step_count(&plus, o, true, class_size, pupils)),
                                        "+"
                                    }
                                }
                            }
                        }
                    }
                }
            }
            p { class: "presenter-total", "data-tally-total": "{counted}", role: "status",
                if pupils && class_size > 0 {
                    {ctx.t_with("teacher.tally_total", &[("n", &counted.to_string()), ("of", &class_size.to_string())])}
                } else if pupils {
                    {ctx.t_with("teacher.tally_total_open", &[("n", &counted.to_string())])}
                } else {
                    {ctx.t_with("teacher.tally_ticks_total", &[("n", &counted.to_string())])}
                }
            }
            p { class: "muted small", {ctx.t("teacher.tally_saved")} }
            if let Some(m) = problem() {
                p { class: "error", role: "alert", "data-tally-problem": "true", "{m}" }
            }
            div { class: "row presenter-nav",
                button { class: "btn", "data-action": "tally-previous", disabled: i == 0,
                    onclick: move |_| { at.set(i.saturating_sub(1)); revealed.set(false); problem.set(None); },
                    Svg { icon: Icon::ArrowLeft } span { {ctx.t("teacher.previous_question")} }
                }
                button { class: "btn primary", "data-action": "reveal", "aria-pressed": if revealed() { "true" } else { "false" },
                    onclick: move |_| revealed.set(!revealed()),
                    if revealed() { {ctx.t("teacher.hide_answer")} } else { {ctx.t("teacher.reveal")} }
                }
                button { class: "btn", "data-action": "tally-next", disabled: i + 1 >= total_questions,
                    onclick: move |_| { at.set(i + 1); revealed.set(false); problem.set(None); },
                    span { {ctx.t("quiz.next")} } Svg { icon: Icon::ArrowRight }
                }
            }
        }
    }
}
