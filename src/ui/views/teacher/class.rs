//! A class: its pupils, a new session, past sessions and every report.

use dioxus::prelude::*;

use super::*;
use crate::platform;
use crate::teacher::{self, Mode};
use crate::ui::components::charts::{Bar, TrendChart};
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::state::{use_ctx, Screen};

/// A class report as a table: its name (in the file name and the button's key) and
/// the table.
type NamedTable = (&'static str, teacher::Table);

#[component]
pub fn ClassView(id: i64) -> Element {
    let ctx = use_ctx();
    let mut paste = use_signal(String::new);
    let mut rename = use_signal(|| None::<String>);
    // Why the last change to the class was refused, if it was.
    let mut problem = use_signal(|| None::<String>);
    let mut confirm_delete = use_signal(|| false);
    let mut quiz_choice = use_signal(|| {
        ctx.catalog()
            .quizzes
            .first()
            .map(|q| q.id.clone())
            .unwrap_or_default()
    });
    let mut mode = use_signal(|| Mode::Codes);
    let mut class_exported = use_signal(|| None::<String>);
    if !(ctx.teacher_open)() {
        return rsx! { PinGate {} };
    }
    let lang = (ctx.lang)();
    let class = ctx
        .teacher_read(|t| t.classes())
        .unwrap_or_default()
        .into_iter()
        .find(|c| c.id == id);
    let Some(class) = class else {
        return rsx! { p { {ctx.t("module.not_found")} } };
    };
    let ClassRows {
        pupils,
        sessions,
        answers,
        tallies,
    } = ctx.teacher_read(|t| t.class_rows(id)).unwrap_or_default();
    // Own quizzes are read and parsed once per render, for every use below.
    let all_quizzes = session_quizzes(&ctx);
    let questions = questions_of(&all_quizzes);
    let report = ClassReport::build(&sessions, &answers, &tallies, &questions, &|tag| {
        topic_name(&ctx, tag)
    });
    let ClassReport {
        trend,
        over_time,
        topics,
        hardest: hard,
        ..
    } = report;
    // The class's reports as tables for CSV: pupils over time, topics, questions.
    let session_names: Vec<String> = sessions
        .iter()
        .map(|s| session_name(&ctx, s, &all_quizzes))
        .collect();
    let session_names = teacher::distinct_names(session_names);
    let style = teacher::CsvStyle::for_lang(lang);
    let today = crate::dates::Date::from_unix(crate::platform::now_unix());
    let topic_list: Vec<(String, u32, u32)> = topics
        .iter()
        .map(|t| (t.name.clone(), t.right, t.answered))
        .collect();
    let percent = ctx.t("teacher.percent");
    let question_text = |k: &str| super::question_text(&ctx, &questions, k);
    let tables: Vec<NamedTable> = vec![
        (
            "pupils",
            teacher::Table {
                header: std::iter::once(ctx.t("teacher.pupil"))
                    .chain(session_names.iter().cloned())
                    .collect(),
                rows: teacher::over_time_rows(&sessions, &pupils, &over_time),
            },
        ),
        (
            "topics",
            teacher::Table {
                header: vec![
                    ctx.t("teacher.topic"),
                    ctx.t("teacher.right"),
                    ctx.t("teacher.answered"),
                    percent.clone(),
                ],
                rows: teacher::topic_rows(&topic_list),
            },
        ),
        (
            "questions",
            teacher::Table {
                header: vec![
                    ctx.t("teacher.question"),
                    ctx.t("teacher.answered"),
                    ctx.t("teacher.right"),
                    percent,
                    ctx.t("teacher.top_wrong_column"),
                    ctx.t("teacher.chose"),
                ],
                rows: teacher::question_rows(&hard, &question_text, &|k, o| {
                    questions
                        .get(k)
                        .and_then(|q| q.options.get(o))
                        .map(|x| x.text.get(lang).clone())
                        .unwrap_or_default()
                }),
            },
        ),
    ];
    // The spreadsheet: the three reports, then a sheet per session. The session
    // sheets are made when the teacher asks for the file, not on every render.
    let report_sheets: Vec<teacher::Sheet> = tables
        .iter()
        .map(|(which, t)| t.clone().sheet(&ctx.t(&format!("teacher.sheet_{which}"))))
        .collect();
    let sheet_names = session_names.clone();
    let xlsx_name = format!("sauga-{}-{today}.xlsx", class.name);
    let quizzes: Vec<(String, String)> = all_quizzes
        .iter()
        .map(|q| (q.id.clone(), quiz_title(&ctx, q)))
        .collect();
    rsx! {
        button { class: "back", onclick: move |_| ctx.go(Screen::Teacher),
            Svg { icon: Icon::ArrowLeft }
            span { {ctx.t("teacher.classes")} }
        }
        if let Some(n) = rename() {
            form { class: "row",
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    if let Some(name) = rename() {
                        match ctx.teacher_write(|t| t.rename_class(id, &name)) {
                            Ok(()) => {
                                rename.set(None);
                                problem.set(None);
                            }
                            Err(e) => problem.set(Some(refusal(&ctx, &e))),
                        }
                    }
                },
                input { class: "search", "data-input": "rename", value: "{n}", oninput: move |e: FormEvent| rename.set(Some(e.value())) }
                button { class: "btn primary", r#type: "submit", {ctx.t("teacher.save")} }
            }
        } else {
            h1 { "data-class-title": "{class.name}", "{class.name}" }
            // On paper: which class, and when it was printed.
            p { class: "print-only", "data-print-header": "true", "{class.name} · {today}" }
        }
        div { class: "row",
            button { class: "btn small", onclick: move |_| rename.set(Some(class.name.clone())), {ctx.t("teacher.rename")} }
            button { class: "btn small", "data-action": "archive",
                onclick: move |_| { let _ = ctx.teacher_write(|t| t.archive_class(id, !class.archived)); },
                if class.archived { {ctx.t("teacher.unarchive")} } else { {ctx.t("teacher.archive")} }
            }
            if confirm_delete() {
                button { class: "btn small", onclick: move |_| confirm_delete.set(false), {ctx.t("settings.cancel")} }
                button { class: "btn danger small", "data-action": "delete-confirm",
                    onclick: move |_| {
                        ctx.auto_backup("delete");
                        if ctx.teacher_write(|t| t.delete_class(id)).is_ok() {
                            ctx.go(Screen::Teacher);
                        }
                    },
                    {ctx.t("teacher.delete_confirm")}
                }
            } else {
                button { class: "btn small", "data-action": "delete", onclick: move |_| confirm_delete.set(true), {ctx.t("teacher.delete")} }
            }
        }
        if !sessions.is_empty() {
            // The reports a teacher looks for most, one tap away.
            nav { class: "row jump no-print", "aria-label": ctx.t("teacher.jump_label"),
                for (target, key) in [("hardest", "teacher.difficult"), ("topics", "teacher.topics"), ("trend", "teacher.trend")] {
                    button { key: "{target}", class: "btn small", "data-jump": "{target}",
                        onclick: move |_| crate::ui::js::focus(&format!("#report-{target}")),
                        {ctx.t(key)}
                    }
                }
            }
        }
        section { class: "card",
            h2 { {ctx.t_with("teacher.pupils", &[("n", &pupils.len().to_string())])} }
            p { class: "note", {ctx.t("teacher.no_names")} }
            ul { class: "pupils",
                for p in pupils.iter() {
                    PupilRow { key: "{p.id}", pupil: p.clone(),
                        sessions: answers.iter().filter(|a| a.pupil_id == p.id).map(|a| a.session_id).collect::<std::collections::BTreeSet<i64>>().len() }
                }
            }
            label { span { {ctx.t("teacher.paste")} }
                textarea { class: "search", rows: "4", "data-input": "pupils", value: "{paste}", oninput: move |e: FormEvent| paste.set(e.value()) }
            }
            button { class: "btn", "data-action": "add-pupils",
                onclick: move |_| {
                    match ctx.teacher_write(|t| t.add_pupils(id, &paste())) {
                        Ok(_) => {
                            paste.set(String::new());
                            problem.set(None);
                        }
                        Err(e) => problem.set(Some(refusal(&ctx, &e))),
                    }
                },
                {ctx.t("teacher.add_pupils")}
            }
            if let Some(m) = problem() {
                p { class: "error", role: "alert", "data-class-problem": "true", "{m}" }
            }
        }
        section { class: "card stack",
            h2 { {ctx.t("teacher.new_session")} }
            label { span { {ctx.t("teacher.quiz")} }
                select { "data-input": "quiz", onchange: move |e: FormEvent| quiz_choice.set(e.value()),
                    for (qid, title) in quizzes {
                        option { value: "{qid}", selected: qid == quiz_choice(), "{title}" }
                    }
                }
            }
            div { class: "segmented", role: "radiogroup", "aria-label": ctx.t("teacher.mode"),
                for m in [Mode::Codes, Mode::Tally, Mode::Shared] {
                    button { key: "{m.code()}", class: if m == mode() { "seg active" } else { "seg" }, role: "radio",
                        "aria-checked": if m == mode() { "true" } else { "false" }, "data-mode": m.code(),
                        onclick: move |_| mode.set(m),
                        {ctx.t(&format!("teacher.mode.{}", m.code()))}
                    }
                }
            }
            p { class: "muted", {ctx.t(&format!("teacher.mode_help.{}", mode().code()))} }
            button { class: "btn primary", "data-action": "start-session",
                onclick: move |_| {
                    let Some(quiz) = find_quiz(&ctx, &quiz_choice()) else { return };
                    let keys: Vec<String> = quiz.questions.iter().map(|q| q.key()).collect();
                    if let Ok(sid) = ctx.teacher_write(|t| t.start_session(id, &quiz.id, quiz.version, &keys, mode(), platform::now_unix())) {
                        ctx.go(Screen::Session(sid));
                    }
                },
                {ctx.t("teacher.start_session")}
            }
        }
        if !sessions.is_empty() {
            section { class: "card",
                h2 { {ctx.t("teacher.sessions")} }
                ul { class: "page-list sessions",
                    for s in sessions.iter().rev() {
                        {
                            let title = if s.title.is_empty() {
                                all_quizzes.iter().find(|q| q.id == s.quiz_id).map(|q| quiz_title(&ctx, q)).unwrap_or_else(|| s.quiz_id.clone())
                            } else {
                                s.title.clone()
                            };
                            let sid = s.id;
                            let date = crate::dates::Date::from_unix(s.started_at).to_string();
                            rsx! {
                                li { key: "{s.id}",
                                    button { class: "page-link", "data-session": "{s.id}", onclick: move |_| ctx.go(Screen::Session(sid)),
                                        span { class: "page-title",
                                            span { class: "session-date", "{date}" }
                                            "{title}"
                                        }
                                        span { class: "chip", {ctx.t(&format!("teacher.mode.{}", s.mode.code()))} }
                                        if s.closed {
                                            span { class: "chip", "data-closed": "true", {ctx.t("teacher.closed")} }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section { class: "card report", "data-report": "class",
                h2 { id: "report-trend", tabindex: "-1", {ctx.t("teacher.trend")} }
                TrendChart { points: trend.iter().map(|(sid, p)| {
                    let date = sessions.iter().find(|s| s.id == *sid)
                        .map(|s| crate::dates::Date::from_unix(s.started_at).to_string())
                        .unwrap_or_default();
                    (date, *p)
                }).collect::<Vec<(String, f64)>>() }
                h2 { {ctx.t("teacher.over_time")} }
                if over_time.is_empty() {
                    // Tallies have no per-pupil answers.
                    p { class: "muted", {ctx.t("teacher.no_data")} }
                } else {
                    table { class: "scores", "data-report": "pupils-over-time",
                        tbody {
                            for p in pupils.iter().filter(|p| over_time.contains_key(&p.id)) {
                                tr { key: "{p.id}", "data-over-time": "{p.number}",
                                    td { "{p.label()}" }
                                    td { {over_time[&p.id].iter().map(|(_, pct)| format!("{pct:.0} %")).collect::<Vec<_>>().join(" → ")} }
                                }
                            }
                        }
                    }
                }
                h2 { id: "report-topics", tabindex: "-1", {ctx.t("teacher.topics")} }
                if topics.is_empty() {
                    p { class: "muted", {ctx.t("teacher.no_data")} }
                }
                for t in topics {
                    Bar { key: "{t.tag}", label: t.name, percent: t.percent, note: format!("{}/{}", t.right, t.answered) }
                }
                h2 { id: "report-hardest", tabindex: "-1", {ctx.t("teacher.difficult")} }
                ol { class: "difficult",
                    for r in hard.iter().take(5) {
                        if let Some(q) = questions.get(&r.key) {
                            li { key: "{r.key}", "data-difficult": "{r.key}",
                                p { strong { {q.text.get(lang).clone()} } " — " {format!("{:.0} % ({}/{})", r.percent(), r.right, r.answered)} }
                                if r.answered < teacher::HARDEST_MIN_ANSWERS {
                                    p { class: "muted", "data-few-answers": "true", {ctx.t("teacher.few_answers")} }
                                }
                                for o in q.options.iter().filter(|o| o.correct) {
                                    p { class: "muted", {o.feedback.get(lang).clone()} }
                                }
                                if !q.general.get(lang).is_empty() {
                                    p { class: "muted", {q.general.get(lang).clone()} }
                                }
                            }
                        } else {
                            li { key: "{r.key}", "data-difficult": "{r.key}", "data-removed": "true",
                                p { strong { {super::question_text(&ctx, &questions, &r.key)} } " — " {format!("{:.0} % ({}/{})", r.percent(), r.right, r.answered)} }
                            }
                        }
                    }
                }
                div { class: "row no-print",
                    button { class: "btn small", "data-action": "export-class-xlsx",
                        onclick: move |_| {
                            let rows = ctx.teacher_read(|t| t.class_rows(id)).unwrap_or_default();
                            let quizzes = session_quizzes(&ctx);
                            let questions = questions_of(&quizzes);
                            let mut sheets = report_sheets.clone();
                            for (s, name) in rows.sessions.iter().zip(&sheet_names) {
                                sheets.push(session_table(&ctx, s, (&rows.pupils, &rows.answers, &rows.tallies), &questions).sheet(name));
                            }
                            save_xlsx(ctx, xlsx_name.clone(), teacher::Book { sheets }, class_exported)
                        },
                        {ctx.t("teacher.export_xlsx")}
                    }
                    for (which, table, name) in tables.into_iter().map(|(w, t)| (w, t, format!("sauga-{}-{w}-{today}.csv", class.name))) {
                        button { key: "{which}", class: "btn small", "data-action": "export-class-csv", "data-table": "{which}",
                            onclick: move |_| {
                                class_exported.set(Some(save_csv(&ctx, &name, teacher::table_csv(&table, style))));
                            },
                            {ctx.t(&format!("teacher.csv_{which}"))}
                        }
                    }
                    button { class: "btn small", onclick: move |_| { crate::ui::js::print(); }, {ctx.t("teacher.print")} }
                }
                if let Some(m) = class_exported() {
                    p { class: "muted", "data-class-exported": "true", "{m}" }
                }
            }
        }
    }
}

/// A pupil in the class list: renamed or removed in place; removing says what goes
/// with them and asks first.
#[component]
fn PupilRow(pupil: teacher::Pupil, sessions: usize) -> Element {
    let ctx = use_ctx();
    let mut editing = use_signal(|| None::<String>);
    let mut confirm = use_signal(|| false);
    let mut problem = use_signal(|| None::<String>);
    let id = pupil.id;
    let label = pupil.label();
    let Some(name) = editing() else {
        return rsx! {
            li { "data-pupil": "{pupil.number}",
                span { "{label}" }
                button { class: "inline-link", "data-action": "edit-pupil",
                    "aria-label": ctx.t_with("teacher.edit_pupil_of", &[("pupil", &label)]),
                    onclick: move |_| editing.set(Some(pupil.nickname.clone())),
                    {ctx.t("teacher.edit")}
                }
            }
        };
    };
    rsx! {
        li { "data-pupil": "{pupil.number}", "data-editing": "true", class: "pupil-edit",
            form { class: "stack",
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    match ctx.teacher_write(|t| t.rename_pupil(id, &editing().unwrap_or_default())) {
                        Ok(()) => { editing.set(None); problem.set(None); }
                        Err(e) => problem.set(Some(refusal(&ctx, &e))),
                    }
                },
                label {
                    span { {ctx.t_with("teacher.nickname_of", &[("n", &pupil.number.to_string())])} }
                    input { class: "search", "data-input": "pupil-name", value: "{name}", maxlength: "{teacher::limits::NICKNAME_CHARS}",
                        oninput: move |e: FormEvent| editing.set(Some(e.value())) }
                }
                p { class: "muted small", {ctx.t("teacher.nickname_hint")} }
                if let Some(m) = problem() {
                    p { class: "error", role: "alert", "{m}" }
                }
                if confirm() {
                    p { class: "confirm", role: "alert", "data-remove-ask": "true",
                        {ctx.t_with("teacher.remove_pupil_ask", &[("pupil", &label), ("n", &sessions.to_string())])}
                    }
                    div { class: "row",
                        button { class: "btn small", r#type: "button", onclick: move |_| confirm.set(false), {ctx.t("settings.cancel")} }
                        button { class: "btn danger small", r#type: "button", "data-action": "remove-pupil-confirm",
                            onclick: move |_| {
                                ctx.auto_backup("delete");
                                if let Err(e) = ctx.teacher_write(|t| t.remove_pupil(id)) {
                                    problem.set(Some(refusal(&ctx, &e)));
                                }
                            },
                            {ctx.t("teacher.remove_pupil_confirm")}
                        }
                    }
                } else {
                    div { class: "row",
                        button { class: "btn primary small", r#type: "submit", "data-action": "save-pupil", {ctx.t("teacher.save")} }
                        button { class: "btn small", r#type: "button", onclick: move |_| { editing.set(None); problem.set(None); }, {ctx.t("settings.cancel")} }
                        button { class: "btn small", r#type: "button", "data-action": "remove-pupil", onclick: move |_| confirm.set(true), {ctx.t("teacher.remove_pupil")} }
                    }
                }
            }
        }
    }
}
