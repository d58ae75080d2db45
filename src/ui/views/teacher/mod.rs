//! Teacher mode: the PIN gate, classes of pseudonymous pupils, class sessions (result
//! codes, tally, or the shared device) and their reports, all on this device.

use std::collections::BTreeMap;

use dioxus::prelude::*;

mod backup;
mod class;
mod codes;
mod quizzes;
mod session;
mod tally;

pub use class::ClassView;
pub use session::SessionView;

use backup::BackupCard;
use quizzes::OwnQuizzes;

use crate::platform;
use crate::quiz::resultcode::{self};
use crate::quiz::{Question, Quiz};
use crate::storage::StorageError;
use crate::teacher::{self, ClassReport, ClassRows, PinCheck};
use crate::ui::state::{use_ctx, Ctx, Screen};

/// What the teacher is told when a change did not happen: refused input in the
/// screen's language, anything else as the storage said it.
fn refusal(ctx: &Ctx, e: &StorageError) -> String {
    use crate::teacher::{limits, Invalid};
    match e {
        StorageError::Invalid(Invalid::NoClassName) => ctx.t("teacher.invalid_class_name"),
        StorageError::Invalid(Invalid::NameTooLong) => ctx.t_with(
            "teacher.invalid_name_too_long",
            &[("n", &limits::NAME_CHARS.to_string())],
        ),
        StorageError::Invalid(Invalid::NotInSession(_)) => ctx.t("teacher.invalid_not_in_session"),
        StorageError::Invalid(Invalid::TooManyPupils) => ctx.t_with(
            "teacher.invalid_too_many_pupils",
            &[("n", &limits::PUPILS.to_string())],
        ),
        StorageError::Invalid(Invalid::PasteTooLong) => ctx.t_with(
            "teacher.invalid_paste_too_long",
            &[("n", &limits::PASTE_BYTES.to_string())],
        ),
        StorageError::Invalid(Invalid::NicknameTooLong) => ctx.t_with(
            "teacher.invalid_nickname_too_long",
            &[("n", &limits::NICKNAME_CHARS.to_string())],
        ),
        StorageError::Invalid(Invalid::SessionClosed) => ctx.t("teacher.session_closed"),
        other => other.to_string(),
    }
}

/// How a session is named on screen and in exports: the teacher's name for it, or
/// its date, quiz and mode.
fn session_name(ctx: &Ctx, s: &teacher::Session, quizzes: &[Quiz]) -> String {
    if !s.title.is_empty() {
        return s.title.clone();
    }
    let title = quizzes
        .iter()
        .find(|q| q.id == s.quiz_id)
        .map(|q| quiz_title(ctx, q))
        .unwrap_or_else(|| s.quiz_id.clone());
    let mode = ctx.t(&format!("teacher.mode.{}", s.mode.code()));
    format!(
        "{} {title} ({mode})",
        crate::dates::Date::from_unix(s.started_at)
    )
}

/// The gate: set a PIN on first use, then ask for it.
#[component]
pub fn TeacherHome() -> Element {
    let ctx = use_ctx();
    // Once teacher mode is open, its tools (spreadsheet writer, QR reader) are read
    // ahead on the web, so they are kept for a lesson without a network.
    use_effect(move || {
        if (ctx.teacher_open)() {
            platform::tools::warm();
        }
    });
    // The recovery code, shown once right after the PIN is set.
    let mut recovery = use_signal(|| None::<String>);
    if let Some(code) = recovery() {
        return rsx! {
            section { class: "card", "data-recovery": "{code}",
                h1 { {ctx.t("teacher.recovery_title")} }
                p { {ctx.t("teacher.recovery_text")} }
                p { class: "code big-code", "{resultcode::Grouped(&code)}" }
                button { class: "btn primary wide", "data-action": "recovery-done",
                    onclick: move |_| {
                        recovery.set(None);
                        let mut open = ctx.teacher_open;
                        open.set(true);
                    },
                    {ctx.t("teacher.recovery_done")}
                }
            }
        };
    }
    // Opened with the recovery code: a new PIN (and a new recovery code) first.
    if (ctx.teacher_new_pin)() {
        return rsx! { PinSetup { recovery } };
    }
    let has_pin = ctx.teacher_read(|t| t.has_pin()).unwrap_or(false);
    if !(ctx.teacher_open)() {
        return if has_pin {
            rsx! { PinGate {} }
        } else {
            rsx! { PinSetup { recovery } }
        };
    }
    rsx! { Classes {} }
}

