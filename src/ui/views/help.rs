//! Help: 112 first and unmistakable, then services grouped by need, with filters,
//! search and an "I am abroad" switch. Every number is a `tel:` link, every e-mail a
//! `mailto:` link, each entry shows when it was checked and where it came from.

use dioxus::prelude::*;

use crate::content::help::{self, Filter, Service, Who};
use crate::lang::Lang;
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::state::use_ctx;

/// "Call 0 800 91119", the number held together (no-break spaces): it never wraps.
pub(crate) fn call_label(ctx: &crate::ui::state::Ctx, display: &str) -> String {
    ctx.t_with(
        "help.call",
        &[("number", &crate::content::phones::unbroken(display))],
    )
}

#[component]
pub fn Help() -> Element {
    let ctx = use_ctx();
    let mut filter = use_signal(Filter::default);
    let mut f = filter();
    // A search finds services by their group's name too, in any language.
    f.category_names = help::Category::ALL
        .iter()
        .flat_map(|&c| {
            Lang::ALL.map(|l| {
                (
                    c,
                    crate::lang::tr(l, &format!("help.category.{}", c.code())),
                )
            })
        })
        .collect();
    let services = &ctx.catalog().help;
    let lang_label = |l: Option<Lang>| {
        l.map(|l| l.native_name().to_string())
            .unwrap_or_else(|| ctx.t("help.any"))
    };
    let national = help::national_helpline(services).cloned();
    let narrowing = f.is_narrowing();
    rsx! {
        h1 { {ctx.t("help.title")} }
        // 112 and the national trafficking helpline, both on the first screen; their
        // cards, with sources and dates, follow.
        nav { class: "call-now", "aria-label": ctx.t("help.call_now"), "data-call-now": "true",
            for s in help::emergency(services) {
                for p in s.phones.iter().take(1) {
                    a { class: "btn call-112", href: p.tel_href(), "data-tel": "{p.number}",
                        {call_label(&ctx, &p.display)}
                    }
                }
            }
            if let Some(s) = national {
                for p in s.phones.iter().filter(|p| !p.abroad).take(1) {
                    a { class: "btn primary call-hotline", href: p.tel_href(), "data-tel": "{p.number}", "data-hotline": "{s.id}",
                        span { class: "call-what", {ctx.t("help.hotline_short")} }
                        span { {call_label(&ctx, &p.display)} }
                    }
                }
            }
        }
        for s in help::emergency(services) {
            EmergencyCard { service: s.clone() }
        }
        p { class: "lead", {ctx.t("help.intro")} }
        details { class: "card filters", "data-filters": "true",
            summary { "data-action": "filters",
                {ctx.t("help.filter")}
                if narrowing { " · " {ctx.t("help.filter_on")} }
            }
            label { class: "switch",
                input {
                    r#type: "checkbox",
                    "data-filter": "abroad",
                    checked: f.abroad,
                    onchange: move |e: FormEvent| filter.write().abroad = e.checked(),
                }
                span { {ctx.t("help.abroad")} }
            }
            if f.abroad {
                p { class: "muted", {ctx.t("help.abroad_note")} }
            }
            input {
                class: "search",
                r#type: "search",
                "data-filter": "search",
                placeholder: ctx.t("help.search"),
                "aria-label": ctx.t("help.search"),
                value: "{f.query}",
                oninput: move |e: FormEvent| filter.write().query = e.value(),
            }
            div { class: "filter-row",
                label {
                    span { {ctx.t("help.filter_who")} }
                    select {
                        "data-filter": "who",
                        onchange: move |e: FormEvent| {
                            filter.write().who = Who::ALL.into_iter().find(|w| w.code() == e.value());
                        },
                        option { value: "", selected: f.who.is_none(), {ctx.t("help.any")} }
                        for w in Who::ALL {
                            option { value: w.code(), selected: f.who == Some(w), {ctx.t(&format!("help.who.{}", w.code()))} }
                        }
                    }
                }
                label {
                    span { {ctx.t("help.filter_language")} }
                    select {
                        "data-filter": "language",
                        onchange: move |e: FormEvent| filter.write().language = Lang::from_code(&e.value()),
                        option { value: "", selected: f.language.is_none(), {lang_label(None)} }
                        for l in Lang::ALL {
                            option { value: l.code(), selected: f.language == Some(l), {lang_label(Some(l))} }
                        }
                    }
                }
            }
            label { class: "switch",
                input {
                    r#type: "checkbox",
                    "data-filter": "open",
                    checked: f.always_open,
                    onchange: move |e: FormEvent| filter.write().always_open = e.checked(),
                }
                span { {ctx.t("help.filter_open")} }
            }
        }
        HelpList { filter: f.clone() }
    }
}

