//! The pupil's web app is built without teacher mode (the `teacher` feature), so a
//! pupil's phone never downloads it. Its "For teachers" screen is this door: it reads
//! the teacher page's files (the whole app, `teacher.html`, the same database; the
//! service worker keeps them for offline use), waits for the last change to be saved,
//! then opens that page. When the files cannot be read it says why and offers to try
//! again; Back returns to the pupil's screens as from any other.

use dioxus::prelude::*;

use crate::platform;
use crate::ui::state::{use_ctx, SaveState};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Door {
    /// Reading the teacher page's files.
    Reading,
    /// Read: the page opens once nothing is being saved.
    Ready,
    /// Leaving for the teacher page.
    Opening,
    /// The files could not be read (offline, and never opened before).
    Unreachable,
    /// This build has no teacher page (a native build without the feature).
    Missing,
}

#[component]
pub fn TeacherDoor() -> Element {
    let ctx = use_ctx();
    let mut door = use_signal(|| Door::Reading);
    let mut tries = use_signal(|| 0u32);
    // Reads the files again on every try.
    use_effect(move || {
        let _ = tries();
        door.set(Door::Reading);
        spawn(async move {
            door.set(match platform::page::fetch_teacher_page().await {
                Some(true) => Door::Ready,
                Some(false) => Door::Unreachable,
                None => Door::Missing,
            });
        });
    });
    // Leaves only once the latest change is stored: the teacher page reads the same
    // database.
    use_effect(move || {
        let saving = (ctx.save)() == SaveState::Saving;
        if door() == Door::Ready && !saving {
            door.set(Door::Opening);
            platform::page::open_teacher_page();
        }
    });
    let state = door();
    rsx! {
        section { class: "card", "data-teacher-door": "{state:?}", "aria-busy": matches!(state, Door::Reading | Door::Ready | Door::Opening).to_string(),
            h1 { {ctx.t("teacher.title")} }
            match state {
                Door::Reading | Door::Ready | Door::Opening => rsx! {
                    p { role: "status", {ctx.t("teacher.door_opening")} }
                    p { class: "muted", {ctx.t("teacher.door_once")} }
                },
                Door::Unreachable => rsx! {
                    p { role: "alert", {ctx.t("teacher.door_unreachable")} }
                    button { class: "btn primary wide", "data-action": "door-retry", onclick: move |_| tries += 1,
                        {ctx.t("teacher.door_retry")}
                    }
                },
                Door::Missing => rsx! {
                    p { role: "alert", {ctx.t("teacher.door_missing")} }
                },
            }
        }
    }
}
