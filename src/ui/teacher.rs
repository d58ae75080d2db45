//! Teacher mode: the PIN gate, classes of pseudonymous pupils, class sessions (result
//! codes, tally, or the shared device) and their reports, all on this device.

use std::collections::{BTreeMap, BTreeSet};

use dioxus::prelude::*;

use super::icons::{Icon, Svg};
use super::state::{use_ctx, Ctx, Screen};
use crate::platform;
use crate::quiz::resultcode::{self, CodeError};
use crate::quiz::{Question, Quiz};
use crate::teacher::{self, Mode, PinCheck, Pupil, Recorded, Session};

/// The gate: set a PIN on first use, then ask for it.
#[component]
pub fn TeacherHome() -> Element {
    let ctx = use_ctx();
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

#[component]
fn PinSetup(recovery: Signal<Option<String>>) -> Element {
    let ctx = use_ctx();
    let mut first = use_signal(String::new);
    let mut second = use_signal(String::new);
    let mut error = use_signal(|| None::<String>);
    let mut recovery = recovery;
    rsx! {
        section { class: "card",
            h1 { {ctx.t("teacher.title")} }
            p { {ctx.t("teacher.setup_text")} }
            form { class: "stack",
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    let (a, b) = (first(), second());
                    if a.chars().count() < 4 || !a.chars().all(|c| c.is_ascii_digit()) {
                        error.set(Some(ctx.t("teacher.pin_rule")));
                        return;
                    }
                    if a != b {
                        error.set(Some(ctx.t("privacy.mismatch")));
                        return;
                    }
                    let code = recovery_code();
                    let hashes = crate::passcode::hash(&a, &platform::random_bytes(16))
                        .and_then(|p| crate::passcode::hash(&code, &platform::random_bytes(16)).map(|r| (p, r)));
                    match hashes {
                        Ok((p, r)) => match ctx.teacher_write(|t| t.set_pin(&p, &r)) {
                            Ok(()) => recovery.set(Some(code)),
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

/// Ten characters of Crockford base32 from the platform's randomness.
fn recovery_code() -> String {
    const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    platform::random_bytes(10)
        .iter()
        .map(|b| ALPHABET[(b & 31) as usize] as char)
        .collect()
}

#[component]
fn PinGate() -> Element {
    let ctx = use_ctx();
    let mut entry = use_signal(String::new);
    let mut message = use_signal(|| None::<String>);
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
                        Ok(PinCheck::Wrong { wait_seconds: 0 }) => message.set(Some(ctx.t("teacher.wrong_pin"))),
                        Ok(PinCheck::Wrong { wait_seconds: s }) | Ok(PinCheck::Wait { seconds: s }) => {
                            message.set(Some(ctx.t_with("teacher.wait", &[("n", &s.to_string())])))
                        }
                        Ok(PinCheck::NotSet) => {}
                        Err(e) => message.set(Some(e.to_string())),
                    }
                },
                input { class: "passcode", r#type: "password", inputmode: "numeric", autocomplete: "off",
                    "aria-label": ctx.t("teacher.enter_pin"), "data-input": "pin",
                    value: "{entry}", oninput: move |e: FormEvent| entry.set(e.value()) }
                button { class: "btn primary wide", r#type: "submit", "data-action": "open-teacher", {ctx.t("lock.open")} }
            }
            if let Some(m) = message() {
                p { class: "error", role: "alert", "{m}" }
            }
            p { class: "muted", {ctx.t("teacher.recovery_hint")} }
        }
    }
}

#[component]
fn Classes() -> Element {
    let ctx = use_ctx();
    let classes = ctx.teacher_read(|t| t.classes()).unwrap_or_default();
    let mut name = use_signal(String::new);
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
                if n.trim().is_empty() {
                    return;
                }
                if let Ok(id) = ctx.teacher_write(|t| t.create_class(&n, platform::now_unix())) {
                    name.set(String::new());
                    ctx.go(Screen::Class(id));
                }
            },
            label { span { {ctx.t("teacher.new_class")} }
                input { class: "search", "data-input": "class-name", value: "{name}", oninput: move |e: FormEvent| name.set(e.value()) }
            }
            button { class: "btn primary", r#type: "submit", "data-action": "create-class", {ctx.t("teacher.create_class")} }
        }
        OwnQuizzes {}
        BackupCard {}
    }
}

/// The teacher's own quizzes: written or pasted as Moodle GIFT, imported from a GIFT
/// file, exported to one; and any built-in quiz exported to GIFT for Moodle.
#[component]
fn OwnQuizzes() -> Element {
    let ctx = use_ctx();
    let own = ctx.teacher_read(|t| t.own_quizzes()).unwrap_or_default();
    let mut editing = use_signal(|| None::<(Option<i64>, String, String)>);
    let mut form = use_signal(|| None::<(Option<i64>, String, Vec<Draft>)>);
    let mut errors = use_signal(Vec::<String>::new);
    let mut note = use_signal(|| None::<String>);
    let mut export_choice = use_signal(|| {
        ctx.catalog
            .quizzes
            .first()
            .map(|q| q.id.clone())
            .unwrap_or_default()
    });
    let lang = (ctx.lang)();
    let mut save = move |id: Option<i64>, title: String, gift: String| match ctx
        .teacher_write(|t| Ok(t.save_own_quiz(id, &title, lang, &gift, platform::now_unix())))
    {
        Ok(Ok(_)) => {
            errors.set(Vec::new());
            editing.set(None);
            note.set(Some(ctx.t("save.saved")));
        }
        Ok(Err(list)) => errors.set(list.iter().map(|e| e.to_string()).collect()),
        Err(e) => errors.set(vec![e.to_string()]),
    };
    let mut export = move |name: String, text: String| {
        let result = platform::save_file(&name, text.as_bytes(), "text/plain;charset=utf-8");
        note.set(Some(export_note(&ctx, result)));
    };
    rsx! {
        section { class: "card stack", "data-card": "own-quizzes",
            h2 { {ctx.t("teacher.own_quizzes")} }
            p { class: "muted", {ctx.t("teacher.own_text")} }
            ul { class: "own-list", hidden: own.is_empty(),
                for q in own.iter() {
                    {
                        let (edit_q, export_q, del_id) = (q.clone(), q.clone(), q.id);
                        let count = q.to_quiz().map(|z| z.questions.len()).unwrap_or(0);
                        let form_q = q.clone();
                        rsx! {
                            li { key: "{q.id}", "data-own-quiz": "{q.title}",
                                span { "{q.title} · {count}" }
                                div { class: "row",
                                    button { class: "btn small",
                                        onclick: move |_| {
                                            let drafts = crate::gift::parse(&form_q.gift).map(|g| gift_to_drafts(&g)).unwrap_or_default();
                                            form.set(Some((Some(form_q.id), form_q.title.clone(), drafts)));
                                        },
                                        {ctx.t("teacher.edit")}
                                    }
                                    button { class: "btn small", onclick: move |_| editing.set(Some((Some(edit_q.id), edit_q.title.clone(), edit_q.gift.clone()))), {ctx.t("teacher.edit_gift")} }
                                    button { class: "btn small", "data-action": "export-own",
                                        onclick: move |_| export(format!("{}.gift.txt", export_q.title), export_q.gift.clone()), {ctx.t("teacher.export_gift")} }
                                    button { class: "btn small", "data-action": "remove-own",
                                        onclick: move |_| {
                                            if let Ok(false) = ctx.teacher_write(|t| t.delete_own_quiz(del_id)) {
                                                note.set(Some(ctx.t("teacher.own_in_use")));
                                            }
                                        },
                                        {ctx.t("teacher.remove")}
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if let Some((id, title, drafts)) = form() {
                OwnQuizForm { id, title, drafts, on_close: move |_| form.set(None) }
            } else if let Some((id, title, gift)) = editing() {
                div { class: "stack", "data-editor": "true",
                    label { span { {ctx.t("teacher.quiz_title")} }
                        input { class: "search", "data-input": "own-title", value: "{title}",
                            oninput: move |e: FormEvent| {
                                let g = editing().map(|(_, _, g)| g).unwrap_or_default();
                                editing.set(Some((id, e.value(), g)));
                            } }
                    }
                    label { span { {ctx.t("teacher.gift_text")} }
                        textarea { class: "search gift", rows: "10", "data-input": "own-gift", value: "{gift}",
                            oninput: move |e: FormEvent| {
                                let t = editing().map(|(_, t, _)| t).unwrap_or_default();
                                editing.set(Some((id, t, e.value())));
                            } }
                    }
                    p { class: "muted small", {ctx.t("teacher.gift_help")} }
                    div { class: "row",
                        button { class: "btn primary", "data-action": "save-own",
                            onclick: move |_| if let Some((id, t, g)) = editing() { save(id, t, g) }, {ctx.t("teacher.save")} }
                        button { class: "btn", onclick: move |_| { editing.set(None); errors.set(Vec::new()); }, {ctx.t("settings.cancel")} }
                    }
                }
            } else {
                div { class: "row",
                    button { class: "btn", "data-action": "new-own",
                        onclick: move |_| form.set(Some((None, String::new(), vec![Draft::new(crate::gift::GiftKind::Single)]))), {ctx.t("teacher.new_own")} }
                    button { class: "btn", "data-action": "new-own-gift",
                        onclick: move |_| editing.set(Some((None, String::new(), String::new()))), {ctx.t("teacher.new_own_gift")} }
                }
                // A button-like label over the browser's own file input, so its text is
                // in the app's language.
                label { class: "btn file-pick",
                    span { {ctx.t("teacher.import_gift")} }
                    input { r#type: "file", accept: ".txt,.gift", "data-input": "import-gift",
                        onchange: move |e: FormEvent| async move {
                            let Some(file) = e.files().into_iter().next() else { return };
                            let name = file.name();
                            let title = name.trim_end_matches(".txt").trim_end_matches(".gift").to_string();
                            match file.read_string().await {
                                Ok(text) => save(None, title, text),
                                Err(err) => errors.set(vec![err.to_string()]),
                            }
                        },
                    }
                }
            }
            if !errors().is_empty() {
                div { class: "error", role: "alert", "data-gift-errors": "{errors().len()}",
                    p { {ctx.t("teacher.gift_refused")} }
                    ul { for e in errors() { li { "{e}" } } }
                }
            }
            h3 { {ctx.t("teacher.export_builtin")} }
            div { class: "row",
                select { "data-input": "export-quiz", onchange: move |e: FormEvent| export_choice.set(e.value()),
                    for q in ctx.catalog.quizzes.iter().chain(ctx.catalog.final_quiz.iter()) {
                        option { key: "{q.id}", value: "{q.id}", selected: q.id == export_choice(), {quiz_title(&ctx, q)} }
                    }
                }
                button { class: "btn", "data-action": "export-builtin",
                    onclick: move |_| {
                        if let Some(q) = ctx.catalog.quiz(&export_choice()) {
                            let text = crate::gift::write(&crate::gift::from_questions(&q.questions, lang));
                            export(format!("sauga-{}-{}.gift.txt", q.id, lang.code()), text);
                        }
                    },
                    {ctx.t("teacher.export_gift")}
                }
            }
            if let Some(n) = note() {
                p { class: "muted", "data-own-note": "true", "{n}" }
            }
        }
    }
}

/// Back up all teacher data to one file, and restore it (all or nothing).
#[component]
fn BackupCard() -> Element {
    let ctx = use_ctx();
    let mut message = use_signal(|| None::<(bool, String)>);
    let mut confirm = use_signal(|| None::<String>);
    // A backup's text, read from a chosen or a listed file: checked whole, then the
    // teacher confirms.
    let mut consider = move |text: Result<String, String>| match text {
        Ok(text) => match crate::teacher::check_backup(&text) {
            Ok(b) => {
                confirm.set(Some(text));
                message.set(Some((
                    true,
                    ctx.t_with(
                        "teacher.restore_ready",
                        &[("n", &b.classes.len().to_string())],
                    ),
                )));
            }
            Err(err) => {
                confirm.set(None);
                message.set(Some((
                    false,
                    ctx.t_with("teacher.restore_refused", &[("why", &err.to_string())]),
                )));
            }
        },
        Err(err) => {
            confirm.set(None);
            message.set(Some((false, err)));
        }
    };
    // Re-read on every render, so a backup made a moment ago is listed.
    let saved = platform::saved_files("sauga-teacher-", ".json");
    rsx! {
        section { class: "card stack", "data-card": "backup",
            h2 { {ctx.t("teacher.backup")} }
            p { class: "muted", {ctx.t("teacher.backup_text")} }
            button { class: "btn", "data-action": "backup",
                onclick: move |_| {
                    let result = ctx
                        .teacher_read(|t| t.backup())
                        .map_err(|e| e.to_string())
                        .and_then(|json| {
                            let day = crate::dates::Date::from_unix(platform::now_unix());
                            platform::save_file(&format!("sauga-teacher-{day}.json"), json.as_bytes(), "application/json")
                        });
                    message.set(Some((result.is_ok(), export_note(&ctx, result))));
                },
                {ctx.t("teacher.backup_button")}
            }
            label { class: "btn file-pick",
                span { {ctx.t("teacher.restore")} }
                input { r#type: "file", accept: ".json,application/json", "data-input": "restore",
                    onchange: move |e: FormEvent| async move {
                        let Some(file) = e.files().into_iter().next() else { return };
                        consider(file.read_string().await.map_err(|e| e.to_string()));
                    },
                }
            }
            if !saved.is_empty() {
                div { class: "stack", "data-saved-backups": "true",
                    p { class: "muted small", {ctx.t("teacher.restore_saved")} }
                    div { class: "row",
                        for (name, path) in saved.into_iter().take(5) {
                            button { key: "{name}", class: "btn small", "data-restore-file": "{name}",
                                onclick: move |_| consider(platform::read_saved(&path)),
                                "{name}"
                            }
                        }
                    }
                }
            }
            if let Some(text) = confirm() {
                button { class: "btn danger", "data-action": "restore-confirm",
                    onclick: move |_| {
                        let result = ctx.teacher_write(|t| Ok(t.restore(&text)));
                        confirm.set(None);
                        message.set(Some(match result {
                            Ok(Ok(n)) => (true, ctx.t_with("teacher.restored", &[("n", &n.to_string())])),
                            Ok(Err(e)) => (false, ctx.t_with("teacher.restore_refused", &[("why", &e.to_string())])),
                            Err(e) => (false, e.to_string()),
                        }));
                    },
                    {ctx.t("teacher.restore_confirm")}
                }
            }
            if let Some((ok, m)) = message() {
                p { class: if ok { "done-banner" } else { "error" }, role: "status", "data-backup-result": if ok { "ok" } else { "refused" }, "{m}" }
            }
        }
    }
}

fn quiz_title(ctx: &Ctx, quiz: &Quiz) -> String {
    let lang = (ctx.lang)();
    match (&quiz.title, &quiz.module) {
        (Some(t), _) => t.get(lang).clone(),
        (None, Some(m)) => ctx
            .catalog
            .module(m)
            .map(|m| m.title.get(lang).clone())
            .unwrap_or_else(|| m.clone()),
        _ => quiz.id.clone(),
    }
}

/// A quiz by id: built in, or one of the teacher's own.
fn find_quiz(ctx: &Ctx, id: &str) -> Option<Quiz> {
    if let Some(q) = ctx.catalog.quiz(id) {
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
        .catalog
        .quizzes
        .iter()
        .chain(ctx.catalog.final_quiz.iter())
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

#[component]
pub fn ClassView(id: i64) -> Element {
    let ctx = use_ctx();
    let mut paste = use_signal(String::new);
    let mut rename = use_signal(|| None::<String>);
    let mut confirm_delete = use_signal(|| false);
    let mut quiz_choice = use_signal(|| {
        ctx.catalog
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
    let pupils = ctx.teacher_read(|t| t.pupils(id)).unwrap_or_default();
    let sessions = ctx.teacher_read(|t| t.sessions(id)).unwrap_or_default();
    let answers = ctx.teacher_read(|t| t.answers(id)).unwrap_or_default();
    let tallies = ctx.teacher_read(|t| t.tallies(id)).unwrap_or_default();
    // Own quizzes are read and parsed once per render, for every use below.
    let all_quizzes = session_quizzes(&ctx);
    let questions = questions_of(&all_quizzes);
    let topics = teacher::topic_results(&answers, &tallies, &questions);
    let over_time = teacher::pupil_over_time(&sessions, &answers);
    let grouped = teacher::by_session(&answers);
    let per_session: BTreeMap<i64, Vec<teacher::QuestionResult>> = sessions
        .iter()
        .map(|s| {
            let these = grouped.get(&s.id).copied().unwrap_or(&[]);
            (
                s.id,
                teacher::question_results(s, these, &tallies, &questions),
            )
        })
        .collect();
    let trend = teacher::trend(&sessions, &per_session);
    let results: Vec<teacher::QuestionResult> = per_session.values().flatten().cloned().collect();
    let hard = teacher::difficult_questions(&results);
    // The class's reports as tables for CSV: pupils over time, topics, questions.
    let session_names: Vec<String> = sessions
        .iter()
        .map(|s| {
            let title = all_quizzes
                .iter()
                .find(|q| q.id == s.quiz_id)
                .map(|q| quiz_title(&ctx, q))
                .unwrap_or_else(|| s.quiz_id.clone());
            format!("{} {title}", crate::dates::Date::from_unix(s.started_at))
        })
        .collect();
    let topic_order = topics_weakest_first(&ctx, &topics);
    let topic_list: Vec<(String, u32, u32)> = topic_order
        .iter()
        .map(|(_, name, _, r, n)| (name.clone(), *r, *n))
        .collect();
    let percent = ctx.t("teacher.percent");
    let tables: Vec<CsvTable> = vec![
        (
            "pupils",
            std::iter::once(ctx.t("teacher.pupil"))
                .chain(session_names)
                .collect(),
            teacher::over_time_rows(&sessions, &pupils, &over_time),
        ),
        (
            "topics",
            vec![
                ctx.t("teacher.topic"),
                ctx.t("teacher.right"),
                ctx.t("teacher.answered"),
                percent.clone(),
            ],
            teacher::topic_rows(&topic_list),
        ),
        (
            "questions",
            vec![
                ctx.t("teacher.question"),
                ctx.t("teacher.answered"),
                ctx.t("teacher.right"),
                percent,
                ctx.t("teacher.top_wrong_column"),
                ctx.t("teacher.chose"),
            ],
            teacher::question_rows(
                &hard,
                &|k| {
                    questions
                        .get(k)
                        .map(|q| q.text.get(lang).clone())
                        .unwrap_or_else(|| k.to_string())
                },
                &|k, o| {
                    questions
                        .get(k)
                        .and_then(|q| q.options.get(o))
                        .map(|x| x.text.get(lang).clone())
                        .unwrap_or_default()
                },
            ),
        ),
    ];
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
                        let _ = ctx.teacher_write(|t| t.rename_class(id, &name));
                    }
                    rename.set(None);
                },
                input { class: "search", "data-input": "rename", value: "{n}", oninput: move |e: FormEvent| rename.set(Some(e.value())) }
                button { class: "btn primary", r#type: "submit", {ctx.t("teacher.save")} }
            }
        } else {
            h1 { "data-class-title": "{class.name}", "{class.name}" }
        }
        div { class: "row",
            button { class: "btn small", onclick: move |_| rename.set(Some(class.name.clone())), {ctx.t("teacher.rename")} }
            button { class: "btn small", "data-action": "archive",
                onclick: move |_| { let _ = ctx.teacher_write(|t| t.archive_class(id, !class.archived)); },
                if class.archived { {ctx.t("teacher.unarchive")} } else { {ctx.t("teacher.archive")} }
            }
            if confirm_delete() {
                button { class: "btn danger small", "data-action": "delete-confirm",
                    onclick: move |_| {
                        if ctx.teacher_write(|t| t.delete_class(id)).is_ok() {
                            ctx.go(Screen::Teacher);
                        }
                    },
                    {ctx.t("teacher.delete_confirm")}
                }
                button { class: "btn small", onclick: move |_| confirm_delete.set(false), {ctx.t("settings.cancel")} }
            } else {
                button { class: "btn small", "data-action": "delete", onclick: move |_| confirm_delete.set(true), {ctx.t("teacher.delete")} }
            }
        }
        section { class: "card",
            h2 { {ctx.t_with("teacher.pupils", &[("n", &pupils.len().to_string())])} }
            p { class: "note", {ctx.t("teacher.no_names")} }
            ul { class: "pupils",
                for p in pupils.iter() {
                    li { key: "{p.id}", "data-pupil": "{p.number}", "{p.label()}" }
                }
            }
            label { span { {ctx.t("teacher.paste")} }
                textarea { class: "search", rows: "4", "data-input": "pupils", value: "{paste}", oninput: move |e: FormEvent| paste.set(e.value()) }
            }
            button { class: "btn", "data-action": "add-pupils",
                onclick: move |_| {
                    if ctx.teacher_write(|t| t.add_pupils(id, &paste())).is_ok() {
                        paste.set(String::new());
                    }
                },
                {ctx.t("teacher.add_pupils")}
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
                            let title = all_quizzes.iter().find(|q| q.id == s.quiz_id).map(|q| quiz_title(&ctx, q)).unwrap_or_else(|| s.quiz_id.clone());
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
                                    }
                                }
                            }
                        }
                    }
                }
            }
            section { class: "card report", "data-report": "class",
                h2 { {ctx.t("teacher.trend")} }
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
                h2 { {ctx.t("teacher.topics")} }
                if topics.is_empty() {
                    p { class: "muted", {ctx.t("teacher.no_data")} }
                }
                for (tag, name, pct, r, n) in topic_order {
                    Bar { key: "{tag}", label: name, percent: pct, note: format!("{r}/{n}") }
                }
                h2 { {ctx.t("teacher.difficult")} }
                ol { class: "difficult",
                    for r in hard.iter().take(5) {
                        if let Some(q) = questions.get(&r.key) {
                            li { key: "{r.key}", "data-difficult": "{r.key}",
                                p { strong { {q.text.get(lang).clone()} } " — " {format!("{:.0} %", r.percent())} }
                                for o in q.options.iter().filter(|o| o.correct) {
                                    p { class: "muted", {o.feedback.get(lang).clone()} }
                                }
                                if !q.general.get(lang).is_empty() {
                                    p { class: "muted", {q.general.get(lang).clone()} }
                                }
                            }
                        }
                    }
                }
                div { class: "row no-print",
                    for (which, header, rows) in tables {
                        button { key: "{which}", class: "btn small", "data-action": "export-class-csv", "data-table": "{which}",
                            onclick: move |_| {
                                let name = format!("sauga-class-{id}-{which}.csv");
                                class_exported.set(Some(save_csv(&ctx, &name, teacher::table_csv(&header, &rows))));
                            },
                            {ctx.t(&format!("teacher.csv_{which}"))}
                        }
                    }
                    button { class: "btn small", onclick: move |_| { let _ = document::eval("window.print()"); }, {ctx.t("teacher.print")} }
                }
                if let Some(m) = class_exported() {
                    p { class: "muted", "data-class-exported": "true", "{m}" }
                }
            }
        }
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

/// A class report as a table for CSV: its name (in the file name), header and rows.
type CsvTable = (&'static str, Vec<String>, Vec<Vec<String>>);

/// A horizontal bar (inline SVG, no script library).
#[component]
fn Bar(label: String, percent: f64, note: String) -> Element {
    let w = percent.clamp(0.0, 100.0);
    rsx! {
        div { class: "bar-row",
            span { class: "bar-label", "{label}" }
            svg { class: "bar-svg", view_box: "0 0 100 10", preserve_aspect_ratio: "none", role: "img", "aria-label": "{label}: {w:.0} %",
                rect { x: "0", y: "0", width: "100", height: "10", fill: "#e2e8e6" }
                rect { x: "0", y: "0", width: "{w}", height: "10", fill: "#0f766e" }
            }
            span { class: "bar-value", "{w:.0} % ({note})" }
        }
    }
}

/// The class's percent right per session, as a line (inline SVG).
#[component]
fn TrendChart(points: Vec<(String, f64)>) -> Element {
    let ctx = use_ctx();
    if points.is_empty() {
        return rsx! { p { class: "muted", {ctx.t("teacher.no_data")} } };
    }
    let n = points.len();
    // The plot runs from x 40 to 290 (the scale's labels sit left of it) and from
    // y 110 (0 %) up to 10 (100 %).
    let x = |i: usize| {
        if n == 1 {
            165.0
        } else {
            40.0 + 250.0 * i as f64 / (n - 1) as f64
        }
    };
    let y = |p: f64| 110.0 - p.clamp(0.0, 100.0);
    let line: String = points
        .iter()
        .enumerate()
        .map(|(i, (_, p))| format!("{:.1},{:.1}", x(i), y(*p)))
        .collect::<Vec<_>>()
        .join(" ");
    // Screen readers get the figures the picture shows.
    let label = format!(
        "{}: {}",
        ctx.t("teacher.trend"),
        points
            .iter()
            .map(|(d, p)| format!("{d} {p:.0} %"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    // Values are written over the points while they fit.
    let show_values = n <= 12;
    rsx! {
        svg { class: "trend", view_box: "0 0 300 125", role: "img", "aria-label": "{label}",
            text { x: "34", y: "113", text_anchor: "end", font_size: "11", fill: "#64748b", "0 %" }
            text { x: "34", y: "63", text_anchor: "end", font_size: "11", fill: "#64748b", "50 %" }
            text { x: "34", y: "13", text_anchor: "end", font_size: "11", fill: "#64748b", "100 %" }
            line { x1: "40", y1: "110", x2: "290", y2: "110", stroke: "#94a3b8" }
            line { x1: "40", y1: "60", x2: "290", y2: "60", stroke: "#e2e8e6" }
            line { x1: "40", y1: "10", x2: "290", y2: "10", stroke: "#e2e8e6" }
            polyline { points: "{line}", fill: "none", stroke: "#0f766e", stroke_width: "3" }
            for (i, (date, p)) in points.iter().enumerate() {
                g { key: "{i}",
                    circle { cx: "{x(i):.1}", cy: "{y(*p):.1}", r: "4", fill: "#0f766e",
                        title { "{date}: {p:.0} %" }
                    }
                    if show_values {
                        text { x: format!("{:.1}", x(i)), y: format!("{:.1}", y(*p) + if *p > 85.0 { 14.0 } else { -7.0 }), text_anchor: "middle", font_size: "10", fill: "#0f172a", "{p:.0}" }
                    }
                }
            }
        }
    }
}

#[component]
pub fn SessionView(id: i64) -> Element {
    let ctx = use_ctx();
    let mut pupil_choice = use_signal(|| None::<i64>);
    let mut code = use_signal(String::new);
    let mut message = use_signal(|| None::<(bool, String)>);
    let mut exported = use_signal(|| None::<String>);
    let mut shared_pupil = use_signal(|| None::<i64>);
    let mut handed = use_signal(|| false);
    if !(ctx.teacher_open)() {
        return rsx! { PinGate {} };
    }
    let lang = (ctx.lang)();
    let found = ctx.teacher_read(|t| {
        for c in t.classes()? {
            if let Some(s) = t.sessions(c.id)?.into_iter().find(|s| s.id == id) {
                return Ok(Some(s));
            }
        }
        Ok(None)
    });
    let Some(session) = found.ok().flatten() else {
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
    let session_for_codes = session.clone();
    let quiz_for_codes = quiz.clone();
    let pupils_for_codes = pupils.clone();
    let session_for_csv = session.clone();
    let pupils_for_csv = pupils.clone();
    let answers_for_csv = answers.clone();
    // While a pupil has the device, nothing but their own questions shows.
    let kiosk = shared_pupil().is_some() || handed();
    rsx! {
        if !kiosk {
            button { class: "back", onclick: move |_| ctx.go(Screen::Class(class_id)),
                Svg { icon: Icon::ArrowLeft }
                span { {ctx.t("teacher.back_to_class")} }
            }
        }
        h1 { "{title}" }
        p { class: "chip", "data-session-mode": session.mode.code(), {ctx.t(&format!("teacher.mode.{}", session.mode.code()))} }
        if !kiosk && !results.iter().any(|r| r.answered > 0) {
            QuestionPicker { session: session.clone(), quiz: quiz.clone() }
        }
        match session.mode {
            Mode::Codes => rsx! {
                form { class: "card stack", "data-entry": "codes",
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        let Some(pid) = pupil_choice() else {
                            message.set(Some((false, ctx.t("teacher.pick_pupil"))));
                            return;
                        };
                        let outcome = enter_code(&ctx, &session_for_codes, &quiz_for_codes, pid, &code());
                        let label = pupils_for_codes.iter().find(|p| p.id == pid).map(Pupil::label).unwrap_or_default();
                        match outcome {
                            Ok(Recorded::New) => {
                                message.set(Some((true, ctx.t_with("teacher.code_ok", &[("pupil", &label)]))));
                                code.set(String::new());
                            }
                            Ok(Recorded::Replaced) => {
                                message.set(Some((true, ctx.t_with("teacher.code_duplicate", &[("pupil", &label)]))));
                                code.set(String::new());
                            }
                            Err(m) => message.set(Some((false, m))),
                        }
                    },
                    label { span { {ctx.t("teacher.pupil")} }
                        select { "data-input": "pupil", onchange: move |e: FormEvent| pupil_choice.set(e.value().parse().ok()),
                            option { value: "", {ctx.t("teacher.pick_pupil")} }
                            for p in pupils.iter() {
                                option { key: "{p.id}", value: "{p.id}", selected: pupil_choice() == Some(p.id), "{p.label()}" }
                            }
                        }
                    }
                    label { span { {ctx.t("teacher.code")} }
                        input { class: "search code-input", "data-input": "code", autocomplete: "off", value: "{code}", oninput: move |e: FormEvent| code.set(e.value()) }
                    }
                    button { class: "btn primary", r#type: "submit", "data-action": "enter-code", {ctx.t("teacher.add_code")} }
                    if let Some((ok, m)) = message() {
                        p { class: if ok { "done-banner" } else { "error" }, role: "status", "data-code-result": if ok { "ok" } else { "refused" }, "{m}" }
                    }
                }
            },
            Mode::Tally => rsx! {
                section { class: "card", "data-entry": "tally",
                    p { class: "muted", {ctx.t("teacher.mode_help.tally")} }
                    for (qi, key) in session.questions.iter().enumerate() {
                        if let Some(q) = questions.get(key) {
                            TallyQuestion { key: "{key}", session_id: session.id, number: qi + 1, question: (*q).clone(),
                                counts: tallies.get(&(session.id, key.clone())).cloned().unwrap_or_default() }
                        }
                    }
                }
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
        if !kiosk {
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
                            Bar { label: format!("Q{}", i + 1), percent: r.percent(), note: format!("{}/{}", r.right, r.answered) }
                            p { class: "muted", {q.text.get(lang).clone()} }
                            if let Some((o, n)) = r.top_wrong {
                                if let Some(opt) = q.options.get(o) {
                                    p { class: "small", {ctx.t_with("teacher.top_wrong", &[("option", opt.text.get(lang)), ("n", &n.to_string())])} }
                                }
                            }
                        }
                    }
                }
                div { class: "row",
                    button { class: "btn", "data-action": "export-csv",
                        onclick: move |_| {
                            let csv = teacher::session_csv(&session_for_csv, &pupils_for_csv, &answers_for_csv,
                                &ctx.t("teacher.pupil"), &ctx.t("teacher.right"), "%");
                            let name = format!("sauga-session-{}.csv", session_for_csv.id);
                            exported.set(Some(save_csv(&ctx, &name, csv)));
                        },
                        {ctx.t("teacher.export_csv")}
                    }
                    button { class: "btn", onclick: move |_| { let _ = document::eval("window.print()"); }, {ctx.t("teacher.print")} }
                }
                if let Some(m) = exported() {
                    p { class: "muted", "data-exported": "true", "{m}" }
                }
            }
        }
    }
}

/// Reads a typed result code and records it for the pupil.
fn enter_code(
    ctx: &Ctx,
    session: &Session,
    quiz: &Quiz,
    pupil_id: i64,
    code: &str,
) -> Result<Recorded, String> {
    let decoded = resultcode::decode(code, &quiz.id, session.quiz_version, &quiz.slots()).map_err(
        |e| match e {
            CodeError::OtherQuiz => ctx.t("teacher.code_other_quiz"),
            CodeError::OtherVersion => ctx.t("teacher.code_other_version"),
            _ => ctx.t("teacher.code_mistyped"),
        },
    )?;
    let rows: Vec<(String, BTreeSet<usize>, bool)> = quiz
        .questions
        .iter()
        .zip(&decoded.answers)
        .filter(|(q, _)| session.questions.contains(&q.key()))
        .map(|(q, a)| {
            let chosen: BTreeSet<usize> = a.iter().map(|&i| usize::from(i)).collect();
            let right = q.is_right(&chosen);
            (q.key(), chosen, right)
        })
        .collect();
    ctx.teacher_write(|t| t.record_answers(session.id, pupil_id, &rows))
        .map_err(|e| e.to_string())
}

#[component]
fn TallyQuestion(session_id: i64, number: usize, question: Question, counts: Vec<u32>) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let n = question.options.len();
    let mut values = use_signal(|| {
        (0..n)
            .map(|i| counts.get(i).copied().unwrap_or(0))
            .collect::<Vec<u32>>()
    });
    let mut saved = use_signal(|| false);
    let key = question.key();
    rsx! {
        div { class: "tally", "data-tally": "{key}",
            p { strong { "Q{number}. " } {question.text.get(lang).clone()} }
            if question.correct_set().len() > 1 {
                p { class: "muted small", "data-tally-ticks": "true", {ctx.t("teacher.tally_multiple")} }
            }
            for (i, o) in question.options.iter().enumerate() {
                label { key: "{i}", class: "tally-row",
                    span { if o.correct { "✓ " } {o.text.get(lang).clone()} }
                    input { r#type: "number", min: "0", max: "99", class: "tally-input", "data-tally-option": "{i}",
                        value: "{values()[i]}",
                        oninput: move |e: FormEvent| {
                            values.write()[i] = e.value().parse().unwrap_or(0);
                            saved.set(false);
                        }
                    }
                }
            }
            button { class: "btn small", "data-action": "save-tally",
                onclick: move |_| {
                    if ctx.teacher_write(|t| t.record_tally(session_id, &key, &values())).is_ok() {
                        saved.set(true);
                    }
                },
                if saved() { {ctx.t("save.saved")} } else { {ctx.t("teacher.save")} }
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

/// One option being edited.
#[derive(Clone, Debug, PartialEq, Default)]
struct DraftOption {
    text: String,
    correct: bool,
    feedback: String,
}

/// One question being edited in the form.
#[derive(Clone, Debug, PartialEq)]
struct Draft {
    kind: crate::gift::GiftKind,
    /// An optional situation before a one-answer question (a scenario question).
    situation: String,
    text: String,
    options: Vec<DraftOption>,
    /// For true/false: whether the statement is true, and the two feedbacks.
    statement_true: bool,
    feedback_right: String,
    feedback_wrong: String,
    /// Shown after any answer (GIFT's general feedback, `####`).
    general: String,
}

impl Draft {
    fn new(kind: crate::gift::GiftKind) -> Draft {
        Draft {
            kind,
            situation: String::new(),
            text: String::new(),
            options: vec![DraftOption::default(), DraftOption::default()],
            statement_true: true,
            feedback_right: String::new(),
            feedback_wrong: String::new(),
            general: String::new(),
        }
    }
}

fn some(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

/// The form's questions as GIFT, or what is wrong (question number and the problem).
fn drafts_to_gift(ctx: &Ctx, drafts: &[Draft]) -> Result<Vec<crate::gift::GiftQuestion>, String> {
    use crate::gift::{GiftAnswer, GiftKind, GiftQuestion};
    if drafts.is_empty() {
        return Err(ctx.t("teacher.form_empty"));
    }
    let mut out = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let n = (i + 1).to_string();
        let fail = |key: &str| Err(ctx.t_with(key, &[("n", &n)]));
        if d.text.trim().is_empty() {
            return fail("teacher.form_no_text");
        }
        let question = match d.kind {
            GiftKind::TrueFalse => GiftQuestion {
                title: None,
                text: d.text.trim().to_string(),
                kind: GiftKind::TrueFalse,
                answers: Vec::new(),
                true_false: Some((
                    d.statement_true,
                    some(&d.feedback_wrong),
                    some(&d.feedback_right),
                )),
                general: some(&d.general),
            },
            kind => {
                let options: Vec<&DraftOption> = d
                    .options
                    .iter()
                    .filter(|o| !o.text.trim().is_empty())
                    .collect();
                let right = options.iter().filter(|o| o.correct).count();
                if options.len() < 2 {
                    return fail("teacher.form_two_options");
                }
                if (kind == GiftKind::Single && right != 1) || right == 0 {
                    return fail("teacher.form_right_options");
                }
                let wrong = options.len() - right;
                let answers = options
                    .iter()
                    .map(|o| GiftAnswer {
                        text: o.text.trim().to_string(),
                        weight: crate::gift::weight(kind, o.correct, right, wrong),
                        feedback: some(&o.feedback),
                    })
                    .collect();
                let text = if kind == GiftKind::Single {
                    crate::quiz::join_scenario(&d.situation, &d.text)
                } else {
                    d.text.trim().to_string()
                };
                GiftQuestion {
                    title: None,
                    text,
                    kind,
                    answers,
                    true_false: None,
                    general: some(&d.general),
                }
            }
        };
        out.push(question);
    }
    Ok(out)
}

fn gift_to_drafts(questions: &[crate::gift::GiftQuestion]) -> Vec<Draft> {
    use crate::gift::GiftKind;
    questions
        .iter()
        .map(|q| {
            let mut d = Draft::new(q.kind);
            d.text = q.text.clone();
            d.general = q.general.clone().unwrap_or_default();
            if q.kind == GiftKind::Single {
                if let Some((situation, question)) = crate::quiz::split_scenario(&q.text) {
                    d.situation = situation.to_string();
                    d.text = question.to_string();
                }
            }
            if q.kind == GiftKind::TrueFalse {
                let (value, wrong, right) = q.true_false.clone().unwrap_or((true, None, None));
                d.statement_true = value;
                d.feedback_wrong = wrong.unwrap_or_default();
                d.feedback_right = right.unwrap_or_default();
            } else {
                d.options = q
                    .answers
                    .iter()
                    .map(|a| DraftOption {
                        text: a.text.clone(),
                        correct: a.weight > 0.0,
                        feedback: a.feedback.clone().unwrap_or_default(),
                    })
                    .collect();
            }
            d
        })
        .collect()
}

/// The question form: the same kinds as the built-in quizzes (single, multiple,
/// true/false), each option with its feedback. Saved as GIFT.
#[component]
fn OwnQuizForm(
    id: Option<i64>,
    title: String,
    drafts: Vec<Draft>,
    on_close: EventHandler<()>,
) -> Element {
    use crate::gift::GiftKind;
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut title = use_signal(|| title);
    let mut drafts = use_signal(|| drafts);
    let mut problem = use_signal(|| None::<String>);
    let kinds = [
        (GiftKind::Single, "teacher.kind.single"),
        (GiftKind::Multiple, "teacher.kind.multiple"),
        (GiftKind::TrueFalse, "teacher.kind.true_false"),
    ];
    rsx! {
        div { class: "stack own-form", "data-form": "own-quiz",
            label { span { {ctx.t("teacher.quiz_title")} }
                input { class: "search", "data-input": "form-title", value: "{title}", oninput: move |e: FormEvent| title.set(e.value()) }
            }
            for (qi, d) in drafts().into_iter().enumerate() {
                fieldset { key: "{qi}", class: "card draft", "data-draft": "{qi}",
                    legend { {ctx.t_with("teacher.form_question", &[("n", &(qi + 1).to_string())])} }
                    select { "aria-label": ctx.t("teacher.form_kind"), "data-input": "draft-kind",
                        onchange: move |e: FormEvent| {
                            let kind = match e.value().as_str() { "multiple" => GiftKind::Multiple, "true-false" => GiftKind::TrueFalse, _ => GiftKind::Single };
                            drafts.write()[qi].kind = kind;
                        },
                        for (k, key) in kinds {
                            option {
                                value: match k { GiftKind::Single => "single", GiftKind::Multiple => "multiple", GiftKind::TrueFalse => "true-false" },
                                selected: k == d.kind,
                                {ctx.t(key)}
                            }
                        }
                    }
                    if d.kind == GiftKind::Single {
                        textarea { class: "search", rows: "2", "aria-label": ctx.t("teacher.form_situation"), placeholder: ctx.t("teacher.form_situation"),
                            "data-input": "draft-situation", value: "{d.situation}", oninput: move |e: FormEvent| drafts.write()[qi].situation = e.value() }
                    }
                    textarea { class: "search", rows: "2", "aria-label": ctx.t("teacher.form_text"), placeholder: ctx.t("teacher.form_text"),
                        "data-input": "draft-text", value: "{d.text}", oninput: move |e: FormEvent| drafts.write()[qi].text = e.value() }
                    if d.kind == GiftKind::TrueFalse {
                        label { class: "switch",
                            input { r#type: "checkbox", checked: d.statement_true, onchange: move |e: FormEvent| drafts.write()[qi].statement_true = e.checked() }
                            span { {ctx.t("teacher.form_true")} }
                        }
                        input { class: "search", placeholder: ctx.t("teacher.form_feedback_right"), "aria-label": ctx.t("teacher.form_feedback_right"),
                            value: "{d.feedback_right}", oninput: move |e: FormEvent| drafts.write()[qi].feedback_right = e.value() }
                        input { class: "search", placeholder: ctx.t("teacher.form_feedback_wrong"), "aria-label": ctx.t("teacher.form_feedback_wrong"),
                            value: "{d.feedback_wrong}", oninput: move |e: FormEvent| drafts.write()[qi].feedback_wrong = e.value() }
                    } else {
                        for (oi, o) in d.options.iter().enumerate() {
                            div { key: "{oi}", class: "draft-option", "data-draft-option": "{oi}",
                                label { class: "switch",
                                    input { r#type: "checkbox", checked: o.correct, "aria-label": ctx.t("teacher.form_right"), "data-input": "option-right",
                                        onchange: move |e: FormEvent| {
                                            let mut all = drafts.write();
                                            let single = all[qi].kind == GiftKind::Single;
                                            for (j, opt) in all[qi].options.iter_mut().enumerate() {
                                                if j == oi {
                                                    opt.correct = e.checked();
                                                } else if single && e.checked() {
                                                    opt.correct = false;
                                                }
                                            }
                                        } }
                                    span { {ctx.t("teacher.form_right")} }
                                }
                                input { class: "search", placeholder: ctx.t("teacher.form_option"), "aria-label": ctx.t("teacher.form_option"), "data-input": "option-text",
                                    value: "{o.text}", oninput: move |e: FormEvent| drafts.write()[qi].options[oi].text = e.value() }
                                input { class: "search", placeholder: ctx.t("teacher.form_feedback"), "aria-label": ctx.t("teacher.form_feedback"), "data-input": "option-feedback",
                                    value: "{o.feedback}", oninput: move |e: FormEvent| drafts.write()[qi].options[oi].feedback = e.value() }
                            }
                        }
                        if d.options.len() < crate::quiz::MAX_OPTIONS {
                            button { class: "btn small", onclick: move |_| drafts.write()[qi].options.push(DraftOption::default()), {ctx.t("teacher.form_add_option")} }
                        }
                    }
                    textarea { class: "search", rows: "2", "aria-label": ctx.t("teacher.form_general"), placeholder: ctx.t("teacher.form_general"),
                        "data-input": "draft-general", value: "{d.general}", oninput: move |e: FormEvent| drafts.write()[qi].general = e.value() }
                    button { class: "btn small", onclick: move |_| { drafts.write().remove(qi); }, {ctx.t("teacher.remove")} }
                }
            }
            div { class: "row",
                button { class: "btn", "data-action": "form-add-question", onclick: move |_| drafts.write().push(Draft::new(GiftKind::Single)), {ctx.t("teacher.form_add_question")} }
            }
            if let Some(p) = problem() {
                p { class: "error", role: "alert", "data-form-problem": "true", "{p}" }
            }
            div { class: "row",
                button { class: "btn primary", "data-action": "form-save",
                    onclick: move |_| {
                        match drafts_to_gift(&ctx, &drafts()) {
                            Err(p) => problem.set(Some(p)),
                            Ok(questions) => {
                                let gift = crate::gift::write(&questions);
                                match ctx.teacher_write(|t| Ok(t.save_own_quiz(id, &title(), lang, &gift, platform::now_unix()))) {
                                    Ok(Ok(_)) => on_close.call(()),
                                    Ok(Err(errors)) => problem.set(Some(errors.iter().map(|e| e.to_string()).collect::<Vec<_>>().join("; "))),
                                    Err(e) => problem.set(Some(e.to_string())),
                                }
                            }
                        }
                    },
                    {ctx.t("teacher.save")}
                }
                button { class: "btn", onclick: move |_| on_close.call(()), {ctx.t("settings.cancel")} }
            }
        }
    }
}

/// Topics as the report lists them: the weakest first (where to reteach), then by
/// name; each with its name, percent right, right and answered.
fn topics_weakest_first(
    ctx: &Ctx,
    topics: &BTreeMap<String, (u32, u32)>,
) -> Vec<(String, String, f64, u32, u32)> {
    let mut rows: Vec<(String, String, f64, u32, u32)> = topics
        .iter()
        .map(|(tag, &(r, n))| {
            let pct = f64::from(r) * 100.0 / f64::from(n.max(1));
            (tag.clone(), topic_name(ctx, tag), pct, r, n)
        })
        .collect();
    rows.sort_by(|a, b| a.2.total_cmp(&b.2).then_with(|| a.1.cmp(&b.1)));
    rows
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
