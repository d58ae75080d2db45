//! A session: result codes, the tally, the shared device, the question picker.

use std::collections::BTreeSet;

use dioxus::prelude::*;

use super::codes::CodeEntry;
use super::tally::TallyPresenter;
use super::*;
use crate::quiz::{Question, Quiz};
use crate::teacher::{self, Mode, Session};
use crate::ui::components::charts::Bar;
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::state::{use_ctx, Screen};

#[component]
pub fn SessionView(id: i64) -> Element {
    let ctx = use_ctx();
    let mut pupil_choice = use_signal(|| None::<i64>);
    let mut exported = use_signal(|| None::<String>);
    let mut shared_pupil = use_signal(|| None::<i64>);
    let mut handed = use_signal(|| false);
    // Back does nothing while a pupil has the device.
    use_effect(move || {
        let mut k = ctx.kiosk;
        k.set(shared_pupil().is_some() || handed());
    });
    use_drop(move || {
        let mut k = ctx.kiosk;
        k.set(false);
    });
    if !(ctx.teacher_open)() {
        return rsx! { PinGate {} };
    }
    let lang = (ctx.lang)();
    let found = ctx.teacher_read(|t| {
        for c in t.classes()? {
            if let Some(s) = t.sessions(c.id)?.into_iter().find(|s| s.id == id) {
                return Ok(Some((s, c.name)));
            }
        }
        Ok(None)
    });
    let Some((session, class_name)) = found.ok().flatten() else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let all_quizzes = session_quizzes(&ctx);
    let Some(quiz) = all_quizzes
        .iter()
        .find(|q| q.id == session.quiz_id)
        .cloned()
    else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let class_id = session.class_id;
    let pupils = ctx.teacher_read(|t| t.pupils(class_id)).unwrap_or_default();
    let answers = ctx
        .teacher_read(|t| t.answers(class_id))
        .unwrap_or_default();
    let tallies = ctx
        .teacher_read(|t| t.tallies(class_id))
        .unwrap_or_default();
    let questions = questions_of(&all_quizzes);
    let results = teacher::question_results(&session, &answers, &tallies, &questions);
    let scores = teacher::pupil_scores(&session, &answers);
    let title = quiz_title(&ctx, &quiz);
    let table = session_table(&ctx, &session, (&pupils, &answers, &tallies), &questions);
    let sheet_name = session_name(&ctx, &session, &all_quizzes);
    let file_base = format!(
        "sauga-{class_name}-{title}-{}",
        crate::dates::Date::from_unix(session.started_at)
    );
    // While a pupil has the device, nothing but their own questions shows, and Back
    // does nothing.
    let kiosk = shared_pupil().is_some() || handed();
    rsx! {
        if !kiosk {
            button { class: "back", onclick: move |_| ctx.go(Screen::Class(class_id)),
                Svg { icon: Icon::ArrowLeft }
                span { {ctx.t("teacher.back_to_class")} }
            }
        }
        h1 { "{title}" }
        // On paper: which class, and the session's date.
        p { class: "print-only", "data-print-header": "true",
            "{class_name} · {crate::dates::Date::from_unix(session.started_at)}"
        }
        if !session.title.is_empty() {
            p { class: "session-title", "data-session-title": "{session.title}", "{session.title}" }
        }
        p { class: "chip", "data-session-mode": session.mode.code(), {ctx.t(&format!("teacher.mode.{}", session.mode.code()))} }
        if !kiosk {
            SessionTools { session: session.clone(), pupils_with_answers: scores.len(),
                answers: answers.iter().filter(|a| a.session_id == session.id).count(),
                tallied: tallies.keys().any(|(sid, _)| *sid == session.id) }
        }
        if !kiosk && !session.closed && !results.iter().any(|r| r.answered > 0) && !tallies.keys().any(|(sid, _)| *sid == session.id) {
            QuestionPicker { session: session.clone(), quiz: quiz.clone() }
        }
        if session.closed {
            p { class: "note", "data-session-closed": "true", {ctx.t("teacher.session_closed")} }
        } else {
        match session.mode {
            Mode::Codes => rsx! {
                CodeEntry { key: "{session.id}", session: session.clone(), quiz: quiz.clone(), pupils: pupils.clone(), answers: answers.clone() }
            },
            Mode::Tally => rsx! {
                TallyPresenter { session: session.clone(), quiz: quiz.clone(), class_size: pupils.len() as u32,
                    counts: session.questions.iter().map(|k| tallies.get(&(session.id, k.clone())).cloned().unwrap_or_default()).collect::<Vec<_>>() }
            },
            Mode::Shared => rsx! {
                section { class: "card", "data-entry": "shared",
                    if handed() {
                        div { class: "handover", "data-handover": "true",
                            h2 { {ctx.t("teacher.handover")} }
                            p { class: "muted", {ctx.t("teacher.handover_pin")} }
                            button { class: "btn primary wide", "data-action": "next-pupil",
                                onclick: move |_| {
                                    handed.set(false);
                                    // The teacher takes the device back with the PIN.
                                    let mut open = ctx.teacher_open;
                                    open.set(false);
                                },
                                {ctx.t("teacher.next_pupil")}
                            }
                        }
                    } else if let Some(pid) = shared_pupil() {
                        SharedRun { key: "{pid}", session: session.clone(), quiz: quiz.clone(), pupil_id: pid,
                            on_done: move |_| { shared_pupil.set(None); handed.set(true); } }
                    } else {
                        label { span { {ctx.t("teacher.pupil")} }
                            select { "data-input": "shared-pupil", onchange: move |e: FormEvent| pupil_choice.set(e.value().parse().ok()),
                                option { value: "", {ctx.t("teacher.pick_pupil")} }
                                for p in pupils.iter() {
                                    option { key: "{p.id}", value: "{p.id}", "{p.label()}" }
                                }
                            }
                        }
                        button { class: "btn primary", "data-action": "start-pupil",
                            onclick: move |_| if let Some(p) = pupil_choice() { shared_pupil.set(Some(p)) },
                            {ctx.t("teacher.start_pupil")}
                        }
                    }
                }
            },
        }
        }
        if !kiosk {
            div { class: "session-columns",
            if session.mode != Mode::Tally {
                PupilGrid { session: session.clone(), pupils: pupils.clone(), answers: answers.clone() }
            }
            section { class: "card report", "data-report": "session",
                // Tallies have no per-pupil scores.
                if !scores.is_empty() {
                    h2 { {ctx.t("teacher.by_pupil")} }
                    table { class: "scores",
                        thead { tr { th { {ctx.t("teacher.pupil")} } th { {ctx.t("teacher.score")} } } }
                        tbody {
                            for p in pupils.iter().filter(|p| scores.contains_key(&p.id)) {
                                {
                                    let (r, n) = scores[&p.id];
                                    rsx! { tr { key: "{p.id}", "data-score-pupil": "{p.number}", td { "{p.label()}" } td { "{r} / {n}" } } }
                                }
                            }
                        }
                    }
                }
                h2 { {ctx.t("teacher.by_question")} }
                for (i, r) in results.iter().enumerate() {
                    if let Some(q) = questions.get(&r.key) {
                        div { key: "{r.key}", class: "question-report", "data-question-report": "{r.key}", "data-percent": "{r.percent():.0}",
                            if session.mode == Mode::Tally && !teacher::tally_counts_pupils(Some(q)) {
                                // Ticks cannot make a percent: each option's count is shown.
                                p { strong { "Q{i + 1}. " } {q.text.get(lang).clone()} }
                                ul { class: "ticks", "data-ticks": "{r.key}",
                                    for (o, opt) in q.options.iter().enumerate() {
                                        li { key: "{o}",
                                            {opt.text.get(lang).clone()} ": "
                                            strong { "data-tick-count": "{o}", {tallies.get(&(session.id, r.key.clone())).and_then(|c| c.get(o)).copied().unwrap_or(0).to_string()} }
                                            if opt.correct { " (" {ctx.t("teacher.right_answer").to_lowercase()} ")" }
                                        }
                                    }
                                }
                            } else {
                                Bar { label: format!("Q{}", i + 1), percent: r.percent(), note: format!("{}/{}", r.right, r.answered) }
                                p { class: "muted", {q.text.get(lang).clone()} }
                            }
                            if let Some((o, n)) = r.top_wrong {
                                if let Some(opt) = q.options.get(o) {
                                    p { class: "small", {ctx.t_with("teacher.top_wrong", &[("option", opt.text.get(lang)), ("n", &n.to_string())])} }
                                }
                            }
                        }
                    } else {
                        // A content pack removed it: its answers stay, said so.
                        div { key: "{r.key}", class: "question-report", "data-question-report": "{r.key}", "data-removed": "true", "data-percent": "{r.percent():.0}",
                            Bar { label: format!("Q{}", i + 1), percent: r.percent(), note: format!("{}/{}", r.right, r.answered) }
                            p { class: "muted", {super::question_text(&ctx, &questions, &r.key)} }
                        }
                    }
                }
                div { class: "row",
                    button { class: "btn", "data-action": "export-xlsx",
                        onclick: {
                            let table = table.clone();
                            let name = format!("{file_base}.xlsx");
                            let sheet = sheet_name.clone();
                            move |_| save_xlsx(ctx, name.clone(), teacher::Book { sheets: vec![table.clone().sheet(&sheet)] }, exported)
                        },
                        {ctx.t("teacher.export_xlsx")}
                    }
                    button { class: "btn", "data-action": "export-csv",
                        onclick: move |_| {
                            let style = teacher::CsvStyle::for_lang(lang);
                            exported.set(Some(save_csv(&ctx, &format!("{file_base}.csv"), teacher::table_csv(&table, style))));
                        },
                        {ctx.t("teacher.export_csv")}
                    }
                    button { class: "btn", onclick: move |_| { crate::ui::js::print(); }, {ctx.t("teacher.print")} }
                }
                if let Some(m) = exported() {
                    p { class: "muted", "data-exported": "true", "{m}" }
                }
            }
            }
        }
    }
}

