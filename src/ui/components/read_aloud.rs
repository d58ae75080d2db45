//! "Read aloud": the device's own speech synthesis reads what is on the screen (a
//! lesson page, a quiz question with its options and explanation, a self-check
//! question), sentence by sentence, the sentence being read highlighted. Offline and
//! private: only voices the device runs itself are used (`platform::page::speak`).
//! Reading stops on leaving the screen, on lock and on quick exit.

use dioxus::prelude::*;

use crate::platform::page::{self, Speech};
use crate::ui::components::icons::{Icon, Svg};
use crate::ui::state::use_ctx;

#[derive(Clone, Copy, PartialEq)]
enum State {
    Idle,
    Reading,
    Paused,
    /// Asked, and the answer was "no voice" or "not here".
    Refused(Speech),
}

/// The control for the element that `target` (a CSS selector) picks on this screen.
#[component]
pub fn ReadAloud(target: String) -> Element {
    let ctx = use_ctx();
    let lang = (ctx.lang)();
    let mut state = use_signal(|| State::Idle);
    use_drop(page::stop_speech);
    let start = move |_| {
        let target = target.clone();
        spawn(async move {
            match page::speak(&target, lang.code()).await {
                Speech::Started => {
                    state.set(State::Reading);
                    page::speech_finished().await;
                    state.set(State::Idle);
                }
                Speech::Empty => state.set(State::Idle),
                other => state.set(State::Refused(other)),
            }
        });
    };
    let refusal = match state() {
        State::Refused(Speech::NoVoice) => {
            Some(ctx.t_with("read.no_voice", &[("lang", lang.native_name())]))
        }
        State::Refused(_) => Some(ctx.t("read.unsupported")),
        _ => None,
    };
    rsx! {
        div { class: "read-aloud", "data-no-read": "true", "data-reading": match state() {
                State::Idle | State::Refused(_) => "idle",
                State::Reading => "reading",
                State::Paused => "paused",
            },
            match state() {
                State::Idle | State::Refused(_) => rsx! {
                    button { class: "btn small", "data-action": "read-aloud", onclick: start,
                        Svg { icon: Icon::Speaker }
                        span { {ctx.t("read.aloud")} }
                    }
                },
                State::Reading => rsx! {
                    button { class: "btn small", "data-action": "read-pause",
                        onclick: move |_| { page::pause_speech(); state.set(State::Paused); },
                        Svg { icon: Icon::Pause }
                        span { {ctx.t("read.pause")} }
                    }
                },
                State::Paused => rsx! {
                    button { class: "btn small", "data-action": "read-resume",
                        onclick: move |_| { page::resume_speech(); state.set(State::Reading); },
                        Svg { icon: Icon::Speaker }
                        span { {ctx.t("read.resume")} }
                    }
                },
            }
            if matches!(state(), State::Reading | State::Paused) {
                button { class: "btn small", "data-action": "read-stop",
                    onclick: move |_| { page::stop_speech(); state.set(State::Idle); },
                    Svg { icon: Icon::Stop }
                    span { {ctx.t("read.stop")} }
                }
            }
            if let Some(text) = refusal {
                p { class: "muted", role: "status", "data-read-refused": "true", "{text}" }
            }
            details { class: "read-help",
                summary { {ctx.t("read.about")} }
                p { class: "muted", {ctx.t("read.private")} }
            }
        }
    }
}
