//! What differs between web, desktop and mobile, in one place: where the database
//! lives and how a write becomes durable, the device's languages, the clock.
//!
//! * Desktop and mobile: an SQLite file in the platform's app-data folder; every
//!   commit is durable when it returns (WAL, `synchronous=FULL`).
//! * Web: SQLite runs in memory inside the page; after every write the database's
//!   bytes are stored in IndexedDB with strict durability, and the UI says "saved"
//!   only when the browser confirms. See ARCHITECTURE.md for why.

use crate::content::Catalog;
use crate::lang::Lang;
use crate::storage::{StorageError, Store};

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
use web as imp;

pub mod packs;
pub mod page;
pub mod tools;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(any(target_os = "android", target_os = "ios"))]
mod share;
#[cfg(not(target_arch = "wasm32"))]
use native as imp;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{keep_aside, open_db_file, read_content_dir, save_file_in};

/// True where a write must be copied somewhere after it commits (the web).
pub const COPY_AFTER_WRITE: bool = cfg!(target_arch = "wasm32");

/// The device's or browser's preferred languages, most preferred first.
pub fn preferred_languages() -> Vec<String> {
    imp::preferred_languages()
}

/// Seconds since 1970 (browsers have no `SystemTime`).
pub fn now_unix() -> i64 {
    imp::now_unix()
}

/// Opens the user's database where this platform keeps it.
pub async fn open_store() -> Result<Store, StorageError> {
    imp::open_store().await
}

/// Keeps the refused database under another name (nothing is deleted) and starts a
/// new, empty one. Offered only for a damaged database, never silently.
pub async fn start_fresh() -> Result<Store, StorageError> {
    imp::start_fresh().await
}

/// The course in `lang` when it is at hand without waiting: from the content pack in
/// use if there is one ([`packs::use_pack`]); else always on desktop and mobile (built
/// in), on the web once its data file has been read.
pub fn content_ready(lang: Lang) -> Option<&'static Catalog> {
    match packs::pack_content(lang) {
        Some(read) => read.ok(),
        None => imp::content_ready(lang),
    }
}

/// The course in `lang`: from the content pack in use if there is one; else built in
/// on desktop and mobile, and on the web its data file (`content/lt.json`…, kept
/// offline by the service worker), read once per page.
pub async fn load_content(lang: Lang) -> Result<&'static Catalog, String> {
    match packs::pack_content(lang) {
        Some(read) => read,
        None => imp::load_content(lang).await,
    }
}

/// Where the data is kept, for Settings → About.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataLocation {
    /// The browser's own storage (IndexedDB) for this site.
    Browser,
    /// A file on this device, or why its folder is unknown.
    File(String),
}

/// Where the data is kept, for Settings → About.
pub fn location() -> DataLocation {
    imp::location()
}

/// What [`copy_after_write`] answers when another tab of the browser has taken over
/// saving: this tab's changes are no longer kept.
pub const OTHER_TAB: &str = "sauga:other-tab";

/// What [`copy_after_write`] answers when the browser's storage for Sauga is full.
pub const STORAGE_FULL: &str = "sauga:storage-full";

/// Takes saving over from another tab that has Sauga open (web), then opens the
/// database as that tab left it; elsewhere the same as [`open_store`].
pub async fn take_over() -> Result<Store, StorageError> {
    imp::take_over().await
}

/// Makes the database's current bytes durable (web only; elsewhere a no-op).
pub async fn copy_after_write(bytes: Vec<u8>) -> Result<(), String> {
    imp::copy_after_write(bytes).await
}

/// `n` random bytes from the operating system or the browser (for salts).
pub fn random_bytes(n: usize) -> Vec<u8> {
    imp::random_bytes(n)
}

/// Leaves the app at once for a neutral page, dropping everything in memory. On the
/// web the page is replaced (no history entry is left to go back to); elsewhere the
/// caller shows the neutral screen.
pub fn quick_exit() -> bool {
    imp::quick_exit()
}

/// Saves an exported file for the user: a download in the browser, a file in the
/// documents folder elsewhere. Returns where it went, to tell the user. The name is
/// made safe first ([`safe_file_name`]), whoever wrote it.
pub fn save_file(name: &str, bytes: &[u8], mime: &str) -> Result<String, String> {
    // Each platform makes the name safe ([`safe_file_name`]) where it uses it.
    imp::save_file(name, bytes, mime)
}

/// How many automatic backups of teacher data are kept; older ones are dropped.
pub const AUTO_BACKUPS: usize = 10;

/// An automatic backup of teacher data: when it was taken and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AutoBackup {
    /// Where it is kept (a file name, or a key in the browser's store).
    pub name: String,
    pub taken_at: i64,
    /// `session` (after a session), `restore` (before a restore), `delete` (before
    /// a class was deleted).
    pub reason: String,
}

