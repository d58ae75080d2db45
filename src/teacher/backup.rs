//! The teacher backup file: one versioned JSON document with every class, checked
//! whole before anything is restored (restoring itself is `crate::storage`'s).

use std::collections::BTreeSet;

use super::model::{is_question_key, limits, Mode};
use crate::quiz::MAX_OPTIONS;

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
    /// The teacher's name for the session (empty: named by date and quiz).
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub closed: bool,
}

coded! {
    /// What kind of thing in a backup could not have been made by Sauga (the teacher
    /// reads it in their language: `teacher.backup_problem.*`).
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum BackupProblem {
        /// More classes, own quizzes, pupils or sessions than the app holds.
        TooMany = "too-many",
        /// An own quiz's number, title, language, version or questions.
        OwnQuiz = "own-quiz",
        ClassName = "class-name",
        Date = "date",
        /// A pupil's number or nickname, or a number used twice.
        Pupil = "pupil",
        /// A session's mode, questions, name or quiz.
        Session = "session",
        /// An answer or a tally count.
        Answer = "answer",
    }
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
    /// Something in the file the app could not have made, in `class` (or an own
    /// quiz's title; "—" for the whole file): what kind, and the detail in English.
    #[error("class {class}: {message}")]
    Invalid {
        class: String,
        problem: BackupProblem,
        message: String,
    },
    #[error("{0}")]
    Storage(String),
}

/// What a backup holds, as the restore confirmation lists it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    pub classes: Vec<String>,
    pub pupils: usize,
    pub sessions: usize,
    pub own_quizzes: usize,
}

