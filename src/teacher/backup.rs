//! The teacher backup file: one versioned JSON document with every class, checked
//! whole before anything is restored (restoring itself is `crate::storage`'s).

use std::collections::BTreeSet;

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
        if crate::lang::Lang::from_code(lang).is_none() || !crate::quiz::is_valid_version(*version)
        {
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
            if super::model::Mode::from_code(&s.mode).is_none() {
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
