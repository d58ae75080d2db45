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

/// What became of a request to read aloud.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speech {
    /// Reading has begun; [`speech_finished`] resolves when it ends or is stopped.
    Started,
    /// The device has no voice of its own for the language.
    NoVoice,
    /// There is no speech synthesis here.
    Unsupported,
    /// Nothing to read.
    Empty,
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::Speech;
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
// Back inside Sauga: one history entry stands for every screen behind the current
// one. Back pops it ("back" to the app, which goes back one screen and asks for it
// again while screens are left). There is never more than one, so quick exit can take
// it back first and leave no page of Sauga behind the neutral one.
let inner = false;
let leaving = null;
window.addEventListener("popstate", () => {
  if (leaving) { location.replace(leaving); return; }
  if (inner) { inner = false; send("back"); }
});
export function set_history_depth(depth) {
  if (depth > 0 && !inner && !leaving) { history.pushState({ sauga: 1 }, ""); inner = true; }
}
function leave_for(page) {
  if (!inner) return false;
  inner = false;
  leaving = page;
  history.back();
  // If the browser does not report the step back, leave anyway.
  setTimeout(() => location.replace(page), 1500);
  return true;
}
export function leave_history() { return leave_for("calc.html"); }
// Teacher mode is its own page (teacher.html, the whole app); a pupil's page never
// loads its code. Its files are read first, through the service worker, which keeps
// them: when they cannot be read (offline, never opened before) the page stays.
export async function fetch_teacher_page() {
  try {
    for (const f of ["teacher.html", "teacher/sauga.js", "teacher/sauga_bg.wasm"]) {
      const r = await fetch(f);
      if (!r.ok) return false;
      await r.arrayBuffer();
    }
    return true;
  } catch (e) { return false; }
}
// The teacher page replaces this one (no page of it left behind for Back).
export function open_teacher_page() {
  if (!leave_for("teacher.html")) location.replace("teacher.html");
}
export function opened_for_teacher() { return /\/teacher\.html$/.test(location.pathname); }
export function set_lang(code) {
  document.documentElement.lang = code;
  try { localStorage.setItem("sauga.lang", code); } catch (e) {}
}
export function focus_screen_top() {
  window.scrollTo(0, 0);
  // A screen made for typing (result codes) starts in its field; others at the heading.
  const field = document.querySelector("#content [data-autofocus]");
  if (field) { field.focus({ preventScroll: true }); return; }
  const h = document.querySelector("#content h1");
  if (h) { h.setAttribute("tabindex", "-1"); h.focus({ preventScroll: true }); }
}
export function copy_text(text) {
  if (navigator.clipboard) navigator.clipboard.writeText(text).catch(() => {});
}
export function print_page() { window.print(); }
export function toggle_full_screen(selector) {
  if (document.fullscreenElement) { document.exitFullscreen().catch(() => {}); return; }
  const el = document.querySelector(selector);
  if (el && el.requestFullscreen) el.requestFullscreen().catch(() => {});
}
export function set_title(title) { document.title = title; }
export function focus_first(selector) {
  const el = document.querySelector(selector);
  if (el) el.focus();
}