/// The name an automatic backup is kept under: it sorts by time.
fn auto_backup_name(taken_at: i64, reason: &str) -> String {
    format!("auto-{:012}-{reason}.json", taken_at.max(0))
}

/// Reads a name made by [`auto_backup_name`].
fn parse_auto_backup_name(name: &str) -> Option<AutoBackup> {
    let rest = name.strip_prefix("auto-")?.strip_suffix(".json")?;
    let (time, reason) = rest.split_once('-')?;
    Some(AutoBackup {
        name: name.to_string(),
        taken_at: time.parse().ok()?,
        reason: reason.to_string(),
    })
}

/// Keeps `json` (teacher data from `storage::Teacher::backup`) as an automatic
/// backup, unless it equals the newest one; keeps the newest [`AUTO_BACKUPS`]. Kept
/// apart from the database (app folder or browser store), so a damaged database does
/// not take its copies with it.
pub async fn keep_auto_backup(json: &str, taken_at: i64, reason: &str) -> Result<(), String> {
    let mut kept = imp::auto_backup_names().await?;
    kept.sort();
    if let Some(newest) = kept.last() {
        if imp::read_auto_backup(newest).await.ok().as_deref() == Some(json) {
            return Ok(());
        }
    }
    let name = auto_backup_name(taken_at, reason);
    imp::write_auto_backup(&name, json).await?;
    kept.push(name);
    kept.sort();
    let excess = kept.len().saturating_sub(AUTO_BACKUPS);
    for old in &kept[..excess] {
        imp::remove_auto_backup(old).await?;
    }
    Ok(())
}

/// The automatic backups kept, newest first.
pub async fn auto_backups() -> Vec<AutoBackup> {
    let mut list: Vec<AutoBackup> = imp::auto_backup_names()
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|n| parse_auto_backup_name(n))
        .collect();
    list.sort_by(|a, b| b.name.cmp(&a.name));
    list
}

/// The text of an automatic backup listed by [`auto_backups`].
pub async fn read_auto_backup(name: &str) -> Result<String, String> {
    imp::read_auto_backup(name).await
}

/// The longest file name an export gets, in characters (file systems allow 255 bytes).
const MAX_NAME_CHARS: usize = 80;

/// A file name that stays inside the folder it is saved in, on every system: one
/// name (no folders: `/`, `\` and `:` become `-`), no control characters or
/// characters Windows refuses, no leading dots or trailing dots and spaces, at most
/// [`MAX_NAME_CHARS`] characters with its extension kept; letters of any language stay.
/// Export names carry titles a teacher typed, or a restored backup brought.
pub fn safe_file_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| match c {
            '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|' => '-',
            c if c.is_control() => '-',
            c => c,
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', ' ', '-'])
        .trim_end_matches(['.', ' ']);
    let (stem, ext) = match trimmed.rsplit_once('.') {
        Some((s, e)) if !s.is_empty() && !e.is_empty() && e.chars().count() <= 8 => (s, e),
        _ => (trimmed, ""),
    };
    let room = MAX_NAME_CHARS.saturating_sub(ext.chars().count() + 1);
    let stem: String = stem.chars().take(room).collect();
    let stem = stem.trim_end_matches(['.', ' ']);
    let stem = if stem.is_empty() {
        "sauga-export"
    } else {
        stem
    };
    if ext.is_empty() {
        stem.to_string()
    } else {
        format!("{stem}.{ext}")
    }
}

/// Files saved earlier by [`save_file`] whose names start with `prefix` and end with
/// `suffix`, newest name first, as (name, path): backups can be restored from them
/// without a file dialog (which on Linux needs a desktop portal). None on the web,
/// where the browser's file input does the job.
pub fn saved_files(prefix: &str, suffix: &str) -> Vec<(String, String)> {
    imp::saved_files(prefix, suffix)
}

/// The text of a file listed by [`saved_files`].
pub fn read_saved(path: &str) -> Result<String, String> {
    imp::read_saved(path)
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn file_names_are_made_safe() {
        assert_eq!(
            safe_file_name("sauga-own-Mano testas.gift"),
            "sauga-own-Mano testas.gift"
        );
        assert_eq!(
            safe_file_name("Тест: торгівля/люди.gift"),
            "Тест- торгівля-люди.gift"
        );
        assert_eq!(safe_file_name("../../etc/passwd"), "etc-passwd");
        assert_eq!(safe_file_name("...gift"), "gift");
        assert_eq!(safe_file_name(""), "sauga-export");
        assert_eq!(safe_file_name("a\u{7}b?.csv"), "a-b-.csv");
        let long = safe_file_name(&format!("{}.csv", "ą".repeat(300)));
        assert_eq!(long.chars().count(), 80);
        assert!(long.ends_with(".csv"), "the extension is kept");
    }
}
