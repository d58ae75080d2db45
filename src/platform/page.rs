//! The page the app is drawn in. On the web these run as the app's own module script
//! (wasm-bindgen), so the page's Content-Security-Policy needs no `'unsafe-eval'`;
//! they answer `false` (or `None`) elsewhere, where the UI runs the same few lines
//! through the renderer (`ui/js.rs`).

/// The app's style sheet where the UI must carry it (desktop and mobile web views,
/// tests). The web page links `sauga.css` as a file instead, so the policy allows no
/// inline styles.
#[cfg(not(target_arch = "wasm32"))]
pub const APP_CSS: Option<&str> = Some(include_str!("../../assets/sauga.css"));
#[cfg(target_arch = "wasm32")]
pub const APP_CSS: Option<&str> = None;

#[cfg(target_arch = "wasm32")]
mod imp {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen(inline_js = r##"
const queue = [];
let waiting = null;
function send(message) {
  if (waiting) { const w = waiting; waiting = null; w(message); } else { queue.push(message); }
}
export function next_event() {
  if (queue.length) return Promise.resolve(queue.shift());
  return new Promise((resolve) => { waiting = resolve; });
}
// Keyboard quick exit (Shift pressed on its own three times within five seconds, as on GOV.UK)
// and the idle time, reported as "exit" and "idle:SECONDS".
export function watch_keys_and_idle() {
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
    if (shifts.length >= 3) { shifts = []; send("exit"); }
  }, true);
  setInterval(() => send("idle:" + Math.floor((Date.now() - last) / 1000)), 5000);
}
export function set_lang(code) {
  document.documentElement.lang = code;
  try { localStorage.setItem("sauga.lang", code); } catch (e) {}
}
export function focus_screen_top() {
  window.scrollTo(0, 0);
  const h = document.querySelector("#content h1");
  if (h) { h.setAttribute("tabindex", "-1"); h.focus({ preventScroll: true }); }
}
export function copy_text(text) {
  if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
}
export function print_page() { window.print(); }
export function set_title(title) { document.title = title; }
"##)]
    extern "C" {
        #[wasm_bindgen(js_name = next_event)]
        async fn js_next_event() -> JsValue;
        #[wasm_bindgen(js_name = watch_keys_and_idle)]
        fn js_watch_keys_and_idle();
        #[wasm_bindgen(js_name = set_lang)]
        fn js_set_lang(code: &str);
        #[wasm_bindgen(js_name = focus_screen_top)]
        fn js_focus_screen_top();
        #[wasm_bindgen(js_name = copy_text)]
        fn js_copy_text(text: &str);
        fn print_page();
        #[wasm_bindgen(js_name = set_title)]
        fn js_set_title(title: &str);
    }

    pub async fn next_event() -> Option<String> {
        js_next_event().await.as_string()
    }
    pub fn watch_keys_and_idle() -> bool {
        js_watch_keys_and_idle();
        true
    }
    pub fn set_lang(code: &str) -> bool {
        js_set_lang(code);
        true
    }
    pub fn focus_screen_top() -> bool {
        js_focus_screen_top();
        true
    }
    pub fn copy_text(text: &str) -> bool {
        js_copy_text(text);
        true
    }
    pub fn print() -> bool {
        print_page();
        true
    }
    pub fn set_title(title: &str) -> bool {
        js_set_title(title);
        true
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub async fn next_event() -> Option<String> {
        None
    }
    pub fn watch_keys_and_idle() -> bool {
        false
    }
    pub fn set_lang(_code: &str) -> bool {
        false
    }
    pub fn focus_screen_top() -> bool {
        false
    }
    pub fn copy_text(_text: &str) -> bool {
        false
    }
    pub fn print() -> bool {
        false
    }
    pub fn set_title(_title: &str) -> bool {
        false
    }
}

/// Copies text to the clipboard where the browser allows it.
pub use imp::copy_text;
/// Scrolls to the top and moves focus to the screen's heading.
pub use imp::focus_screen_top;
/// The next message of [`watch_keys_and_idle`]'s watcher (`exit`, `idle:SECONDS`).
pub use imp::next_event;
/// Opens the print dialog.
pub use imp::print;
/// The page's `lang` follows the app; the static first screen uses it next time.
pub use imp::set_lang;
/// The page's title (the neutral title where chosen).
pub use imp::set_title;
/// Starts the key and idle watcher in the page.
pub use imp::watch_keys_and_idle;