/// Choosing a PIN: on first use, and after the recovery code opened teacher mode
/// (`recovered`), when the old PIN and recovery code are replaced and nothing else.
#[component]
fn PinSetup(recovery: Signal<Option<String>>) -> Element {
    let ctx = use_ctx();
    let mut first = use_signal(String::new);
    let mut second = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let mut recovery = recovery;
    let mut recovered = ctx.teacher_new_pin;
    rsx! {
        section { class: "card", "data-pin-setup": if recovered() { "after-recovery" } else { "first" },
            h1 { {ctx.t("teacher.title")} }
            if recovered() {
                p { role: "status", {ctx.t("teacher.recovered")} }
            } else {
                p { {ctx.t("teacher.setup_text")} }
            }
            p { class: "muted", "data-protects": "screens", {ctx.t("teacher.pin_protects")} }
            form { class: "stack",
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    let (a, b) = (first(), second());
                    if !teacher::pin_is_valid(&a) {
                        error.set(Some(ctx.t("teacher.pin_rule")));
                        return;
                    }
                    if a != b {
                        error.set(Some(ctx.t("teacher.pin_mismatch")));
                        return;
                    }
                    let code = teacher::recovery_code(&platform::random_bytes(teacher::RECOVERY_LEN));
                    let hashes = crate::passcode::hash(&a, &platform::random_bytes(16))
                        .and_then(|p| crate::passcode::hash(&code, &platform::random_bytes(16)).map(|r| (p, r)));
                    match hashes {
                        Ok((p, r)) => match ctx.teacher_write(|t| t.set_pin(&p, &r)) {
                            Ok(()) => {
                                recovered.set(false);
                                recovery.set(Some(code));
                            }
                            Err(e) => error.set(Some(e.to_string())),
                        },
                        Err(e) => error.set(Some(e.to_string())),
                    }
                },
                input { class: "passcode", r#type: "password", inputmode: "numeric", autocomplete: "new-password",
                    "aria-label": ctx.t("teacher.new_pin"), placeholder: ctx.t("teacher.new_pin"), "data-input": "new-pin",
                    value: "{first}", oninput: move |e: FormEvent| first.set(e.value()) }
                input { class: "passcode", r#type: "password", inputmode: "numeric", autocomplete: "new-password",
                    "aria-label": ctx.t("teacher.repeat_pin"), placeholder: ctx.t("teacher.repeat_pin"), "data-input": "repeat-pin",
                    value: "{second}", oninput: move |e: FormEvent| second.set(e.value()) }
                button { class: "btn primary", r#type: "submit", "data-action": "set-pin", {ctx.t("teacher.set_pin")} }
            }
            if let Some(e) = error() {
                p { class: "error", role: "alert", "{e}" }
            }
        }
    }
}

