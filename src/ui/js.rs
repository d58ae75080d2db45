//! The only place the UI runs JavaScript in the page. On the web each call goes to
//! [`crate::platform::page`] (the app's own module script, so the page's
//! Content-Security-Policy needs no `'unsafe-eval'`); in the desktop and mobile web
//! views the same few lines run through Dioxus's `document::eval`, with values only as
//! JSON-quoted strings.

use crate::platform::page;
use dioxus::prelude::*;

/// Keyboard quick exit (Shift pressed on its own three times within five seconds, as on
/// GOV.UK) and the idle time, for the web views (the web page's twin is in
/// `platform/page.rs`).
const WATCH_JS: &str = r#"
let shifts = [];
let last = Date.now();
const seen = () => { last = Date.now(); };
for (const t of ["pointerdown", "keydown", "touchstart", "wheel", "input"]) {
  window.addEventListener(t, seen, { capture: true, passive: true });
}
// A Shift pressed and let go on its own counts; one held for Shift+Tab does not.
let combo = false;
window.addEventListener("keydown", (e) => {
  if (e.key === "Shift") { if (!e.repeat) combo = false; return; }
  combo = true;
  shifts = [];
}, true);
window.addEventListener("keyup", (e) => {
  if (e.key !== "Shift" || combo) return;
  const now = Date.now();
  shifts = shifts.filter((t) => now - t < 5000);
  shifts.push(now);
  if (shifts.length >= 3) { shifts = []; dioxus.send("exit"); }
}, true);
setInterval(() => dioxus.send("idle:" + Math.floor((Date.now() - last) / 1000)), 5000);
// Back (Android's button in the mobile web view) inside Sauga: one history entry
// stands for the screens behind the current one (see `set_history_depth`).
window.addEventListener("popstate", () => {
  if (window.saugaInner) { window.saugaInner = false; dioxus.send("back"); }
});
await new Promise(() => {});
"#;

/// Runs a script that talks back with `dioxus.send` (the desktop test driver's).
pub fn run(script: &str) -> document::Eval {
    document::eval(script)
}

/// What the key and idle watcher reports: `exit` and `idle:SECONDS`.
pub struct Watcher(Option<document::Eval>);

impl Watcher {
    pub async fn next(&mut self) -> Option<String> {
        match &mut self.0 {
            Some(eval) => eval.recv::<String>().await.ok(),
            None => page::next_event().await,
        }
    }
}

/// Starts the key and idle watcher for as long as the app runs.
pub fn watch_keys_and_idle() -> Watcher {
    if page::watch_keys_and_idle() {
        Watcher(None)
    } else {
        Watcher(Some(document::eval(WATCH_JS)))
    }
}

/// Keeps one history entry while there are screens to go back to, so the browser's
/// and Android's Back button goes back one screen inside Sauga (reported as `back`).
pub fn set_history_depth(depth: usize) {
    let depth = u32::try_from(depth).unwrap_or(u32::MAX);
    if !page::set_history_depth(depth) && depth > 0 {
        let _ = document::eval(
            "if (!window.saugaInner) { history.pushState({ sauga: 1 }, ''); window.saugaInner = true; }",
        );
    }
}

/// The page's own `lang` attribute follows the app's language (screen readers, fonts),
/// and the web page's first screen (before the app loads) uses it next time.
pub fn set_page_lang(code: &str) {
    if !page::set_lang(code) {
        let _ = document::eval(&format!("document.documentElement.lang = {code:?};"));
    }
}

/// The window's or tab's title.
pub fn set_title(title: &str) {
    if !page::set_title(title) {
        document::document().set_title(title.to_string());
    }
}

/// A new screen starts at its top, with keyboard and screen-reader focus on its heading
/// (or on its `data-autofocus` field, where the screen is made for typing).
pub fn top_of_screen() {
    if !page::focus_screen_top() {
        let _ = document::eval(
            "window.scrollTo(0, 0); const f = document.querySelector('#content [data-autofocus]'); \
             const h = document.querySelector('#content h1'); \
             if (f) { f.focus({ preventScroll: true }); } \
             else if (h) { h.setAttribute('tabindex', '-1'); h.focus({ preventScroll: true }); }",
        );
    }
}

/// Moves keyboard focus to the first element `selector` picks (a sheet that opens).
pub fn focus(selector: &str) {
    if !page::focus_first(selector) {
        let quoted = format!("{selector:?}");
        let _ = document::eval(&format!(
            "const el = document.querySelector({quoted}); if (el) el.focus();"
        ));
    }
}

/// Copies text to the clipboard where the browser allows it.
pub fn copy_text(text: &str) {
    if !page::copy_text(text) {
        let quoted = format!("{text:?}");
        let _ = document::eval(&format!(
            "if (navigator.clipboard) {{ navigator.clipboard.writeText({quoted}).catch(() => {{}}); }}"
        ));
    }
}

/// Shows the element `selector` picks full screen, or leaves full screen (the tally
/// presenter on a projector).
pub fn toggle_full_screen(selector: &str) {
    if !page::toggle_full_screen(selector) {
        let _ = document::eval(&format!(
            "if (document.fullscreenElement) {{ document.exitFullscreen(); }} else {{ const e = document.querySelector({selector:?}); if (e && e.requestFullscreen) e.requestFullscreen(); }}"
        ));
    }
}

/// Opens the print dialog (teacher reports have print styles).
pub fn print() {
    if !page::print() {
        let _ = document::eval("window.print()");
    }
}
