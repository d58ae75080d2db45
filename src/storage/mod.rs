//! Everything Sauga keeps on the device, in one SQLite database (rusqlite, bundled).
//!
//! Schema changes are numbered migrations recorded in `PRAGMA user_version`. A file
//! written by a newer Sauga, or one that is damaged, is refused with a
//! [`StorageError`] and left exactly as it was: the UI explains, the user decides.
//!
//! Stored now: settings (language, text size) and lesson progress (pages read,
//! modules completed). This module knows nothing about Dioxus or where the file lives
//! (see [`crate::platform`]).

use std::path::Path;

use rusqlite::{Connection, OpenFlags};

mod migrations;
mod pack;
mod progress;
mod settings;
mod teacher;

pub use pack::StoredPack;
pub use progress::{Attempt, LatestResult, ModuleProgress, Progress, QuizStats};
pub use settings::{TextSize, Theme};
pub use teacher::Teacher;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = migrations::MIGRATIONS.len() as i64;

/// Why the database cannot be used. Each case has its own message in the UI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("the database was written by a newer Sauga (schema {found}, this app knows up to {supported})")]
    TooNew { found: i64, supported: i64 },
    #[error("the database is damaged: {0}")]
    Damaged(String),
    #[error("the database could not be opened or written: {0}")]
    Unavailable(String),
    /// The browser has Sauga open in another tab, which is the one that saves.
    #[error("Sauga is open in another tab")]
    InAnotherTab,
    /// Input refused before anything was written (the database is fine).
    #[error("{0}")]
    Invalid(#[from] crate::teacher::Invalid),
}

impl From<rusqlite::Error> for StorageError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::*;
        match e.sqlite_error_code() {
            Some(NotADatabase | DatabaseCorrupt) => StorageError::Damaged(e.to_string()),
            _ => StorageError::Unavailable(e.to_string()),
        }
    }
}

pub type Result<T> = std::result::Result<T, StorageError>;

/// A path as an SQLite `file:` URI: every byte but letters, digits and `-._~/`
/// percent-encoded (so `?`, `#`, `%` and spaces in a folder name stay part of it).
fn file_uri(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from("file:");
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            uri.push(char::from(b));
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri
}

pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the database file at `path`, in WAL mode. Creating the
    /// first file safely (so that a first start cut short leaves nothing half-made) is
    /// the platform's part: see `platform::open_db_file`.
    pub fn open(path: &Path) -> Result<Store> {
        if path.exists() {
            // A rollback journal left beside the file is SQLite's record of a write
            // cut short (an older build migrated before switching to WAL). Only a
            // writer can roll it back, and rolling back restores the file as it was
            // before that write, so nothing committed changes.
            if Path::new(&format!("{}-journal", path.display())).exists() {
                let conn = Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?;
                conn.query_row("SELECT COUNT(*) FROM sqlite_master", [], |_| Ok(()))?;
            }
            // Then check it read-only: a refused file is never written to. With no
            // log beside it there is nothing to recover, so it is read as immutable and
            // SQLite leaves no `-wal`/`-shm` files beside a file it then refuses.
            let has_log = Path::new(&format!("{}-wal", path.display())).exists();
            let probe = if has_log {
                Connection::open_with_flags(
                    path,
                    OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
                )?
            } else {
                Connection::open_with_flags(
                    format!("{}?immutable=1", file_uri(path)),
                    OpenFlags::SQLITE_OPEN_READ_ONLY
                        | OpenFlags::SQLITE_OPEN_NO_MUTEX
                        | OpenFlags::SQLITE_OPEN_URI,
                )?
            };
            let pages: i64 = probe.pragma_query_value(None, "page_count", |r| r.get(0))?;
            if pages == 0 {
                // Sauga never leaves an empty file (a new one is made aside and moved
                // into place whole), so an empty one lost its contents elsewhere.
                return Err(StorageError::Damaged("the file is empty".into()));
            }
            Store::check(&probe)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        // A file the system lets us read but not write opens read-only without a word;
        // every save would then fail. Say so now instead.
        if conn.is_readonly(rusqlite::MAIN_DB)? {
            return Err(StorageError::Unavailable(
                "the file can be read but not written (check its permissions)".into(),
            ));
        }
        // WAL before any migration, so a migration cut short leaves a log SQLite
        // recovers on the next open; FULL makes a commit survive a power cut, which
        // matters more here than a millisecond per write.
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "FULL")?;
        Store::prepare(conn)
    }

    /// SQLite's full integrity check: true when the whole file is sound.
    pub fn integrity_ok(&self) -> Result<bool> {
        let result: String = self
            .conn
            .pragma_query_value(None, "integrity_check", |r| r.get(0))?;
        Ok(result == "ok")
    }

    /// A database in memory, for tests and for "continue without saving".
    pub fn open_in_memory() -> Result<Store> {
        Store::prepare(Connection::open_in_memory()?)
    }

    /// A database from the bytes of a database file (the browser keeps it so).
    pub fn from_bytes(bytes: &[u8]) -> Result<Store> {
        if bytes.len() < 100 || !bytes.starts_with(b"SQLite format 3\0") {
            return Err(StorageError::Damaged("not an SQLite database".into()));
        }
        let mut conn = Connection::open_in_memory()?;
        let mut reader = bytes;
        conn.deserialize_read_exact(rusqlite::MAIN_DB, &mut reader, bytes.len(), false)?;
        Store::prepare(conn)
    }

    /// The bytes of the whole database, to keep where no file system is at hand.
    pub fn to_bytes(&mut self) -> Result<Vec<u8>> {
        Ok(self.conn.serialize(rusqlite::MAIN_DB)?.to_vec())
    }

    /// Refuses a database from a newer Sauga or a damaged one; returns its version.
    fn check(conn: &Connection) -> Result<i64> {
        let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if found > SCHEMA_VERSION {
            return Err(StorageError::TooNew {
                found,
                supported: SCHEMA_VERSION,
            });
        }
        let check: String = conn.pragma_query_value(None, "quick_check", |r| r.get(0))?;
        if check != "ok" {
            return Err(StorageError::Damaged(check));
        }
        Ok(found)
    }

    /// Checks, then migrates. A refused file is not written to.
    fn prepare(conn: Connection) -> Result<Store> {
        let found = Store::check(&conn)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mut store = Store { conn };
        store.migrate(found)?;
        Ok(store)
    }

    fn migrate(&mut self, from: i64) -> Result<()> {
        for (i, sql) in migrations::MIGRATIONS
            .iter()
            .enumerate()
            .skip(from.max(0) as usize)
        {
            let tx = self.conn.transaction()?;
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
            tx.commit()?;
        }
        Ok(())
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Erases what Sauga keeps for whoever uses the device — settings (the passcode
    /// with them), lesson progress, checklist ticks, quiz attempts and practice boxes —
    /// in one transaction. Teacher data stays: erasing it takes the teacher's PIN
    /// ([`Store::erase_all`]). Used when the passcode is forgotten.
    pub fn erase_pupil_data(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        Self::erase_pupil_tables(&tx)?;
        tx.commit()?;
        Ok(())
    }

    fn erase_pupil_tables(tx: &rusqlite::Transaction<'_>) -> Result<()> {
        tx.execute("DELETE FROM checklist_tick", [])?;
        tx.execute("DELETE FROM module_progress", [])?;
        tx.execute("DELETE FROM quiz_attempt", [])?;
        tx.execute("DELETE FROM review_box", [])?;
        tx.execute("DELETE FROM settings", [])?;
        Ok(())
    }

    /// Erases everything Sauga keeps, teacher data and the teacher's PIN too, in one
    /// transaction. The caller has checked the teacher's PIN (see `ui::state::Ctx`).
    pub fn erase_all(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        Self::erase_pupil_tables(&tx)?;
        tx.execute("DELETE FROM class", [])?;
        tx.execute("DELETE FROM own_quiz", [])?;
        tx.execute("DELETE FROM teacher", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Teacher mode's data in this database.
    pub fn teacher(&mut self) -> Teacher<'_> {
        Teacher {
            conn: &mut self.conn,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;
    use crate::lang::Lang;

    #[test]
    fn new_database_is_migrated_and_empty() {
        let s = Store::open_in_memory().unwrap();
        assert_eq!(s.schema_version().unwrap(), SCHEMA_VERSION);
        assert_eq!(s.language().unwrap(), None);
        assert_eq!(s.text_size().unwrap(), TextSize::Normal);
        assert!(s.progress().unwrap().is_empty());
    }

    #[test]
    fn settings_round_trip() {
        let s = Store::open_in_memory().unwrap();
        s.set_language(Lang::Uk).unwrap();
        s.set_text_size(TextSize::Large).unwrap();
        s.set_language(Lang::Ru).unwrap();
        assert_eq!(s.language().unwrap(), Some(Lang::Ru));
        assert_eq!(s.text_size().unwrap(), TextSize::Large);
    }

    #[test]
    fn reading_every_page_completes_a_module_once() {
        let mut s = Store::open_in_memory().unwrap();
        assert!(!s.mark_page_read("m", 0, 3, 10).unwrap());
        assert!(!s.mark_page_read("m", 0, 3, 11).unwrap());
        assert!(!s.mark_page_read("m", 2, 3, 12).unwrap());
        let p = s.progress().unwrap();
        assert_eq!(p["m"].pages_read, BTreeSet::from([0, 2]));
        assert!(!p["m"].completed);
        assert!(s.mark_page_read("m", 1, 3, 13).unwrap());
        assert!(
            !s.mark_page_read("m", 1, 3, 14).unwrap(),
            "completes only once"
        );
        assert!(s.progress().unwrap()["m"].completed);
    }

    #[test]
    fn reset_forgets_progress_keeps_settings() {
        let mut s = Store::open_in_memory().unwrap();
        s.set_language(Lang::Lt).unwrap();
        s.mark_page_read("m", 0, 1, 1).unwrap();
        s.reset_progress().unwrap();
        assert!(s.progress().unwrap().is_empty());
        assert_eq!(s.language().unwrap(), Some(Lang::Lt));
    }

    #[test]
    fn passcode_flags_and_erasing_everything() {
        let mut s = Store::open_in_memory().unwrap();
        assert_eq!(s.passcode_hash().unwrap(), None);
        s.set_passcode_hash(Some("$argon2id$x")).unwrap();
        assert_eq!(s.passcode_hash().unwrap().as_deref(), Some("$argon2id$x"));
        s.set_passcode_hash(None).unwrap();
        assert_eq!(s.passcode_hash().unwrap(), None);
        assert!(!s.flag("intro_seen").unwrap());
        s.set_flag("intro_seen", true).unwrap();
        assert!(s.flag("intro_seen").unwrap());
        s.set_language(Lang::Ru).unwrap();
        s.mark_page_read("m", 0, 1, 1).unwrap();
        s.erase_all().unwrap();
        assert_eq!(s.language().unwrap(), None);
        assert!(!s.flag("intro_seen").unwrap());
        assert!(s.progress().unwrap().is_empty());
    }

    #[test]
    fn checklist_ticks() {
        let mut s = Store::open_in_memory().unwrap();
        s.set_tick("jobs", 2, 0, true).unwrap();
        s.set_tick("jobs", 2, 3, true).unwrap();
        s.set_tick("jobs", 2, 3, true).unwrap();
        s.set_tick("jobs", 2, 0, false).unwrap();
        assert_eq!(
            s.ticks().unwrap(),
            BTreeSet::from([("jobs".to_string(), 2, 3)])
        );
        s.reset_progress().unwrap();
        assert!(s.ticks().unwrap().is_empty());
    }

    #[test]
    fn quiz_attempts_and_review_boxes() {
        let mut s = Store::open_in_memory().unwrap();
        let mut review = crate::quiz::Review::default();
        let at = |right, code| Attempt {
            quiz_id: "m",
            version: 1,
            right,
            total: 8,
            code,
        };
        review.record("m/q1", false);
        s.record_attempt(&at(5, Some("AAA")), &review, 10).unwrap();
        review.record("m/q1", true);
        s.record_attempt(&at(7, Some("BBB")), &review, 11).unwrap();
        s.record_attempt(&at(6, Some("CCC")), &review, 12).unwrap();
        // An attempt without a code (a quiz that cannot make one) leaves the last code.
        s.record_attempt(&at(2, None), &review, 13).unwrap();
        let stats = s.quiz_stats().unwrap();
        assert_eq!(
            stats["m"],
            QuizStats {
                attempts: 4,
                best_right: 7,
                best_total: 8,
                latest: Some(super::progress::LatestResult {
                    code: "CCC".into(),
                    right: 6,
                    total: 8,
                    at: 12
                }),
            },
            "the latest code is kept, not the best"
        );
        assert_eq!(s.review().unwrap(), review);
        review.record("m/q1", true);
        s.save_review(&review).unwrap();
        assert!(s.review().unwrap().boxes.is_empty());
        s.reset_progress().unwrap();
        assert!(s.quiz_stats().unwrap().is_empty());
    }

    #[test]
    fn bytes_round_trip() {
        let mut s = Store::open_in_memory().unwrap();
        s.set_language(Lang::Uk).unwrap();
        s.mark_page_read("m", 0, 2, 1).unwrap();
        let bytes = s.to_bytes().unwrap();
        let t = Store::from_bytes(&bytes).unwrap();
        assert_eq!(t.language().unwrap(), Some(Lang::Uk));
        assert_eq!(t.progress().unwrap()["m"].pages_read, BTreeSet::from([0]));
    }

    #[test]
    fn garbage_bytes_are_damaged() {
        assert!(matches!(
            Store::from_bytes(b"hello"),
            Err(StorageError::Damaged(_))
        ));
        let mut s = Store::open_in_memory().unwrap();
        let mut bytes = s.to_bytes().unwrap();
        // Keep the header, scramble the pages after it.
        for b in bytes.iter_mut().skip(100) {
            *b = 0xA5;
        }
        assert!(matches!(
            Store::from_bytes(&bytes),
            Err(StorageError::Damaged(_))
        ));
    }
}
