//! The app's frame: opening storage, the header, the navigation that stays in one
//! place, and the storage-problem screen.

use dioxus::prelude::*;

use super::components::icons::{Icon, Svg};
use super::js;
use super::state::{use_ctx, Ctx, SaveState, Screen, StoreHandle};
use super::views::help::Help;
use super::views::home::Home;
use super::views::learn::{LessonPage, ModuleList, ModuleOverview};
use super::views::library::{Facts, Glossary, TermSheet};
use super::views::privacy::{Calculator, Intro, LockScreen};
use super::views::quiz::{Practice, QuizRun, SelfCheckRun};
use super::views::results::MyResults;
use super::views::settings::Settings;
#[cfg(feature = "teacher")]
use super::views::teacher::{ClassView, SessionView, TeacherHome};
#[cfg(not(feature = "teacher"))]
use super::views::teacher_door::TeacherDoor;
use crate::lang::{self, Lang};
use crate::platform;
use crate::platform::page::APP_CSS;
use crate::storage::{StorageError, Store};

#[derive(Clone, PartialEq)]
enum Phase {
    Opening,
    Ready(StoreHandle, bool),
    Refused(StorageError),
    /// The store is open but the course in its language could not be read (web: its
    /// data file neither downloaded nor kept offline).
    NoContent(StoreHandle, bool, Lang, String),
}

/// The phase once a store is open: ready when the course in its language is at hand.
async fn with_content(store: Store, persistent: bool) -> Phase {
    let lang = super::state::start_lang(&store);
    // A content pack taken earlier is the course from the start.
    platform::packs::use_pack(store.content_pack().unwrap_or(None));
    let mut loaded = platform::load_content(lang).await;
    if loaded.is_err() && platform::packs::pack_in_use().is_some() {
        // A stored pack that cannot be read: the built-in course; the pack stays
        // stored (nothing is deleted) and Settings offers to take a pack again.
        platform::packs::use_pack(None);
        loaded = platform::load_content(lang).await;
    }
    let store = StoreHandle::new(store);
    match loaded {
        Ok(_) => Phase::Ready(store, persistent),
        Err(e) => Phase::NoContent(store, persistent, lang, e),
    }
}

/// The root component: opens the database and the course, then shows the app, or
/// explains why it cannot and lets the user choose (never a crash, never a silent
/// reset).
#[component]
pub fn App() -> Element {
    let mut phase = use_signal(|| Phase::Opening);
    let opened = move |result: Result<Store, StorageError>, persistent: bool| {
        spawn(async move {
            phase.set(match result {
                Ok(store) => with_content(store, persistent).await,
                Err(e) => Phase::Refused(e),
            });
        });
    };
    let open = move || {
        spawn(async move { opened(platform::open_store().await, true) });
    };
    use_hook(open);
    let lang = Lang::detect(platform::preferred_languages());
    match phase() {
        // On the web the page's own first screen (help numbers, quick exit, "loading")
        // stays until the app is ready; it hides itself once an `.app` is shown.
        Phase::Opening => rsx! {
            for css in APP_CSS {
                style { {css} }
            }
            div { class: "opening", lang: lang.code(), p { {lang::tr(lang, "storage.loading")} } }
        },
        Phase::Ready(store, persistent) => rsx! {
            Shell { store, persistent }
        },
        Phase::NoContent(store, persistent, lang, error) => rsx! {
            div { class: "opening problem", lang: lang.code(), role: "alert",
                p { {lang::tr_with(lang, "content.unavailable", &[("lang", lang.native_name())])} }
                p { class: "muted", "{error}" }
                button { class: "btn primary", "data-action": "retry-content",
                    onclick: move |_| {
                        let store = store.clone();
                        spawn(async move {
                            phase.set(match platform::load_content(lang).await {
                                Ok(_) => Phase::Ready(store, persistent),
                                Err(e) => Phase::NoContent(store, persistent, lang, e),
                            });
                        });
                    },
                    {lang::tr(lang, "storage.retry")}
                }
            }
        },
        Phase::Refused(error) => rsx! {
            for css in APP_CSS {
                style { {css} }
            }
            StorageProblem {
                error,
                lang,
                on_memory: move |_| opened(Store::open_in_memory(), false),
                on_fresh: move |_| {
                    spawn(async move { opened(platform::start_fresh().await, true) });
                },
                on_retry: move |_| open(),
                on_take_over: move |_| {
                    spawn(async move { opened(platform::take_over().await, true) });
                },
            }
        },
    }
}

