//! Teacher mode's domain: classes of pseudonymous pupils, class sessions of a quiz
//! (answers from a shared device, from result codes, or tallied), the reports a
//! teacher reads, CSV export, and the PIN's lockout. Plain Rust over the same SQLite
//! database; no Dioxus.
//!
//! Every answer and session is written in a transaction. Reports are computed from
//! rows loaded once per class, so building all of them stays cheap.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use rusqlite::{params, Connection, OptionalExtension};

use crate::quiz::Question;
use crate::storage::{Result, StorageError};

/// The schema for teacher data (migration 4 of [`crate::storage`]).
pub(crate) const SCHEMA: &str = "
    CREATE TABLE teacher (
        id            INTEGER PRIMARY KEY CHECK (id = 1),
        pin_hash      TEXT NOT NULL,
        recovery_hash TEXT NOT NULL,
        failed        INTEGER NOT NULL DEFAULT 0,
        locked_until  INTEGER NOT NULL DEFAULT 0
    ) STRICT;
    CREATE TABLE class (
        id         INTEGER PRIMARY KEY,
        name       TEXT NOT NULL,
        archived   INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE pupil (
        id       INTEGER PRIMARY KEY,
        class_id INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,
        number   INTEGER NOT NULL CHECK (number > 0),
        nickname TEXT NOT NULL DEFAULT '',
        UNIQUE (class_id, number)
    ) STRICT;
    CREATE TABLE session (
        id           INTEGER PRIMARY KEY,
        class_id     INTEGER NOT NULL REFERENCES class(id) ON DELETE CASCADE,
        quiz_id      TEXT NOT NULL,
        quiz_version INTEGER NOT NULL,
        questions    TEXT NOT NULL,
        mode         TEXT NOT NULL CHECK (mode IN ('shared', 'codes', 'tally')),
        started_at   INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE answer (
        session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        pupil_id     INTEGER NOT NULL REFERENCES pupil(id) ON DELETE CASCADE,
        question_key TEXT NOT NULL,
        chosen       TEXT NOT NULL,
        correct      INTEGER NOT NULL CHECK (correct IN (0, 1)),
        PRIMARY KEY (session_id, pupil_id, question_key)
    ) STRICT;
    CREATE TABLE tally (
        session_id   INTEGER NOT NULL REFERENCES session(id) ON DELETE CASCADE,
        question_key TEXT NOT NULL,
        option       INTEGER NOT NULL CHECK (option >= 0),
        count        INTEGER NOT NULL CHECK (count >= 0),
        PRIMARY KEY (session_id, question_key, option)
    ) STRICT;
    CREATE INDEX answer_session ON answer (session_id);
    CREATE INDEX session_class ON session (class_id);
";

/// Teachers' own quizzes, kept as Moodle GIFT text (migration 5).
pub(crate) const OWN_QUIZZES: &str = "
    CREATE TABLE own_quiz (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        title      TEXT NOT NULL,
        lang       TEXT NOT NULL,
        gift       TEXT NOT NULL,
        version    INTEGER NOT NULL DEFAULT 1 CHECK (version BETWEEN 1 AND 15),
        updated_at INTEGER NOT NULL
    ) STRICT;
";

/// The quiz id of a teacher's own quiz.
pub fn own_quiz_id(id: i64) -> String {
    format!("own-{id}")
}

/// A teacher's own quiz, written in one language as GIFT.
#[derive(Clone, Debug, PartialEq)]
pub struct OwnQuiz {
    pub id: i64,
    pub title: String,
    pub lang: crate::lang::Lang,
    pub gift: String,
    pub version: u8,
}

impl OwnQuiz {
    /// The quiz to run and report on; its one language is shown whatever the app's.
    pub fn to_quiz(&self) -> std::result::Result<crate::quiz::Quiz, Vec<crate::gift::GiftError>> {
        let parsed = crate::gift::parse(&self.gift)?;
        let id = own_quiz_id(self.id);
        let mut questions = crate::gift::to_questions(&parsed, &id, self.lang);
        let fill = |p: &mut crate::lang::PerLang<String>, lang: crate::lang::Lang| {
            let text = p.get(lang).clone();
            for l in crate::lang::Lang::ALL {
                *p.get_mut(l) = text.clone();
            }
        };
        for q in &mut questions {
            // A situation before the question, separated by a blank line, makes a
            // scenario question (as the built-in quizzes export them).
            if q.kind == crate::quiz::QuestionKind::Single {
                let text = q.text.get(self.lang).clone();
                if let Some((situation, question)) = text.split_once("\n\n") {
                    if !situation.trim().is_empty() && !question.trim().is_empty() {
                        q.kind = crate::quiz::QuestionKind::Scenario;
                        let mut scenario = crate::lang::PerLang::<String>::default();
                        *scenario.get_mut(self.lang) = situation.trim().to_string();
                        fill(&mut scenario, self.lang);
                        q.scenario = Some(scenario);
                        *q.text.get_mut(self.lang) = question.trim().to_string();
                    }
                }
            }
            fill(&mut q.text, self.lang);
            for o in &mut q.options {
                fill(&mut o.text, self.lang);
                fill(&mut o.feedback, self.lang);
            }
            fill(&mut q.general, self.lang);
        }
        let mut title = crate::lang::PerLang::<String>::default();
        for l in crate::lang::Lang::ALL {
            *title.get_mut(l) = self.title.clone();
        }
        Ok(crate::quiz::Quiz {
            id,
            version: self.version,
            module: None,
            title: Some(title),
            questions,
        })
    }
}

// ---- the PIN ----------------------------------------------------------------------

/// Wrong PINs allowed before a wait.
pub const FREE_TRIES: u32 = 5;

/// Seconds to wait after `failed` wrong PINs in a row: none for the first five, then
/// 30 s doubling with each further try, at most an hour.
pub fn lockout_wait(failed: u32) -> i64 {
    if failed < FREE_TRIES {
        return 0;
    }
    let doublings = (failed - FREE_TRIES).min(7);
    (30i64 << doublings).min(3600)
}

/// What a PIN attempt gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinCheck {
    Open,
    Wrong {
        wait_seconds: i64,
    },
    /// Too many wrong tries: try again after this many seconds.
    Wait {
        seconds: i64,
    },
    NotSet,
}

// ---- model ------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Class {
    pub id: i64,
    pub name: String,
    pub archived: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pupil {
    pub id: i64,
    pub number: u32,
    pub nickname: String,
}

impl Pupil {
    /// How the pupil is shown: the number, and the nickname if there is one.
    pub fn label(&self) -> String {
        if self.nickname.is_empty() {
            format!("#{}", self.number)
        } else {
            format!("#{} {}", self.number, self.nickname)
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Shared,
    Codes,
    Tally,
}

impl Mode {
    pub fn code(self) -> &'static str {
        match self {
            Mode::Shared => "shared",
            Mode::Codes => "codes",
            Mode::Tally => "tally",
        }
    }

    fn from_code(s: &str) -> Mode {
        match s {
            "codes" => Mode::Codes,
            "tally" => Mode::Tally,
            _ => Mode::Shared,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: i64,
    pub class_id: i64,
    pub quiz_id: String,
    pub quiz_version: u8,
    /// Question keys (`module/qN`) in the order the session asks them.
    pub questions: Vec<String>,
    pub mode: Mode,
    pub started_at: i64,
}

/// One pupil's answer to one question of a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AnswerRow {
    pub session_id: i64,
    pub pupil_id: i64,
    /// Shared among a session's rows: a class's reports read thousands of them.
    pub question_key: Rc<str>,
    /// The chosen options as a bit set (bit `i` = option `i`).
    pub chosen: Chosen,
    pub correct: bool,
}

// Every option of a quiz fits in a `Chosen`.
const _: () = assert!(crate::quiz::MAX_OPTIONS <= Chosen::MAX);

/// A pupil's chosen options, one bit per option: a report reads thousands of these,
/// so they take no allocation. Quizzes have at most [`Chosen::MAX`] options.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Chosen(u64);

impl Chosen {
    pub const MAX: usize = 64;

    pub fn contains(self, option: usize) -> bool {
        option < Self::MAX && self.0 & (1 << option) != 0
    }

    /// The chosen options, lowest first.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        let mut rest = self.0;
        std::iter::from_fn(move || {
            (rest != 0).then(|| {
                let o = rest.trailing_zeros() as usize;
                rest &= rest - 1;
                o
            })
        })
    }

    pub fn to_set(self) -> BTreeSet<usize> {
        self.iter().collect()
    }
}

impl From<&BTreeSet<usize>> for Chosen {
    /// Options past [`Chosen::MAX`] cannot exist in a quiz and are dropped.
    fn from(set: &BTreeSet<usize>) -> Self {
        Chosen(
            set.iter()
                .filter(|&&o| o < Self::MAX)
                .fold(0, |m, &o| m | (1 << o)),
        )
    }
}

/// What recording a pupil's answers gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    New,
    /// The pupil had answers in this session already; they were replaced.
    Replaced,
}

fn chosen_text(chosen: &BTreeSet<usize>) -> String {
    chosen
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads the stored "0,2" form without allocating.
fn chosen_parse(text: &str) -> Chosen {
    Chosen(
        text.split(',')
            .filter_map(|s| s.parse::<usize>().ok())
            .filter(|&o| o < Chosen::MAX)
            .fold(0, |m, o| m | (1 << o)),
    )
}

/// Teacher data in the app's database.
pub struct Teacher<'a> {
    pub(crate) conn: &'a mut Connection,
}

impl Teacher<'_> {
    pub fn has_pin(&self) -> Result<bool> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM teacher WHERE id = 1", [], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// Sets the PIN and the recovery code's hash (both from [`crate::passcode::hash`]).
    pub fn set_pin(&mut self, pin_hash: &str, recovery_hash: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO teacher (id, pin_hash, recovery_hash) VALUES (1, ?1, ?2)
             ON CONFLICT(id) DO UPDATE SET pin_hash = excluded.pin_hash,
                 recovery_hash = excluded.recovery_hash, failed = 0, locked_until = 0",
            params![pin_hash, recovery_hash],
        )?;
        Ok(())
    }

    /// Checks a PIN (or the recovery code) at `now`, counting wrong tries.
    pub fn check_pin(
        &mut self,
        pin: &str,
        now: i64,
        verify: impl Fn(&str, &str) -> bool,
    ) -> Result<PinCheck> {
        let row: Option<(String, String, i64, i64)> = self
            .conn
            .query_row(
                "SELECT pin_hash, recovery_hash, failed, locked_until FROM teacher WHERE id = 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .optional()?;
        let Some((pin_hash, recovery_hash, failed, locked_until)) = row else {
            return Ok(PinCheck::NotSet);
        };
        if now < locked_until {
            return Ok(PinCheck::Wait {
                seconds: locked_until - now,
            });
        }
        if verify(pin, &pin_hash) || verify(pin, &recovery_hash) {
            self.conn.execute(
                "UPDATE teacher SET failed = 0, locked_until = 0 WHERE id = 1",
                [],
            )?;
            return Ok(PinCheck::Open);
        }
        let failed = failed as u32 + 1;
        let wait = lockout_wait(failed);
        self.conn.execute(
            "UPDATE teacher SET failed = ?1, locked_until = ?2 WHERE id = 1",
            params![i64::from(failed), now + wait],
        )?;
        Ok(PinCheck::Wrong { wait_seconds: wait })
    }

    pub fn own_quizzes(&self) -> Result<Vec<OwnQuiz>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, title, lang, gift, version FROM own_quiz ORDER BY title COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(OwnQuiz {
                id: r.get(0)?,
                title: r.get(1)?,
                lang: crate::lang::Lang::from_code(&r.get::<_, String>(2)?)
                    .unwrap_or(crate::lang::Lang::DEFAULT),
                gift: r.get(3)?,
                version: r.get::<_, i64>(4)? as u8,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Saves a new own quiz (`id` None) or a changed one (its version goes up, so
    /// result codes of the old questions are told apart). The GIFT must be valid.
    pub fn save_own_quiz(
        &mut self,
        id: Option<i64>,
        title: &str,
        lang: crate::lang::Lang,
        gift: &str,
        now: i64,
    ) -> std::result::Result<i64, Vec<crate::gift::GiftError>> {
        let storage = |e: rusqlite::Error| {
            vec![crate::gift::GiftError {
                line: 0,
                message: e.to_string(),
            }]
        };
        let parsed = crate::gift::parse(gift)?;
        if parsed.is_empty() {
            return Err(vec![crate::gift::GiftError {
                line: 1,
                message: "no questions".into(),
            }]);
        }
        let title = if title.trim().is_empty() {
            "—"
        } else {
            title.trim()
        };
        match id {
            None => {
                self.conn
                    .execute(
                        "INSERT INTO own_quiz (title, lang, gift, updated_at) VALUES (?1, ?2, ?3, ?4)",
                        params![title, lang.code(), gift, now],
                    )
                    .map_err(storage)?;
                Ok(self.conn.last_insert_rowid())
            }
            Some(id) => self
                .conn
                .execute(
                    "UPDATE own_quiz SET title = ?2, lang = ?3, gift = ?4, updated_at = ?5,
                             version = CASE WHEN version >= 15 THEN 1 ELSE version + 1 END
                         WHERE id = ?1",
                    params![id, title, lang.code(), gift, now],
                )
                .map_err(storage)
                .and_then(|changed| {
                    if changed == 1 {
                        Ok(id)
                    } else {
                        Err(vec![crate::gift::GiftError {
                            line: 0,
                            message: "this quiz no longer exists".into(),
                        }])
                    }
                }),
        }
    }

    /// Deletes an own quiz, unless a session used it (its results need its questions):
    /// returns false then.
    pub fn delete_own_quiz(&mut self, id: i64) -> Result<bool> {
        let used: i64 = self.conn.query_row(
            "SELECT COUNT(*) FROM session WHERE quiz_id = ?1",
            [own_quiz_id(id)],
            |r| r.get(0),
        )?;
        if used > 0 {
            return Ok(false);
        }
        self.conn
            .execute("DELETE FROM own_quiz WHERE id = ?1", [id])?;
        Ok(true)
    }

    pub fn create_class(&mut self, name: &str, now: i64) -> Result<i64> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StorageError::Unavailable("a class needs a name".into()));
        }
        self.conn.execute(
            "INSERT INTO class (name, created_at) VALUES (?1, ?2)",
            params![name, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn rename_class(&mut self, id: i64, name: &str) -> Result<()> {
        if name.trim().is_empty() {
            return Err(StorageError::Unavailable("a class needs a name".into()));
        }
        self.conn.execute(
            "UPDATE class SET name = ?2 WHERE id = ?1",
            params![id, name.trim()],
        )?;
        Ok(())
    }

    pub fn archive_class(&mut self, id: i64, archived: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE class SET archived = ?2 WHERE id = ?1",
            params![id, archived],
        )?;
        Ok(())
    }

    /// Deletes a class with its pupils, sessions and answers (the caller asked first).
    pub fn delete_class(&mut self, id: i64) -> Result<()> {
        self.conn.execute("DELETE FROM class WHERE id = ?1", [id])?;
        Ok(())
    }

    pub fn classes(&self) -> Result<Vec<Class>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, name, archived FROM class ORDER BY archived, name COLLATE NOCASE, id",
        )?;
        let rows = stmt.query_map([], |r| {
            Ok(Class {
                id: r.get(0)?,
                name: r.get(1)?,
                archived: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds `count` pupils known by number only.
    pub fn add_numbered(&mut self, class_id: i64, count: usize) -> Result<Vec<Pupil>> {
        self.add_pupils(class_id, &"-\n".repeat(count))
    }

    /// Adds pupils from pasted text: one per line, each line a nickname or initials
    /// (`-` for "number only"; empty lines are skipped). Numbers continue after the
    /// class's highest. Returns the pupils added.
    pub fn add_pupils(&mut self, class_id: i64, pasted: &str) -> Result<Vec<Pupil>> {
        let tx = self.conn.transaction()?;
        let mut next: u32 = tx.query_row(
            "SELECT COALESCE(MAX(number), 0) FROM pupil WHERE class_id = ?1",
            [class_id],
            |r| r.get::<_, i64>(0),
        )? as u32;
        let mut added = Vec::new();
        for line in pasted.lines() {
            let line = line.trim();
            if line.is_empty() {
                continue;
            }
            let nickname: String = if line == "-" {
                String::new()
            } else {
                line.chars().take(40).collect()
            };
            next += 1;
            tx.execute(
                "INSERT INTO pupil (class_id, number, nickname) VALUES (?1, ?2, ?3)",
                params![class_id, i64::from(next), nickname],
            )?;
            added.push(Pupil {
                id: tx.last_insert_rowid(),
                number: next,
                nickname,
            });
        }
        tx.commit()?;
        Ok(added)
    }

    pub fn pupils(&self, class_id: i64) -> Result<Vec<Pupil>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, number, nickname FROM pupil WHERE class_id = ?1 ORDER BY number",
        )?;
        let rows = stmt.query_map([class_id], |r| {
            Ok(Pupil {
                id: r.get(0)?,
                number: r.get::<_, i64>(1)? as u32,
                nickname: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn start_session(
        &mut self,
        class_id: i64,
        quiz_id: &str,
        quiz_version: u8,
        questions: &[String],
        mode: Mode,
        now: i64,
    ) -> Result<i64> {
        self.conn.execute(
            "INSERT INTO session (class_id, quiz_id, quiz_version, questions, mode, started_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                class_id,
                quiz_id,
                i64::from(quiz_version),
                questions.join("\n"),
                mode.code(),
                now
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Changes a session's questions, only while no answer is recorded.
    pub fn edit_session_questions(
        &mut self,
        session_id: i64,
        questions: &[String],
    ) -> Result<bool> {
        let tx = self.conn.transaction()?;
        let answered: i64 = tx.query_row(
            "SELECT (SELECT COUNT(*) FROM answer WHERE session_id = ?1) + (SELECT COUNT(*) FROM tally WHERE session_id = ?1)",
            [session_id],
            |r| r.get(0),
        )?;
        if answered > 0 {
            return Ok(false);
        }
        tx.execute(
            "UPDATE session SET questions = ?2 WHERE id = ?1",
            params![session_id, questions.join("\n")],
        )?;
        tx.commit()?;
        Ok(true)
    }

    pub fn sessions(&self, class_id: i64) -> Result<Vec<Session>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, class_id, quiz_id, quiz_version, questions, mode, started_at
             FROM session WHERE class_id = ?1 ORDER BY started_at, id",
        )?;
        let rows = stmt.query_map([class_id], |r| {
            Ok(Session {
                id: r.get(0)?,
                class_id: r.get(1)?,
                quiz_id: r.get(2)?,
                quiz_version: r.get::<_, i64>(3)? as u8,
                questions: r
                    .get::<_, String>(4)?
                    .split('\n')
                    .filter(|s| !s.is_empty())
                    .map(str::to_string)
                    .collect(),
                mode: Mode::from_code(&r.get::<_, String>(5)?),
                started_at: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Records all of a pupil's answers in a session in one transaction, replacing
    /// earlier ones (a duplicate code for the same pupil says so).
    pub fn record_answers(
        &mut self,
        session_id: i64,
        pupil_id: i64,
        answers: &[(String, BTreeSet<usize>, bool)],
    ) -> Result<Recorded> {
        let questions: String = self.conn.query_row(
            "SELECT questions FROM session WHERE id = ?1",
            [session_id],
            |r| r.get(0),
        )?;
        let asked: BTreeSet<&str> = questions.split('\n').collect();
        if let Some((key, _, _)) = answers.iter().find(|(k, _, _)| !asked.contains(k.as_str())) {
            return Err(StorageError::Unavailable(format!(
                "`{key}` is not a question of this session"
            )));
        }
        let tx = self.conn.transaction()?;
        let had: i64 = tx.query_row(
            "SELECT COUNT(*) FROM answer WHERE session_id = ?1 AND pupil_id = ?2",
            params![session_id, pupil_id],
            |r| r.get(0),
        )?;
        tx.execute(
            "DELETE FROM answer WHERE session_id = ?1 AND pupil_id = ?2",
            params![session_id, pupil_id],
        )?;
        for (key, chosen, correct) in answers {
            tx.execute(
                "INSERT INTO answer (session_id, pupil_id, question_key, chosen, correct) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![session_id, pupil_id, key, chosen_text(chosen), *correct],
            )?;
        }
        tx.commit()?;
        Ok(if had > 0 {
            Recorded::Replaced
        } else {
            Recorded::New
        })
    }

    /// Sets how many pupils chose each option of a question (tally mode).
    pub fn record_tally(
        &mut self,
        session_id: i64,
        question_key: &str,
        counts: &[u32],
    ) -> Result<()> {
        let tx = self.conn.transaction()?;
        tx.execute(
            "DELETE FROM tally WHERE session_id = ?1 AND question_key = ?2",
            params![session_id, question_key],
        )?;
        for (option, count) in counts.iter().enumerate() {
            tx.execute(
                "INSERT INTO tally (session_id, question_key, option, count) VALUES (?1, ?2, ?3, ?4)",
                params![session_id, question_key, option as i64, i64::from(*count)],
            )?;
        }
        tx.commit()?;
        Ok(())
    }

    pub fn answers(&self, class_id: i64) -> Result<Vec<AnswerRow>> {
        let mut stmt = self.conn.prepare(
            "SELECT session_id, pupil_id, question_key, chosen, correct FROM answer
             WHERE session_id IN (SELECT id FROM session WHERE class_id = ?1)
             ORDER BY session_id",
        )?;
        let mut rows = stmt.query([class_id])?;
        let mut out = Vec::new();
        // Rows come session by session; a session has few distinct question keys, so
        // each is allocated once and shared (a short list beats a hash map here).
        let mut keys: Vec<Rc<str>> = Vec::new();
        let mut current = None;
        while let Some(r) = rows.next()? {
            let session_id: i64 = r.get(0)?;
            if current != Some(session_id) {
                current = Some(session_id);
                keys.clear();
            }
            let key_text = r.get_ref(2)?.as_str().map_err(rusqlite::Error::from)?;
            let question_key = match keys.iter().find(|k| ***k == *key_text) {
                Some(k) => Rc::clone(k),
                None => {
                    let k: Rc<str> = Rc::from(key_text);
                    keys.push(Rc::clone(&k));
                    k
                }
            };
            out.push(AnswerRow {
                session_id,
                pupil_id: r.get(1)?,
                question_key,
                chosen: chosen_parse(r.get_ref(3)?.as_str().map_err(rusqlite::Error::from)?),
                correct: r.get(4)?,
            });
        }
        Ok(out)
    }

    /// Tallies of a class: (session, question) → count per option.
    pub fn tallies(&self, class_id: i64) -> Result<BTreeMap<(i64, String), Vec<u32>>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.session_id, t.question_key, t.option, t.count
             FROM tally t JOIN session s ON s.id = t.session_id WHERE s.class_id = ?1 ORDER BY t.option",
        )?;
        let mut out: BTreeMap<(i64, String), Vec<u32>> = BTreeMap::new();
        for row in stmt.query_map([class_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, i64>(2)? as usize,
                r.get::<_, i64>(3)? as u32,
            ))
        })? {
            let (s, q, o, c) = row?;
            let v = out.entry((s, q)).or_default();
            if v.len() <= o {
                v.resize(o + 1, 0);
            }
            v[o] = c;
        }
        Ok(out)
    }
}

// ---- backup and restore -------------------------------------------------------------

/// What a backup file says it is.
pub const BACKUP_FORMAT: &str = "sauga-teacher-backup";
/// The backup format this build writes and reads.
pub const BACKUP_VERSION: u32 = 1;

#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    pub classes: Vec<BackupClass>,
    /// Own quizzes: id, title, language code, GIFT text, version.
    #[serde(default)]
    pub own_quizzes: Vec<(i64, String, String, String, u8)>,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BackupClass {
    pub name: String,
    pub archived: bool,
    pub created_at: i64,
    pub pupils: Vec<BackupPupil>,
    pub sessions: Vec<BackupSession>,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BackupPupil {
    pub number: u32,
    pub nickname: String,
}

#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct BackupSession {
    pub quiz_id: String,
    pub quiz_version: u8,
    pub questions: Vec<String>,
    pub mode: String,
    pub started_at: i64,
    /// Pupil number, question key, chosen options, right or not.
    pub answers: Vec<(u32, String, Vec<usize>, bool)>,
    /// Question key, option, count.
    pub tallies: Vec<(String, usize, u32)>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RestoreError {
    #[error("this is not a JSON file (line {line}, column {column}): {message}")]
    NotJson {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("this is not a Sauga teacher backup")]
    NotABackup,
    #[error("this backup is from a newer Sauga (format {0})")]
    TooNew(u32),
    #[error("class {class}: {message}")]
    Invalid { class: String, message: String },
    #[error("{0}")]
    Storage(String),
}

impl Teacher<'_> {
    /// Every class with its pupils, sessions, answers and tallies, as one JSON file.
    /// The PIN is not in it.
    pub fn backup(&self) -> Result<String> {
        let mut classes = Vec::new();
        for c in self.classes()? {
            let created_at: i64 =
                self.conn
                    .query_row("SELECT created_at FROM class WHERE id = ?1", [c.id], |r| {
                        r.get(0)
                    })?;
            let pupils = self.pupils(c.id)?;
            let number: BTreeMap<i64, u32> = pupils.iter().map(|p| (p.id, p.number)).collect();
            let answers = self.answers(c.id)?;
            let tallies = self.tallies(c.id)?;
            let sessions = self
                .sessions(c.id)?
                .into_iter()
                .map(|s| BackupSession {
                    answers: answers
                        .iter()
                        .filter(|a| a.session_id == s.id)
                        .map(|a| {
                            (
                                number.get(&a.pupil_id).copied().unwrap_or(0),
                                a.question_key.to_string(),
                                a.chosen.iter().collect(),
                                a.correct,
                            )
                        })
                        .collect(),
                    tallies: tallies
                        .iter()
                        .filter(|((sid, _), _)| *sid == s.id)
                        .flat_map(|((_, key), counts)| {
                            counts
                                .iter()
                                .enumerate()
                                .map(move |(o, n)| (key.clone(), o, *n))
                        })
                        .collect(),
                    quiz_id: s.quiz_id,
                    quiz_version: s.quiz_version,
                    questions: s.questions,
                    mode: s.mode.code().to_string(),
                    started_at: s.started_at,
                })
                .collect();
            classes.push(BackupClass {
                name: c.name,
                archived: c.archived,
                created_at,
                pupils: pupils
                    .into_iter()
                    .map(|p| BackupPupil {
                        number: p.number,
                        nickname: p.nickname,
                    })
                    .collect(),
                sessions,
            });
        }
        let own_quizzes = self
            .own_quizzes()?
            .into_iter()
            .map(|q| (q.id, q.title, q.lang.code().to_string(), q.gift, q.version))
            .collect();
        let backup = Backup {
            format: BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            classes,
            own_quizzes,
        };
        serde_json::to_string_pretty(&backup).map_err(|e| StorageError::Unavailable(e.to_string()))
    }

    /// Replaces all classes with those of a backup. The whole file is checked first;
    /// if anything is wrong nothing changes, and the restore itself is one
    /// transaction. Returns the number of classes restored.
    pub fn restore(&mut self, json: &str) -> std::result::Result<usize, RestoreError> {
        let backup = check_backup(json)?;
        let store_err = |e: rusqlite::Error| RestoreError::Storage(e.to_string());
        let tx = self.conn.transaction().map_err(store_err)?;
        tx.execute("DELETE FROM class", []).map_err(store_err)?;
        tx.execute("DELETE FROM own_quiz", []).map_err(store_err)?;
        // Own quizzes keep their ids: sessions name them by id.
        for (id, title, lang, gift, version) in &backup.own_quizzes {
            tx.execute(
                "INSERT INTO own_quiz (id, title, lang, gift, version, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                params![id, title, lang, gift, i64::from(*version)],
            )
            .map_err(store_err)?;
        }
        for c in &backup.classes {
            tx.execute(
                "INSERT INTO class (name, archived, created_at) VALUES (?1, ?2, ?3)",
                params![c.name, c.archived, c.created_at],
            )
            .map_err(store_err)?;
            let class_id = tx.last_insert_rowid();
            let mut pupil_ids = BTreeMap::new();
            for p in &c.pupils {
                tx.execute(
                    "INSERT INTO pupil (class_id, number, nickname) VALUES (?1, ?2, ?3)",
                    params![class_id, i64::from(p.number), p.nickname],
                )
                .map_err(store_err)?;
                pupil_ids.insert(p.number, tx.last_insert_rowid());
            }
            for s in &c.sessions {
                tx.execute(
                    "INSERT INTO session (class_id, quiz_id, quiz_version, questions, mode, started_at)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                    params![class_id, s.quiz_id, i64::from(s.quiz_version), s.questions.join("\n"), s.mode, s.started_at],
                )
                .map_err(store_err)?;
                let sid = tx.last_insert_rowid();
                for (number, key, chosen, correct) in &s.answers {
                    let chosen: BTreeSet<usize> = chosen.iter().copied().collect();
                    tx.execute(
                        "INSERT INTO answer (session_id, pupil_id, question_key, chosen, correct) VALUES (?1, ?2, ?3, ?4, ?5)",
                        params![sid, pupil_ids[number], key, chosen_text(&chosen), *correct],
                    )
                    .map_err(store_err)?;
                }
                for (key, option, count) in &s.tallies {
                    tx.execute(
                        "INSERT INTO tally (session_id, question_key, option, count) VALUES (?1, ?2, ?3, ?4)",
                        params![sid, key, *option as i64, i64::from(*count)],
                    )
                    .map_err(store_err)?;
                }
            }
        }
        tx.commit().map_err(store_err)?;
        Ok(backup.classes.len())
    }
}

/// Reads and checks a whole backup before anything is changed.
pub fn check_backup(json: &str) -> std::result::Result<Backup, RestoreError> {
    let value: serde_json::Value =
        serde_json::from_str(json).map_err(|e| RestoreError::NotJson {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
    if value.get("format").and_then(|f| f.as_str()) != Some(BACKUP_FORMAT) {
        return Err(RestoreError::NotABackup);
    }
    match value.get("version").and_then(|v| v.as_u64()) {
        Some(v) if v > u64::from(BACKUP_VERSION) => return Err(RestoreError::TooNew(v as u32)),
        Some(_) => {}
        None => return Err(RestoreError::NotABackup),
    }
    let backup: Backup = serde_json::from_value(value).map_err(|e| RestoreError::NotJson {
        line: 0,
        column: 0,
        message: e.to_string(),
    })?;
    let mut own_ids = BTreeSet::new();
    for (id, title, lang, gift, version) in &backup.own_quizzes {
        if !own_ids.insert(*id) {
            return Err(RestoreError::Invalid {
                class: title.clone(),
                message: format!("own quiz id {id} is used twice"),
            });
        }
        let bad = |message: String| RestoreError::Invalid {
            class: title.clone(),
            message,
        };
        if crate::lang::Lang::from_code(lang).is_none() || !(1..=15).contains(version) {
            return Err(bad(format!(
                "own quiz with language `{lang}` and version {version}"
            )));
        }
        if let Err(errors) = crate::gift::parse(gift) {
            return Err(bad(errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")));
        }
    }
    for c in &backup.classes {
        let bad = |message: String| RestoreError::Invalid {
            class: c.name.clone(),
            message,
        };
        if c.name.trim().is_empty() {
            return Err(bad("a class without a name".into()));
        }
        let mut numbers = BTreeSet::new();
        for p in &c.pupils {
            if p.number == 0 || !numbers.insert(p.number) {
                return Err(bad(format!(
                    "pupil number {} is missing or used twice",
                    p.number
                )));
            }
        }
        for s in &c.sessions {
            if !matches!(s.mode.as_str(), "shared" | "codes" | "tally") {
                return Err(bad(format!("unknown session mode `{}`", s.mode)));
            }
            if s.questions.is_empty() {
                return Err(bad("a session without questions".into()));
            }
            let mut seen = BTreeSet::new();
            for (number, key, _, _) in &s.answers {
                if !numbers.contains(number) {
                    return Err(bad(format!(
                        "an answer of pupil {number}, who is not in the class"
                    )));
                }
                if !s.questions.contains(key) || !seen.insert((*number, key.clone())) {
                    return Err(bad(format!(
                        "answer `{key}` of pupil {number} is not in the session or is there twice"
                    )));
                }
            }
            let mut seen = BTreeSet::new();
            for (key, option, _) in &s.tallies {
                if !s.questions.contains(key) || !seen.insert((key.clone(), *option)) {
                    return Err(bad(format!(
                        "tally `{key}` option {option} is not in the session or is there twice"
                    )));
                }
            }
        }
    }
    Ok(backup)
}

// ---- reports ------------------------------------------------------------------------

/// How a question went in a session.
#[derive(Clone, Debug, PartialEq)]
pub struct QuestionResult {
    pub key: String,
    pub answered: u32,
    pub right: u32,
    /// The wrong option chosen most often, with how many chose it.
    pub top_wrong: Option<(usize, u32)>,
}

impl QuestionResult {
    pub fn percent(&self) -> f64 {
        if self.answered == 0 {
            0.0
        } else {
            f64::from(self.right) * 100.0 / f64::from(self.answered)
        }
    }
}

/// A class's answers as one slice per session (answers come sorted by session from
/// [`Teacher::answers`]), so each report reads only its own rows.
pub fn by_session(answers: &[AnswerRow]) -> BTreeMap<i64, &[AnswerRow]> {
    answers
        .chunk_by(|a, b| a.session_id == b.session_id)
        .map(|chunk| (chunk[0].session_id, chunk))
        .collect()
}

/// Per question of a session, from pupils' answers and tallies together. `answers`
/// may hold the whole class's answers or just this session's (faster).
pub fn question_results(
    session: &Session,
    answers: &[AnswerRow],
    tallies: &BTreeMap<(i64, String), Vec<u32>>,
    questions: &BTreeMap<String, &Question>,
) -> Vec<QuestionResult> {
    let mut per_question: BTreeMap<&str, Vec<&AnswerRow>> = BTreeMap::new();
    for a in answers.iter().filter(|a| a.session_id == session.id) {
        per_question.entry(&*a.question_key).or_default().push(a);
    }
    session
        .questions
        .iter()
        .map(|key| {
            let mut chosen_count: BTreeMap<usize, u32> = BTreeMap::new();
            let (mut answered, mut right) = (0u32, 0u32);
            for a in per_question.get(key.as_str()).into_iter().flatten() {
                answered += 1;
                right += u32::from(a.correct);
                for c in a.chosen.iter() {
                    *chosen_count.entry(c).or_default() += 1;
                }
            }
            let correct_set = questions
                .get(key)
                .map(|q| q.correct_set())
                .unwrap_or_default();
            if let Some(counts) = tallies.get(&(session.id, key.clone())) {
                // With one right option a count is pupils; with several it is ticks, which
                // show the popular wrong option but cannot say who got it all right.
                let single = correct_set.len() == 1;
                for (o, &n) in counts.iter().enumerate() {
                    if single {
                        answered += n;
                        right += if correct_set.contains(&o) { n } else { 0 };
                    }
                    *chosen_count.entry(o).or_default() += n;
                }
            }
            let top_wrong = chosen_count
                .into_iter()
                .filter(|(o, n)| !correct_set.contains(o) && *n > 0)
                .max_by_key(|&(o, n)| (n, std::cmp::Reverse(o)));
            QuestionResult {
                key: key.clone(),
                answered,
                right,
                top_wrong,
            }
        })
        .collect()
}

/// A pupil's score in a session: (right, answered).
pub fn pupil_scores(session: &Session, answers: &[AnswerRow]) -> BTreeMap<i64, (u32, u32)> {
    let mut out: BTreeMap<i64, (u32, u32)> = BTreeMap::new();
    for a in answers.iter().filter(|a| a.session_id == session.id) {
        let e = out.entry(a.pupil_id).or_default();
        e.0 += u32::from(a.correct);
        e.1 += 1;
    }
    out
}

/// Right and answered per topic tag across a class's answers and tallies.
pub fn topic_results(
    answers: &[AnswerRow],
    tallies: &BTreeMap<(i64, String), Vec<u32>>,
    questions: &BTreeMap<String, &Question>,
) -> BTreeMap<String, (u32, u32)> {
    // Count per question first (few keys), then spread over the questions' tags.
    let mut per_question: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for a in answers {
        let e = per_question.entry(&*a.question_key).or_default();
        e.0 += u32::from(a.correct);
        e.1 += 1;
    }
    // Tallies count for questions with one right option only, as in
    // `question_results` (with several, the counts are ticks, not pupils).
    for ((_, key), counts) in tallies {
        let correct = questions
            .get(key)
            .map(|q| q.correct_set())
            .unwrap_or_default();
        if correct.len() != 1 {
            continue;
        }
        let e = per_question.entry(key.as_str()).or_default();
        for (o, &n) in counts.iter().enumerate() {
            e.1 += n;
            e.0 += if correct.contains(&o) { n } else { 0 };
        }
    }
    let mut out: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    for (key, (right, total)) in per_question {
        if let Some(q) = questions.get(key) {
            for tag in &q.tags {
                let e = out.entry(tag.clone()).or_default();
                e.0 += right;
                e.1 += total;
            }
        }
    }
    out
}

/// How many of these answers are right.
fn right_in(answers: &[AnswerRow]) -> u32 {
    answers.iter().map(|a| u32::from(a.correct)).sum()
}

/// The class's percent right per session, in time order, from each session's
/// question results (so pupils' answers and tallies both count).
pub fn trend(
    sessions: &[Session],
    results: &BTreeMap<i64, Vec<QuestionResult>>,
) -> Vec<(i64, f64)> {
    sessions
        .iter()
        .filter_map(|s| {
            let (r, n) = results
                .get(&s.id)?
                .iter()
                .fold((0u32, 0u32), |(r, n), q| (r + q.right, n + q.answered));
            (n > 0).then(|| (s.id, f64::from(r) * 100.0 / f64::from(n)))
        })
        .collect()
}

/// Each pupil's percent right per session, in time order: the pupil over time.
pub fn pupil_over_time(
    sessions: &[Session],
    answers: &[AnswerRow],
) -> BTreeMap<i64, Vec<(i64, f64)>> {
    let mut per: BTreeMap<(i64, i64), (u32, u32)> = BTreeMap::new();
    for run in answers.chunk_by(|a, b| (a.pupil_id, a.session_id) == (b.pupil_id, b.session_id)) {
        let e = per.entry((run[0].pupil_id, run[0].session_id)).or_default();
        e.0 += right_in(run);
        e.1 += run.len() as u32;
    }
    let order: BTreeMap<i64, usize> = sessions
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let mut out: BTreeMap<i64, Vec<(i64, f64)>> = BTreeMap::new();
    for ((pupil, session), (r, n)) in per {
        out.entry(pupil)
            .or_default()
            .push((session, f64::from(r) * 100.0 / f64::from(n.max(1))));
    }
    for v in out.values_mut() {
        v.sort_by_key(|(s, _)| order.get(s).copied().unwrap_or(usize::MAX));
    }
    out
}

/// Questions across sessions, hardest (lowest percent right) first.
pub fn difficult_questions(results: &[QuestionResult]) -> Vec<QuestionResult> {
    let mut merged: BTreeMap<String, QuestionResult> = BTreeMap::new();
    for r in results {
        let e = merged
            .entry(r.key.clone())
            .or_insert_with(|| QuestionResult {
                key: r.key.clone(),
                answered: 0,
                right: 0,
                top_wrong: None,
            });
        e.answered += r.answered;
        e.right += r.right;
        if e.top_wrong
            .is_none_or(|(_, n)| r.top_wrong.is_some_and(|(_, m)| m > n))
        {
            e.top_wrong = r.top_wrong.or(e.top_wrong);
        }
    }
    let mut v: Vec<QuestionResult> = merged.into_values().filter(|r| r.answered > 0).collect();
    v.sort_by(|a, b| {
        a.percent()
            .total_cmp(&b.percent())
            .then_with(|| a.key.cmp(&b.key))
    });
    v
}

/// A session as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel shows
/// Lithuanian letters), one row per pupil, one column per question (1 right, 0 wrong,
/// empty not answered), then the number right and the percent as plain numbers.
pub fn session_csv(
    session: &Session,
    pupils: &[Pupil],
    answers: &[AnswerRow],
    header_pupil: &str,
    header_right: &str,
    header_percent: &str,
) -> std::result::Result<Vec<u8>, csv::Error> {
    let mut header = vec![header_pupil.to_string()];
    header.extend(
        session
            .questions
            .iter()
            .enumerate()
            .map(|(i, k)| format!("Q{} ({k})", i + 1)),
    );
    header.push(header_right.to_string());
    header.push(header_percent.to_string());
    let by_pupil: BTreeMap<(i64, &str), bool> = answers
        .iter()
        .filter(|a| a.session_id == session.id)
        .map(|a| ((a.pupil_id, &*a.question_key), a.correct))
        .collect();
    let mut rows = Vec::new();
    for p in pupils {
        let mut row = vec![p.label()];
        let mut right = 0u32;
        let mut answered = 0u32;
        for k in &session.questions {
            match by_pupil.get(&(p.id, k.as_str())) {
                Some(&c) => {
                    row.push(if c { "1".into() } else { "0".into() });
                    right += u32::from(c);
                    answered += 1;
                }
                None => row.push(String::new()),
            }
        }
        if answered == 0 {
            continue;
        }
        row.push(right.to_string());
        row.push(percent_cell(
            f64::from(right) * 100.0 / session.questions.len().max(1) as f64,
        ));
        rows.push(row);
    }
    table_csv(&header, &rows)
}

/// A report table as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel
/// shows Lithuanian letters); the cells come as written, numbers as plain numbers.
pub fn table_csv(
    header: &[String],
    rows: &[Vec<String>],
) -> std::result::Result<Vec<u8>, csv::Error> {
    let mut out = vec![0xEF, 0xBB, 0xBF];
    {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(header)?;
        for row in rows {
            w.write_record(row)?;
        }
        w.flush()?;
    }
    Ok(out)
}

/// A percent as a spreadsheet reads it: a plain number with one decimal.
fn percent_cell(p: f64) -> String {
    format!("{p:.1}")
}

/// The class over time: one row per pupil with answers, one column per session (in
/// time order, named by `session_name`), the percent right or empty where the pupil
/// has no answers in that session.
pub fn over_time_rows(
    sessions: &[Session],
    pupils: &[Pupil],
    over_time: &BTreeMap<i64, Vec<(i64, f64)>>,
) -> Vec<Vec<String>> {
    pupils
        .iter()
        .filter_map(|p| {
            let mine = over_time.get(&p.id)?;
            let mut row = vec![p.label()];
            row.extend(sessions.iter().map(|s| {
                mine.iter()
                    .find(|(sid, _)| *sid == s.id)
                    .map(|(_, pct)| percent_cell(*pct))
                    .unwrap_or_default()
            }));
            Some(row)
        })
        .collect()
}

/// Per topic: its name, right, answered and percent right.
pub fn topic_rows(topics: &[(String, u32, u32)]) -> Vec<Vec<String>> {
    topics
        .iter()
        .map(|(name, r, n)| {
            vec![
                name.clone(),
                r.to_string(),
                n.to_string(),
                percent_cell(f64::from(*r) * 100.0 / f64::from((*n).max(1))),
            ]
        })
        .collect()
}

/// Per question, in the order given (hardest first from [`difficult_questions`]):
/// its text, answered, right, percent right, the most chosen wrong option and how
/// many chose it (empty when none did).
pub fn question_rows(
    results: &[QuestionResult],
    text: &dyn Fn(&str) -> String,
    option: &dyn Fn(&str, usize) -> String,
) -> Vec<Vec<String>> {
    results
        .iter()
        .map(|r| {
            let (wrong, chose) = match r.top_wrong {
                Some((o, n)) => (option(&r.key, o), n.to_string()),
                None => (String::new(), String::new()),
            };
            vec![
                text(&r.key),
                r.answered.to_string(),
                r.right.to_string(),
                percent_cell(r.percent()),
                wrong,
                chose,
            ]
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::Store;

    #[test]
    fn class_reports_as_csv_tables() {
        let pupils = vec![
            Pupil {
                id: 1,
                number: 1,
                nickname: "ŽS".into(),
            },
            Pupil {
                id: 2,
                number: 2,
                nickname: String::new(),
            },
            Pupil {
                id: 3,
                number: 3,
                nickname: String::new(),
            },
        ];
        let session = |id| Session {
            id,
            class_id: 1,
            quiz_id: "m".into(),
            quiz_version: 1,
            questions: vec!["m/q1".into()],
            mode: Mode::Codes,
            started_at: id * 86_400,
        };
        let sessions = vec![session(10), session(20)];
        let over_time = BTreeMap::from([
            (1, vec![(10, 50.0), (20, 100.0)]),
            (2, vec![(20, 2.0 / 3.0 * 100.0)]),
        ]);
        let rows = over_time_rows(&sessions, &pupils, &over_time);
        assert_eq!(
            rows,
            vec![vec!["#1 ŽS", "50.0", "100.0"], vec!["#2", "", "66.7"]],
            "pupil 3 has no answers and no row"
        );
        let bytes = table_csv(&["Mokinys".into(), "A".into(), "B".into()], &rows).unwrap();
        assert_eq!(&bytes[..3], &[0xEF, 0xBB, 0xBF]);
        let text = std::str::from_utf8(&bytes[3..]).unwrap();
        assert_eq!(text, "Mokinys,A,B\n#1 ŽS,50.0,100.0\n#2,,66.7\n");

        let topics = topic_rows(&[("Teisės".into(), 1, 4), ("Nėra".into(), 0, 0)]);
        assert_eq!(topics[0], ["Teisės", "1", "4", "25.0"]);
        assert_eq!(topics[1], ["Nėra", "0", "0", "0.0"]);

        let results = vec![
            QuestionResult {
                key: "m/q1".into(),
                answered: 4,
                right: 1,
                top_wrong: Some((2, 3)),
            },
            QuestionResult {
                key: "m/q2".into(),
                answered: 2,
                right: 2,
                top_wrong: None,
            },
        ];
        let q = question_rows(&results, &|k| format!("Text of {k}"), &|k, o| {
            format!("{k} option {o}")
        });
        assert_eq!(
            q[0],
            ["Text of m/q1", "4", "1", "25.0", "m/q1 option 2", "3"]
        );
        assert_eq!(q[1], ["Text of m/q2", "2", "2", "100.0", "", ""]);
        // A text with a comma or a quote is quoted, as spreadsheets expect.
        let bytes = table_csv(&["Q".into()], &[vec!["Taip, \"gerai\"".into()]]).unwrap();
        assert_eq!(
            std::str::from_utf8(&bytes[3..]).unwrap(),
            "Q\n\"Taip, \"\"gerai\"\"\"\n"
        );
    }

    #[test]
    fn lockout_grows_after_five_tries() {
        assert_eq!(lockout_wait(4), 0);
        assert_eq!(lockout_wait(5), 30);
        assert_eq!(lockout_wait(6), 60);
        assert_eq!(lockout_wait(7), 120);
        assert_eq!(lockout_wait(40), 3600);
    }

    fn verify(pin: &str, hash: &str) -> bool {
        hash == format!("h:{pin}")
    }

    #[test]
    fn chosen_options_round_trip_through_storage_text() {
        for set in [
            vec![],
            vec![0],
            vec![3],
            vec![0, 2],
            vec![1, 5, 19],
            vec![63],
        ] {
            let set: BTreeSet<usize> = set.into_iter().collect();
            let chosen = Chosen::from(&set);
            assert_eq!(chosen.to_set(), set);
            assert_eq!(chosen_parse(&chosen_text(&set)), chosen);
            for o in 0..70 {
                assert_eq!(chosen.contains(o), set.contains(&o), "{set:?} {o}");
            }
        }
        // Lowest first, as the stored text and the reports expect.
        assert_eq!(chosen_parse("5,1,3").iter().collect::<Vec<_>>(), [1, 3, 5]);
        // Nothing past the last bit, and damaged text reads as no choice.
        assert_eq!(Chosen::from(&BTreeSet::from([64, 100])), Chosen::default());
        assert_eq!(chosen_parse("x,,-1"), Chosen::default());
    }

    #[test]
    fn answers_share_keys_within_a_session() {
        let mut store = Store::open_in_memory().unwrap();
        let mut t = store.teacher();
        let class = t.create_class("7A", 0).unwrap();
        let pupils = t.add_numbered(class, 2).unwrap();
        let keys = ["m:q1".to_string(), "m:q2".to_string()];
        let sid = t
            .start_session(class, "m", 1, &keys, Mode::Codes, 0)
            .unwrap();
        for p in &pupils {
            let rows: Vec<_> = keys
                .iter()
                .map(|k| (k.clone(), BTreeSet::from([1, 2]), false))
                .collect();
            t.record_answers(sid, p.id, &rows).unwrap();
        }
        let answers = t.answers(class).unwrap();
        assert_eq!(answers.len(), 4);
        let q1: Vec<_> = answers
            .iter()
            .filter(|a| &*a.question_key == "m:q1")
            .collect();
        assert_eq!(q1.len(), 2);
        assert!(Rc::ptr_eq(&q1[0].question_key, &q1[1].question_key));
        assert!(answers
            .iter()
            .all(|a| a.chosen.to_set() == BTreeSet::from([1, 2])));
    }

    #[test]
    fn pin_checks_and_waits() {
        let mut store = Store::open_in_memory().unwrap();
        let mut t = store.teacher();
        assert_eq!(t.check_pin("1234", 0, verify).unwrap(), PinCheck::NotSet);
        t.set_pin("h:1234", "h:RECOVER").unwrap();
        for i in 0..4 {
            assert_eq!(
                t.check_pin("0000", 100 + i, verify).unwrap(),
                PinCheck::Wrong { wait_seconds: 0 }
            );
        }
        assert_eq!(
            t.check_pin("0000", 110, verify).unwrap(),
            PinCheck::Wrong { wait_seconds: 30 }
        );
        // Even the right PIN waits.
        assert_eq!(
            t.check_pin("1234", 120, verify).unwrap(),
            PinCheck::Wait { seconds: 20 }
        );
        assert_eq!(t.check_pin("1234", 140, verify).unwrap(), PinCheck::Open);
        // The recovery code opens too, and the count starts again.
        assert_eq!(t.check_pin("RECOVER", 141, verify).unwrap(), PinCheck::Open);
        assert_eq!(
            t.check_pin("0000", 142, verify).unwrap(),
            PinCheck::Wrong { wait_seconds: 0 }
        );
    }

    fn question(key: &str, correct: usize, tags: &[&str]) -> Question {
        let (module, id) = key.split_once('/').unwrap();
        Question {
            id: id.into(),
            module: module.into(),
            kind: crate::quiz::QuestionKind::Single,
            tags: tags.iter().map(|t| t.to_string()).collect(),
            difficulty: 1,
            pages: vec![],
            scenario: None,
            text: Default::default(),
            options: (0..3)
                .map(|i| crate::quiz::QuizOption {
                    correct: i == correct,
                    text: Default::default(),
                    feedback: Default::default(),
                })
                .collect(),
            general: Default::default(),
        }
    }

    #[test]
    fn a_tally_of_ticks_names_the_popular_wrong_option_but_no_percent() {
        let mut store = Store::open_in_memory().unwrap();
        let mut t = store.teacher();
        let class = t.create_class("7A", 0).unwrap();
        let mut q = question("m/q3", 0, &["law"]);
        q.kind = crate::quiz::QuestionKind::Multiple;
        q.options[1].correct = true;
        let keys = vec![q.key()];
        let sid = t
            .start_session(class, "m", 1, &keys, Mode::Tally, 0)
            .unwrap();
        // Ticks: 3 on A, 2 on B (both right), 4 on C (wrong).
        t.record_tally(sid, "m/q3", &[3, 2, 4]).unwrap();
        let tallies = t.tallies(class).unwrap();
        let qs = BTreeMap::from([(q.key(), &q)]);
        let session = &t.sessions(class).unwrap()[0];
        let r = &question_results(session, &[], &tallies, &qs)[0];
        assert_eq!((r.answered, r.right, r.top_wrong), (0, 0, Some((2, 4))));
        assert!(topic_results(&[], &tallies, &qs).is_empty());
        let per_session = BTreeMap::from([(sid, vec![r.clone()])]);
        assert!(trend(std::slice::from_ref(session), &per_session).is_empty());
    }

    #[test]
    fn classes_sessions_answers_and_reports() {
        let mut store = Store::open_in_memory().unwrap();
        let mut t = store.teacher();
        let class = t.create_class(" 8B ", 1).unwrap();
        let pupils = t.add_pupils(class, "AK\nBT\n\nŽS").unwrap();
        assert_eq!(
            pupils.iter().map(|p| p.label()).collect::<Vec<_>>(),
            ["#1 AK", "#2 BT", "#3 ŽS"]
        );
        let more = t.add_numbered(class, 2).unwrap();
        assert_eq!(
            more.iter().map(|p| p.label()).collect::<Vec<_>>(),
            ["#4", "#5"],
            "a number alone is fine"
        );
        let keys = vec!["m/q1".to_string(), "m/q2".to_string()];
        let s1 = t
            .start_session(class, "m", 1, &keys, Mode::Shared, 10)
            .unwrap();
        assert!(t
            .edit_session_questions(s1, &[keys[1].clone(), keys[0].clone()])
            .unwrap());
        assert!(t.edit_session_questions(s1, &keys).unwrap());
        let set = |v: &[usize]| v.iter().copied().collect::<BTreeSet<usize>>();
        assert_eq!(
            t.record_answers(
                s1,
                pupils[0].id,
                &[
                    ("m/q1".into(), set(&[0]), true),
                    ("m/q2".into(), set(&[2]), false)
                ]
            )
            .unwrap(),
            Recorded::New
        );
        t.record_answers(
            s1,
            pupils[1].id,
            &[
                ("m/q1".into(), set(&[1]), false),
                ("m/q2".into(), set(&[2]), false),
            ],
        )
        .unwrap();
        assert_eq!(
            t.record_answers(
                s1,
                pupils[1].id,
                &[
                    ("m/q1".into(), set(&[0]), true),
                    ("m/q2".into(), set(&[2]), false)
                ]
            )
            .unwrap(),
            Recorded::Replaced
        );
        assert!(
            !t.edit_session_questions(s1, &keys[..1]).unwrap(),
            "no edits once answers exist"
        );
        let s2 = t
            .start_session(class, "m", 1, &keys, Mode::Tally, 20)
            .unwrap();
        t.record_tally(s2, "m/q1", &[3, 1, 0]).unwrap();
        t.record_tally(s2, "m/q2", &[0, 2, 2]).unwrap();

        let sessions = t.sessions(class).unwrap();
        let answers = t.answers(class).unwrap();
        let tallies = t.tallies(class).unwrap();
        let q1 = question("m/q1", 0, &["signs"]);
        let q2 = question("m/q2", 1, &["signs", "law"]);
        let qs: BTreeMap<String, &Question> =
            [("m/q1".to_string(), &q1), ("m/q2".to_string(), &q2)].into();

        let r1 = question_results(&sessions[0], &answers, &tallies, &qs);
        assert_eq!((r1[0].answered, r1[0].right), (2, 2));
        assert_eq!((r1[1].answered, r1[1].right), (2, 0));
        assert_eq!(r1[1].top_wrong, Some((2, 2)), "both chose option 3");
        let r2 = question_results(&sessions[1], &answers, &tallies, &qs);
        assert_eq!((r2[0].answered, r2[0].right), (4, 3));
        assert_eq!(
            (r2[1].answered, r2[1].right, r2[1].top_wrong),
            (4, 2, Some((2, 2)))
        );

        let scores = pupil_scores(&sessions[0], &answers);
        assert_eq!(scores[&pupils[0].id], (1, 2));
        let topics = topic_results(&answers, &BTreeMap::new(), &qs);
        assert_eq!(topics["signs"], (2, 4));
        assert_eq!(topics["law"], (0, 2));
        // With the tallies: q1 (signs) 3 of 4 more, q2 (signs and law) 2 of 4 more.
        let topics = topic_results(&answers, &tallies, &qs);
        assert_eq!(topics["signs"], (7, 12));
        assert_eq!(topics["law"], (2, 6));
        let over_time = pupil_over_time(&sessions, &answers);
        assert_eq!(over_time[&pupils[0].id], vec![(s1, 50.0)]);
        let grouped = by_session(&answers);
        assert_eq!(
            question_results(&sessions[0], grouped[&s1], &tallies, &qs),
            r1,
            "grouped answers give the same"
        );
        let per_session = BTreeMap::from([(s1, r1.clone()), (sessions[1].id, r2.clone())]);
        assert_eq!(
            trend(&sessions, &per_session),
            vec![(s1, 50.0), (sessions[1].id, 62.5)],
            "a tally session counts in the trend: 5 right of 8"
        );
        let all: Vec<QuestionResult> = r1.iter().chain(&r2).cloned().collect();
        let hard = difficult_questions(&all);
        assert_eq!(hard[0].key, "m/q2");
        assert!((hard[0].percent() - 100.0 / 3.0).abs() < 1e-9);

        let csv = session_csv(
            &sessions[0],
            &t.pupils(class).unwrap(),
            &answers,
            "Mokinys",
            "Teisingai",
            "%",
        )
        .unwrap();
        assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF]);
        let text = String::from_utf8(csv[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "Mokinys,Q1 (m/q1),Q2 (m/q2),Teisingai,%");
        assert_eq!(lines[1], "#1 AK,1,0,1,50.0");
        assert_eq!(lines[2], "#2 BT,1,0,1,50.0");
        assert_eq!(lines.len(), 3, "pupils without answers are not listed");
        assert_eq!(t.pupils(class).unwrap().len(), 5);

        // A backup restores to the same reports; a broken one changes nothing.
        let json = t.backup().unwrap();
        assert!(
            json.contains("sauga-teacher-backup") && !json.contains("h:"),
            "no PIN in the backup"
        );
        let broken = json.replacen("\"shared\"", "\"carrier pigeon\"", 1);
        assert_ne!(broken, json);
        let before = (t.classes().unwrap(), t.answers(class).unwrap().len());
        assert!(matches!(
            t.restore(&broken),
            Err(RestoreError::Invalid { .. })
        ));
        assert!(matches!(
            t.restore("{ not json"),
            Err(RestoreError::NotJson { line: 1, .. })
        ));
        assert_eq!(
            t.restore("{\"format\": \"sauga-teacher-backup\", \"version\": 9}"),
            Err(RestoreError::TooNew(9))
        );
        assert_eq!(
            (t.classes().unwrap(), t.answers(class).unwrap().len()),
            before,
            "nothing changed"
        );
        assert_eq!(t.restore(&json).unwrap(), 1);
        let restored = t.classes().unwrap();
        assert_eq!(restored.len(), 1);
        let new_id = restored[0].id;
        assert_eq!(t.pupils(new_id).unwrap().len(), 5);
        let new_answers = t.answers(new_id).unwrap();
        assert_eq!(new_answers.len(), answers.len());
        assert_eq!(t.tallies(new_id).unwrap().len(), tallies.len());
        assert_eq!(
            t.backup().unwrap(),
            json,
            "backup → restore → backup is stable"
        );
        let class = new_id;
        let pupils_after = t.pupils(class).unwrap();
        assert!(t.rename_class(class, "  ").is_err(), "a class keeps a name");

        // Own quizzes: only valid GIFT is saved; an edit raises the version.
        let gift = "::Q1:: Is it a warning sign? {T}\n\n::Q2:: Pick one {=right ~wrong}\n\n::Q3:: Ona got an offer.\\n\\nWhat should she check? {=The contract ~Nothing}\n";
        let err = t
            .save_own_quiz(None, "Mine", crate::lang::Lang::Lt, "::Q:: broken {=a", 5)
            .unwrap_err();
        assert_eq!(err[0].line, 1);
        assert!(
            t.own_quizzes().unwrap().is_empty(),
            "nothing saved from a broken file"
        );
        let own = t
            .save_own_quiz(None, "Mine", crate::lang::Lang::Lt, gift, 5)
            .unwrap();
        let q = t.own_quizzes().unwrap()[0].to_quiz().unwrap();
        assert_eq!(q.id, own_quiz_id(own));
        assert_eq!(q.questions.len(), 3);
        assert_eq!(
            q.questions[2].kind,
            crate::quiz::QuestionKind::Scenario,
            "a situation first makes a scenario"
        );
        assert_eq!(
            q.questions[2]
                .scenario
                .as_ref()
                .unwrap()
                .get(crate::lang::Lang::En),
            "Ona got an offer."
        );
        assert_eq!(
            q.questions[2].text.get(crate::lang::Lang::En),
            "What should she check?"
        );
        assert_eq!(
            q.questions[1].text.get(crate::lang::Lang::Uk),
            "Pick one",
            "shown in any app language"
        );
        t.save_own_quiz(Some(own), "Mine", crate::lang::Lang::Lt, gift, 6)
            .unwrap();
        assert_eq!(t.own_quizzes().unwrap()[0].version, 2);
        assert!(t.delete_own_quiz(own).unwrap(), "an unused quiz can go");
        // Answers only for the session's questions.
        let other = t
            .start_session(class, "m", 1, &keys[..1], Mode::Codes, 30)
            .unwrap();
        assert!(t
            .record_answers(
                other,
                pupils_after[0].id,
                &[("m/q2".into(), set(&[0]), false)]
            )
            .is_err());

        t.delete_class(class).unwrap();
        assert!(t.classes().unwrap().is_empty());
        assert!(
            t.answers(class).unwrap().is_empty(),
            "answers went with the class"
        );
    }
}