/// The grouped services for a filter (a component of its own so tests can render
/// any filter).
#[component]
pub fn HelpList(filter: Filter) -> Element {
    let ctx = use_ctx();
    let groups = help::grouped(&ctx.catalog().help, &filter);
    let narrowing = filter.is_narrowing();
    rsx! {
        if groups.is_empty() {
            // Nothing found: what to do instead, from the directory itself.
            div { class: "card", "data-empty": "true",
                p { strong { {ctx.t("help.none")} } }
                if let Some(s) = help::national_helpline(&ctx.catalog().help) {
                    p { "data-empty-advice": "true",
                        {ctx.t_with("help.none_advice", &[
                            ("name", s.name.get((ctx.lang)())),
                            ("number", &s.phones.iter().find(|p| !p.abroad).map(|p| crate::content::phones::unbroken(&p.display)).unwrap_or_default()),
                            ("languages", &s.languages.iter().map(|l| l.native_name()).collect::<Vec<_>>().join(", ")),
                        ])}
                    }
                }
                p { {ctx.t("help.none_112")} }
            }
        }
        for (cat, list) in groups {
            section { class: "help-group", key: "{cat.code()}", "data-category": cat.code(),
                h2 { {ctx.t(&format!("help.category.{}", cat.code()))} }
                for s in list {
                    ServiceCard { key: "{s.id}", service: s.clone(), abroad: filter.abroad }
                }
            }
        }
        if narrowing {
            p { class: "muted", {ctx.t("help.clear")} }
        }
    }
}

#[component]
fn EmergencyCard(service: Service) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    rsx! {
        section { class: "emergency", "data-service": "{service.id}",
            h2 { {service.name.get(lang).clone()} }
            p { class: "small", {service.description.get(lang).clone()} }
            for p in service.phones.iter() {
                a { class: "btn call-112", href: p.tel_href(), "data-tel": "{p.number}",
                    {call_label(&ctx, &p.display)}
                }
            }
            Checked { service: service.clone() }
        }
    }
}

#[component]
fn ServiceCard(service: Service, abroad: bool) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut copied = use_signal(|| None::<String>);
    let langs: Vec<&str> = service.languages.iter().map(|l| l.native_name()).collect();
    rsx! {
        article { class: "service card", "data-service": "{service.id}",
            h3 { {service.name.get(lang).clone()} }
            p { {service.description.get(lang).clone()} }
            p { class: "meta",
                Svg { icon: Icon::Clock }
                if service.always_open { {ctx.t("help.always_open")} } else { {ctx.t("help.hours_unknown")} }
            }
            if let Some(note) = &service.hours_note {
                p { class: "muted", {note.get(lang).clone()} }
            }
            if !langs.is_empty() {
                p { class: "muted", {ctx.t_with("help.languages", &[("list", &langs.join(", "))])} }
            }
            div { class: "actions",
                for p in service.phones_for(abroad) {
                    div { class: "phone", key: "{p.number}",
                        a { class: "btn primary", href: p.tel_href(), "data-tel": "{p.number}",
                            {call_label(&ctx, &p.display)}
                        }
                        {
                            let number = p.display.clone();
                            rsx! {
                                button {
                                    class: "btn small",
                                    r#type: "button",
                                    "aria-label": format!("{} {}", ctx.t("help.copy"), number),
                                    onclick: move |_| {
                                        crate::ui::js::copy_text(&number);
                                        copied.set(Some(number.clone()));
                                    },
                                    if copied().as_deref() == Some(p.display.as_str()) { {ctx.t("help.copied")} } else { {ctx.t("help.copy")} }
                                }
                            }
                        }
                        if p.abroad {
                            span { class: "tag", {ctx.t("help.from_abroad")} }
                        }
                        if abroad && p.toll_free() {
                            span { class: "muted small", {ctx.t("help.toll_free_abroad")} }
                        }
                    }
                }
                if let Some(email) = &service.email {
                    a { class: "btn", href: "mailto:{email}", "data-mailto": "{email}",
                        {ctx.t_with("help.write", &[("email", email)])}
                    }
                }
                if let Some(web) = &service.web {
                    a { class: "btn", href: "{web}", target: "_blank", rel: "noopener noreferrer", {ctx.t("help.website")} }
                }
            }
            Checked { service: service.clone() }
        }
    }
}

/// "Checked on DATE · source: …", on every entry.
#[component]
fn Checked(service: Service) -> Element {
    let ctx = use_ctx();
    let date = service.checked.to_string();
    rsx! {
        p { class: "checked", "data-checked": "{date}",
            {ctx.t_with("help.checked", &[("date", &date)])}
            for (i, s) in service.sources.iter().enumerate() {
                if i > 0 { "; " } else { " " }
                a { href: "{s.url}", target: "_blank", rel: "noopener noreferrer", {s.title.get((ctx.lang)()).clone()} }
            }
        }
    }
}
