//! What differs between web, desktop and mobile, in one place: where the database
//! lives and how a write becomes durable, the device's languages, the clock.
//!
//! * Desktop and mobile: an SQLite file in the platform's app-data folder; every
//!   commit is durable when it returns (WAL, `synchronous=FULL`).
//! * Web: SQLite runs in memory inside the page; after every write the database's
//!   bytes are stored in IndexedDB with strict durability, and the UI says "saved"
//!   only when the browser confirms. See ARCHITECTURE.md for why.

use crate::storage::{StorageError, Store};

#[cfg(target_arch = "wasm32")]
mod web;
#[cfg(target_arch = "wasm32")]
use web as imp;

#[cfg(not(target_arch = "wasm32"))]
mod native;
#[cfg(any(target_os = "android", target_os = "ios"))]
mod share;
#[cfg(not(target_arch = "wasm32"))]
use native as imp;
#[cfg(not(target_arch = "wasm32"))]
pub use native::{keep_aside, open_db_file, read_content_dir};

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

/// Where the data is kept, for Settings → About.
pub fn location() -> String {
    imp::location()
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
/// documents folder elsewhere. Returns where it went, to tell the user.
pub fn save_file(name: &str, bytes: &[u8], mime: &str) -> Result<String, String> {
    imp::save_file(name, bytes, mime)
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
