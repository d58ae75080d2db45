//! Discreet use: the lock screen, the first-run note, the privacy settings, and the
//! neutral calculator shown after a quick exit on desktop and mobile.

use dioxus::prelude::*;

use crate::passcode::{PasscodeError, MIN_LEN};
use crate::ui::state::{use_ctx, LOCK_CHOICES};

#[component]
pub fn LockScreen() -> Element {
    let ctx = use_ctx();
    let mut entry = use_signal(String::new);
    let mut wrong = use_signal(|| None::<String>);
    let mut forgot = use_signal(|| false);
    let mut teacher_code = use_signal(String::new);
    let mut teacher_problem = use_signal(|| None::<String>);
    let has_teacher_pin = ctx.teacher_read(|t| t.has_pin()).unwrap_or(false);
    let mut try_unlock = move || {
        wrong.set(ctx.unlock(&entry()).err());
        entry.set(String::new());
    };
    rsx! {
        section { class: "card lock", "data-locked": "true",
            h1 { {ctx.t("lock.title")} }
            form {
                onsubmit: move |e: FormEvent| {
                    e.prevent_default();
                    try_unlock();
                },
                input {
                    class: "passcode",
                    r#type: "password",
                    inputmode: "numeric",
                    autocomplete: "off",
                    "aria-label": ctx.t("lock.title"),
                    "data-input": "unlock",
                    value: "{entry}",
                    oninput: move |e: FormEvent| entry.set(e.value()),
                }
                button { class: "btn primary wide", r#type: "submit", "data-action": "unlock", {ctx.t("lock.open")} }
            }
            if let Some(m) = wrong() {
                p { class: "error", role: "alert", "{m}" }
            }
            if forgot() {
                p { class: "muted", {ctx.t("lock.forgot_explain")} }
                button { class: "btn danger", "data-action": "erase", onclick: move |_| ctx.erase_pupil_data(), {ctx.t("lock.erase")} }
                if has_teacher_pin {
                    // Teacher data is the teacher's: a forgotten app passcode cannot erase it.
                    p { class: "muted", "data-teacher-kept": "true", {ctx.t("lock.teacher_kept")} }
                    form { class: "stack",
                        onsubmit: move |e: FormEvent| {
                            e.prevent_default();
                            let code = teacher_code();
                            teacher_code.set(String::new());
                            teacher_problem.set(ctx.erase_everything(&code).err());
                        },
                        label {
                            span { {ctx.t("lock.erase_teacher")} }
                            input { class: "passcode", r#type: "password", autocomplete: "off", "data-input": "erase-teacher-code",
                                value: "{teacher_code}", oninput: move |e: FormEvent| teacher_code.set(e.value()) }
                        }
                        button { class: "btn danger", r#type: "submit", "data-action": "erase-all", {ctx.t("lock.erase_all")} }
                    }
                    if let Some(m) = teacher_problem() {
                        p { class: "error", role: "alert", "{m}" }
                    }
                }
            } else {
                button { class: "linklike", onclick: move |_| forgot.set(true), {ctx.t("lock.forgot")} }
            }
        }
    }
}

/// Shown once, on first run: others may see this device; quick exit and passcode.
#[component]
pub fn Intro() -> Element {
    let ctx = use_ctx();
    rsx! {
        div { class: "overlay intro-overlay", role: "dialog", "aria-modal": "true", "aria-labelledby": "intro-title",
            section { class: "card intro",
                h2 { id: "intro-title", {ctx.t("intro.title")} }
                p { {ctx.t("intro.shared")} }
                p { {ctx.t("intro.exit")} }
                p { {ctx.t("intro.passcode")} }
                button { class: "btn primary wide", "data-action": "intro-ok", onclick: move |_| ctx.dismiss_intro(), {ctx.t("intro.ok")} }
            }
        }
    }
}

/// The Privacy card in Settings.
#[component]
pub fn PrivacySettings() -> Element {
    let ctx = use_ctx();
    let mut first = use_signal(String::new);
    let mut second = use_signal(String::new);
    let mut message = use_signal(|| None::<String>);
    let has = (ctx.has_passcode)();
    let lock_after = (ctx.lock_after)();
    rsx! {
        section { class: "card", "data-card": "privacy",
            h2 { {ctx.t("privacy.title")} }
            label { class: "switch",
                input {
                    r#type: "checkbox",
                    "data-setting": "neutral-title",
                    checked: (ctx.neutral_title)(),
                    onchange: move |e: FormEvent| ctx.set_neutral_title(e.checked()),
                }
                span { {ctx.t("privacy.neutral_title")} }
            }
            p { class: "muted small", "data-installed-name": "true", {ctx.t("privacy.installed_name")} }
            h3 { {ctx.t("privacy.passcode")} }
            p { class: "muted", {ctx.t("privacy.passcode_explain")} }
            p { class: "muted", "data-protects": "screens", {ctx.t("privacy.protects")} }
            if has {
                p { class: "done-banner", "data-passcode": "on", {ctx.t("privacy.passcode_on")} }
                label {
                    span { {ctx.t("privacy.lock_after")} }
                    select {
                        "data-setting": "lock-after",
                        onchange: move |e: FormEvent| {
                            if let Ok(m) = e.value().parse() {
                                ctx.set_lock_after(m);
                            }
                        },
                        for m in LOCK_CHOICES {
                            option {
                                value: "{m}",
                                selected: m == lock_after,
                                if m == 0 { {ctx.t("privacy.never")} } else { {ctx.t_with("privacy.minutes", &[("n", &m.to_string())])} }
                            }
                        }
                    }
                }
                div { class: "row",
                    button { class: "btn", "data-action": "lock-now", onclick: move |_| ctx.lock(), {ctx.t("privacy.lock_now")} }
                    button { class: "btn", "data-action": "remove-passcode", onclick: move |_| ctx.remove_passcode(), {ctx.t("privacy.remove_passcode")} }
                }
            } else {
                form {
                    class: "stack",
                    onsubmit: move |e: FormEvent| {
                        e.prevent_default();
                        let (a, b) = (first(), second());
                        if a.chars().count() < MIN_LEN {
                            message.set(Some(ctx.t("privacy.too_short")));
                        } else if a != b {
                            message.set(Some(ctx.t("privacy.mismatch")));
                        } else {
                            match ctx.set_passcode(&a) {
                                Ok(()) => message.set(None),
                                Err(PasscodeError::TooShort) => message.set(Some(ctx.t("privacy.too_short"))),
                                Err(e) => message.set(Some(e.to_string())),
                            }
                            first.set(String::new());
                            second.set(String::new());
                        }
                    },
                    input {
                        class: "passcode",
                        r#type: "password",
                        inputmode: "numeric",
                        autocomplete: "new-password",
                        placeholder: ctx.t("privacy.new_passcode"),
                        "aria-label": ctx.t("privacy.new_passcode"),
                        "data-input": "new-passcode",
                        value: "{first}",
                        oninput: move |e: FormEvent| first.set(e.value()),
                    }
                    input {
                        class: "passcode",
                        r#type: "password",
                        inputmode: "numeric",
                        autocomplete: "new-password",
                        placeholder: ctx.t("privacy.repeat_passcode"),
                        "aria-label": ctx.t("privacy.repeat_passcode"),
                        "data-input": "repeat-passcode",
                        value: "{second}",
                        oninput: move |e: FormEvent| second.set(e.value()),
                    }
                    button { class: "btn primary", r#type: "submit", "data-action": "set-passcode", {ctx.t("privacy.set_passcode")} }
                }
                if let Some(m) = message() {
                    p { class: "error", role: "alert", "{m}" }
                }
            }
        }
    }
}

/// A plain working calculator: what desktop and mobile show after a quick exit.
#[component]
pub fn Calculator() -> Element {
    let mut shown = use_signal(|| "0".to_string());
    let mut acc = use_signal(|| None::<(f64, char)>);
    let mut fresh = use_signal(|| true);
    let keys = [
        "7", "8", "9", "÷", "4", "5", "6", "×", "1", "2", "3", "−", "0", ".", "=", "+",
    ];
    let mut press = move |k: &str| {
        let value: f64 = shown().parse().unwrap_or(0.0);
        match k {
            "C" => {
                shown.set("0".into());
                acc.set(None);
                fresh.set(true);
            }
            "+" | "−" | "×" | "÷" | "=" => {
                let result = match acc() {
                    Some((a, '+')) => a + value,
                    Some((a, '−')) => a - value,
                    Some((a, '×')) => a * value,
                    Some((a, '÷')) if value != 0.0 => a / value,
                    Some((_, '÷')) => f64::NAN,
                    _ => value,
                };
                shown.set(if result.is_finite() {
                    format!("{result}")
                } else {
                    "—".into()
                });
                acc.set(if k == "=" {
                    None
                } else {
                    Some((result, k.chars().next().unwrap_or('+')))
                });
                fresh.set(true);
            }
            digit => {
                let mut s = if fresh() { String::new() } else { shown() };
                if !(digit == "." && s.contains('.')) {
                    s.push_str(digit);
                }
                if s.starts_with('.') {
                    s.insert(0, '0');
                }
                shown.set(s);
                fresh.set(false);
            }
        }
    };
    use_hook(|| crate::ui::js::set_title("Calculator"));
    rsx! {
        div { class: "calculator", "data-neutral": "true",
            output { class: "calc-display", "{shown}" }
            div { class: "calc-keys",
                button { class: "calc-key wide", onclick: move |_| press("C"), "C" }
                for k in keys {
                    button { key: "{k}", class: "calc-key", onclick: move |_| press(k), "{k}" }
                }
            }
        }
    }
}
