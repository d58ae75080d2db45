//! Everything Sauga keeps on the device, in one SQLite database (rusqlite, bundled).
//!
//! Schema changes are numbered migrations recorded in `PRAGMA user_version`. A file
//! written by a newer Sauga, or one that is damaged, is refused with a
//! [`StorageError`] and left exactly as it was: the UI explains, the user decides.
//!
//! Stored now: settings (language, text size) and lesson progress (pages read,
//! modules completed). This module knows nothing about Dioxus or where the file lives
//! (see [`crate::platform`]).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use rusqlite::{params, Connection, OpenFlags, OptionalExtension};

use crate::lang::Lang;

/// The schema, one step per entry. Never edit a step that has shipped: add one.
const MIGRATIONS: &[&str] = &[
    // 1: settings and lesson progress.
    "CREATE TABLE settings (
        key   TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL
    ) STRICT;
    CREATE TABLE module_progress (
        module_id    TEXT PRIMARY KEY NOT NULL,
        completed_at INTEGER
    ) STRICT;
    CREATE TABLE page_read (
        module_id TEXT NOT NULL REFERENCES module_progress(module_id) ON DELETE CASCADE,
        page      INTEGER NOT NULL CHECK (page >= 0),
        read_at   INTEGER NOT NULL,
        PRIMARY KEY (module_id, page)
    ) STRICT;",
    // 2: ticks on checklist pages (a job offer checked item by item).
    "CREATE TABLE checklist_tick (
        module_id TEXT NOT NULL,
        page      INTEGER NOT NULL CHECK (page >= 0),
        item      INTEGER NOT NULL CHECK (item >= 0),
        PRIMARY KEY (module_id, page, item)
    ) STRICT;",
    // 3: quiz attempts and the questions to practise again.
    "CREATE TABLE quiz_attempt (
        id       INTEGER PRIMARY KEY,
        quiz_id  TEXT NOT NULL,
        version  INTEGER NOT NULL,
        right    INTEGER NOT NULL CHECK (right >= 0),
        total    INTEGER NOT NULL CHECK (total > 0 AND right <= total),
        at       INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX quiz_attempt_quiz ON quiz_attempt (quiz_id);
    CREATE TABLE review_box (
        question_key TEXT PRIMARY KEY NOT NULL,
        streak       INTEGER NOT NULL CHECK (streak >= 0)
    ) STRICT;",
    // 4: teacher mode (see teacher.rs).
    crate::teacher::SCHEMA,
    // 5: teachers' own quizzes.
    crate::teacher::OWN_QUIZZES,
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Why the database cannot be used. Each case has its own message in the UI.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StorageError {
    #[error("the database was written by a newer Sauga (schema {found}, this app knows up to {supported})")]
    TooNew { found: i64, supported: i64 },
    #[error("the database is damaged: {0}")]
    Damaged(String),
    #[error("the database could not be opened or written: {0}")]
    Unavailable(String),
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

/// How large lesson text is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum TextSize {
    Small,
    #[default]
    Normal,
    Large,
    Largest,
}

impl TextSize {
    pub const ALL: [TextSize; 4] = [
        TextSize::Small,
        TextSize::Normal,
        TextSize::Large,
        TextSize::Largest,
    ];

    pub fn code(self) -> &'static str {
        match self {
            TextSize::Small => "small",
            TextSize::Normal => "normal",
            TextSize::Large => "large",
            TextSize::Largest => "largest",
        }
    }

    pub fn from_code(code: &str) -> Option<TextSize> {
        TextSize::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// What the app keeps of one module.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ModuleProgress {
    /// 0-based indexes of the pages read.
    pub pages_read: BTreeSet<usize>,
    pub completed: bool,
}

/// A quiz's best score and how often it was taken.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct QuizStats {
    pub attempts: usize,
    pub best_right: usize,
    pub best_total: usize,
}

/// Progress in every module the user has opened, by module id.
pub type Progress = BTreeMap<String, ModuleProgress>;

pub struct Store {
    conn: Connection,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").finish_non_exhaustive()
    }
}

