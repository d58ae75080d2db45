//! The browser: SQLite in memory, its bytes kept in IndexedDB.

use wasm_bindgen::prelude::*;

use crate::content::{data, Catalog};
use crate::lang::Lang;
use crate::storage::{StorageError, Store};

const KEY: &str = "sauga.sqlite3";

#[wasm_bindgen(inline_js = r#"
let dbPromise = null;
// One tab saves at a time (a Web Lock held while the page lives); a tab whose lock
// another tab takes stops saving. Without Web Locks every tab saves, as before.
let writer = null;
function claim_once(steal) {
  return new Promise((resolve) => {
    navigator.locks.request("sauga-writer", steal ? { steal: true } : { ifAvailable: true }, (lock) => {
      if (!lock) { writer = false; resolve(false); return undefined; }
      writer = true;
      resolve(true);
      return new Promise(() => {});
    }).catch(() => { writer = false; resolve(false); });
  });
}
// A page that has just replaced another page of Sauga's (the teacher page, opened
// from the pupil's) may find the lock not yet let go: a few tries over a second.
export async function claim_writer(steal) {
  if (!navigator.locks) { writer = true; return true; }
  for (let i = 0; ; i++) {
    const got = await claim_once(steal);
    if (got || steal || i >= 4) return got;
    await new Promise((r) => setTimeout(r, 250));
  }
}
function db() {
  if (!dbPromise) {
    dbPromise = new Promise((resolve, reject) => {
      const req = indexedDB.open("sauga", 1);
      req.onupgradeneeded = () => req.result.createObjectStore("files");
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
  }
  return dbPromise;
}
export async function idb_get(key) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const q = d.transaction("files", "readonly").objectStore("files").get(key);
    q.onsuccess = () => resolve(q.result === undefined ? null : new Uint8Array(q.result));
    q.onerror = () => reject(q.error);
  });
}
export async function idb_put(key, bytes) {
  if (writer === false) throw "sauga:other-tab";
  const d = await db();
  const copy = bytes.slice();
  return new Promise((resolve, reject) => {
    const tx = d.transaction("files", "readwrite", { durability: "strict" });
    tx.objectStore("files").put(copy, key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
export async function idb_move(from, to) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction("files", "readwrite", { durability: "strict" });
    const store = tx.objectStore("files");
    const q = store.get(from);
    q.onsuccess = () => {
      // `add` never replaces: were the name taken, the whole move would be undone.
      if (q.result !== undefined) { store.add(q.result, to); store.delete(from); }
    };
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}
export async function idb_keys(prefix) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const q = d.transaction("files", "readonly").objectStore("files").getAllKeys();
    q.onsuccess = () => resolve(q.result.filter((k) => typeof k === "string" && k.startsWith(prefix)).join("\n"));
    q.onerror = () => reject(q.error);
  });
}
export async function idb_delete(key) {
  const d = await db();
  return new Promise((resolve, reject) => {
    const tx = d.transaction("files", "readwrite", { durability: "strict" });
    tx.objectStore("files").delete(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}
export function preferred_languages() {
  const langs = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
  return Array.from(langs).join(",");
}
export function random_bytes(n) {
  const a = new Uint8Array(n);
  crypto.getRandomValues(a);
  return a;
}
// The content-pack checker, its own wasm module, loaded the first time a pack is
// opened (platform/packs.rs).
let checker = null;
export async function check_pack(bytes, inUse, today) {
  if (!checker) {
    checker = import(new URL("checker/sauga_checker.js", document.baseURI).href)
      .then(async (m) => { await m.default(); return m; });
    checker.catch(() => { checker = null; });
  }
  return (await checker).check_pack(bytes, inUse, today);
}
export async function fetch_text(url) {
  let r;
  try { r = await fetch(url); } catch (e) { throw new Error(`${url}: ${e.message || e}`); }
  if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
  return await r.text();
}
export function leave(now) {
  try { if (window.speechSynthesis) speechSynthesis.cancel(); } catch (e) {}
  try { sessionStorage.clear(); } catch (e) {}
  if (now) location.replace("calc.html");
}
export function download(name, bytes, mime) {
  const url = URL.createObjectURL(new Blob([bytes.slice()], { type: mime }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
export function ask_persistent_storage() {
  if (navigator.storage && navigator.storage.persist) { navigator.storage.persist().catch(() => {}); }
}
"#)]
extern "C" {
    async fn claim_writer(steal: bool) -> JsValue;
    #[wasm_bindgen(catch)]
    async fn idb_get(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_put(key: &str, bytes: Vec<u8>) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_move(from: &str, to: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_keys(prefix: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    async fn idb_delete(key: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(js_name = preferred_languages)]
    fn js_preferred_languages() -> String;
    fn ask_persistent_storage();
    #[wasm_bindgen(js_name = random_bytes)]
    fn js_random_bytes(n: usize) -> Vec<u8>;
    fn leave(now: bool);
    #[wasm_bindgen(catch)]
    async fn fetch_text(url: &str) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch)]
    pub(super) async fn check_pack(
        bytes: &[u8],
        in_use: &str,
        today: &str,
    ) -> Result<JsValue, JsValue>;
    fn download(name: &str, bytes: &[u8], mime: &str);
}

/// A browser error as text: its name and message (a `DOMException` has no fields
/// `JSON.stringify` would show); a full store as [`super::STORAGE_FULL`].
fn js_error(e: JsValue) -> String {
    if let Some(s) = e.as_string() {
        return s;
    }
    let field = |name: &str| {
        js_sys::Reflect::get(&e, &JsValue::from_str(name))
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (name, message) = (field("name"), field("message"));
    if name == "QuotaExceededError" {
        return super::STORAGE_FULL.to_string();
    }
    match (name.is_empty(), message.is_empty()) {
        (true, true) => "IndexedDB error".into(),
        (false, true) => name,
        (true, false) => message,
        (false, false) => format!("{name}: {message}"),
    }
}

pub fn preferred_languages() -> Vec<String> {
    js_preferred_languages()
        .split(',')
        .map(str::to_string)
        .collect()
}

pub fn now_unix() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}

pub async fn open_store() -> Result<Store, StorageError> {
    ask_persistent_storage();
    if claim_writer(false).await.as_bool() != Some(true) {
        return Err(StorageError::InAnotherTab);
    }
    read_store().await
}

pub async fn take_over() -> Result<Store, StorageError> {
    claim_writer(true).await;
    // Read after taking over: the other tab has stopped saving, so these bytes hold
    // every change it said was saved.
    read_store().await
}

async fn read_store() -> Result<Store, StorageError> {
    let value = idb_get(KEY)
        .await
        .map_err(|e| StorageError::Unavailable(js_error(e)))?;
    if value.is_null() || value.is_undefined() {
        return Store::open_in_memory();
    }
    let bytes = js_sys::Uint8Array::new(&value).to_vec();
    Store::from_bytes(&bytes)
}

pub async fn start_fresh() -> Result<Store, StorageError> {
    // Milliseconds and random digits, so two refusals never pick the same name (and
    // `idb_move` would rather fail than replace an earlier copy).
    let tag: String = js_random_bytes(4)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let aside = format!("sauga-refused-{}-{tag}.sqlite3", js_sys::Date::now() as i64);
    idb_move(KEY, &aside)
        .await
        .map_err(|e| StorageError::Unavailable(js_error(e)))?;
    Store::open_in_memory()
}

// Automatic backups are kept in the same store as the database, under their names.
pub async fn auto_backup_names() -> Result<Vec<String>, String> {
    let keys = idb_keys("auto-").await.map_err(js_error)?;
    Ok(keys
        .as_string()
        .unwrap_or_default()
        .lines()
        .map(str::to_string)
        .collect())
}

pub async fn write_auto_backup(name: &str, json: &str) -> Result<(), String> {
    idb_put(name, json.as_bytes().to_vec())
        .await
        .map(|_| ())
        .map_err(js_error)
}

pub async fn read_auto_backup(name: &str) -> Result<String, String> {
    let value = idb_get(name).await.map_err(js_error)?;
    if value.is_null() || value.is_undefined() {
        return Err(format!("{name}: not found"));
    }
    String::from_utf8(js_sys::Uint8Array::new(&value).to_vec()).map_err(|e| e.to_string())
}

pub async fn remove_auto_backup(name: &str) -> Result<(), String> {
    idb_delete(name).await.map(|_| ()).map_err(js_error)
}

thread_local! {
    /// Each language's course once its data file has been read (kept for the page's
    /// life: at most four, each read once).
    static CONTENT: std::cell::RefCell<std::collections::BTreeMap<Lang, &'static Catalog>> =
        Default::default();
}

pub fn content_ready(lang: Lang) -> Option<&'static Catalog> {
    CONTENT.with(|c| c.borrow().get(&lang).copied())
}

pub async fn load_content(lang: Lang) -> Result<&'static Catalog, String> {
    if let Some(catalog) = content_ready(lang) {
        return Ok(catalog);
    }
    let url = format!("content/{}", data::file_name(lang));
    let text = fetch_text(&url)
        .await
        .map_err(js_error)?
        .as_string()
        .unwrap_or_default();
    let catalog = data::from_json(&text, lang).map_err(|e| format!("{url}: {e}"))?;
    let catalog: &'static Catalog = Box::leak(Box::new(catalog));
    CONTENT.with(|c| c.borrow_mut().insert(lang, catalog));
    Ok(catalog)
}

pub fn location() -> super::DataLocation {
    super::DataLocation::Browser
}

pub async fn copy_after_write(bytes: Vec<u8>) -> Result<(), String> {
    idb_put(KEY, bytes).await.map(|_| ()).map_err(|e| {
        if e.as_string().as_deref() == Some(super::OTHER_TAB) {
            super::OTHER_TAB.to_string()
        } else {
            js_error(e)
        }
    })
}

pub fn random_bytes(n: usize) -> Vec<u8> {
    js_random_bytes(n)
}

pub fn quick_exit() -> bool {
    // With a history entry of Sauga's, it is taken back first and the neutral page
    // replaces the one before it, so Back cannot reach Sauga.
    let stepped = super::page::leave_history();
    leave(!stepped);
    true
}

pub fn save_file(name: &str, bytes: &[u8], mime: &str) -> Result<String, String> {
    let name = super::safe_file_name(name);
    download(&name, bytes, mime);
    Ok(name)
}

pub fn saved_files(_prefix: &str, _suffix: &str) -> Vec<(String, String)> {
    Vec::new()
}

pub fn read_saved(path: &str) -> Result<String, String> {
    Err(format!("{path}: no saved files in the browser"))
}
