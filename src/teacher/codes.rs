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
    fn recovery_codes_use_the_result_code_alphabet() {
        let code = recovery_code(&(0u8..=255).collect::<Vec<_>>());
        assert_eq!(code, "0123456789");
        let code = recovery_code(&[31, 32, 18, 200, 1, 1, 1, 1, 1, 1, 1, 1]);
        assert_eq!(code.len(), RECOVERY_LEN);
        assert!(code.starts_with("Z0J8"), "{code}");
        assert!(code.chars().all(|c| ALPHABET.contains(&(c as u8))));
    }
}
