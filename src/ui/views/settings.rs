//! Settings: language, text size, resetting progress, and about (versions, sources).

use dioxus::prelude::*;

use super::home::LangSwitch;
use super::learn::SourceList;
use super::privacy::PrivacySettings;
use crate::content::Source;
use crate::platform;
use crate::storage::{TextSize, Theme};
use crate::ui::state::use_ctx;

fn theme_key(t: Theme) -> &'static str {
    match t {
        Theme::System => "settings.theme.system",
        Theme::Light => "settings.theme.light",
        Theme::Dark => "settings.theme.dark",
    }
}

fn size_key(s: TextSize) -> &'static str {
    match s {
        TextSize::Small => "settings.size.small",
        TextSize::Normal => "settings.size.normal",
        TextSize::Large => "settings.size.large",
        TextSize::Largest => "settings.size.largest",
    }
}

#[derive(Clone, Copy, PartialEq)]
enum ResetStep {
    Idle,
    Confirming,
    Done,
}

#[component]
pub fn Settings() -> Element {
    let ctx = use_ctx();
    let size = (ctx.text_size)();
    let theme = (ctx.theme)();
    let mut reset = use_signal(|| ResetStep::Idle);
    // Every source of every module, once each.
    let mut sources: Vec<Source> = Vec::new();
    for m in &ctx.catalog().modules {
        for s in &m.sources {
            if !sources.iter().any(|x| x.url == s.url && x.title == s.title) {
                sources.push(s.clone());
            }
        }
    }
    rsx! {
        h1 { {ctx.t("settings.title")} }
        section { class: "card",
            h2 { {ctx.t("settings.language")} }
            LangSwitch {}
        }
        section { class: "card",
            h2 { {ctx.t("settings.text_size")} }
            div { class: "segmented", role: "radiogroup", "aria-label": ctx.t("settings.text_size"),
                for s in TextSize::ALL {
                    button {
                        key: "{s.code()}",
                        class: if s == size { "seg active size-{s.code()}" } else { "seg size-{s.code()}" },
                        role: "radio",
                        "aria-checked": if s == size { "true" } else { "false" },
                        "data-size": s.code(),
                        onclick: move |_| ctx.set_text_size(s),
                        {ctx.t(size_key(s))}
                    }
                }
            }
        }
        section { class: "card",
            h2 { {ctx.t("settings.theme")} }
            div { class: "segmented", role: "radiogroup", "aria-label": ctx.t("settings.theme"),
                for t in Theme::ALL {
                    button {
                        key: "{t.code()}",
                        class: if t == theme { "seg active" } else { "seg" },
                        role: "radio",
                        "aria-checked": if t == theme { "true" } else { "false" },
                        "data-theme-choice": t.code(),
                        onclick: move |_| ctx.set_theme(t),
                        {ctx.t(theme_key(t))}
                    }
                }
            }
        }
        PrivacySettings {}
        section { class: "card", "data-card": "teacher",
            h2 { {ctx.t("teacher.title")} }
            p { class: "muted", {ctx.t("teacher.teaser")} }
            button { class: "btn wide", "data-action": "open-teacher-mode", onclick: move |_| ctx.go(crate::ui::state::Screen::Teacher),
                span { {ctx.t("teacher.open")} }
            }
        }
        section { class: "card",
            h2 { {ctx.t("settings.progress")} }
            p { class: "muted", {ctx.t("settings.reset_explain")} }
            match reset() {
                ResetStep::Idle | ResetStep::Done => rsx! {
                    button { class: "btn", "data-action": "reset", onclick: move |_| reset.set(ResetStep::Confirming),
                        {ctx.t("settings.reset")}
                    }
                    if reset() == ResetStep::Done {
                        p { class: "done-banner", role: "status", {ctx.t("settings.reset_done")} }
                    }
                },
                ResetStep::Confirming => rsx! {
                    div { class: "row",
                        button { class: "btn danger", "data-action": "reset-confirm",
                            onclick: move |_| {
                                ctx.reset_progress();
                                reset.set(ResetStep::Done);
                            },
                            {ctx.t("settings.reset_confirm")}
                        }
                        button { class: "btn", onclick: move |_| reset.set(ResetStep::Idle), {ctx.t("settings.cancel")} }
                    }
                },
            }
        }
        super::packs::ContentCard {}
        section { class: "card about",
            h2 { {ctx.t("settings.about")} }
            p { {ctx.t("settings.privacy")} }
            dl {
                dt { {ctx.t("settings.app_version")} }
                dd { {env!("CARGO_PKG_VERSION")} }
                dt { {ctx.t("settings.content_version")} }
                dd { "data-content-version": "{ctx.catalog().version}",
                    match platform::packs::pack_in_use() {
                        Some(p) => ctx.t_with("pack.about_pack", &[("version", &p.version), ("date", &p.date.to_string()), ("file", &p.origin)]),
                        None => ctx.t_with("pack.about_builtin", &[("version", &ctx.catalog().version)]),
                    }
                }
                dt { {ctx.t("settings.data_location")} }
                dd { class: "path",
                    match platform::location() {
                        platform::DataLocation::Browser => ctx.t("settings.location_browser"),
                        platform::DataLocation::File(path) => path,
                    }
                }
            }
            h3 { {ctx.t("settings.sources")} }
            SourceList { sources }
        }
    }
}
