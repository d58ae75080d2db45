//! Backing up teacher data to a file and restoring it, all or nothing.

use dioxus::prelude::*;

use super::*;
use crate::platform;
use crate::teacher::{RestoreError, Summary};
use crate::ui::state::{use_ctx, Ctx};

/// Why a backup cannot be restored, in the teacher's language and plain words.
fn restore_problem(ctx: &Ctx, e: &RestoreError) -> String {
    match e {
        RestoreError::NotJson { line, column, .. } if *line > 0 => ctx.t_with(
            "teacher.restore_not_json",
            &[("line", &line.to_string()), ("column", &column.to_string())],
        ),
        RestoreError::NotJson { .. } | RestoreError::NotABackup => {
            ctx.t("teacher.restore_not_backup")
        }
        RestoreError::TooNew(_) => ctx.t("teacher.restore_too_new"),
        RestoreError::Invalid { class, problem, .. } => ctx.t_with(
            "teacher.restore_invalid",
            &[
                ("class", class),
                (
                    "what",
                    &ctx.t(&format!("teacher.backup_problem.{}", problem.code())),
                ),
            ],
        ),
        RestoreError::Storage(why) => ctx.t_with("teacher.restore_storage", &[("why", why)]),
    }
}

/// What a backup holds, in a sentence: classes (the first few named), pupils,
/// sessions, own quizzes.
fn summary_text(ctx: &Ctx, s: &Summary) -> String {
    let mut names = s
        .classes
        .iter()
        .take(5)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if s.classes.len() > 5 {
        names.push_str(", …");
    }
    if names.is_empty() {
        names.push('—');
    }
    ctx.t_with(
        "teacher.backup_summary",
        &[
            ("classes", &s.classes.len().to_string()),
            ("names", &names),
            ("pupils", &s.pupils.to_string()),
            ("sessions", &s.sessions.to_string()),
            ("quizzes", &s.own_quizzes.to_string()),
        ],
    )
}

/// Back up all teacher data to one file, and restore it (all or nothing).
#[component]
pub(super) fn BackupCard() -> Element {
    let ctx = use_ctx();
    let mut message = use_signal(|| None::<(bool, String)>);
    // A checked backup waiting for the teacher's yes: its text, what it holds, and
    // what is here now (which it would replace).
    let mut confirm = use_signal(|| None::<(String, Summary, Summary)>);
    let mut consider = move |text: Result<String, String>| match text {
        Ok(text) => match crate::teacher::check_backup(&text) {
            Ok(b) => {
                let here = ctx
                    .teacher_read(|t| t.backup())
                    .ok()
                    .and_then(|json| crate::teacher::check_backup(&json).ok())
                    .map(|b| b.summary())
                    .unwrap_or_default();
                message.set(None);
                confirm.set(Some((text, b.summary(), here)));
            }
            Err(err) => {
                confirm.set(None);
                message.set(Some((
                    false,
                    ctx.t_with(
                        "teacher.restore_refused",
                        &[("why", &restore_problem(&ctx, &err))],
                    ),
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
    let autos = use_resource(move || async move {
        let _ = (ctx.teacher_rev)();
        platform::auto_backups().await
    });
    let autos = autos.read().clone().unwrap_or_default();
    let auto_count = autos.len();
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
            if auto_count > 0 {
                div { class: "stack", "data-auto-backups": "{auto_count}",
                    h3 { {ctx.t_with("teacher.auto_backups", &[("n", &platform::AUTO_BACKUPS.to_string())])} }
                    p { class: "muted small", {ctx.t("teacher.auto_backups_text")} }
                    ul { class: "page-list",
                        for a in autos.into_iter() {
                            li { key: "{a.name}",
                                button { class: "page-link", "data-restore-auto": "{a.reason}",
                                    onclick: move |_| {
                                        let name = a.name.clone();
                                        async move { consider(platform::read_auto_backup(&name).await) }
                                    },
                                    span { class: "page-title",
                                        span { class: "session-date", "{crate::dates::Date::from_unix(a.taken_at)}" }
                                        {ctx.t(&format!("teacher.auto_reason.{}", a.reason))}
                                    }
                                }
                            }
                        }
                    }
                }
            }
            if let Some((text, file, here)) = confirm() {
                div { class: "confirm stack", role: "alert", "data-restore-ask": "true",
                    p { "data-restore-file-holds": "true", {ctx.t_with("teacher.restore_file_holds", &[("what", &summary_text(&ctx, &file))])} }
                    p { strong { "data-restore-replaces": "true", {ctx.t_with("teacher.restore_replaces", &[("what", &summary_text(&ctx, &here))])} } }
                    p { class: "small", {ctx.t("teacher.restore_kept_first")} }
                    div { class: "row",
                        button { class: "btn", "data-action": "restore-cancel", onclick: move |_| confirm.set(None), {ctx.t("settings.cancel")} }
                        button { class: "btn danger", "data-action": "restore-confirm",
                            onclick: move |_| {
                                // What is here now is kept first, so a restore can be undone.
                                ctx.auto_backup("restore");
                                let result = ctx.teacher_write(|t| Ok(t.restore(&text)));
                                confirm.set(None);
                                message.set(Some(match result {
                                    Ok(Ok(n)) => (true, ctx.t_with("teacher.restored", &[("n", &n.to_string())])),
                                    Ok(Err(e)) => (false, ctx.t_with("teacher.restore_refused", &[("why", &restore_problem(&ctx, &e))])),
                                    Err(e) => (false, e.to_string()),
                                }));
                            },
                            {ctx.t("teacher.restore_confirm")}
                        }
                    }
                }
            }
            if let Some((ok, m)) = message() {
                p { class: if ok { "done-banner" } else { "error" }, role: "status", "data-backup-result": if ok { "ok" } else { "refused" }, "{m}" }
            }
        }
    }
}