impl Store {
    /// Opens (or creates) the database file at `path`, in WAL mode.
    pub fn open(path: &Path) -> Result<Store> {
        // Check an existing file read-only first: a refused file is never written to,
        // not even by SQLite tidying up a journal when the connection closes.
        if path.exists() {
            let probe = Connection::open_with_flags(
                path,
                OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            )?;
            Store::check(&probe)?;
        }
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let store = Store::prepare(conn)?;
        // WAL lets a reader and a writer work at once; FULL makes a commit survive a
        // power cut, which matters more here than a millisecond per write.
        store.conn.pragma_update(None, "journal_mode", "WAL")?;
        store.conn.pragma_update(None, "synchronous", "FULL")?;
        Ok(store)
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
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(from.max(0) as usize) {
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

    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2)
             ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            params![key, value],
        )?;
        Ok(())
    }

    /// The language the user chose, if they ever chose one.
    pub fn language(&self) -> Result<Option<Lang>> {
        Ok(self
            .setting("language")?
            .as_deref()
            .and_then(Lang::from_code))
    }

    pub fn set_language(&self, lang: Lang) -> Result<()> {
        self.set_setting("language", lang.code())
    }

    pub fn text_size(&self) -> Result<TextSize> {
        Ok(self
            .setting("text_size")?
            .as_deref()
            .and_then(TextSize::from_code)
            .unwrap_or_default())
    }

    pub fn set_text_size(&self, size: TextSize) -> Result<()> {
        self.set_setting("text_size", size.code())
    }

    /// Records that page `page` (0-based) of a module with `page_count` pages was
    /// read, at `now` (Unix seconds). Returns true when this completes the module.
    pub fn mark_page_read(
        &mut self,
        module_id: &str,
        page: usize,
        page_count: usize,
        now: i64,
    ) -> Result<bool> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO module_progress (module_id) VALUES (?1) ON CONFLICT(module_id) DO NOTHING",
            [module_id],
        )?;
        tx.execute(
            "INSERT INTO page_read (module_id, page, read_at) VALUES (?1, ?2, ?3)
             ON CONFLICT(module_id, page) DO NOTHING",
            params![module_id, page as i64, now],
        )?;
        let read: i64 = tx.query_row(
            "SELECT COUNT(*) FROM page_read WHERE module_id = ?1 AND page < ?2",
            params![module_id, page_count as i64],
            |r| r.get(0),
        )?;
        let newly_completed = read as usize >= page_count
            && tx.execute(
                "UPDATE module_progress SET completed_at = ?2 WHERE module_id = ?1 AND completed_at IS NULL",
                params![module_id, now],
            )? == 1;
        tx.commit()?;
        Ok(newly_completed)
    }

    pub fn progress(&self) -> Result<Progress> {
        let mut out = Progress::new();
        let mut stmt = self
            .conn
            .prepare("SELECT module_id, completed_at IS NOT NULL FROM module_progress")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, bool>(1)?)))? {
            let (id, completed) = row?;
            out.entry(id).or_default().completed = completed;
        }
        let mut stmt = self.conn.prepare("SELECT module_id, page FROM page_read")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (id, page) = row?;
            out.entry(id).or_default().pages_read.insert(page as usize);
        }
        Ok(out)
    }

    /// The passcode's hash, when a passcode is set.
    pub fn passcode_hash(&self) -> Result<Option<String>> {
        self.setting("passcode")
    }

    /// Sets (`Some`) or removes (`None`) the passcode's hash.
    pub fn set_passcode_hash(&self, hash: Option<&str>) -> Result<()> {
        match hash {
            Some(h) => self.set_setting("passcode", h),
            None => {
                self.conn
                    .execute("DELETE FROM settings WHERE key = 'passcode'", [])?;
                Ok(())
            }
        }
    }

    /// A yes/no setting (absent is no).
    pub fn flag(&self, key: &str) -> Result<bool> {
        Ok(self.setting(key)?.as_deref() == Some("1"))
    }

    pub fn set_flag(&self, key: &str, on: bool) -> Result<()> {
        self.set_setting(key, if on { "1" } else { "0" })
    }

    /// Erases everything Sauga keeps (settings, passcode, progress), in one
    /// transaction. Used only when the user asks for it (a forgotten passcode).
    pub fn erase_all(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM checklist_tick", [])?;
        tx.execute("DELETE FROM module_progress", [])?;
        tx.execute("DELETE FROM quiz_attempt", [])?;
        tx.execute("DELETE FROM review_box", [])?;
        tx.execute("DELETE FROM class", [])?;
        tx.execute("DELETE FROM own_quiz", [])?;
        tx.execute("DELETE FROM teacher", [])?;
        tx.execute("DELETE FROM settings", [])?;
        tx.commit()?;
        Ok(())
    }

    /// Every ticked checklist item, as (module, page, item).
    pub fn ticks(&self) -> Result<BTreeSet<(String, usize, usize)>> {
        let mut stmt = self
            .conn
            .prepare("SELECT module_id, page, item FROM checklist_tick")?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, i64>(1)? as usize,
                r.get::<_, i64>(2)? as usize,
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn set_tick(&self, module_id: &str, page: usize, item: usize, on: bool) -> Result<()> {
        if on {
            self.conn.execute(
                "INSERT INTO checklist_tick (module_id, page, item) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING",
                params![module_id, page as i64, item as i64],
            )?;
        } else {
            self.conn.execute(
                "DELETE FROM checklist_tick WHERE module_id = ?1 AND page = ?2 AND item = ?3",
                params![module_id, page as i64, item as i64],
            )?;
        }
        Ok(())
    }

    /// Teacher mode's data in this database.
    pub fn teacher(&mut self) -> crate::teacher::Teacher<'_> {
        crate::teacher::Teacher {
            conn: &mut self.conn,
        }
    }

    /// Records a finished quiz and where its questions now stand for practice, in one
    /// transaction.
    pub fn record_attempt(
        &mut self,
        quiz_id: &str,
        version: u8,
        right: usize,
        total: usize,
        review: &crate::quiz::Review,
        now: i64,
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO quiz_attempt (quiz_id, version, right, total, at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![quiz_id, i64::from(version), right as i64, total as i64, now],
        )?;
        Store::write_review(&tx, review)?;
        tx.commit()?;
        Ok(())
    }

    fn write_review(tx: &rusqlite::Transaction<'_>, review: &crate::quiz::Review) -> Result<()> {
        tx.execute("DELETE FROM review_box", [])?;
        for (key, streak) in &review.boxes {
            tx.execute(
                "INSERT INTO review_box (question_key, streak) VALUES (?1, ?2)",
                params![key, i64::from(*streak)],
            )?;
        }
        Ok(())
    }

    /// Saves the practice boxes after a practice round.
    pub fn save_review(&mut self, review: &crate::quiz::Review) -> Result<()> {
        let tx = self.conn.transaction()?;
        Store::write_review(&tx, review)?;
        tx.commit()?;
        Ok(())
    }

    pub fn review(&self) -> Result<crate::quiz::Review> {
        let mut stmt = self
            .conn
            .prepare("SELECT question_key, streak FROM review_box")?;
        let boxes = stmt
            .query_map([], |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u8))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(crate::quiz::Review { boxes })
    }

    /// Best score (right, total) and number of attempts, per quiz.
    pub fn quiz_stats(&self) -> Result<BTreeMap<String, QuizStats>> {
        let mut stmt = self.conn.prepare(
            "SELECT quiz_id, COUNT(*), MAX(right * 1000 / total),
                    (SELECT right FROM quiz_attempt b WHERE b.quiz_id = a.quiz_id ORDER BY right * 1000 / total DESC, id LIMIT 1),
                    (SELECT total FROM quiz_attempt b WHERE b.quiz_id = a.quiz_id ORDER BY right * 1000 / total DESC, id LIMIT 1)
             FROM quiz_attempt a GROUP BY quiz_id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                QuizStats {
                    attempts: r.get::<_, i64>(1)? as usize,
                    best_right: r.get::<_, i64>(3)? as usize,
                    best_total: r.get::<_, i64>(4)? as usize,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Forgets every page read, module completed and checklist tick. Settings stay.
    pub fn reset_progress(&mut self) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute("DELETE FROM checklist_tick", [])?;
        tx.execute("DELETE FROM module_progress", [])?;
        tx.execute("DELETE FROM quiz_attempt", [])?;
        tx.execute("DELETE FROM review_box", [])?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
        review.record("m/q1", false);
        s.record_attempt("m", 1, 5, 8, &review, 10).unwrap();
        review.record("m/q1", true);
        s.record_attempt("m", 1, 7, 8, &review, 11).unwrap();
        s.record_attempt("m", 1, 6, 8, &review, 12).unwrap();
        let stats = s.quiz_stats().unwrap();
        assert_eq!(
            stats["m"],
            QuizStats {
                attempts: 3,
                best_right: 7,
                best_total: 8
            }
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
