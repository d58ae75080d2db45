//! Moodle GIFT quizzes: import a teacher's own quiz, and export quizzes for Moodle
//! (the format of docs.moodle.org, "GIFT format"), one language at a time.
//!
//! Supported, as Moodle reads it:
//!
//! - questions separated by blank lines; `//` comment lines; `$CATEGORY:` lines are
//!   ignored (Moodle writes them when it exports);
//! - a title, `::Title::`, before the question text;
//! - single choice `{=right ~wrong ~wrong}`, one `=` answer; a wrong answer may carry
//!   a penalty, `~%-50%wrong`;
//! - multiple answers, with weights and no `=`: `{~%50%one ~%50%two ~%-100%wrong}`;
//!   the positive weights add up to 100;
//! - true/false `{T}`, `{TRUE}`, `{F}`, `{FALSE}`, with optional feedback
//!   `{T#shown if wrong#shown if right}`;
//! - feedback on an answer, `=right #why`;
//! - escapes `\~ \= \# \{ \} \:`, `\\` for a backslash and `\n` for a new line;
//!   a backslash before anything else is kept as it is;
//! - a format marker `[markdown]`, `[html]`, `[plain]` or `[moodle]` at the start
//!   of a text, which is dropped (the text is kept as written).
//!
//! - general feedback, `####text` at the end of an answer block, shown once after
//!   any answer.
//!
//! Matching, numerical, short-answer, essay and missing-word questions and
//! descriptions (no answers) are refused with an error naming what is not supported.
//! [`parse`] reports every error with its 1-based line.
//!
//! [`write`] escapes every special character and writes every text on one line, so
//! `parse(&write(&x)) == Ok(x)` for anything [`from_questions`] builds. Nothing here
//! knows about Dioxus or storage.

mod convert;
mod parse;
mod write;

pub use convert::{from_questions, to_questions};
pub use parse::parse;
pub use write::write;

/// What a GIFT question asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiftKind {
    /// One `=` answer.
    Single,
    /// No `=` answer: weights, the positive ones adding up to 100.
    Multiple,
    /// `{T}` or `{F}`.
    TrueFalse,
}

/// An answer of a choice question.
#[derive(Clone, Debug, PartialEq)]
pub struct GiftAnswer {
    pub text: String,
    /// Percent of the question's mark, -100 to 100: `=` is 100, `~` without a weight 0.
    pub weight: f64,
    pub feedback: Option<String>,
}

/// A true/false question's answer: whether the statement is true, the feedback if
/// the pupil answers wrong, and the feedback if they answer right.
pub type TrueFalse = (bool, Option<String>, Option<String>);

#[derive(Clone, Debug, PartialEq)]
pub struct GiftQuestion {
    pub title: Option<String>,
    pub text: String,
    pub kind: GiftKind,
    /// The answers of a choice question; empty for true/false.
    pub answers: Vec<GiftAnswer>,
    /// A true/false question's answer; `None` for a choice question. A true/false
    /// question without one is written as `{TRUE}`.
    pub true_false: Option<TrueFalse>,
    /// General feedback, `####text` at the end of the answer block: shown once after
    /// any answer, below the chosen options' own feedback.
    pub general: Option<String>,
}

/// A problem in a GIFT file, at a 1-based line: what kind (the teacher reads it in
/// their language, `gift.problem.*` in the UI strings) and the detail in English
/// (for logs and for anyone fixing the file by hand).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GiftError {
    pub line: usize,
    pub kind: GiftProblem,
    pub message: String,
}

coded! {
    /// The kinds of GIFT problems a teacher is told about.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum GiftProblem {
        /// A `::title::` not closed.
        Title = "title",
        /// Braces that do not pair up, or text after the answer block.
        Braces = "braces",
        /// A question or an answer with no text, or no answers.
        Missing = "missing",
        /// A question type the app cannot score (essay, numerical, matching, short
        /// answer, missing word, description).
        Unsupported = "unsupported",
        /// More answers than a question may have.
        TooManyAnswers = "too-many-answers",
        /// No right answer, or right answers marked in a way that does not add up.
        RightAnswers = "right-answers",
        /// An answer weight that is not a number from -100 to 100.
        Weight = "weight",
        /// True/false feedback written wrongly.
        Feedback = "feedback",
        /// A file with no questions.
        Empty = "empty",
        /// The quiz was deleted while it was being edited.
        Gone = "gone",
        /// The device could not save it.
        Storage = "storage",
    }
}

pub(crate) fn error(line: usize, kind: GiftProblem, message: impl Into<String>) -> GiftError {
    GiftError {
        line,
        kind,
        message: message.into(),
    }
}

/// Format markers a text may start with.
pub(crate) const FORMATS: [&str; 4] = ["html", "markdown", "plain", "moodle"];

/// Characters that a backslash escapes (besides `\n`).
pub(crate) const ESCAPABLE: [char; 7] = ['~', '=', '#', '{', '}', ':', '\\'];

/// An answer's weight as Moodle scores it: in a single-choice question the right
/// answer weighs 100 and the others 0; in a multiple-answer question the `right`
/// answers share +100 and the `wrong` ones share −100 (rounded to five decimals, as
/// GIFT writes them).
pub fn weight(kind: GiftKind, correct: bool, right: usize, wrong: usize) -> f64 {
    match (kind, correct) {
        (GiftKind::Multiple, true) => round5(100.0 / right.max(1) as f64),
        (GiftKind::Multiple, false) => round5(-100.0 / wrong.max(1) as f64),
        (_, true) => 100.0,
        (_, false) => 0.0,
    }
}

pub(crate) fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

#[cfg(test)]
mod tests;