// Read aloud with the device's own speech synthesis, sentence by sentence, the
// sentence being read highlighted (CSS Custom Highlight API). Only voices the device
// runs itself (`localService`) are used: nothing is sent anywhere.
let reading = null;
function stopReading() {
  if (reading) { const r = reading; reading = null; r.done(); }
  if (window.speechSynthesis) speechSynthesis.cancel();
  if (window.CSS && CSS.highlights) CSS.highlights.delete("sauga-reading");
}
async function localVoice(lang) {
  let voices = speechSynthesis.getVoices();
  if (!voices.length) {
    await new Promise((ok) => {
      speechSynthesis.addEventListener("voiceschanged", ok, { once: true });
      setTimeout(ok, 1000);
    });
    voices = speechSynthesis.getVoices();
  }
  return voices.find((v) => v.localService !== false && String(v.lang).toLowerCase().replace("_", "-").split("-")[0] === lang) || null;
}
// The text of `root` as sentences, each with the DOM range it covers; blocks (a
// paragraph, a list item, an option) never run into each other.
function sentences(root, lang) {
  const blocks = new Map();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => n.parentElement.closest("[data-no-read], svg") || !n.textContent.trim()
      ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const block = n.parentElement.closest("p, li, h1, h2, h3, dt, dd, button, aside, blockquote, summary") || root;
    if (!blocks.has(block)) blocks.set(block, []);
    blocks.get(block).push(n);
  }
  const seg = window.Intl && Intl.Segmenter ? new Intl.Segmenter(lang, { granularity: "sentence" }) : null;
  const out = [];
  for (const nodes of blocks.values()) {
    let text = "";
    const starts = nodes.map((n) => { const s = text.length; text += n.textContent; return s; });
    const at = (offset) => {
      let i = nodes.length - 1;
      while (i > 0 && starts[i] > offset) i--;
      return [nodes[i], Math.min(offset - starts[i], nodes[i].textContent.length)];
    };
    const parts = seg ? Array.from(seg.segment(text), (s) => [s.index, s.index + s.segment.length])
      : [[0, text.length]];
    for (const [a, b] of parts) {
      const said = text.slice(a, b).trim();
      if (!said) continue;
      const range = document.createRange();
      range.setStart(...at(a));
      range.setEnd(...at(b));
      out.push({ said, range });
    }
  }
  return out;
}
export async function speak(selector, lang) {
  stopReading();
  if (!window.speechSynthesis || !window.SpeechSynthesisUtterance) return "unsupported";
  const root = document.querySelector(selector);
  if (!root) return "empty";
  const voice = await localVoice(lang);
  if (!voice) return "no-voice";
  const parts = sentences(root, lang);
  if (!parts.length) return "empty";
  let done;
  const finished = new Promise((ok) => { done = ok; });
  const mine = { done, finished };
  reading = mine;
  parts.forEach((part, i) => {
    const u = new SpeechSynthesisUtterance(part.said);
    u.lang = voice.lang;
    u.voice = voice;
    u.onstart = () => {
      if (reading !== mine) return;
      if (window.CSS && CSS.highlights && window.Highlight) CSS.highlights.set("sauga-reading", new Highlight(part.range));
    };
    u.onend = u.onerror = () => { if (i === parts.length - 1 && reading === mine) stopReading(); };
    speechSynthesis.speak(u);
  });
  return "started";
}
export function speech_finished() {
  return reading ? reading.finished : Promise.resolve();
}
export function speech_pause() { if (window.speechSynthesis) speechSynthesis.pause(); }
export function speech_resume() { if (window.speechSynthesis) speechSynthesis.resume(); }
export function speech_stop() { stopReading(); }
"##)]
    extern "C" {
        #[wasm_bindgen(js_name = next_event)]
        async fn js_next_event() -> JsValue;
        #[wasm_bindgen(js_name = watch_keys_and_idle)]
        fn js_watch_keys_and_idle();
        #[wasm_bindgen(js_name = set_lang)]
        fn js_set_lang(code: &str);
        #[wasm_bindgen(js_name = set_history_depth)]
        fn js_set_history_depth(depth: u32);
        #[wasm_bindgen(js_name = leave_history)]
        fn js_leave_history() -> bool;
        #[wasm_bindgen(js_name = fetch_teacher_page)]
        async fn js_fetch_teacher_page() -> JsValue;
        #[wasm_bindgen(js_name = open_teacher_page)]
        fn js_open_teacher_page();
        #[wasm_bindgen(js_name = opened_for_teacher)]
        fn js_opened_for_teacher() -> bool;
        #[wasm_bindgen(js_name = focus_screen_top)]
        fn js_focus_screen_top();
        #[wasm_bindgen(js_name = copy_text)]
        fn js_copy_text(text: &str);
        fn print_page();
        #[wasm_bindgen(js_name = toggle_full_screen)]
        fn js_toggle_full_screen(selector: &str);
        #[wasm_bindgen(js_name = set_title)]
        fn js_set_title(title: &str);
        #[wasm_bindgen(js_name = focus_first)]
        fn js_focus_first(selector: &str);
        #[wasm_bindgen(js_name = speak)]
        async fn js_speak(selector: &str, lang: &str) -> JsValue;
        #[wasm_bindgen(js_name = speech_finished)]
        async fn js_speech_finished();
        fn speech_pause();
        fn speech_resume();
        fn speech_stop();
    }

    pub async fn speak(selector: &str, lang: &str) -> Speech {
        match js_speak(selector, lang).await.as_string().as_deref() {
            Some("started") => Speech::Started,
            Some("no-voice") => Speech::NoVoice,
            Some("empty") => Speech::Empty,
            _ => Speech::Unsupported,
        }
    }
    pub async fn speech_finished() {
        js_speech_finished().await;
    }
    pub fn pause_speech() {
        speech_pause();
    }
    pub fn resume_speech() {
        speech_resume();
    }
    pub fn stop_speech() {
        speech_stop();
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
    pub fn set_history_depth(depth: u32) -> bool {
        js_set_history_depth(depth);
        true
    }
    pub fn leave_history() -> bool {
        js_leave_history()
    }
    pub async fn fetch_teacher_page() -> Option<bool> {
        Some(js_fetch_teacher_page().await.as_bool() == Some(true))
    }
    pub fn open_teacher_page() {
        js_open_teacher_page();
    }
    pub fn opened_for_teacher() -> bool {
        js_opened_for_teacher()
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
    pub fn toggle_full_screen(selector: &str) -> bool {
        js_toggle_full_screen(selector);
        true
    }
    pub fn set_title(title: &str) -> bool {
        js_set_title(title);
        true
    }
    pub fn focus_first(selector: &str) -> bool {
        js_focus_first(selector);
        true
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::Speech;

    pub async fn next_event() -> Option<String> {
        None
    }
    pub async fn speak(_selector: &str, _lang: &str) -> Speech {
        Speech::Unsupported
    }
    pub async fn speech_finished() {}
    pub fn pause_speech() {}
    pub fn resume_speech() {}
    pub fn stop_speech() {}
    pub fn watch_keys_and_idle() -> bool {
        false
    }
    pub fn set_lang(_code: &str) -> bool {
        false
    }
    pub fn set_history_depth(_depth: u32) -> bool {
        false
    }
    pub fn leave_history() -> bool {
        false
    }
    pub async fn fetch_teacher_page() -> Option<bool> {
        None
    }
    pub fn open_teacher_page() {}
    pub fn opened_for_teacher() -> bool {
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
    pub fn toggle_full_screen(_selector: &str) -> bool {
        false
    }
    pub fn set_title(_title: &str) -> bool {
        false
    }
    pub fn focus_first(_selector: &str) -> bool {
        false
    }
}

/// Copies text to the clipboard where the browser allows it.
pub use imp::copy_text;
/// The web app without teacher mode: reads the teacher page's files (true when they
/// could be read, and so are kept for offline use); `None` where there is no teacher
/// page (a native build made without the `teacher` feature).
pub use imp::fetch_teacher_page;
/// Moves keyboard focus to the first element a CSS selector picks.
pub use imp::focus_first;
/// Scrolls to the top and moves focus to the screen's heading.
pub use imp::focus_screen_top;
/// Before quick exit: takes Sauga's history entry back, then leaves for the neutral
/// page (true); false when there is none (leave at once).
pub use imp::leave_history;
/// The next message of [`watch_keys_and_idle`]'s watcher (`exit`, `idle:SECONDS`).
pub use imp::next_event;
/// Replaces the pupil's page with the teacher page (web; nothing elsewhere).
pub use imp::open_teacher_page;
/// The page is the teacher page: the app starts in teacher mode.
pub use imp::opened_for_teacher;
/// Opens the print dialog.
pub use imp::print;
/// Keeps one history entry for the screens behind the current one (`depth` of them);
/// Back then reports `back` through [`next_event`].
pub use imp::set_history_depth;
/// The page's `lang` follows the app; the static first screen uses it next time.
pub use imp::set_lang;
/// The page's title (the neutral title where chosen).
pub use imp::set_title;
/// Reads the text under a CSS selector aloud in a language (`lt`…), with the
/// device's own voice, highlighting each sentence as it is read (web only so far).
pub use imp::speak;
/// Resolves when reading ends or is stopped.
pub use imp::speech_finished;
/// Shows the element a CSS selector picks full screen, or leaves full screen.
pub use imp::toggle_full_screen;
/// Starts the key and idle watcher in the page.
pub use imp::watch_keys_and_idle;
/// Pause, resume and stop reading aloud.
pub use imp::{pause_speech, resume_speech, stop_speech};
