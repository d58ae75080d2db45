//! Teacher mode's data: own quizzes, the PIN's lockout, classes of pseudonymous
//! pupils, sessions, answers as bit sets. Plain data; storage is `crate::storage`.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::lang::PerLang;
use crate::quiz::{split_scenario, QuestionKind};

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
        let one = |p: &PerLang<String>| PerLang::same(p.get(self.lang).clone());
        for q in &mut questions {
            // A situation before the question, separated by a blank line, makes a
            // scenario question (as the built-in quizzes export them).
            if q.kind == QuestionKind::Single {
                if let Some((situation, question)) = split_scenario(q.text.get(self.lang)) {
                    q.scenario = Some(PerLang::same(situation.to_string()));
                    *q.text.get_mut(self.lang) = question.to_string();
                    q.kind = QuestionKind::Scenario;
                }
            }
            q.text = one(&q.text);
            for o in &mut q.options {
                o.text = one(&o.text);
                o.feedback = one(&o.feedback);
            }
            q.general = one(&q.general);
        }
        let title = PerLang::same(self.title.clone());
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
    (30i64 << doublings).min(MAX_WAIT)
}

/// The longest wait the lockout rule gives; a stored wait is never read as longer (a
/// lock taken while the clock was wrong must not last for years).
pub const MAX_WAIT: i64 = 3600;

/// Wrong tries of a PIN or passcode so far, and until when the next try waits (Unix
/// seconds): the lockout rule in one place, for the teacher PIN and the app passcode.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lockout {
    pub failed: i64,
    pub locked_until: i64,
}

impl Lockout {
    /// At `now`: the seconds still to wait, never more than [`MAX_WAIT`], and the
    /// `locked_until` to store instead when the stored one lies further ahead (a lock
    /// taken while the clock was wrong); `None` when a try may be made.
    pub fn wait_at(self, now: i64) -> Option<(i64, Option<i64>)> {
        let left = self.locked_until - now;
        (left > 0).then(|| {
            (
                left.min(MAX_WAIT),
                (left > MAX_WAIT).then_some(now + MAX_WAIT),
            )
        })
    }

    /// After one more wrong try at `now`.
    pub fn after_wrong_try(self, now: i64) -> Lockout {
        let failed = u32::try_from(self.failed)
            .unwrap_or(u32::MAX)
            .saturating_add(1);
        Lockout {
            failed: i64::from(failed),
            locked_until: now + lockout_wait(failed),
        }
    }
}

/// What a PIN attempt gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PinCheck {
    Open,
    /// Opened with the recovery code: the teacher is asked for a new PIN.
    Recovered,
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