/// Pupils × questions at a glance, beside the reports on a laptop (≥ 1024 px wide;
/// hidden on a phone, where the reports alone fit): ✓ right, ✗ wrong, empty not
/// answered, each also said in words for screen readers.
#[component]
fn PupilGrid(
    session: Session,
    pupils: Vec<teacher::Pupil>,
    answers: Vec<teacher::AnswerRow>,
) -> Element {
    let ctx = use_ctx();
    let by: std::collections::BTreeMap<(i64, &str), bool> = answers
        .iter()
        .filter(|a| a.session_id == session.id)
        .map(|a| ((a.pupil_id, &*a.question_key), a.correct))
        .collect();
    let (right_word, wrong_word, none_word) = (
        ctx.t("teacher.right"),
        ctx.t("teacher.wrong"),
        ctx.t("teacher.not_answered"),
    );
    rsx! {
        section { class: "card pupil-grid-card", "data-grid": "pupils-questions",
            h2 { {ctx.t("teacher.grid")} }
            table { class: "pupil-grid",
                thead {
                    tr {
                        th { scope: "col", {ctx.t("teacher.pupil")} }
                        for (i, _) in session.questions.iter().enumerate() {
                            th { key: "{i}", scope: "col", "Q{i + 1}" }
                        }
                    }
                }
                tbody {
                    for p in pupils.iter() {
                        tr { key: "{p.id}", "data-grid-pupil": "{p.number}",
                            th { scope: "row", "{p.label()}" }
                            for (i, k) in session.questions.iter().enumerate() {
                                match by.get(&(p.id, k.as_str())) {
                                    Some(true) => rsx! { td { key: "{i}", class: "cell-right", "aria-label": "{right_word}", "data-cell": "right", "✓" } },
                                    Some(false) => rsx! { td { key: "{i}", class: "cell-wrong", "aria-label": "{wrong_word}", "data-cell": "wrong", "✗" } },
                                    None => rsx! { td { key: "{i}", "aria-label": "{none_word}", "data-cell": "none", "" } },
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Rename, close (or reopen) and delete a session; deleting says what goes with it
/// and asks first, Cancel before the red button.
#[component]
fn SessionTools(
    session: Session,
    pupils_with_answers: usize,
    answers: usize,
    tallied: bool,
) -> Element {
    let ctx = use_ctx();
    let mut renaming = use_signal(|| None::<String>);
    let mut confirm = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let sid = session.id;
    let class_id = session.class_id;
    let closed = session.closed;
    let what = if tallied {
        ctx.t("teacher.delete_session_tally")
    } else {
        ctx.t_with(
            "teacher.delete_session_answers",
            &[
                ("pupils", &pupils_with_answers.to_string()),
                ("n", &answers.to_string()),
            ],
        )
    };
    rsx! {
        div { class: "session-tools no-print",
            if let Some(name) = renaming() {
                form { class: "stack",
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        match ctx.teacher_write(|t| t.rename_session(sid, &renaming().unwrap_or_default())) {
                            Ok(()) => { renaming.set(None); problem.set(None); }
                            Err(e) => problem.set(Some(refusal(&ctx, &e))),
                        }
                    },
                    label {
                        span { {ctx.t("teacher.session_name")} }
                        input { class: "search", "data-input": "session-title", value: "{name}", maxlength: "{teacher::limits::NAME_CHARS}",
                            oninput: move |e: FormEvent| renaming.set(Some(e.value())) }
                    }
                    p { class: "muted small", {ctx.t("teacher.session_name_hint")} }
                    div { class: "row",
                        button { class: "btn primary small", r#type: "submit", "data-action": "save-session-title", {ctx.t("teacher.save")} }
                        button { class: "btn small", r#type: "button", onclick: move |_| renaming.set(None), {ctx.t("settings.cancel")} }
                    }
                }
            } else if confirm() {
                div { class: "confirm", role: "alert", "data-delete-session-ask": "true",
                    p { {ctx.t("teacher.delete_session_ask")} " " "{what}" }
                    p { class: "small", {ctx.t("teacher.delete_kept_copy")} }
                    div { class: "row",
                        button { class: "btn small", onclick: move |_| confirm.set(false), {ctx.t("settings.cancel")} }
                        button { class: "btn danger small", "data-action": "delete-session-confirm",
                            onclick: move |_| {
                                ctx.auto_backup("delete");
                                match ctx.teacher_write(|t| t.delete_session(sid)) {
                                    Ok(()) => ctx.go(Screen::Class(class_id)),
                                    Err(e) => problem.set(Some(refusal(&ctx, &e))),
                                }
                            },
                            {ctx.t("teacher.delete_session_confirm")}
                        }
                    }
                }
            } else {
                div { class: "row",
                    button { class: "btn small", "data-action": "rename-session",
                        onclick: move |_| renaming.set(Some(session.title.clone())),
                        {ctx.t("teacher.rename")}
                    }
                    button { class: "btn small", "data-action": "close-session",
                        onclick: move |_| {
                            if let Err(e) = ctx.teacher_write(|t| t.close_session(sid, !closed)) {
                                problem.set(Some(refusal(&ctx, &e)));
                            }
                        },
                        if closed { {ctx.t("teacher.reopen_session")} } else { {ctx.t("teacher.close_session")} }
                    }
                    button { class: "btn small", "data-action": "delete-session", onclick: move |_| confirm.set(true),
                        {ctx.t("teacher.delete_session")}
                    }
                }
            }
            if let Some(m) = problem() {
                p { class: "error", role: "alert", "{m}" }
            }
        }
    }
}

/// A pupil takes the session's quiz on the teacher's device; the answers go to the
/// session, not to this device's own progress. No score is shown at the end.
#[component]
fn SharedRun(session: Session, quiz: Quiz, pupil_id: i64, on_done: EventHandler<()>) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut step = use_signal(|| 0usize);
    let mut chosen = use_signal(BTreeSet::<usize>::new);
    let mut rows = use_signal(Vec::<(String, BTreeSet<usize>, bool)>::new);
    let mut failed = use_signal(|| None::<String>);
    let asked: Vec<Question> = session
        .questions
        .iter()
        .filter_map(|k| quiz.questions.iter().find(|q| &q.key() == k).cloned())
        .collect();
    let Some(q) = asked.get(step()).cloned() else {
        return rsx! {};
    };
    let total = asked.len();
    let multiple = q.kind == crate::quiz::QuestionKind::Multiple;
    let sid = session.id;
    rsx! {
        p { class: "page-count", {ctx.t_with("quiz.progress", &[("n", &(step() + 1).to_string()), ("total", &total.to_string())])} }
        article { class: "question", "data-shared-question": "{q.key()}",
            if let Some(s) = &q.scenario { aside { class: "note", p { {s.get(lang).clone()} } } }
            h2 { class: "question-text", {q.text.get(lang).clone()} }
            div { class: "options",
                for (i, o) in q.options.iter().enumerate() {
                    button { key: "{i}", class: if chosen().contains(&i) { "option chosen" } else { "option" }, "data-option": "{i}",
                        onclick: move |_| {
                            let mut c = chosen.write();
                            if multiple {
                                if !c.remove(&i) { c.insert(i); }
                            } else {
                                c.clear();
                                c.insert(i);
                            }
                        },
                        span { {o.text.get(lang).clone()} }
                    }
                }
            }
            button { class: "btn primary wide", "data-action": "shared-next", disabled: chosen().is_empty(),
                onclick: move |_| {
                    let picked = chosen();
                    let right = q.is_right(&picked);
                    rows.write().push((q.key(), picked, right));
                    chosen.set(BTreeSet::new());
                    if step() + 1 >= total {
                        match ctx.teacher_write(|t| t.record_answers(sid, pupil_id, &rows())) {
                            Ok(_) => on_done.call(()),
                            Err(e) => failed.set(Some(e.to_string())),
                        }
                    } else {
                        step += 1;
                    }
                },
                {ctx.t("quiz.next")}
            }
            if let Some(e) = failed() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

/// Before the first answer: choose, remove and reorder the session's questions.
#[component]
fn QuestionPicker(session: Session, quiz: Quiz) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let chosen = session.questions.clone();
    let left_out: Vec<&Question> = quiz
        .questions
        .iter()
        .filter(|q| !chosen.contains(&q.key()))
        .collect();
    let sid = session.id;
    let save = move |keys: Vec<String>| {
        if !keys.is_empty() {
            let _ = ctx.teacher_write(|t| t.edit_session_questions(sid, &keys));
        }
    };
    rsx! {
        details { class: "card picker", "data-picker": "true",
            summary { {ctx.t_with("teacher.pick_questions", &[("n", &chosen.len().to_string())])} }
            ol { class: "picked",
                for (i, key) in chosen.iter().enumerate() {
                    {
                        let text = quiz.questions.iter().find(|q| &q.key() == key).map(|q| q.text.get(lang).clone()).unwrap_or_default();
                        let (up, down, out) = (chosen.clone(), chosen.clone(), chosen.clone());
                        let last = chosen.len() - 1;
                        rsx! {
                            li { key: "{key}", "data-picked": "{key}",
                                span { "{text}" }
                                div { class: "row",
                                    button { class: "btn small", "aria-label": ctx.t("teacher.move_up"), disabled: i == 0,
                                        onclick: move |_| { let mut k = up.clone(); k.swap(i, i.saturating_sub(1)); save(k); }, "↑" }
                                    button { class: "btn small", "aria-label": ctx.t("teacher.move_down"), disabled: i == last,
                                        onclick: move |_| { let mut k = down.clone(); k.swap(i, (i + 1).min(last)); save(k); }, "↓" }
                                    button { class: "btn small", "aria-label": ctx.t("teacher.remove"), "data-action": "remove-question", disabled: last == 0,
                                        onclick: move |_| { let mut k = out.clone(); k.remove(i); save(k); }, "✕" }
                                }
                            }
                        }
                    }
                }
            }
            if !left_out.is_empty() {
                p { class: "muted", {ctx.t("teacher.left_out")} }
                ul {
                    for q in left_out {
                        {
                            let key = q.key();
                            let mut with = chosen.clone();
                            with.push(key.clone());
                            rsx! {
                                li { key: "{key}",
                                    button { class: "inline-link", "data-action": "add-question", onclick: move |_| save(with.clone()),
                                        "+ " {q.text.get(lang).clone()}
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
