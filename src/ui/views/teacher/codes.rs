//! Entering pupils' result codes in class: the pupil to enter is chosen for the
//! teacher (the next one without a result), the code field keeps focus, Enter saves,
//! the score shows at once, and what is still missing is listed. Replacing a pupil's
//! answers, or a code whose answers repeat another pupil's exactly, is asked first; a
//! replacement can be undone.

use dioxus::prelude::*;

use super::refusal;
use crate::platform::{self, tools::ScanStart};
use crate::quiz::Quiz;
use crate::teacher::entry::{self, Entry};
use crate::teacher::{self, AnswerRow, AnswerToRecord, CodeProblem, Pupil, Session};
use crate::ui::state::{use_ctx, Ctx};

/// A code read and waiting for the teacher's yes.
#[derive(Clone, PartialEq)]
struct Pending {
    pupil_id: i64,
    rows: Vec<AnswerToRecord>,
    entry: Entry,
}

#[component]
pub fn CodeEntry(
    session: Session,
    quiz: Quiz,
    pupils: Vec<Pupil>,
    answers: Vec<AnswerRow>,
) -> Element {
    let ctx = use_ctx();
    let first = entry::next_missing(&pupils, session.id, &answers, None);
    let mut pupil_choice = use_signal(move || first);
    let mut code = use_signal(String::new);
    let mut message = use_signal(|| None::<(bool, String)>);
    let mut pending = use_signal(|| None::<Pending>);
    let mut undo = use_signal(|| None::<(i64, Vec<AnswerToRecord>)>);
    let label_of = {
        let pupils = pupils.clone();
        move |id: i64| {
            pupils
                .iter()
                .find(|p| p.id == id)
                .map(Pupil::label)
                .unwrap_or_default()
        }
    };
    let mut scanning = use_signal(|| false);
    use_drop(platform::tools::scan_stop);
    // The session's answers as stored now (a scan loop outlives this render's props).
    let class_id = session.class_id;
    let answers_now = move || {
        ctx.teacher_read(|t| t.answers(class_id))
            .unwrap_or_default()
    };
    // Writes the answers, says the score, and moves on to the next pupil still missing.
    let record = {
        let (session, pupils, label_of) = (session.clone(), pupils.clone(), label_of.clone());
        move |pupil_id: i64, rows: Vec<AnswerToRecord>, previous: Vec<AnswerToRecord>| {
            match ctx.teacher_write(|t| t.record_answers(session.id, pupil_id, &rows)) {
                Ok(_) => {
                    let (right, total) = entry::score(&rows);
                    message.set(Some((
                        true,
                        ctx.t_with(
                            "teacher.code_saved",
                            &[
                                ("pupil", &label_of(pupil_id)),
                                ("right", &right.to_string()),
                                ("total", &total.to_string()),
                            ],
                        ),
                    )));
                    undo.set((!previous.is_empty()).then_some((pupil_id, previous)));
                    code.set(String::new());
                    pupil_choice.set(entry::next_missing(
                        &pupils,
                        session.id,
                        &answers_now(),
                        Some(pupil_id),
                    ));
                }
                Err(e) => message.set(Some((false, refusal(&ctx, &e)))),
            }
            crate::ui::js::focus("[data-input=code]");
        }
    };
    // A code typed or scanned: checked, then recorded or asked about.
    let enter = {
        let (session, quiz, mut record) = (session.clone(), quiz.clone(), record.clone());
        move |typed: String| {
            pending.set(None);
            let Some(pid) = pupil_choice() else {
                message.set(Some((false, ctx.t("teacher.pick_pupil"))));
                return;
            };
            let rows = match read_code(&ctx, &session, &quiz, &typed) {
                Ok(rows) => rows,
                Err(m) => {
                    message.set(Some((false, m)));
                    crate::ui::js::focus("[data-input=code]");
                    return;
                }
            };
            match entry::check(session.id, pid, &rows, &answers_now()) {
                Entry::New => record(pid, rows, Vec::new()),
                asked => {
                    message.set(None);
                    pending.set(Some(Pending {
                        pupil_id: pid,
                        rows,
                        entry: asked,
                    }));
                }
            }
        }
    };
    let submit = {
        let mut enter = enter.clone();
        move |e: FormEvent| {
            e.prevent_default();
            enter(code());
        }
    };
    // The camera reads pupils' QR codes one after another, each entered as if typed;
    // while a question is open, codes read are left for the teacher to answer first.
    let start_scan = {
        let enter = enter.clone();
        move |_| {
            scanning.set(true);
            let mut enter = enter.clone();
            spawn(async move {
                let problem = match platform::tools::scan_start("[data-scanner]").await {
                    ScanStart::Ready => None,
                    ScanStart::NoCamera(why) => {
                        Some(ctx.t_with("teacher.scan_no_camera", &[("reason", &why)]))
                    }
                    ScanStart::NoTools(why) => {
                        Some(ctx.t_with("teacher.scan_no_tools", &[("reason", &why)]))
                    }
                    ScanStart::Unsupported => Some(ctx.t("teacher.scan_unsupported")),
                };
                if let Some(m) = problem {
                    message.set(Some((false, m)));
                    scanning.set(false);
                    return;
                }
                while let Some(text) = platform::tools::scan_next().await {
                    if pending.peek().is_none() {
                        code.set(text.clone());
                        enter(text);
                    }
                }
                scanning.set(false);
            });
        }
    };
    let missing: Vec<String> = entry::missing(&pupils, session.id, &answers)
        .iter()
        .map(|p| format!("#{}", p.number))
        .collect();
    let ask = pending().map(|p| {
        let who = label_of(p.pupil_id);
        let (new_right, new_total) = entry::score(&p.rows);
        let text = match &p.entry {
            Entry::Replaces { right, answered } => ctx.t_with(
                "teacher.code_replace_ask",
                &[
                    ("pupil", &who),
                    ("right", &right.to_string()),
                    ("total", &answered.to_string()),
                    ("new_right", &new_right.to_string()),
                    ("new_total", &new_total.to_string()),
                ],
            ),
            Entry::SameAs { pupil_id } => {
                ctx.t_with("teacher.code_same_ask", &[("other", &label_of(*pupil_id))])
            }
            Entry::New => String::new(),
        };
        let yes = match &p.entry {
            Entry::Replaces { .. } => ctx.t("teacher.replace"),
            _ => ctx.t_with("teacher.record_for", &[("pupil", &who)]),
        };
        (text, yes)
    });
    rsx! {
        form { class: "card stack", "data-entry": "codes", onsubmit: submit,
            label { span { {ctx.t("teacher.pupil")} }
                select { "data-input": "pupil", onchange: move |e: FormEvent| pupil_choice.set(e.value().parse().ok()),
                    option { value: "", {ctx.t("teacher.pick_pupil")} }
                    for p in pupils.iter() {
                        option { key: "{p.id}", value: "{p.id}", selected: pupil_choice() == Some(p.id), "{p.label()}" }
                    }
                }
            }
            label { span { {ctx.t("teacher.code")} }
                input { class: "search code-input", "data-input": "code", "data-autofocus": "true", autocomplete: "off", autocapitalize: "characters",
                    spellcheck: "false", maxlength: "32", value: "{code}", oninput: move |e: FormEvent| code.set(e.value()) }
            }
            div { class: "row",
                button { class: "btn primary", r#type: "submit", "data-action": "enter-code", {ctx.t("teacher.add_code")} }
                if scanning() {
                    button { class: "btn", r#type: "button", "data-action": "scan-stop",
                        onclick: move |_| { platform::tools::scan_stop(); scanning.set(false); },
                        {ctx.t("teacher.scan_stop")}
                    }
                } else {
                    button { class: "btn", r#type: "button", "data-action": "scan-codes", onclick: start_scan,
                        {ctx.t("teacher.scan")}
                    }
                }
            }
            div { class: "scanner", hidden: !scanning(),
                video { "data-scanner": "true", "aria-label": ctx.t("teacher.scan_view") }
                p { class: "muted small", {ctx.t("teacher.scan_help")} }
            }
            if let Some((text, yes)) = ask {
                div { class: "confirm", role: "alert", "data-code-ask": "true",
                    p { "{text}" }
                    div { class: "row",
                        button { class: "btn primary", r#type: "button", "data-action": "code-yes",
                            onclick: {
                                let mut record = record.clone();
                                move |_| {
                                    if let Some(p) = pending() {
                                        pending.set(None);
                                        let previous = entry::answers_of(session.id, p.pupil_id, &answers);
                                        record(p.pupil_id, p.rows, previous);
                                    }
                                }
                            },
                            "{yes}"
                        }
                        button { class: "btn", r#type: "button", "data-action": "code-no",
                            onclick: move |_| {
                                pending.set(None);
                                crate::ui::js::focus("[data-input=code]");
                            },
                            {ctx.t("settings.cancel")}
                        }
                    }
                }
            }
            if let Some((ok, m)) = message() {
                p { class: if ok { "done-banner" } else { "error" }, role: "status", "data-code-result": if ok { "ok" } else { "refused" }, "{m}" }
            }
            if let Some((pid, previous)) = undo() {
                button { class: "btn small", r#type: "button", "data-action": "undo-code",
                    onclick: move |_| {
                        let previous = previous.clone();
                        match ctx.teacher_write(|t| t.record_answers(session.id, pid, &previous)) {
                            Ok(_) => message.set(Some((true, ctx.t_with("teacher.undone", &[("pupil", &label_of(pid))])))),
                            Err(e) => message.set(Some((false, refusal(&ctx, &e)))),
                        }
                        undo.set(None);
                    },
                    {ctx.t("teacher.undo")}
                }
            }
            p { class: "muted", "data-missing": "{missing.len()}",
                if missing.is_empty() {
                    {ctx.t("teacher.all_entered")}
                } else {
                    {ctx.t_with("teacher.still_missing", &[("pupils", &missing.join(", "))])}
                }
            }
        }
    }
}

/// A typed result code read against the session, or why it cannot be.
fn read_code(
    ctx: &Ctx,
    session: &Session,
    quiz: &Quiz,
    code: &str,
) -> Result<Vec<AnswerToRecord>, String> {
    teacher::answers_from_code(session, quiz, code).map_err(|e| match e {
        CodeProblem::OtherQuiz => ctx.t("teacher.code_other_quiz"),
        CodeProblem::OtherVersion => ctx.t("teacher.code_other_version"),
        CodeProblem::Mistyped => ctx.t("teacher.code_mistyped"),
    })
}
