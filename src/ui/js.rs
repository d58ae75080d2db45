//! The only place the UI runs JavaScript in the page or the desktop web view (through
//! Dioxus's `document::eval`): each script is a few fixed lines, and values reach it
//! only as JSON-quoted strings.

use dioxus::prelude::*;

/// Keyboard quick exit (Shift pressed three times within five seconds, as on
/// GOV.UK) and the idle lock, watched in the page or window for as long as the app runs.
const WATCH_JS: &str = r#"
let shifts = [];
let last = Date.now();
const seen = () => { last = Date.now(); };
for (const t of ["pointerdown", "keydown", "touchstart", "wheel", "input"]) {
  window.addEventListener(t, seen, { capture: true, passive: true });
}
window.addEventListener("keydown", (e) => {
  if (e.key !== "Shift" || e.repeat) return;
  const now = Date.now();
  shifts = shifts.filter((t) => now - t < 5000);
  shifts.push(now);
  if (shifts.length >= 3) { shifts = []; dioxus.send("exit"); }
}, true);
setInterval(() => dioxus.send("idle:" + Math.floor((Date.now() - last) / 1000)), 5000);
await new Promise(() => {});
"#;

/// Runs a script that talks back with `dioxus.send` (the desktop test driver's).
pub fn run(script: &str) -> document::Eval {
    document::eval(script)
}

/// Starts the key and idle watcher; it reports `exit` and `idle:SECONDS`.
pub fn watch_keys_and_idle() -> document::Eval {
    document::eval(WATCH_JS)
}

/// The page's own `lang` attribute follows the app's language (screen readers, fonts),
/// and the web page's first screen (before the app loads) uses it next time.
pub fn set_page_lang(code: &str) {
    let quoted = format!("{code:?}");
    let _ = document::eval(&format!(
        "document.documentElement.lang = {quoted}; \
         try {{ localStorage.setItem('sauga.lang', {quoted}); }} catch (e) {{}}"
    ));
}

/// A new screen starts at its top, with keyboard and screen-reader focus on its heading.
pub fn top_of_screen() {
    let _ = document::eval(
        "window.scrollTo(0, 0); const h = document.querySelector('#content h1'); \
         if (h) { h.setAttribute('tabindex', '-1'); h.focus({ preventScroll: true }); }",
    );
}

/// Scrolls to the top of the page (a new quiz question).
pub fn scroll_to_top() {
    let _ = document::eval("window.scrollTo(0, 0);");
}

/// Copies text to the clipboard where the browser allows it.
pub fn copy_text(text: &str) {
    let quoted = format!("{text:?}");
    let _ = document::eval(&format!(
        "if (navigator.clipboard) {{ navigator.clipboard.writeText({quoted}).catch(() => {{}}); }}"
    ));
}

/// Opens the print dialog (teacher reports have print styles).
pub fn print() {
    let _ = document::eval("window.print()");
}