coded! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum Mode {
        Shared = "shared",
        Codes = "codes",
        Tally = "tally",
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
    /// The teacher's name for it; empty until renamed (then it is named by its date,
    /// quiz and mode).
    pub title: String,
    /// Closed: nothing more is entered until it is reopened; its reports stay.
    pub closed: bool,
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

/// How large teacher data may grow: what the app itself lets a teacher make, with room
/// to spare. Typed input and restored backups are both held to these.
pub mod limits {
    /// Pupils in one class.
    pub const PUPILS: usize = 500;
    /// The highest pupil number (numbers go on after the highest, from 1).
    pub const PUPIL_NUMBER: u32 = 100_000;
    /// A class name or an own quiz's title, in characters.
    pub const NAME_CHARS: usize = 100;
    /// A pupil's nickname, in characters.
    pub const NICKNAME_CHARS: usize = 40;
    /// Classes in a backup.
    pub const CLASSES: usize = 1_000;
    /// Sessions of one class.
    pub const SESSIONS: usize = 10_000;
    /// Questions in one session (and in one own quiz).
    pub const QUESTIONS: usize = 200;
    /// A question key (`module/q3`, `own-12/q4`), in characters.
    pub const KEY_CHARS: usize = 100;
    /// A tally count for one option.
    pub const TALLY: u32 = 10_000;
    /// Own quizzes, and the highest own quiz id.
    pub const OWN_QUIZZES: usize = 10_000;
    pub const OWN_QUIZ_ID: i64 = 1_000_000;
    /// An own quiz's GIFT text, in bytes.
    pub const GIFT_BYTES: usize = 1_000_000;
    /// A pasted list of pupils, in bytes (a result code is checked by its own length).
    pub const PASTE_BYTES: usize = 100_000;
    /// Dates (seconds since 1970) up to the year 9999.
    pub const LAST_SECOND: i64 = 253_402_300_799;
}

/// Whether a question key is one Sauga could have made: not empty, on one line, short.
pub fn is_question_key(key: &str) -> bool {
    !key.trim().is_empty()
        && key.chars().count() <= limits::KEY_CHARS
        && !key.chars().any(char::is_control)
}

/// Teacher input refused before anything is written: the screen says so beside the
/// form, never as "not saved".
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum Invalid {
    #[error("a class needs a name")]
    NoClassName,
    #[error("`{0}` is not a question of this session")]
    NotInSession(String),
    #[error("a class name has at most {} characters", limits::NAME_CHARS)]
    NameTooLong,
    #[error("a class holds at most {} pupils", limits::PUPILS)]
    TooManyPupils,
    #[error("the list is too long (at most {} characters)", limits::PASTE_BYTES)]
    PasteTooLong,
    #[error("a nickname has at most {} characters", limits::NICKNAME_CHARS)]
    NicknameTooLong,
    #[error("the session is closed")]
    SessionClosed,
}

/// A class name as it is kept: trimmed, and not empty.
/// At most [`limits::NAME_CHARS`] characters.
pub fn class_name(name: &str) -> Result<String, Invalid> {
    let name = name.trim();
    if name.is_empty() {
        Err(Invalid::NoClassName)
    } else if name.chars().nth(limits::NAME_CHARS).is_some() {
        Err(Invalid::NameTooLong)
    } else {
        Ok(name.to_string())
    }
}

/// A session's name as it is kept: trimmed; empty means "named by date and quiz".
pub fn session_title(title: &str) -> Result<String, Invalid> {
    let title = title.trim();
    if title.chars().nth(limits::NAME_CHARS).is_some() {
        Err(Invalid::NameTooLong)
    } else {
        Ok(title.to_string())
    }
}

/// A pupil's nickname as it is kept: trimmed; empty means "known by number only".
pub fn nickname(name: &str) -> Result<String, Invalid> {
    let name = name.trim();
    if name.chars().nth(limits::NICKNAME_CHARS).is_some() {
        Err(Invalid::NicknameTooLong)
    } else {
        Ok(name.to_string())
    }
}

/// Everything a class's reports are built from, loaded at once.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ClassRows {
    pub pupils: Vec<Pupil>,
    /// In time order.
    pub sessions: Vec<Session>,
    /// Sorted by session.
    pub answers: Vec<AnswerRow>,
    pub tallies: super::report::Tallies,
}

/// What recording a pupil's answers gave.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    New,
    /// The pupil had answers in this session already; they were replaced.
    Replaced,
}

pub(crate) fn chosen_text(chosen: &BTreeSet<usize>) -> String {
    chosen
        .iter()
        .map(|c| c.to_string())
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads the stored "0,2" form without allocating.
pub(crate) fn chosen_parse(text: &str) -> Chosen {
    Chosen(
        text.split(',')
            .filter_map(|s| s.parse::<usize>().ok())
            .filter(|&o| o < Chosen::MAX)
            .fold(0, |m, o| m | (1 << o)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lockout_grows_after_five_tries() {
        assert_eq!(lockout_wait(4), 0);
        assert_eq!(lockout_wait(5), 30);
        assert_eq!(lockout_wait(6), 60);
        assert_eq!(lockout_wait(7), 120);
        assert_eq!(lockout_wait(40), 3600);
        assert_eq!(lockout_wait(u32::MAX), MAX_WAIT, "no try waits longer");
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
}
