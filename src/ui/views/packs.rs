//! Settings → "Lessons and help numbers": which content is in use (built in, or a pack
//! taken from a file, with its version, date and origin), taking a pack from a file,
//! and going back to the built-in content. A refused pack says why in the reader's
//! language and changes nothing.

use dioxus::prelude::*;

use crate::content::pack::{PackError, MAX_BYTES};
use crate::dates::Date;
use crate::platform;
use crate::ui::state::{use_ctx, Ctx, PackRefusal};

#[derive(Clone, Debug, PartialEq)]
enum Outcome {
    Checking,
    Taken(String),
    /// The file's name, and why it was refused.
    Refused(String, PackRefusal),
    Back,
    BackFailed(String),
}

/// A refusal in the reader's language, and the checker's own words as a detail.
fn refusal_text(ctx: &Ctx, refusal: &PackRefusal) -> (String, String, Option<String>) {
    match refusal {
        PackRefusal::Refused(e) => {
            let key = format!("pack.problem.{}", e.code());
            let text = match e {
                PackError::Older { pack, in_use } => {
                    ctx.t_with(&key, &[("pack", pack), ("in_use", in_use)])
                }
                PackError::QuizChanged { quiz } => ctx.t_with(&key, &[("quiz", quiz)]),
                PackError::TooLarge { max } => {
                    ctx.t_with(&key, &[("mb", &(max / (1024 * 1024)).to_string())])
                }
                _ => ctx.t(&key),
            };
            let detail = match e {
                PackError::Damaged(d) | PackError::FailsCheck(d) | PackError::NoChecker(d) => {
                    Some(d.clone())
                }
                _ => None,
            };
            (e.code().to_string(), text, detail)
        }
        PackRefusal::NotSaved(e) => (
            "not_saved".into(),
            ctx.t("pack.problem.not_saved"),
            Some(e.to_string()),
        ),
    }
}

#[component]
pub fn ContentCard() -> Element {
    let ctx = use_ctx();
    let mut outcome = use_signal(|| None::<Outcome>);
    let mut asking_back = use_signal(|| false);
    // Read again whenever the course changes (a pack taken, or given up).
    let version = ctx.catalog().version.clone();
    let pack = platform::packs::pack_in_use();
    let in_use = match &pack {
        Some(p) => ctx.t_with(
            "pack.in_use_file",
            &[
                ("version", &p.version),
                ("date", &p.date.to_string()),
                ("file", &p.origin),
                ("taken", &Date::from_unix(p.taken_at).to_string()),
            ],
        ),
        None => ctx.t_with("pack.in_use_builtin", &[("version", &version)]),
    };
    let checking = outcome() == Some(Outcome::Checking);
    let origin = if pack.is_some() { "pack" } else { "built-in" };
    rsx! {
        section { class: "card", "data-card": "content", "data-content-origin": origin,
            h2 { {ctx.t("pack.title")} }
            p { "data-content-in-use": "{version}", {in_use} }
            p { class: "muted", {ctx.t("pack.explain")} }
            label { class: "btn file-pick",
                span { {ctx.t("pack.update")} }
                input { r#type: "file", accept: ".pack", "data-input": "content-pack", disabled: checking,
                    onchange: move |e: FormEvent| async move {
                        let Some(file) = e.files().into_iter().next() else { return };
                        asking_back.set(false);
                        // Far too large: refused before it is read into memory.
                        if file.size() > MAX_BYTES as u64 {
                            outcome.set(Some(Outcome::Refused(file.name(), PackRefusal::Refused(PackError::TooLarge { max: MAX_BYTES }))));
                            return;
                        }
                        outcome.set(Some(Outcome::Checking));
                        let result = match file.read_bytes().await {
                            Ok(bytes) => ctx.take_pack(&file.name(), &bytes).await,
                            Err(e) => Err(PackRefusal::Refused(PackError::Damaged(e.to_string()))),
                        };
                        outcome.set(Some(match result {
                            Ok(p) => Outcome::Taken(p.version),
                            Err(r) => Outcome::Refused(file.name(), r),
                        }));
                    },
                }
            }
            match outcome() {
                Some(Outcome::Checking) => rsx! { p { role: "status", "data-pack-checking": "true", {ctx.t("pack.checking")} } },
                Some(Outcome::Taken(v)) => rsx! {
                    p { class: "done-banner", role: "status", "data-pack-taken": "{v}", {ctx.t_with("pack.taken", &[("version", &v)])} }
                },
                Some(Outcome::Refused(name, r)) => {
                    let (code, text, detail) = refusal_text(&ctx, &r);
                    rsx! {
                        div { class: "error-summary", role: "alert", "data-pack-problem": "{code}", "data-pack-file": "{name}",
                            p { strong { {text} } }
                            p { {ctx.t("pack.nothing_changed")} }
                            if let Some(d) = detail {
                                p { class: "muted small", "{d}" }
                            }
                        }
                    }
                }
                Some(Outcome::Back) => rsx! { p { class: "done-banner", role: "status", "data-pack-back": "true", {ctx.t("pack.back_done")} } },
                Some(Outcome::BackFailed(e)) => rsx! { p { class: "error", role: "alert", {ctx.t("pack.problem.not_saved")} " " "{e}" } },
                None => rsx! {},
            }
            if pack.is_some() {
                if asking_back() {
                    p { {ctx.t("pack.back_ask")} }
                    div { class: "row",
                        button { class: "btn", "data-action": "pack-back-cancel", onclick: move |_| asking_back.set(false),
                            {ctx.t("settings.cancel")}
                        }
                        button { class: "btn danger", "data-action": "pack-back-confirm",
                            onclick: move |_| async move {
                                asking_back.set(false);
                                outcome.set(Some(match ctx.drop_pack().await {
                                    Ok(()) => Outcome::Back,
                                    Err(e) => Outcome::BackFailed(e.to_string()),
                                }));
                            },
                            {ctx.t("pack.back")}
                        }
                    }
                } else {
                    button { class: "btn", "data-action": "pack-back", onclick: move |_| asking_back.set(true),
                        {ctx.t("pack.back")}
                    }
                }
            }
        }
    }
}