/// Why the saved data cannot be used, in the device's language, with the choices.
#[component]
pub fn StorageProblem(
    error: StorageError,
    lang: Lang,
    on_memory: EventHandler<()>,
    on_fresh: EventHandler<()>,
    on_retry: EventHandler<()>,
    on_take_over: EventHandler<()>,
) -> Element {
    let t = |k: &str| lang::tr(lang, k);
    let (title, body) = match &error {
        StorageError::TooNew { .. } => ("storage.too_new_title", "storage.too_new_body"),
        StorageError::Damaged(_) => ("storage.damaged_title", "storage.damaged_body"),
        StorageError::Unavailable(_) | StorageError::Invalid(_) => {
            ("storage.unavailable_title", "storage.unavailable_body")
        }
        StorageError::InAnotherTab => ("storage.other_tab_title", "storage.other_tab_body"),
    };
    let other_tab = matches!(error, StorageError::InAnotherTab);
    let damaged = matches!(error, StorageError::Damaged(_));
    let unavailable = matches!(error, StorageError::Unavailable(_));
    rsx! {
        div { class: "app", lang: lang.code(),
            main { class: "content problem", role: "alert",
                h1 { {t(title)} }
                p { {t(body)} }
                details {
                    summary { {t("storage.details")} }
                    p { class: "muted", "{error}" }
                }
                div { class: "stack",
                    if other_tab {
                        button { class: "btn primary", "data-action": "take-over", onclick: move |_| on_take_over.call(()), {t("storage.take_over")} }
                    }
                    if unavailable {
                        button { class: "btn primary", onclick: move |_| on_retry.call(()), {t("storage.retry")} }
                    }
                    // Every refusal of the file has a way forward that deletes nothing.
                    if !other_tab {
                    button { class: if damaged { "btn primary" } else { "btn" }, "data-action": "start-fresh",
                        onclick: move |_| on_fresh.call(()),
                        if damaged { {t("storage.start_fresh")} } else { {t("storage.set_aside")} }
                    }
                    }
                    button { class: "btn", onclick: move |_| on_memory.call(()), {t("storage.continue_memory")} }
                    if !other_tab {
                        p { class: "muted", {t("storage.backup_hint")} }
                    }
                }
            }
        }
    }
}

/// The app once storage is open. Tests render this directly with a store of theirs
/// and the screen to start on.
#[component]
pub fn Shell(
    store: StoreHandle,
    persistent: bool,
    #[props(default = Screen::Home)] start: Screen,
) -> Element {
    let ctx = Ctx::provide(store, persistent, start);
    let lang = (ctx.lang)();
    // The page's own `lang` attribute follows the language (screen readers, fonts).
    use_effect(move || {
        let code = (ctx.lang)().code();
        js::set_page_lang(code);
    });
    // A new screen starts at its top, with keyboard and screen-reader focus there.
    use_effect(move || {
        let _ = (ctx.screen)();
        js::top_of_screen();
    });
    // The tab's or window's title: the neutral one where chosen.
    use_effect(move || {
        let title = if (ctx.neutral_title)() {
            ctx.t("neutral.title")
        } else {
            "Sauga".to_string()
        };
        js::set_title(&title);
    });
    use_hook(move || watch_keys_and_idle(ctx));
    // The web app's teacher page opens in teacher mode, with Home behind it for Back.
    use_hook(move || {
        if platform::page::opened_for_teacher() {
            spawn(async move { ctx.go(Screen::Teacher) });
        }
    });
    if (ctx.exited)() {
        return rsx! {
            for css in APP_CSS {
                style { {css} }
            }
            Calculator {}
        };
    }
    let screen = (ctx.screen)();
    let size = (ctx.text_size)().code();
    let save = (ctx.save)();
    let locked = (ctx.locked)();
    rsx! {
        for css in APP_CSS {
            style { {css} }
        }
        div {
            class: "app",
            lang: lang.code(),
            "data-text-size": size,
            "data-theme": (ctx.theme)().code(),
            "data-save": save.code(),
            header { class: "topbar",
                button { class: "brand", onclick: move |_| ctx.go(Screen::Home),
                    Svg { icon: Icon::Shield }
                    span { "Sauga" }
                }
                SaveBadge {}
                button {
                    class: "quick-exit",
                    "data-action": "quick-exit",
                    title: ctx.t("exit.aria"),
                    onclick: move |_| ctx.quick_exit(),
                    Svg { icon: Icon::Close }
                    span { {ctx.t("exit.label")} }
                }
            }
            main { class: "content", id: "content",
                SaveProblem {}
                ContentProblem {}
                if locked {
                    LockScreen {}
                } else {
                    match screen {
                        Screen::Home => rsx! { Home {} },
                        Screen::Learn => rsx! { ModuleList {} },
                        Screen::Module(id) => rsx! { ModuleOverview { id } },
                        Screen::Lesson { module, page } => rsx! { LessonPage { id: module, page } },
                        Screen::Help => rsx! { Help {} },
                        Screen::Settings => rsx! { Settings {} },
                        Screen::Glossary(term) => rsx! { Glossary { focus: term } },
                        Screen::Facts => rsx! { Facts {} },
                        Screen::Quiz(id) => rsx! { QuizRun { id } },
                        Screen::Practice => rsx! { Practice {} },
                        Screen::Results => rsx! { MyResults {} },
                        Screen::SelfCheck => rsx! { SelfCheckRun {} },
                        #[cfg(feature = "teacher")]
                        Screen::Teacher => rsx! { TeacherHome {} },
                        #[cfg(feature = "teacher")]
                        Screen::Class(id) => rsx! { ClassView { id } },
                        #[cfg(feature = "teacher")]
                        Screen::Session(id) => rsx! { SessionView { id } },
                        #[cfg(not(feature = "teacher"))]
                        Screen::Teacher | Screen::Class(_) | Screen::Session(_) => rsx! { TeacherDoor {} },
                    }
                }
            }
            if !locked {
                TermSheet {}
                Nav {}
                if !(ctx.intro_seen)() {
                    Intro {}
                }
            }
        }
    }
}

