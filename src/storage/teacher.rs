//! Teacher data in the app's database: the PIN, classes, pupils, sessions, answers,
//! tallies, own quizzes; and the backup written from them and restored into them,
//! all or nothing.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use rusqlite::{params, Connection, OptionalExtension};

use super::Result;
use crate::teacher::model::*;
use crate::teacher::report::Tallies;

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

    /// Replaces the PIN's hash, keeping the recovery code (the caller checked the
    /// current PIN first).
    pub fn change_pin(&mut self, pin_hash: &str) -> Result<()> {
        self.conn.execute(
            "UPDATE teacher SET pin_hash = ?1, failed = 0, locked_until = 0 WHERE id = 1",
            [pin_hash],
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
        let lock = Lockout {
            failed,
            locked_until,
        };
        let recovered = || {
            crate::teacher::normalize_recovery(pin)
                .is_some_and(|code| verify(&code, &recovery_hash))
        };
        let reset = |conn: &Connection| {
            conn.execute(
                "UPDATE teacher SET failed = 0, locked_until = 0 WHERE id = 1",
                [],
            )
        };
        if let Some((seconds, corrected)) = lock.wait_at(now) {
            // The recovery code always opens, even during a wait.
            if recovered() {
                reset(self.conn)?;
                return Ok(PinCheck::Recovered);
            }
            if let Some(until) = corrected {
                self.conn
                    .execute("UPDATE teacher SET locked_until = ?1 WHERE id = 1", [until])?;
            }
            return Ok(PinCheck::Wait { seconds });
        }
        if verify(pin, &pin_hash) {
            reset(self.conn)?;
            return Ok(PinCheck::Open);
        }
        if recovered() {
            reset(self.conn)?;
            return Ok(PinCheck::Recovered);
        }
        let next = lock.after_wrong_try(now);
        self.conn.execute(
            "UPDATE teacher SET failed = ?1, locked_until = ?2 WHERE id = 1",
            params![next.failed, next.locked_until],
        )?;
        Ok(PinCheck::Wrong {
            wait_seconds: next.locked_until - now,
        })
    }

    pub fn own_quizzes(&self) -> Result<Vec<OwnQuiz>> {
        let mut stmt = self.conn.prepare_cached(
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
                kind: crate::gift::GiftProblem::Storage,
                message: e.to_string(),
            }]
        };
        let parsed = crate::gift::parse(gift)?;
        if parsed.is_empty() {
            return Err(vec![crate::gift::GiftError {
                line: 1,
                kind: crate::gift::GiftProblem::Empty,
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
                             version = CASE WHEN version >= ?6 THEN 1 ELSE version + 1 END
                         WHERE id = ?1",
                    // An edit raises the version: one more, back to 1 after the highest.
                    params![id, title, lang.code(), gift, now, crate::quiz::MAX_VERSION],
                )
                .map_err(storage)
                .and_then(|changed| {
                    if changed == 1 {
                        Ok(id)
                    } else {
                        Err(vec![crate::gift::GiftError {
                            line: 0,
                            kind: crate::gift::GiftProblem::Gone,
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
        let name = class_name(name)?;
        let name = name.as_str();
        self.conn.execute(
            "INSERT INTO class (name, created_at) VALUES (?1, ?2)",
            params![name, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    pub fn rename_class(&mut self, id: i64, name: &str) -> Result<()> {
        let name = class_name(name)?;
        let name = name.as_str();
        self.conn.execute(
            "UPDATE class SET name = ?2 WHERE id = ?1",
            params![id, name],
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
        let mut stmt = self.conn.prepare_cached(
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
        if pasted.len() > limits::PASTE_BYTES {
            return Err(Invalid::PasteTooLong.into());
        }
        let tx = self.conn.transaction()?;
        let (mut next, count): (i64, i64) = tx.query_row(
            "SELECT COALESCE(MAX(number), 0), COUNT(*) FROM pupil WHERE class_id = ?1",
            [class_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        let lines: Vec<&str> = pasted
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if count as usize + lines.len() > limits::PUPILS
            || next + lines.len() as i64 > i64::from(limits::PUPIL_NUMBER)
        {
            return Err(Invalid::TooManyPupils.into());
        }
        let mut added = Vec::new();
        for line in lines {
            let nickname: String = if line == "-" {
                String::new()
            } else {
                line.chars().take(limits::NICKNAME_CHARS).collect()
            };
            next += 1;
            tx.execute(
                "INSERT INTO pupil (class_id, number, nickname) VALUES (?1, ?2, ?3)",
                params![class_id, next, nickname],
            )?;
            added.push(Pupil {
                id: tx.last_insert_rowid(),
                number: next as u32,
                nickname,
            });
        }
        tx.commit()?;
        Ok(added)
    }

    /// Gives a pupil another nickname (empty: known by number only).
    pub fn rename_pupil(&mut self, pupil_id: i64, name: &str) -> Result<()> {
        let name = nickname(name)?;
        self.conn.execute(
            "UPDATE pupil SET nickname = ?2 WHERE id = ?1",
            params![pupil_id, name],
        )?;
        Ok(())
    }

    /// Removes a pupil with their answers in every session (the caller asked first).
    /// The other pupils keep their numbers.
    pub fn remove_pupil(&mut self, pupil_id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM pupil WHERE id = ?1", [pupil_id])?;
        Ok(())
    }

    pub fn pupils(&self, class_id: i64) -> Result<Vec<Pupil>> {
        let mut stmt = self.conn.prepare_cached(
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

    /// Names a session (empty: named by its date, quiz and mode again).
    pub fn rename_session(&mut self, session_id: i64, title: &str) -> Result<()> {
        let title = session_title(title)?;
        self.conn.execute(
            "UPDATE session SET title = ?2 WHERE id = ?1",
            params![session_id, title],
        )?;
        Ok(())
    }

    /// Closes a session (nothing more can be entered) or opens it again.
    pub fn close_session(&mut self, session_id: i64, closed: bool) -> Result<()> {
        self.conn.execute(
            "UPDATE session SET closed = ?2 WHERE id = ?1",
            params![session_id, closed],
        )?;
        Ok(())
    }

    /// Deletes a session with its answers and tallies (the caller asked first).
    pub fn delete_session(&mut self, session_id: i64) -> Result<()> {
        self.conn
            .execute("DELETE FROM session WHERE id = ?1", [session_id])?;
        Ok(())
    }

    /// Refuses a change to a closed session's answers.
    fn check_open(conn: &Connection, session_id: i64) -> Result<()> {
        let closed: Option<bool> = conn
            .query_row(
                "SELECT closed FROM session WHERE id = ?1",
                [session_id],
                |r| r.get(0),
            )
            .optional()?;
        if closed == Some(true) {
            return Err(Invalid::SessionClosed.into());
        }
        Ok(())
    }

    pub fn sessions(&self, class_id: i64) -> Result<Vec<Session>> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, class_id, quiz_id, quiz_version, questions, mode, started_at, title, closed
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
                // The schema allows no other mode.
                mode: Mode::from_code(&r.get::<_, String>(5)?).unwrap_or(Mode::Shared),
                started_at: r.get(6)?,
                title: r.get(7)?,
                closed: r.get(8)?,
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
        Self::check_open(self.conn, session_id)?;
        let questions: String = self.conn.query_row(
            "SELECT questions FROM session WHERE id = ?1",
            [session_id],
            |r| r.get(0),
        )?;
        let asked: BTreeSet<&str> = questions.split('\n').collect();
        if let Some((key, _, _)) = answers.iter().find(|(k, _, _)| !asked.contains(k.as_str())) {
            return Err(Invalid::NotInSession(key.clone()).into());
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
        Self::check_open(self.conn, session_id)?;
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
        let mut stmt = self.conn.prepare_cached(
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

    /// A class's pupils, sessions, answers and tallies, for its reports.
    pub fn class_rows(&self, class_id: i64) -> Result<ClassRows> {
        Ok(ClassRows {
            pupils: self.pupils(class_id)?,
            sessions: self.sessions(class_id)?,
            answers: self.answers(class_id)?,
            tallies: self.tallies(class_id)?,
        })
    }

    /// Tallies of a class: (session, question) → count per option.
    pub fn tallies(&self, class_id: i64) -> Result<Tallies> {
        let mut stmt = self.conn.prepare_cached(
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

mod backup;
#[cfg(test)]
mod tests;
