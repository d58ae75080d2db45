//! Codes typed in teacher mode: a pupil's result code read against a session, and the
//! teacher's PIN rule and recovery code.

use std::collections::BTreeSet;

use super::model::Session;
use crate::quiz::resultcode::{self, CodeError, ALPHABET};
use crate::quiz::Quiz;

/// The fewest digits a teacher PIN has.
pub const PIN_MIN_DIGITS: usize = 4;

/// Whether a PIN follows the rule: digits only, at least [`PIN_MIN_DIGITS`].
pub fn pin_is_valid(pin: &str) -> bool {
    pin.chars().count() >= PIN_MIN_DIGITS && pin.chars().all(|c| c.is_ascii_digit())
}

/// Characters in a recovery code.
pub const RECOVERY_LEN: usize = 10;

/// A recovery code from random bytes (at least [`RECOVERY_LEN`] of them): Crockford
/// base32, the alphabet of result codes, so it reads aloud without look-alikes.
pub fn recovery_code(random: &[u8]) -> String {
    random
        .iter()
        .take(RECOVERY_LEN)
        .map(|b| ALPHABET[(b & 31) as usize] as char)
        .collect()
}

/// A recovery code as the teacher may type it: as shown in groups, with spaces or
/// dashes, in any case, with Crockford's look-alikes (I and L for 1, O for 0). `None`
/// when it cannot be a recovery code.
pub fn normalize_recovery(typed: &str) -> Option<String> {
    let code: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c.to_ascii_uppercase() {
            'I' | 'L' => '1',
            'O' => '0',
            c => c,
        })
        .collect();
    let fits = code.chars().count() == RECOVERY_LEN && code.bytes().all(|b| ALPHABET.contains(&b));
    fits.then_some(code)
}

/// Why a typed result code does not fit a session.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeProblem {
    /// It is a code of another quiz.
    OtherQuiz,
    /// It is from another version of this quiz than the session started with.
    OtherVersion,
    /// A character is wrong or missing.
    Mistyped,
}

/// One answer to record: question key, chosen options, right or not.
pub type AnswerToRecord = (String, BTreeSet<usize>, bool);

/// A pupil's result code read against the session's quiz and version: the answers to
/// record, for the session's questions only, each marked right or wrong.
pub fn answers_from_code(
    session: &Session,
    quiz: &Quiz,
    code: &str,
) -> Result<Vec<AnswerToRecord>, CodeProblem> {
    // A code is at most 16 characters (with spaces, fewer than 32): anything longer
    // is refused before it is read.
    if code.len() > 2 * resultcode::MAX_LEN {
        return Err(CodeProblem::Mistyped);
    }
    let decoded = resultcode::decode(code, &quiz.id, session.quiz_version, &quiz.slots()).map_err(
        |e| match e {
            CodeError::OtherQuiz => CodeProblem::OtherQuiz,
            CodeError::OtherVersion => CodeProblem::OtherVersion,
            _ => CodeProblem::Mistyped,
        },
    )?;
    Ok(quiz
        .questions
        .iter()
        .zip(&decoded.answers)
        .filter(|(q, _)| session.questions.contains(&q.key()))
        .map(|(q, a)| {
            let chosen: BTreeSet<usize> = a.iter().map(|&i| usize::from(i)).collect();
            let right = q.is_right(&chosen);
            (q.key(), chosen, right)
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pin_rule() {
        assert!(pin_is_valid("0000"));
        assert!(pin_is_valid("123456"));
        assert!(!pin_is_valid("123"));
        assert!(!pin_is_valid("12a4"));
        assert!(
            !pin_is_valid("１２３４"),
            "full-width digits are not ASCII digits"
        );
    }

    #[test]
    fn a_recovery_code_is_read_as_it_is_shown() {
        let code = "EARY3Y5Q7K";
        for typed in [
            "EARY3Y5Q7K",
            "EAR Y3Y 5Q7 K",
            "ear-y3y-5q7-k",
            " Ear y3y 5q7k ",
        ] {
            assert_eq!(normalize_recovery(typed).as_deref(), Some(code), "{typed}");
        }
        assert_eq!(
            normalize_recovery("1O1L 0000 00").as_deref(),
            Some("1011000000")
        );
        assert_eq!(
            normalize_recovery("IOIL000000").as_deref(),
            Some("1011000000")
        );
        assert_eq!(
            normalize_recovery("1234"),
            None,
            "a PIN is not a recovery code"
        );
        assert_eq!(
            normalize_recovery("EARY3Y5Q7U"),
            None,
            "U is not in the alphabet"
        );
    }

    #[test]
    fn recovery_codes_use_the_result_code_alphabet() {
        let code = recovery_code(&(0u8..=255).collect::<Vec<_>>());
        assert_eq!(code, "0123456789");
        let code = recovery_code(&[31, 32, 18, 200, 1, 1, 1, 1, 1, 1, 1, 1]);
        assert_eq!(code.len(), RECOVERY_LEN);
        assert!(code.starts_with("Z0J8"), "{code}");
        assert!(code.chars().all(|c| ALPHABET.contains(&(c as u8))));
    }
}