impl Backup {
    pub fn summary(&self) -> Summary {
        Summary {
            classes: self.classes.iter().map(|c| c.name.clone()).collect(),
            pupils: self.classes.iter().map(|c| c.pupils.len()).sum(),
            sessions: self.classes.iter().map(|c| c.sessions.len()).sum(),
            own_quizzes: self.own_quizzes.len(),
        }
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
    // Every number and length is held to what the app itself can make, so a restored
    // file cannot break the screens that read it later.
    let whole = |problem: BackupProblem, message: String| RestoreError::Invalid {
        class: "—".into(),
        problem,
        message,
    };
    if backup.classes.len() > limits::CLASSES {
        return Err(whole(
            BackupProblem::TooMany,
            format!("more than {} classes", limits::CLASSES),
        ));
    }
    if backup.own_quizzes.len() > limits::OWN_QUIZZES {
        return Err(whole(
            BackupProblem::TooMany,
            format!("more than {} own quizzes", limits::OWN_QUIZZES),
        ));
    }
    let date_ok = |t: i64| (0..=limits::LAST_SECOND).contains(&t);
    let mut own_ids = BTreeSet::new();
    for (id, title, lang, gift, version) in &backup.own_quizzes {
        if !(1..=limits::OWN_QUIZ_ID).contains(id) {
            return Err(RestoreError::Invalid {
                class: title.chars().take(limits::NAME_CHARS).collect(),
                problem: BackupProblem::OwnQuiz,
                message: format!(
                    "own quiz id {id} is not between 1 and {}",
                    limits::OWN_QUIZ_ID
                ),
            });
        }
        if title.chars().count() > limits::NAME_CHARS || gift.len() > limits::GIFT_BYTES {
            return Err(whole(
                BackupProblem::OwnQuiz,
                format!("own quiz {id}: its title or text is too long"),
            ));
        }
        if !own_ids.insert(*id) {
            return Err(RestoreError::Invalid {
                class: title.clone(),
                problem: BackupProblem::OwnQuiz,
                message: format!("own quiz id {id} is used twice"),
            });
        }
        let bad = |problem: BackupProblem, message: String| RestoreError::Invalid {
            class: title.clone(),
            problem,
            message,
        };
        if crate::lang::Lang::from_code(lang).is_none() || !crate::quiz::is_valid_version(*version)
        {
            return Err(bad(
                BackupProblem::OwnQuiz,
                format!("own quiz with language `{lang}` and version {version}"),
            ));
        }
        match crate::gift::parse(gift) {
            Err(errors) => {
                return Err(bad(
                    BackupProblem::OwnQuiz,
                    errors
                        .iter()
                        .take(5)
                        .map(|e| e.to_string())
                        .collect::<Vec<_>>()
                        .join("; "),
                ))
            }
            Ok(questions) if questions.is_empty() || questions.len() > limits::QUESTIONS => {
                return Err(bad(
                    BackupProblem::OwnQuiz,
                    format!("an own quiz has 1 to {} questions", limits::QUESTIONS),
                ))
            }
            Ok(_) => {}
        }
    }
    for c in &backup.classes {
        let bad = |problem: BackupProblem, message: String| RestoreError::Invalid {
            class: c.name.clone(),
            problem,
            message,
        };
        if c.name.trim().is_empty() || c.name.chars().count() > limits::NAME_CHARS {
            return Err(bad(
                BackupProblem::ClassName,
                format!("a class name has 1 to {} characters", limits::NAME_CHARS),
            ));
        }
        if !date_ok(c.created_at) {
            return Err(bad(
                BackupProblem::Date,
                format!("the date {} is not a real date", c.created_at),
            ));
        }
        if c.pupils.len() > limits::PUPILS || c.sessions.len() > limits::SESSIONS {
            return Err(bad(
                BackupProblem::TooMany,
                format!(
                    "more than {} pupils or {} sessions",
                    limits::PUPILS,
                    limits::SESSIONS
                ),
            ));
        }
        let mut numbers = BTreeSet::new();
        for p in &c.pupils {
            let fits = (1..=limits::PUPIL_NUMBER).contains(&p.number)
                && p.nickname.chars().count() <= limits::NICKNAME_CHARS;
            if !fits || !numbers.insert(p.number) {
                return Err(bad(
                    BackupProblem::Pupil,
                    format!(
                        "pupil number {} is out of range, used twice, or has too long a nickname",
                        p.number
                    ),
                ));
            }
        }
        for s in &c.sessions {
            if Mode::from_code(&s.mode).is_none() {
                return Err(bad(
                    BackupProblem::Session,
                    format!("unknown session mode `{}`", s.mode),
                ));
            }
            if s.questions.is_empty() || s.questions.len() > limits::QUESTIONS {
                return Err(bad(
                    BackupProblem::Session,
                    format!("a session has 1 to {} questions", limits::QUESTIONS),
                ));
            }
            if let Some(key) = s.questions.iter().find(|k| !is_question_key(k)) {
                return Err(bad(
                    BackupProblem::Session,
                    format!("the question key {key:?} cannot be one of Sauga's"),
                ));
            }
            if super::session_title(&s.title).as_deref() != Ok(s.title.as_str()) {
                return Err(bad(
                    BackupProblem::Session,
                    format!(
                        "a session's name has at most {} characters, without spaces around it",
                        limits::NAME_CHARS
                    ),
                ));
            }
            let distinct: BTreeSet<&String> = s.questions.iter().collect();
            if distinct.len() != s.questions.len() {
                return Err(bad(
                    BackupProblem::Session,
                    "a session asks a question twice".into(),
                ));
            }
            let quiz_ok = !s.quiz_id.trim().is_empty()
                && s.quiz_id.chars().count() <= limits::KEY_CHARS
                && crate::quiz::is_valid_version(s.quiz_version);
            if !quiz_ok || !date_ok(s.started_at) {
                return Err(bad(
                    BackupProblem::Session,
                    format!(
                        "a session of quiz {:?} (version {}) on {}",
                        s.quiz_id, s.quiz_version, s.started_at
                    ),
                ));
            }
            let mut seen = BTreeSet::new();
            for (number, key, chosen, _) in &s.answers {
                if chosen.len() > MAX_OPTIONS || chosen.iter().any(|&o| o >= MAX_OPTIONS) {
                    return Err(bad(
                        BackupProblem::Answer,
                        format!(
                            "an answer of pupil {number} chose an option a question cannot have"
                        ),
                    ));
                }
                if !numbers.contains(number) {
                    return Err(bad(
                        BackupProblem::Answer,
                        format!("an answer of pupil {number}, who is not in the class"),
                    ));
                }
                if !s.questions.contains(key) || !seen.insert((*number, key.clone())) {
                    return Err(bad(
                        BackupProblem::Answer,
                        format!(
                        "answer `{key}` of pupil {number} is not in the session or is there twice"
                    ),
                    ));
                }
            }
            let mut seen = BTreeSet::new();
            for (key, option, count) in &s.tallies {
                if *option >= MAX_OPTIONS || *count > limits::TALLY {
                    return Err(bad(
                        BackupProblem::Answer,
                        format!("tally `{key}` option {option} with {count} ticks is out of range"),
                    ));
                }
                if !s.questions.contains(key) || !seen.insert((key.clone(), *option)) {
                    return Err(bad(
                        BackupProblem::Answer,
                        format!(
                            "tally `{key}` option {option} is not in the session or is there twice"
                        ),
                    ));
                }
            }
        }
    }
    Ok(backup)
}
