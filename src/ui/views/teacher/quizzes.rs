//! A teacher's own quizzes: the list, the question form, GIFT import and export.

use dioxus::prelude::*;

use super::*;
use crate::platform;
use crate::teacher::{self, Draft, FormError};

use crate::ui::state::{use_ctx, Ctx};

/// Import errors listed on screen; the rest are counted.
const SHOWN_ERRORS: usize = 50;

/// A GIFT problem as the teacher reads it: its kind in the screen's language, with its
/// line where it has one (the English detail stays in the error for logs).
fn gift_problem(ctx: &Ctx, e: &crate::gift::GiftError) -> String {
    let what = ctx.t(&format!("gift.problem.{}", e.kind.code()));
    if e.line == 0 {
        what
    } else {
        ctx.t_with(
            "gift.on_line",
            &[("line", &e.line.to_string()), ("what", &what)],
        )
    }
}

/// The teacher's own quizzes: written or pasted as Moodle GIFT, imported from a GIFT
/// file, exported to one; and any built-in quiz exported to GIFT for Moodle.
#[component]
pub(super) fn OwnQuizzes() -> Element {
    let ctx = use_ctx();
    let own = ctx.teacher_read(|t| t.own_quizzes()).unwrap_or_default();
    let mut editing = use_signal(|| None::<(Option<i64>, String, String)>);
    let mut form = use_signal(|| None::<(Option<i64>, String, Vec<Draft>)>);
    let mut errors = use_signal(Vec::<String>::new);
    let mut note = use_signal(|| None::<String>);
    let mut export_choice = use_signal(|| {
        ctx.catalog()
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
        Ok(Err(list)) => errors.set(list.iter().map(|e| gift_problem(&ctx, e)).collect()),
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
                                            let drafts = crate::gift::parse(&form_q.gift).map(|g| teacher::gift_to_drafts(&g)).unwrap_or_default();
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
                    // A broken file can hold a million errors: the first few say enough.
                    ul {
                        for e in errors().iter().take(SHOWN_ERRORS) { li { "{e}" } }
                        if errors().len() > SHOWN_ERRORS {
                            li { "data-more-errors": "{errors().len() - SHOWN_ERRORS}",
                                {ctx.t_with("teacher.more_errors", &[("n", &(errors().len() - SHOWN_ERRORS).to_string())])}
                            }
                        }
                    }
                }
            }
            h3 { id: "export-builtin-title", {ctx.t("teacher.export_builtin")} }
            div { class: "row",
                select { "data-input": "export-quiz", "aria-labelledby": "export-builtin-title", onchange: move |e: FormEvent| export_choice.set(e.value()),
                    for q in ctx.catalog().quizzes.iter().chain(ctx.catalog().final_quiz.iter()) {
                        option { key: "{q.id}", value: "{q.id}", selected: q.id == export_choice(), {quiz_title(&ctx, q)} }
                    }
                }
                button { class: "btn", "data-action": "export-builtin",
                    onclick: move |_| {
                        if let Some(q) = ctx.catalog().quiz(&export_choice()) {
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
    // The form's problems, listed at its top (GOV.UK's error summary); `saving` is a
    // problem the storage gave (the form itself was fine).
    let mut problems = use_signal(Vec::<FormError>::new);
    let mut saving = use_signal(|| None::<String>);
    let kinds = [
        (GiftKind::Single, "teacher.kind.single"),
        (GiftKind::Multiple, "teacher.kind.multiple"),
        (GiftKind::TrueFalse, "teacher.kind.true_false"),
    ];
    // The summary takes the focus when it appears, so a screen reader reads it.
    use_effect(move || {
        if !problems().is_empty() || saving().is_some() {
            crate::ui::js::focus("[data-form-problem]");
        }
    });
    let has_problem = |qi: usize| problems().iter().any(|p| p.question() == Some(qi + 1));
    rsx! {
        div { class: "stack own-form", "data-form": "own-quiz",
            if !problems().is_empty() || saving().is_some() {
                div { class: "error-summary", role: "alert", tabindex: "-1", "data-form-problem": "true",
                    h2 { {ctx.t("teacher.form_problems_title")} }
                    ul {
                        for (i, p) in problems().into_iter().enumerate() {
                            li { key: "{i}",
                                if let Some(n) = p.question() {
                                    button { class: "inline-link", r#type: "button", "data-problem-question": "{n}",
                                        onclick: move |_| crate::ui::js::focus(&format!("[data-draft=\"{}\"] [data-input=draft-text]", n - 1)),
                                        {form_error(&ctx, p)}
                                    }
                                } else {
                                    {form_error(&ctx, p)}
                                }
                            }
                        }
                        if let Some(m) = saving() {
                            li { "{m}" }
                        }
                    }
                }
            }
            label { span { {ctx.t("teacher.quiz_title")} }
                input { class: "search", "data-input": "form-title", value: "{title}", oninput: move |e: FormEvent| title.set(e.value()) }
            }
            for (qi, d) in drafts().into_iter().enumerate() {
                fieldset { key: "{qi}", class: if has_problem(qi) { "card draft has-problem" } else { "card draft" }, "data-draft": "{qi}",
                    legend { {ctx.t_with("teacher.form_question", &[("n", &(qi + 1).to_string())])} }
                    label { class: "field",
                        span { {ctx.t("teacher.form_kind")} }
                        select { class: "wide-select", "data-input": "draft-kind",
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
                    }
                    if d.kind == GiftKind::Single {
                        label { class: "field",
                            span { {ctx.t("teacher.form_situation")} }
                            textarea { class: "search", rows: "2", "data-input": "draft-situation", value: "{d.situation}",
                                oninput: move |e: FormEvent| drafts.write()[qi].situation = e.value() }
                        }
                    }
                    label { class: "field",
                        span { {ctx.t("teacher.form_text")} }
                        textarea { class: "search", rows: "2", "data-input": "draft-text", value: "{d.text}",
                            oninput: move |e: FormEvent| drafts.write()[qi].text = e.value() }
                    }
                    if d.kind == GiftKind::TrueFalse {
                        label { class: "switch",
                            input { r#type: "checkbox", checked: d.statement_true, onchange: move |e: FormEvent| drafts.write()[qi].statement_true = e.checked() }
                            span { {ctx.t("teacher.form_true")} }
                        }
                        label { class: "field",
                            span { {ctx.t("teacher.form_feedback_right")} }
                            textarea { class: "search", rows: "2", value: "{d.feedback_right}", oninput: move |e: FormEvent| drafts.write()[qi].feedback_right = e.value() }
                        }
                        label { class: "field",
                            span { {ctx.t("teacher.form_feedback_wrong")} }
                            textarea { class: "search", rows: "2", value: "{d.feedback_wrong}", oninput: move |e: FormEvent| drafts.write()[qi].feedback_wrong = e.value() }
                        }
                    } else {
                        for (oi, o) in d.options.iter().enumerate() {
                            fieldset { key: "{oi}", class: "draft-option", "data-draft-option": "{oi}",
                                legend { {ctx.t_with("teacher.form_answer_n", &[("n", &(oi + 1).to_string())])} }
                                label { class: "field",
                                    span { {ctx.t("teacher.form_option_text")} }
                                    textarea { class: "search", rows: "2", "data-input": "option-text", value: "{o.text}",
                                        oninput: move |e: FormEvent| drafts.write()[qi].options[oi].text = e.value() }
                                }
                                label { class: "switch",
                                    input { r#type: "checkbox", checked: o.correct, "data-input": "option-right",
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
                                label { class: "field",
                                    span { {ctx.t("teacher.form_feedback")} }
                                    textarea { class: "search", rows: "2", "data-input": "option-feedback", value: "{o.feedback}",
                                        oninput: move |e: FormEvent| drafts.write()[qi].options[oi].feedback = e.value() }
                                }
                            }
                        }
                        if d.options.len() < crate::quiz::MAX_OPTIONS {
                            button { class: "btn small", onclick: move |_| drafts.write()[qi].options.push(teacher::DraftOption::default()), {ctx.t("teacher.form_add_option")} }
                        }
                    }
                    label { class: "field",
                        span { {ctx.t("teacher.form_general")} }
                        textarea { class: "search", rows: "2", "data-input": "draft-general", value: "{d.general}",
                            oninput: move |e: FormEvent| drafts.write()[qi].general = e.value() }
                    }
                    button { class: "btn small", onclick: move |_| { drafts.write().remove(qi); }, {ctx.t("teacher.remove")} }
                }
            }
            div { class: "row",
                button { class: "btn", "data-action": "form-add-question", onclick: move |_| drafts.write().push(Draft::new(GiftKind::Single)), {ctx.t("teacher.form_add_question")} }
            }
            div { class: "row",
                button { class: "btn primary", "data-action": "form-save",
                    onclick: move |_| {
                        saving.set(None);
                        let found = teacher::form_problems(&drafts());
                        if !found.is_empty() {
                            problems.set(found);
                            return;
                        }
                        problems.set(Vec::new());
                        match teacher::drafts_to_gift(&drafts()) {
                            Err(e) => problems.set(vec![e]),
                            Ok(questions) => {
                                let gift = crate::gift::write(&questions);
                                match ctx.teacher_write(|t| Ok(t.save_own_quiz(id, &title(), lang, &gift, platform::now_unix()))) {
                                    Ok(Ok(_)) => on_close.call(()),
                                    Ok(Err(errors)) => saving.set(Some(errors.iter().map(|e| gift_problem(&ctx, e)).collect::<Vec<_>>().join(" "))),
                                    Err(e) => saving.set(Some(e.to_string())),
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

/// What the form says when it cannot make GIFT of the questions.
fn form_error(ctx: &Ctx, e: FormError) -> String {
    let (key, question) = match e {
        FormError::Empty => return ctx.t("teacher.form_empty"),
        FormError::NoText(n) => ("teacher.form_no_text", n),
        FormError::TwoOptions(n) => ("teacher.form_two_options", n),
        FormError::RightOptions(n) => ("teacher.form_right_options", n),
    };
    ctx.t_with(key, &[("n", &question.to_string())])
}
