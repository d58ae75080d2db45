//! The schema, as an ordered list of steps: `PRAGMA user_version` records how many
//! have run. Never edit a step that has shipped: add one.

/// The schema, one step per entry. Never edit a step that has shipped: add one.
pub(super) const MIGRATIONS: &[&str] = &[
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
    // 4: teacher mode.
    TEACHER,
    // 5: teachers' own quizzes.
    OWN_QUIZZES,
    // 6: sessions the teacher has renamed or closed.
    "ALTER TABLE session ADD COLUMN title TEXT NOT NULL DEFAULT '';
    ALTER TABLE session ADD COLUMN closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1));",
    // 7: each attempt's result code, so a pupil can show it again later.
    "ALTER TABLE quiz_attempt ADD COLUMN code TEXT CHECK (code IS NULL OR length(code) <= 64);",
    // 8: a content pack taken from a file (checked and signed), in place of the
    // built-in content until the user goes back to it.
    "CREATE TABLE content_pack (
        id       INTEGER PRIMARY KEY CHECK (id = 1),
        version  TEXT NOT NULL,
        date     TEXT NOT NULL,
        origin   TEXT NOT NULL,
        taken_at INTEGER NOT NULL,
        lt       TEXT NOT NULL,
        en       TEXT NOT NULL,
        ru       TEXT NOT NULL,
        uk       TEXT NOT NULL
    ) STRICT;",
];

/// Teacher mode: the PIN, classes, pupils, sessions, answers, tallies (migration 4).
const TEACHER: &str = "
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
const OWN_QUIZZES: &str = "
    CREATE TABLE own_quiz (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        title      TEXT NOT NULL,
        lang       TEXT NOT NULL,
        gift       TEXT NOT NULL,
        version    INTEGER NOT NULL DEFAULT 1 CHECK (version BETWEEN 1 AND 15),
        updated_at INTEGER NOT NULL
    ) STRICT;
";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_quiz_versions_are_bounded_as_quizzes_are() {
        // A shipped step never changes, so its bound is checked against the rule.
        let bound = format!("BETWEEN 1 AND {}", crate::quiz::MAX_VERSION);
        assert!(OWN_QUIZZES.contains(&bound), "{OWN_QUIZZES}");
    }
}
