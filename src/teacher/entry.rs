//! Entering result codes in class, fast: which pupils still have no answers, which one
//! comes next, and what a code would do before it is written — replace a pupil's
//! answers (asked first, and undone on request) or repeat another pupil's answers
//! exactly (most often a code typed for the wrong pupil, so asked about too).

use std::collections::BTreeSet;

use super::codes::AnswerToRecord;
use super::model::{AnswerRow, Pupil};

/// What recording a code for a pupil would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    /// Nothing is there yet: record it.
    New,
    /// The pupil has answers in this session already, with this score (right, answered).
    Replaces { right: u32, answered: u32 },
    /// Another pupil's answers in this session are exactly these: the same code was
    /// probably given for the wrong pupil (two pupils can answer alike, so it is asked,
    /// not refused).
    SameAs { pupil_id: i64 },
}

/// A pupil's recorded answers in a session, in the form they are recorded in (for
/// undoing a replacement).
pub fn answers_of(session_id: i64, pupil_id: i64, answers: &[AnswerRow]) -> Vec<AnswerToRecord> {
    answers
        .iter()
        .filter(|a| a.session_id == session_id && a.pupil_id == pupil_id)
        .map(|a| {
            (
                a.question_key.to_string(),
                a.chosen.iter().collect(),
                a.correct,
            )
        })
        .collect()
}

/// What recording `rows` for `pupil_id` would do, given the session's answers so far.
pub fn check(
    session_id: i64,
    pupil_id: i64,
    rows: &[AnswerToRecord],
    answers: &[AnswerRow],
) -> Entry {
    let mine = answers_of(session_id, pupil_id, answers);
    if !mine.is_empty() {
        let (right, answered) = score(&mine);
        return Entry::Replaces { right, answered };
    }
    let wanted: BTreeSet<&AnswerToRecord> = rows.iter().collect();
    let others: BTreeSet<i64> = answers
        .iter()
        .filter(|a| a.session_id == session_id && a.pupil_id != pupil_id)
        .map(|a| a.pupil_id)
        .collect();
    for other in others {
        let theirs = answers_of(session_id, other, answers);
        if !theirs.is_empty() && theirs.iter().collect::<BTreeSet<_>>() == wanted {
            return Entry::SameAs { pupil_id: other };
        }
    }
    Entry::New
}

/// Right and answered among rows to record.
pub fn score(rows: &[AnswerToRecord]) -> (u32, u32) {
    let right = rows.iter().filter(|(_, _, ok)| *ok).count();
    (right as u32, rows.len() as u32)
}

/// The class's pupils with no answer in the session yet, by number.
pub fn missing<'a>(pupils: &'a [Pupil], session_id: i64, answers: &[AnswerRow]) -> Vec<&'a Pupil> {
    let done: BTreeSet<i64> = answers
        .iter()
        .filter(|a| a.session_id == session_id)
        .map(|a| a.pupil_id)
        .collect();
    let mut out: Vec<&Pupil> = pupils.iter().filter(|p| !done.contains(&p.id)).collect();
    out.sort_by_key(|p| p.number);
    out
}

/// The pupil to enter next after `after` (the pupil just entered, counted as done):
/// the first one still missing after them by number, else the first one missing from
/// the top; `None` when every pupil has answers.
pub fn next_missing(
    pupils: &[Pupil],
    session_id: i64,
    answers: &[AnswerRow],
    after: Option<i64>,
) -> Option<i64> {
    let mut missing = missing(pupils, session_id, answers);
    missing.retain(|p| Some(p.id) != after);
    let after_number = after
        .and_then(|id| pupils.iter().find(|p| p.id == id))
        .map(|p| p.number);
    missing
        .iter()
        .find(|p| after_number.is_some_and(|n| p.number > n))
        .or(missing.first())
        .map(|p| p.id)
}

#[cfg(test)]
mod tests {
    use std::rc::Rc;

    use super::*;
    use crate::teacher::model::chosen_parse;

    fn pupil(id: i64, number: u32) -> Pupil {
        Pupil {
            id,
            number,
            nickname: String::new(),
        }
    }

    fn row(pupil_id: i64, key: &str, chosen: &str, correct: bool) -> AnswerRow {
        AnswerRow {
            session_id: 1,
            pupil_id,
            question_key: Rc::from(key),
            chosen: chosen_parse(chosen),
            correct,
        }
    }

    fn to_record(key: &str, chosen: &[usize], correct: bool) -> AnswerToRecord {
        (key.to_string(), chosen.iter().copied().collect(), correct)
    }

    #[test]
    fn next_goes_forward_to_the_first_pupil_still_missing_then_wraps() {
        let pupils = vec![pupil(10, 1), pupil(11, 2), pupil(12, 3), pupil(13, 4)];
        let answers = vec![row(11, "m/q1", "0", true), row(13, "m/q1", "1", false)];
        assert_eq!(
            missing(&pupils, 1, &answers)
                .iter()
                .map(|p| p.number)
                .collect::<Vec<_>>(),
            [1, 3]
        );
        assert_eq!(next_missing(&pupils, 1, &answers, Some(10)), Some(12));
        assert_eq!(
            next_missing(&pupils, 1, &answers, Some(12)),
            Some(10),
            "wraps to the top"
        );
        // The pupil just entered counts as done even before the answers are read again.
        let only_10 = vec![
            row(11, "m/q1", "0", true),
            row(12, "m/q1", "0", true),
            row(13, "m/q1", "0", true),
        ];
        assert_eq!(next_missing(&pupils, 1, &only_10, Some(10)), None);
        assert_eq!(next_missing(&pupils, 1, &answers, None), Some(10));
        // Another session's answers do not count.
        assert_eq!(missing(&pupils, 2, &answers).len(), 4);
        let all: Vec<AnswerRow> = pupils
            .iter()
            .map(|p| row(p.id, "m/q1", "0", true))
            .collect();
        assert_eq!(next_missing(&pupils, 1, &all, Some(10)), None);
    }

    #[test]
    fn a_replacement_and_a_repeated_code_are_told_apart_from_a_new_entry() {
        let answers = vec![
            row(10, "m/q1", "0", true),
            row(10, "m/q2", "1,2", false),
            row(11, "m/q1", "1", false),
            row(11, "m/q2", "0", true),
        ];
        let same_as_10 = [
            to_record("m/q1", &[0], true),
            to_record("m/q2", &[1, 2], false),
        ];
        assert_eq!(
            check(1, 12, &same_as_10, &answers),
            Entry::SameAs { pupil_id: 10 }
        );
        assert_eq!(
            check(1, 11, &same_as_10, &answers),
            Entry::Replaces {
                right: 1,
                answered: 2
            }
        );
        let fresh = [
            to_record("m/q1", &[1], false),
            to_record("m/q2", &[1], false),
        ];
        assert_eq!(check(1, 12, &fresh, &answers), Entry::New);
        // Answers that only partly match another pupil's are new.
        let partly = [to_record("m/q1", &[0], true), to_record("m/q2", &[0], true)];
        assert_eq!(check(1, 12, &partly, &answers), Entry::New);
        assert_eq!(
            check(2, 12, &same_as_10, &answers),
            Entry::New,
            "another session"
        );
        assert_eq!(score(&same_as_10), (1, 2));
        // What a replacement would undo back to.
        let mut before = answers_of(1, 10, &answers);
        before.sort();
        assert_eq!(before, same_as_10.to_vec());
    }
}
