//! Teacher data as one backup file, and a checked backup restored all or nothing.

use std::collections::{BTreeMap, BTreeSet};

use rusqlite::params;

use super::Teacher;
use crate::storage::{Result, StorageError};
use crate::teacher::backup::*;
use crate::teacher::model::chosen_text;

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
                    title: s.title,
                    closed: s.closed,
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
                    "INSERT INTO session (class_id, quiz_id, quiz_version, questions, mode, started_at, title, closed)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                    params![class_id, s.quiz_id, i64::from(s.quiz_version), s.questions.join("\n"), s.mode, s.started_at, s.title, s.closed],
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

#[cfg(test)]
mod tests;