/// The PIN, or the recovery code as it was shown (spaces, dashes and case do not
/// matter; its field takes letters).
#[component]
fn PinGate() -> Element {
    let ctx = use_ctx();
    let mut entry = use_signal(String::new);
    let mut message = use_signal(|| None::<String>);
    let mut with_recovery = use_signal(|| false);
    let label = if with_recovery() {
        ctx.t("teacher.recovery_code")
    } else {
        ctx.t("teacher.enter_pin")
    };
    rsx! {
        section { class: "card lock", "data-teacher-locked": "true",
            h1 { {ctx.t("teacher.enter_pin")} }
            form {
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    let pin = entry();
                    entry.set(String::new());
                    let result = ctx.teacher_write(|t| t.check_pin(&pin, platform::now_unix(), crate::passcode::verify));
                    match result {
                        Ok(PinCheck::Open) => {
                            message.set(None);
                            let mut open = ctx.teacher_open;
                            open.set(true);
                        }
                        Ok(PinCheck::Recovered) => {
                            message.set(None);
                            let mut new_pin = ctx.teacher_new_pin;
                            new_pin.set(true);
                            ctx.go(Screen::Teacher);
                        }
                        Ok(other) => message.set(ctx.refusal_of(other, true)),
                        Err(e) => message.set(Some(e.to_string())),
                    }
                },
                if with_recovery() {
                    input { class: "passcode", r#type: "text", inputmode: "text", autocomplete: "off",
                        autocapitalize: "characters", spellcheck: "false",
                        "aria-label": "{label}", placeholder: "{label}", "data-input": "recovery",
                        value: "{entry}", oninput: move |e: FormEvent| entry.set(e.value()) }
                } else {
                    input { class: "passcode", r#type: "password", inputmode: "numeric", autocomplete: "off",
                        "aria-label": "{label}", "data-input": "pin",
                        value: "{entry}", oninput: move |e: FormEvent| entry.set(e.value()) }
                }
                button { class: "btn primary wide", r#type: "submit", "data-action": "open-teacher", {ctx.t("lock.open")} }
            }
            if let Some(m) = message() {
                p { class: "error", role: "alert", "{m}" }
            }
            p { class: "muted", {ctx.t("teacher.recovery_hint")} }
            button { class: "btn small", r#type: "button", "data-action": "toggle-recovery",
                onclick: move |_| {
                    entry.set(String::new());
                    with_recovery.set(!with_recovery());
                },
                if with_recovery() { {ctx.t("teacher.use_pin")} } else { {ctx.t("teacher.use_recovery")} }
            }
        }
    }
}