/// Idle time after which teacher mode asks for the PIN again.
const TEACHER_IDLE_SECONDS: u64 = 5 * 60;

fn watch_keys_and_idle(ctx: Ctx) {
    spawn(async move {
        let mut watcher = js::watch_keys_and_idle();
        while let Some(message) = watcher.next().await {
            if message == "exit" {
                ctx.quick_exit();
            } else if message == "back" {
                ctx.back();
            } else if let Some(seconds) = message
                .strip_prefix("idle:")
                .and_then(|s| s.parse::<u64>().ok())
            {
                let minutes = u64::from((ctx.lock_after)());
                if minutes > 0 && seconds >= minutes * 60 && !(ctx.locked)() {
                    ctx.lock();
                }
                // Teacher mode closes after a few idle minutes, passcode or not.
                if seconds >= TEACHER_IDLE_SECONDS && *ctx.teacher_open.peek() {
                    let mut open = ctx.teacher_open;
                    open.set(false);
                }
            }
        }
    });
}

/// Why changes are not being saved, in full, above the screen.
#[component]
pub fn SaveProblem() -> Element {
    let ctx = use_ctx();
    // What went wrong in the user's language; a cause with no words of ours (a
    // system's own message) only under "details".
    let (text, detail) = match (ctx.save)() {
        SaveState::Failed(e) if e == platform::STORAGE_FULL => (ctx.t("save.storage_full"), None),
        SaveState::Failed(e) => (ctx.t("save.failed"), Some(e)),
        SaveState::NotSaving => (ctx.t("save.memory"), None),
        SaveState::OtherTab => (ctx.t("save.other_tab"), None),
        SaveState::Saved | SaveState::Saving => return rsx! {},
    };
    rsx! {
        div { class: "save-problem", role: "alert",
            p { "{text}" }
            if let Some(d) = detail {
                details {
                    summary { {ctx.t("storage.details")} }
                    p { class: "muted", "{d}" }
                }
            }
        }
    }
}

/// Why the lessons in a chosen language could not be read; the app stays in the
/// language it had.
#[component]
fn ContentProblem() -> Element {
    let ctx = use_ctx();
    let Some((lang, error)) = (ctx.content_problem)() else {
        return rsx! {};
    };
    rsx! {
        div { class: "save-problem", role: "alert", "data-problem": "content",
            p { {ctx.t_with("content.unavailable", &[("lang", lang.native_name())])} }
            details {
                summary { {ctx.t("storage.details")} }
                p { class: "muted", "{error}" }
            }
        }
    }
}

#[component]
fn SaveBadge() -> Element {
    let ctx = use_ctx();
    let save = (ctx.save)();
    // The header has room for a word or two at 360 px; why it is not saved is said
    // in full under the header (`SaveProblem`).
    let text = match &save {
        SaveState::Saved => ctx.t("save.saved"),
        SaveState::Saving => ctx.t("save.saving"),
        SaveState::Failed(_) | SaveState::NotSaving | SaveState::OtherTab => {
            ctx.t("save.not_saved")
        }
    };
    rsx! {
        span { class: "save-badge {save.code()}", role: "status", "aria-live": "polite", "{text}" }
    }
}

#[component]
fn Nav() -> Element {
    let ctx = use_ctx();
    let screen = (ctx.screen)();
    let tabs = [
        (Screen::Home, Icon::Home, "nav.home"),
        (Screen::Learn, Icon::Book, "nav.learn"),
        (Screen::Help, Icon::Lifebuoy, "nav.help"),
        (Screen::Settings, Icon::Gear, "nav.settings"),
    ];
    let active_tab = match &screen {
        Screen::Home => 0,
        Screen::Learn
        | Screen::Module(_)
        | Screen::Lesson { .. }
        | Screen::Glossary(_)
        | Screen::Facts
        | Screen::Quiz(_)
        | Screen::Results
        | Screen::Practice => 1,
        Screen::SelfCheck => 0,
        Screen::Help => 2,
        Screen::Settings | Screen::Teacher | Screen::Class(_) | Screen::Session(_) => 3,
    };
    rsx! {
        nav { class: "tabbar", "aria-label": ctx.t("nav.label"),
            for (i, (target, icon, key)) in tabs.into_iter().enumerate() {
                button {
                    key: "{key}",
                    class: if i == active_tab { "tab active" } else { "tab" },
                    "aria-current": if i == active_tab { "page" },
                    "data-tab": key.trim_start_matches("nav."),
                    onclick: move |_| ctx.go(target.clone()),
                    Svg { icon }
                    span { {ctx.t(key)} }
                }
            }
        }
    }
}
