//! What a pupil has done: pages read, modules completed, checklist ticks, quiz
//! attempts and the questions to practise again.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::params;

use super::{Result, Store};

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
    /// The latest attempt that has a result code, to show the teacher again.
    pub latest: Option<LatestResult>,
}

/// A finished quiz attempt to record.
#[derive(Clone, Copy, Debug)]
pub struct Attempt<'a> {
    pub quiz_id: &'a str,
    pub version: u8,
    pub right: usize,
    pub total: usize,
    /// Its result code, when the quiz makes one.
    pub code: Option<&'a str>,
}

/// A quiz's latest attempt with its result code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LatestResult {
    pub code: String,
    pub right: usize,
    pub total: usize,
    /// When (Unix seconds).
    pub at: i64,
}

/// Progress in every module the user has opened, by module id.
pub type Progress = BTreeMap<String, ModuleProgress>;

impl Store {
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

    /// Records a finished quiz and where its questions now stand for practice, in one
    /// transaction.
    pub fn record_attempt(
        &mut self,
        attempt: &Attempt<'_>,
        review: &crate::quiz::Review,
        now: i64,
    ) -> Result<()> {
        let Attempt {
            quiz_id,
            version,
            right,
            total,
            code,
        } = *attempt;
        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO quiz_attempt (quiz_id, version, right, total, at, code) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![quiz_id, i64::from(version), right as i64, total as i64, now, code],
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
                    latest: None,
                },
            ))
        })?;
        let mut stats: BTreeMap<String, QuizStats> = rows.collect::<rusqlite::Result<_>>()?;
        let mut latest = self.conn.prepare(
            "SELECT quiz_id, code, right, total, at FROM quiz_attempt a
             WHERE code IS NOT NULL AND id = (SELECT MAX(id) FROM quiz_attempt b WHERE b.quiz_id = a.quiz_id AND b.code IS NOT NULL)",
        )?;
        let rows = latest.query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                LatestResult {
                    code: r.get(1)?,
                    right: r.get::<_, i64>(2)? as usize,
                    total: r.get::<_, i64>(3)? as usize,
                    at: r.get(4)?,
                },
            ))
        })?;
        for row in rows {
            let (quiz, result) = row?;
            if let Some(s) = stats.get_mut(&quiz) {
                s.latest = Some(result);
            }
        }
        Ok(stats)
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