#[component]
fn Classes() -> Element {
    let ctx = use_ctx();
    let classes = ctx.teacher_read(|t| t.classes()).unwrap_or_default();
    let mut name = use_signal(String::new);
    let mut problem = use_signal(|| None::<String>);
    rsx! {
        div { class: "row spread",
            h1 { {ctx.t("teacher.classes")} }
            button { class: "btn small", "data-action": "lock-teacher",
                onclick: move |_| {
                    let mut open = ctx.teacher_open;
                    open.set(false);
                },
                {ctx.t("privacy.lock_now")}
            }
        }
        p { class: "muted", {ctx.t("teacher.private")} }
        ul { class: "module-list",
            for c in classes {
                li { key: "{c.id}",
                    button { class: "module-card", "data-class": "{c.name}", onclick: move |_| ctx.go(Screen::Class(c.id)),
                        span { class: "module-text",
                            span { class: "module-title", "{c.name}" }
                            if c.archived { span { class: "chip", {ctx.t("teacher.archived")} } }
                        }
                    }
                }
            }
        }
        form { class: "card stack",
            onsubmit: move |e: FormEvent| {
                e.prevent_default();
                let n = name();
                match ctx.teacher_write(|t| t.create_class(&n, platform::now_unix())) {
                    Ok(id) => {
                        name.set(String::new());
                        problem.set(None);
                        ctx.go(Screen::Class(id));
                    }
                    Err(e) => problem.set(Some(refusal(&ctx, &e))),
                }
            },
            label { span { {ctx.t("teacher.new_class")} }
                input { class: "search", "data-input": "class-name", value: "{name}", oninput: move |e: FormEvent| name.set(e.value()) }
            }
            button { class: "btn primary", r#type: "submit", "data-action": "create-class", {ctx.t("teacher.create_class")} }
            if let Some(m) = problem() {
                p { class: "error", role: "alert", "data-class-problem": "true", "{m}" }
            }
        }
        OwnQuizzes {}
        BackupCard {}
        ChangePin {}
    }
}

/// "Change PIN": the current PIN (its wrong tries count as at the gate), then the new
/// one twice. The recovery code stays as it was.
#[component]
fn ChangePin() -> Element {
    let ctx = use_ctx();
    let mut current = use_signal(String::new);
    let mut first = use_signal(String::new);
    let mut second = use_signal(String::new);
    let mut message = use_signal(|| None::<(bool, String)>);
    rsx! {
        details { class: "card", "data-card": "change-pin",
            summary { {ctx.t("teacher.change_pin")} }
            form { class: "stack",
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    let (old, a, b) = (current(), first(), second());
                    if !teacher::pin_is_valid(&a) {
                        message.set(Some((false, ctx.t("teacher.pin_rule"))));
                        return;
                    }
                    if a != b {
                        message.set(Some((false, ctx.t("teacher.pin_mismatch"))));
                        return;
                    }
                    current.set(String::new());
                    match ctx.teacher_write(|t| t.check_pin(&old, platform::now_unix(), crate::passcode::verify)) {
                        Ok(PinCheck::Open) => {}
                        Ok(PinCheck::Recovered) | Ok(PinCheck::NotSet) => {
                            message.set(Some((false, ctx.t("teacher.change_pin_current"))));
                            return;
                        }
                        Ok(other) => {
                            message.set(ctx.refusal_of(other, true).map(|m| (false, m)));
                            return;
                        }
                        Err(e) => {
                            message.set(Some((false, e.to_string())));
                            return;
                        }
                    }
                    let saved = crate::passcode::hash(&a, &platform::random_bytes(16))
                        .map_err(|e| e.to_string())
                        .and_then(|h| ctx.teacher_write(|t| t.change_pin(&h)).map_err(|e| e.to_string()));
                    match saved {
                        Ok(()) => {
                            first.set(String::new());
                            second.set(String::new());
                            message.set(Some((true, ctx.t("teacher.pin_changed"))));
                        }
                        Err(e) => message.set(Some((false, e))),
                    }
                },
                label { span { {ctx.t("teacher.current_pin")} }
                    input { class: "passcode", r#type: "password", inputmode: "numeric", autocomplete: "current-password", "data-input": "current-pin",
                        value: "{current}", oninput: move |e: FormEvent| current.set(e.value()) }
                }
                label { span { {ctx.t("teacher.new_pin")} }
                    input { class: "passcode", r#type: "password", inputmode: "numeric", autocomplete: "new-password", "data-input": "changed-pin",
                        value: "{first}", oninput: move |e: FormEvent| first.set(e.value()) }
                }
                label { span { {ctx.t("teacher.repeat_pin")} }
                    input { class: "passcode", r#type: "password", inputmode: "numeric", autocomplete: "new-password", "data-input": "changed-pin-repeat",
                        value: "{second}", oninput: move |e: FormEvent| second.set(e.value()) }
                }
                p { class: "muted small", {ctx.t("teacher.change_pin_recovery")} }
                button { class: "btn primary", r#type: "submit", "data-action": "change-pin", {ctx.t("teacher.change_pin")} }
                if let Some((ok, m)) = message() {
                    p { class: if ok { "done-banner" } else { "error" }, role: if ok { "status" } else { "alert" }, "data-pin-change": if ok { "ok" } else { "refused" }, "{m}" }
                }
            }
        }
    }
}

fn quiz_title(ctx: &Ctx, quiz: &Quiz) -> String {
    let lang = (ctx.lang)();
    match (&quiz.title, &quiz.module) {
        (Some(t), _) => t.get(lang).clone(),
        (None, Some(m)) => ctx
            .catalog()
            .module(m)
            .map(|m| m.title.get(lang).clone())
            .unwrap_or_else(|| m.clone()),
        _ => quiz.id.clone(),
    }
}

/// A quiz by id: built in, or one of the teacher's own.
fn find_quiz(ctx: &Ctx, id: &str) -> Option<Quiz> {
    if let Some(q) = ctx.catalog().quiz(id) {
        return Some(q.clone());
    }
    let own = ctx.teacher_read(|t| t.own_quizzes()).unwrap_or_default();
    own.iter()
        .find(|q| teacher::own_quiz_id(q.id) == id)
        .and_then(|q| q.to_quiz().ok())
}

/// Every quiz a session can use: the course's, then the teacher's own.
fn session_quizzes(ctx: &Ctx) -> Vec<Quiz> {
    let mut out: Vec<Quiz> = ctx
        .catalog()
        .quizzes
        .iter()
        .chain(ctx.catalog().final_quiz.iter())
        .cloned()
        .collect();
    let own = ctx.teacher_read(|t| t.own_quizzes()).unwrap_or_default();
    out.extend(own.iter().filter_map(|q| q.to_quiz().ok()));
    out
}

/// Every question of the given quizzes, by key (`module/qN` or `own-N/qN`).
fn questions_of(quizzes: &[Quiz]) -> BTreeMap<String, &Question> {
    quizzes
        .iter()
        .flat_map(|q| q.questions.iter())
        .map(|q| (q.key(), q))
        .collect()
}

/// A session as a table, for CSV and the spreadsheet, with headers in the screen's
/// language: a tally has counts per option; the other modes a row per pupil of the
/// class.
/// A question's text in reports and exports; one the content in use no longer has (a
/// content pack removed it) is named as removed, never dropped.
pub(crate) fn question_text(
    ctx: &Ctx,
    questions: &BTreeMap<String, &Question>,
    key: &str,
) -> String {
    let lang = (ctx.lang)();
    questions
        .get(key)
        .map(|q| q.text.get(lang).clone())
        .unwrap_or_else(|| {
            ctx.t_with(
                "teacher.question_removed",
                &[("version", &ctx.catalog().version), ("key", key)],
            )
        })
}

fn session_table(
    ctx: &Ctx,
    session: &teacher::Session,
    (pupils, answers, tallies): (&[teacher::Pupil], &[teacher::AnswerRow], &teacher::Tallies),
    questions: &BTreeMap<String, &Question>,
) -> teacher::Table {
    let lang = (ctx.lang)();
    let text = |k: &str| question_text(ctx, questions, k);
    if session.mode == teacher::Mode::Tally {
        let options = |k: &str| {
            questions
                .get(k)
                .map(|q| {
                    q.options
                        .iter()
                        .map(|o| (o.text.get(lang).clone(), o.correct))
                        .collect()
                })
                .unwrap_or_default()
        };
        teacher::Table {
            header: vec![
                ctx.t("teacher.question"),
                ctx.t("teacher.option"),
                ctx.t("teacher.is_right"),
                ctx.t("teacher.count"),
            ],
            rows: teacher::tally_rows(session, tallies, &text, &options, "✓"),
        }
    } else {
        teacher::session_table(
            session,
            pupils,
            answers,
            &text,
            [&ctx.t("teacher.pupil"), &ctx.t("teacher.right"), "%"],
        )
    }
}

/// What the teacher is told after an export: where the file went, or why it did not.
fn export_note(ctx: &Ctx, saved: Result<String, String>) -> String {
    match saved {
        Ok(where_) => ctx.t_with("teacher.exported", &[("file", &where_)]),
        Err(e) => e,
    }
}

/// Saves a report's CSV as `name`; the note for the teacher.
fn save_csv(ctx: &Ctx, name: &str, csv: Result<Vec<u8>, csv::Error>) -> String {
    export_note(
        ctx,
        csv.map_err(|e| e.to_string())
            .and_then(|bytes| platform::save_file(name, &bytes, "text/csv;charset=utf-8")),
    )
}

/// Writes a workbook and saves it as `name` (the writer is loaded on first use on the
/// web, so this is asynchronous); `note` says what happened.
fn save_xlsx(ctx: Ctx, name: String, book: teacher::Book, mut note: Signal<Option<String>>) {
    note.set(Some(ctx.t("teacher.xlsx_making")));
    spawn(async move {
        let saved = platform::tools::xlsx(&book)
            .await
            .map_err(|e| ctx.t_with("teacher.xlsx_failed", &[("reason", &e)]))
            .and_then(|bytes| platform::save_file(&name, &bytes, platform::tools::XLSX_MIME));
        note.set(Some(export_note(&ctx, saved)));
    });
}

/// A topic tag as the report names it: in the UI's language for the known topics, as
/// written for any other (a tag from elsewhere is still shown, not hidden).
fn topic_name(ctx: &Ctx, tag: &str) -> String {
    if crate::quiz::TOPICS.contains(&tag) {
        ctx.t(&format!("topic.{tag}"))
    } else {
        tag.to_string()
    }
}
