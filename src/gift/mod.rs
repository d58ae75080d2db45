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

use std::fmt::Write as _;

use crate::lang::Lang;
use crate::lang::PerLang;
use crate::quiz::{Question, QuestionKind, QuizOption, MAX_OPTIONS};

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

/// A problem in a GIFT file, at a 1-based line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("line {line}: {message}")]
pub struct GiftError {
    pub line: usize,
    pub message: String,
}

fn error(line: usize, message: impl Into<String>) -> GiftError {
    GiftError {
        line,
        message: message.into(),
    }
}

/// Format markers a text may start with.
const FORMATS: [&str; 4] = ["html", "markdown", "plain", "moodle"];

/// Characters that a backslash escapes (besides `\n`).
const ESCAPABLE: [char; 7] = ['~', '=', '#', '{', '}', ':', '\\'];

// ---- reading ------------------------------------------------------------------------

/// One character of a question, escapes resolved: an escaped character is never
/// special, and escaped `\n` is never trimmed away.
#[derive(Clone, Copy, Debug)]
struct Tok {
    ch: char,
    line: usize,
    escaped: bool,
}

impl Tok {
    /// Whether this is the special character `c`, not escaped.
    fn is(&self, c: char) -> bool {
        !self.escaped && self.ch == c
    }

    fn is_space(&self) -> bool {
        !self.escaped && self.ch.is_whitespace()
    }
}

/// Reads a GIFT file. Returns every question, or every error found in the file, each
/// with its line. An empty file (or one with only comments) gives no questions.
pub fn parse(text: &str) -> Result<Vec<GiftQuestion>, Vec<GiftError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut questions = Vec::new();
    let mut errors = Vec::new();
    for block in blocks(text) {
        match parse_block(&tokenize(&block)) {
            Ok(q) => questions.push(q),
            Err(e) => errors.extend(e),
        }
    }
    if errors.is_empty() {
        Ok(questions)
    } else {
        errors.sort_by_key(|e| e.line);
        Err(errors)
    }
}

/// The file's questions: runs of lines between blank lines, without comment lines and
/// `$CATEGORY:` lines. Each line keeps its 1-based number.
fn blocks(text: &str) -> Vec<Vec<(usize, &str)>> {
    let mut blocks = Vec::new();
    let mut current = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else if !trimmed.starts_with("//") && !trimmed.starts_with("$CATEGORY:") {
            current.push((i + 1, line));
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    blocks
}

/// A question's lines as characters, joined by (unescaped) new lines.
fn tokenize(lines: &[(usize, &str)]) -> Vec<Tok> {
    let mut toks = Vec::new();
    for (k, &(line, text)) in lines.iter().enumerate() {
        if k > 0 {
            toks.push(Tok {
                ch: '\n',
                line,
                escaped: false,
            });
        }
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let escaped = match (c, chars.peek().copied()) {
                ('\\', Some(e)) if ESCAPABLE.contains(&e) => Some(e),
                ('\\', Some('n')) => Some('\n'),
                _ => None,
            };
            let tok = match escaped {
                Some(ch) => {
                    chars.next();
                    Tok {
                        ch,
                        line,
                        escaped: true,
                    }
                }
                None => Tok {
                    ch: c,
                    line,
                    escaped: false,
                },
            };
            toks.push(tok);
        }
    }
    toks
}

/// The first unescaped `c` at or after `from`.
fn find(toks: &[Tok], from: usize, c: char) -> Option<usize> {
    (from..toks.len()).find(|&i| toks[i].is(c))
}

/// Whether an unescaped `cc` starts at `i`.
fn is_pair(toks: &[Tok], i: usize, c: char) -> bool {
    toks.get(i).is_some_and(|t| t.is(c)) && toks.get(i + 1).is_some_and(|t| t.is(c))
}

/// Without unescaped white space at either end.
fn trim(toks: &[Tok]) -> &[Tok] {
    let start = toks
        .iter()
        .position(|t| !t.is_space())
        .unwrap_or(toks.len());
    let end = toks
        .iter()
        .rposition(|t| !t.is_space())
        .map_or(start, |p| p + 1);
    &toks[start..end]
}

/// Without a leading format marker such as `[html]`.
fn strip_format(toks: &[Tok]) -> &[Tok] {
    if toks.first().is_some_and(|t| t.is('[')) {
        if let Some(end) = find(toks, 1, ']') {
            if FORMATS.contains(&text_of(&toks[1..end]).as_str()) {
                return &toks[end + 1..];
            }
        }
    }
    toks
}

fn text_of(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.ch).collect()
}

/// A text as stored: trimmed, its format marker dropped.
fn clean_text(toks: &[Tok]) -> String {
    text_of(trim(strip_format(trim(toks))))
}

/// Feedback text; `None` when empty.
fn feedback_text(toks: &[Tok]) -> Option<String> {
    Some(clean_text(toks)).filter(|t| !t.is_empty())
}

/// One question (a block of lines), or its errors.
fn parse_block(toks: &[Tok]) -> Result<GiftQuestion, Vec<GiftError>> {
    let start_line = toks.first().map_or(1, |t| t.line);
    let mut rest = trim(toks);
    let mut title = None;
    if is_pair(rest, 0, ':') {
        let Some(end) = (2..rest.len()).find(|&j| is_pair(rest, j, ':')) else {
            return Err(vec![error(
                rest[0].line,
                "unclosed title: `::` has no closing `::`",
            )]);
        };
        let name = text_of(trim(&rest[2..end]));
        title = (!name.is_empty()).then_some(name);
        rest = &rest[end + 2..];
    }

    let Some(open) = find(rest, 0, '{') else {
        let e = match find(rest, 0, '}') {
            Some(close) => error(rest[close].line, "`}` without an opening `{`"),
            None => error(
                start_line,
                "the question has no answer block `{…}` (descriptions are not supported)",
            ),
        };
        return Err(vec![e]);
    };
    let mut errors = Vec::new();
    if let Some(close) = find(&rest[..open], 0, '}') {
        errors.push(error(rest[close].line, "`}` without an opening `{`"));
    }
    let open_line = rest[open].line;
    // The block ends at the first `}`; another `{` first means this one is unclosed.
    let close = (open + 1..rest.len())
        .find(|&k| rest[k].is('{') || rest[k].is('}'))
        .filter(|&k| rest[k].is('}'));
    let Some(close) = close else {
        errors.push(error(
            open_line,
            "unclosed `{`: the answer block has no `}` (a blank line ends a question; \
             write \\{ and \\} for braces in a text)",
        ));
        return Err(errors);
    };
    if let Some(t) = rest[close + 1..].iter().find(|t| !t.is_space()) {
        errors.push(error(
            t.line,
            "text after the closing `}`: missing-word questions are not supported, \
             and questions are separated by a blank line",
        ));
    }

    let text = clean_text(&rest[..open]);
    if text.is_empty() {
        errors.push(error(start_line, "the question has no text"));
    }
    let (body, general) = split_general(&rest[open + 1..close]);
    let answers = parse_answers(body, open_line, &mut errors);
    match answers {
        Some((kind, answers, true_false)) if errors.is_empty() => Ok(GiftQuestion {
            title,
            text,
            kind,
            answers,
            true_false,
            general,
        }),
        _ => Err(errors),
    }
}

type Answers = (GiftKind, Vec<GiftAnswer>, Option<TrueFalse>);

/// An answer block without its general feedback (`####` and what follows, up to the
/// block's end), and that feedback.
fn split_general(body: &[Tok]) -> (&[Tok], Option<String>) {
    // The last `####`, as Moodle looks for it (`{T#Wrong.#####G}` gives `G`).
    match body.windows(4).rposition(|w| w.iter().all(|t| t.is('#'))) {
        Some(at) => (&body[..at], feedback_text(&body[at + 4..])),
        None => (body, None),
    }
}

/// What is between `{` and `}` (`line`: the line of `{`). `None` only after an error
/// has been added.
fn parse_answers(body: &[Tok], line: usize, errors: &mut Vec<GiftError>) -> Option<Answers> {
    let body = trim(body);
    let Some(first) = body.first() else {
        errors.push(error(line, "essay questions (`{}`) are not supported"));
        return None;
    };
    if first.is('#') {
        errors.push(error(
            line,
            "numerical questions (`{#…}`) are not supported",
        ));
        return None;
    }

    let mut parts = body.split(|t| t.is('#'));
    let head = text_of(trim(parts.next().unwrap_or_default()));
    if let Some(value) = true_false_value(&head) {
        let feedbacks: Vec<Option<String>> = parts.map(feedback_text).collect();
        if feedbacks.len() > 2 {
            errors.push(error(
                line,
                "a true/false answer takes at most two feedbacks: `{T#if wrong#if right}`",
            ));
            return None;
        }
        let mut feedbacks = feedbacks.into_iter();
        let wrong = feedbacks.next().flatten();
        let right = feedbacks.next().flatten();
        return Some((GiftKind::TrueFalse, Vec::new(), Some((value, wrong, right))));
    }

    // As Moodle tells the types apart: a `~` makes a choice question.
    let has = |c: char| body.iter().any(|t| t.is(c));
    if has('~') {
        return choices(body, line, errors);
    }
    let message = if body.windows(2).any(|w| w[0].is('-') && w[1].is('>')) {
        "matching questions (`->`) are not supported"
    } else if has('=') {
        "short-answer questions (only `=` answers) are not supported"
    } else {
        "no answers: start each answer with `=` (right) or `~` (wrong), or write T or F"
    };
    errors.push(error(line, message));
    None
}

/// `T`, `TRUE`, `F` or `FALSE`, in capitals, as Moodle reads them (it takes `{t}`
/// for a short-answer question).
fn true_false_value(head: &str) -> Option<bool> {
    match head {
        "T" | "TRUE" => Some(true),
        "F" | "FALSE" => Some(false),
        _ => None,
    }
}

/// A choice question's answers (`line`: the line of `{`). `None` only after an error
/// has been added.
fn choices(body: &[Tok], line: usize, errors: &mut Vec<GiftError>) -> Option<Answers> {
    let before = errors.len();
    let markers: Vec<usize> = (0..body.len())
        .filter(|&i| body[i].is('=') || body[i].is('~'))
        .collect();
    let first = markers.first().copied().unwrap_or(body.len());
    if let Some(t) = body[..first].iter().find(|t| !t.is_space()) {
        errors.push(error(
            t.line,
            "text before the first answer: each answer starts with `=` or `~`",
        ));
    }

    let mut answers = Vec::new();
    let mut right_lines = Vec::new();
    let mut partial_lines = Vec::new();
    for (k, &m) in markers.iter().enumerate() {
        let end = markers.get(k + 1).copied().unwrap_or(body.len());
        let marker = body[m];
        let segment = &body[m + 1..end];
        let (answer, feedback) = match find(segment, 0, '#') {
            Some(h) => (&segment[..h], feedback_text(&segment[h + 1..])),
            None => (segment, None),
        };
        let (weight, answer) = if marker.is('=') {
            right_lines.push(marker.line);
            (100.0, answer)
        } else {
            let (weight, answer) = split_weight(answer).unwrap_or_else(|message| {
                errors.push(error(marker.line, message));
                (0.0, answer)
            });
            if weight > 0.0 {
                partial_lines.push(marker.line);
            }
            (weight, answer)
        };
        let text = clean_text(answer);
        if text.is_empty() {
            errors.push(error(marker.line, "an answer has no text"));
        }
        answers.push(GiftAnswer {
            text,
            weight,
            feedback,
        });
    }
    if answers.len() > MAX_OPTIONS {
        errors.push(error(
            line,
            format!(
                "a question takes at most {MAX_OPTIONS} answers; this one has {}",
                answers.len()
            ),
        ));
    }
    let answers_ok = errors.len() == before;

    let kind = if right_lines.is_empty() {
        GiftKind::Multiple
    } else {
        GiftKind::Single
    };
    if kind == GiftKind::Single {
        if let Some(&second) = right_lines.get(1) {
            errors.push(error(
                second,
                "a single-choice question has more than one `=` answer; for several \
                 right answers give weights without `=`, like ~%50%",
            ));
        }
        for &l in &partial_lines {
            errors.push(error(
                l,
                "a single-choice question cannot give partial credit (`~%…%` above 0): \
                 mark the one right answer with `=`, or give weights without `=` for \
                 several right answers",
            ));
        }
    } else if answers_ok {
        let positive: Vec<f64> = answers
            .iter()
            .map(|a| a.weight)
            .filter(|w| *w > 0.0)
            .collect();
        let sum: f64 = positive.iter().sum();
        if answers.len() < 2 {
            errors.push(error(
                line,
                "a multiple-answer question needs at least two answers",
            ));
        } else if positive.is_empty() {
            errors.push(error(
                line,
                "the answer block has no correct answer: mark it with `=`, or give the \
                 right answers positive weights like ~%50%",
            ));
        } else if (sum - 100.0).abs() > 0.01 {
            errors.push(error(
                line,
                format!("the positive weights add up to {}%, not 100%", round5(sum)),
            ));
        }
    }
    (errors.len() == before).then_some((kind, answers, None))
}

/// A `%weight%` at the start of a `~` answer: the weight and the rest of the answer.
/// Without one, the weight is 0 and the answer is unchanged; `%…%` around anything
/// but digits, signs and decimal marks is answer text, not a weight.
fn split_weight(answer: &[Tok]) -> Result<(f64, &[Tok]), String> {
    let a = trim(answer);
    if !a.first().is_some_and(|t| t.is('%')) {
        return Ok((0.0, answer));
    }
    let Some(close) = find(a, 1, '%') else {
        return Ok((0.0, answer));
    };
    let inner = text_of(&a[1..close]);
    let number_like = inner
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-'));
    if inner.is_empty() || !number_like {
        return Ok((0.0, answer));
    }
    match inner.parse::<f64>() {
        Ok(w) if (-100.0..=100.0).contains(&w) => Ok((w, &a[close + 1..])),
        _ => Err(format!(
            "`%{inner}%` is not a weight: write a number from -100 to 100, with a decimal point"
        )),
    }
}

fn round5(x: f64) -> f64 {
    (x * 100_000.0).round() / 100_000.0
}

// ---- writing --------------------------------------------------------------------------

/// Writes questions as GIFT, separated by blank lines. Every text is escaped and kept
/// on one line (new lines become `\n`).
pub fn write(questions: &[GiftQuestion]) -> String {
    let mut out = String::new();
    for q in questions {
        if !out.is_empty() {
            out.push('\n');
        }
        write_question(&mut out, q);
    }
    out
}

fn write_question(out: &mut String, q: &GiftQuestion) {
    let text = escape_text(&q.text);
    match &q.title {
        Some(title) => {
            let _ = write!(out, "::{}::", escape(title));
        }
        // A line starting with `//` is a comment: an empty title keeps the question.
        None if text.starts_with("//") => out.push_str("::::"),
        None => {}
    }
    out.push_str(&text);
    match q.kind {
        GiftKind::TrueFalse => {
            let (value, wrong, right) = q.true_false.clone().unwrap_or((true, None, None));
            out.push_str(if value { " {TRUE" } else { " {FALSE" });
            match (wrong, right) {
                (None, None) => {}
                (Some(wrong), None) => {
                    let _ = write!(out, "#{}", escape_text(&wrong));
                }
                (wrong, Some(right)) => {
                    let wrong = wrong.map(|w| escape_text(&w)).unwrap_or_default();
                    let _ = write!(out, "#{wrong}#{}", escape_text(&right));
                }
            }
            write_general(out, q);
            out.push_str("}\n");
        }
        GiftKind::Single | GiftKind::Multiple => {
            out.push_str(" {\n");
            for a in &q.answers {
                let text = escape_text(&a.text);
                out.push('\t');
                if q.kind == GiftKind::Single && a.weight == 100.0 {
                    out.push('=');
                } else {
                    out.push('~');
                    // Written when not 0, and always before a text starting with `%`.
                    if a.weight != 0.0 || text.starts_with('%') {
                        let _ = write!(out, "%{}%", a.weight);
                    }
                }
                out.push_str(&text);
                if let Some(feedback) = &a.feedback {
                    let _ = write!(out, " #{}", escape_text(feedback));
                }
                out.push('\n');
            }
            if q.general.is_some() {
                out.push('\t');
                write_general(out, q);
                out.push('\n');
            }
            out.push_str("}\n");
        }
    }
}

fn write_general(out: &mut String, q: &GiftQuestion) {
    if let Some(general) = &q.general {
        let _ = write!(out, "####{}", escape_text(general));
    }
}

/// Escapes GIFT's special characters and new lines.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | '~' | '=' | '#' | '{' | '}' | ':' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            c => out.push(c),
        }
    }
    out
}

/// [`escape`], and a `[plain]` marker before a text that starts like a format marker,
/// so that reading it back keeps that start.
fn escape_text(s: &str) -> String {
    let escaped = escape(s);
    if FORMATS
        .iter()
        .any(|f| escaped.starts_with(&format!("[{f}]")))
    {
        format!("[plain]{escaped}")
    } else {
        escaped
    }
}

// ---- our quizzes ----------------------------------------------------------------------

/// Line endings as `\n`, no white space at either end: texts as GIFT reads them back.
fn clean(s: &str) -> String {
    s.replace("\r\n", "\n")
        .replace('\r', "\n")
        .trim()
        .to_string()
}

fn clean_feedback(s: &str) -> Option<String> {
    Some(clean(s)).filter(|f| !f.is_empty())
}

/// Built-in quiz questions as GIFT, in one language. A scenario comes before the
/// question text, after a blank line; scenario questions become single choice. Each
/// question's title is its key (`module/qN`).
pub fn from_questions(questions: &[Question], lang: Lang) -> Vec<GiftQuestion> {
    questions.iter().map(|q| from_question(q, lang)).collect()
}

fn from_question(q: &Question, lang: Lang) -> GiftQuestion {
    let mut text = clean(q.text.get(lang));
    if let Some(scenario) = &q.scenario {
        let scenario = clean(scenario.get(lang));
        if !scenario.is_empty() {
            text = format!("{scenario}\n\n{text}");
        }
    }
    let title = Some(q.key());
    let feedback = |o: &QuizOption| clean_feedback(o.feedback.get(lang));

    if q.kind == QuestionKind::TrueFalse {
        // The first option is "true".
        let value = q.options.first().is_some_and(|o| o.correct);
        let right = q.options.iter().find(|o| o.correct).and_then(feedback);
        let wrong = q.options.iter().find(|o| !o.correct).and_then(feedback);
        return GiftQuestion {
            title,
            text,
            kind: GiftKind::TrueFalse,
            answers: Vec::new(),
            true_false: Some((value, wrong, right)),
            general: clean_feedback(q.general.get(lang)),
        };
    }

    let (kind, right_weight, wrong_weight) = if q.kind == QuestionKind::Multiple {
        let right = q.options.iter().filter(|o| o.correct).count().max(1);
        let wrong = q.options.iter().filter(|o| !o.correct).count().max(1);
        (
            GiftKind::Multiple,
            round5(100.0 / right as f64),
            round5(-100.0 / wrong as f64),
        )
    } else {
        (GiftKind::Single, 100.0, 0.0)
    };
    let answers = q
        .options
        .iter()
        .map(|o| GiftAnswer {
            text: clean(o.text.get(lang)),
            weight: if o.correct {
                right_weight
            } else {
                wrong_weight
            },
            feedback: feedback(o),
        })
        .collect();
    GiftQuestion {
        title,
        text,
        kind,
        answers,
        true_false: None,
        general: clean_feedback(q.general.get(lang)),
    }
}

/// GIFT questions as a quiz of `module`, written in `lang` (the other languages left
/// empty): ids `q1`, `q2`…, tagged `teacher`, difficulty 1, no lesson pages. An answer
/// with a weight above 0 is correct; a true/false question gets two options, "true"
/// first.
pub fn to_questions(gift: &[GiftQuestion], module: &str, lang: Lang) -> Vec<Question> {
    gift.iter()
        .enumerate()
        .map(|(i, g)| {
            let (kind, options) = match g.kind {
                GiftKind::TrueFalse => {
                    let (value, wrong, right) = g.true_false.clone().unwrap_or((true, None, None));
                    let (true_feedback, false_feedback) = if value {
                        (right, wrong)
                    } else {
                        (wrong, right)
                    };
                    let (yes, no) = true_false_words(lang);
                    let options = vec![
                        option(lang, value, yes.to_string(), true_feedback),
                        option(lang, !value, no.to_string(), false_feedback),
                    ];
                    (QuestionKind::TrueFalse, options)
                }
                GiftKind::Single | GiftKind::Multiple => {
                    let kind = if g.kind == GiftKind::Single {
                        QuestionKind::Single
                    } else {
                        QuestionKind::Multiple
                    };
                    let options = g
                        .answers
                        .iter()
                        .map(|a| option(lang, a.weight > 0.0, a.text.clone(), a.feedback.clone()))
                        .collect();
                    (kind, options)
                }
            };
            Question {
                id: format!("q{}", i + 1),
                module: module.to_string(),
                kind,
                tags: vec!["teacher".to_string()],
                difficulty: 1,
                pages: Vec::new(),
                scenario: None,
                text: in_lang(lang, g.text.clone()),
                options,
                general: in_lang(lang, g.general.clone().unwrap_or_default()),
            }
        })
        .collect()
}

fn option(lang: Lang, correct: bool, text: String, feedback: Option<String>) -> QuizOption {
    QuizOption {
        correct,
        text: in_lang(lang, text),
        feedback: in_lang(lang, feedback.unwrap_or_default()),
    }
}

/// A text in one language, the others empty.
fn in_lang(lang: Lang, text: String) -> PerLang<String> {
    let mut out = PerLang::<String>::default();
    *out.get_mut(lang) = text;
    out
}

/// "True" and "false" as the course's quizzes write them.
fn true_false_words(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Lt => ("Tiesa", "Netiesa"),
        Lang::En => ("True", "False"),
        Lang::Ru | Lang::Uk => ("Правда", "Неправда"),
    }
}

#[cfg(test)]
mod moodle_agreement {
    use super::*;

    #[test]
    fn true_false_is_read_in_capitals_only_as_moodle_does() {
        assert!(parse("::A:: Sky is blue {T}").is_ok());
        assert!(parse("::A:: Sky is blue {TRUE}").is_ok());
        assert!(
            parse("::A:: Sky is blue {true}").is_err(),
            "Moodle reads {{true}} as short answer"
        );
    }

    #[test]
    fn a_plus_sign_is_not_a_weight() {
        let q = parse("::A:: Pick {~%50%a ~%50%b ~%-100%c}").unwrap();
        assert_eq!(q[0].answers[0].weight, 50.0);
        // Either refused, or read with `%+50%` as part of the answer's text.
        if let Ok(q) = parse("::A:: Pick {~%+50%a ~%50%b ~%-100%c}") {
            assert_ne!(
                q[0].answers[0].weight, 50.0,
                "`%+50%` is answer text, not a weight"
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(text: &str, weight: f64, feedback: Option<&str>) -> GiftAnswer {
        GiftAnswer {
            text: text.to_string(),
            weight,
            feedback: feedback.map(str::to_string),
        }
    }

    fn choice(
        title: Option<&str>,
        text: &str,
        kind: GiftKind,
        answers: Vec<GiftAnswer>,
    ) -> GiftQuestion {
        GiftQuestion {
            title: title.map(str::to_string),
            text: text.to_string(),
            kind,
            answers,
            true_false: None,
            general: None,
        }
    }

    fn true_false(
        text: &str,
        value: bool,
        wrong: Option<&str>,
        right: Option<&str>,
    ) -> GiftQuestion {
        GiftQuestion {
            title: None,
            text: text.to_string(),
            kind: GiftKind::TrueFalse,
            answers: Vec::new(),
            true_false: Some((value, wrong.map(str::to_string), right.map(str::to_string))),
            general: None,
        }
    }

    const GOOD: &str = r##"// A comment line is not imported.
$CATEGORY: $course$/top/Sauga

::Capital::[markdown]What is the capital
of Lithuania? {
    =Vilnius #Right\: since 1323.
    ~Kaunas #It was the \{temporary\} capital.
    // A comment inside a question.
    ~Klaipėda
}

// Several right answers; a penalty for the wrong one.
::Signs:: Which are warning signs?\nTick all that apply. {
    ~%50%They keep your passport #Yes\: that is control.
    ~%50%You "owe" them money
    ~%-100%You get a written contract #A contract \= a good sign.
}

Three right answers {~%33.33333%a ~%33.33333%b ~%33.33334%c ~d}

Trafficking only happens abroad.{F#It happens at home too.#Right.}

[html]<p>Forced begging is exploitation.</p>{TRUE}

[plain]Short true {T}

Short false {FALSE #Wrong\: it is false.}

Escapes\: 1 \= 1 \~ \# \{ \} a\\b c\d {=[plain]yes ~%-50%no}
"##;

    #[test]
    fn reads_every_supported_construct() {
        let parsed = parse(GOOD).unwrap_or_else(|e| panic!("{e:?}"));
        let expected = vec![
            choice(
                Some("Capital"),
                "What is the capital\nof Lithuania?",
                GiftKind::Single,
                vec![
                    answer("Vilnius", 100.0, Some("Right: since 1323.")),
                    answer("Kaunas", 0.0, Some("It was the {temporary} capital.")),
                    answer("Klaipėda", 0.0, None),
                ],
            ),
            choice(
                Some("Signs"),
                "Which are warning signs?\nTick all that apply.",
                GiftKind::Multiple,
                vec![
                    answer(
                        "They keep your passport",
                        50.0,
                        Some("Yes: that is control."),
                    ),
                    answer("You \"owe\" them money", 50.0, None),
                    answer(
                        "You get a written contract",
                        -100.0,
                        Some("A contract = a good sign."),
                    ),
                ],
            ),
            choice(
                None,
                "Three right answers",
                GiftKind::Multiple,
                vec![
                    answer("a", 33.33333, None),
                    answer("b", 33.33333, None),
                    answer("c", 33.33334, None),
                    answer("d", 0.0, None),
                ],
            ),
            true_false(
                "Trafficking only happens abroad.",
                false,
                Some("It happens at home too."),
                Some("Right."),
            ),
            true_false("<p>Forced begging is exploitation.</p>", true, None, None),
            true_false("Short true", true, None, None),
            true_false("Short false", false, Some("Wrong: it is false."), None),
            choice(
                None,
                "Escapes: 1 = 1 ~ # { } a\\b c\\d",
                GiftKind::Single,
                vec![answer("yes", 100.0, None), answer("no", -50.0, None)],
            ),
        ];
        assert_eq!(parsed, expected);
        assert_eq!(
            parse(&GOOD.replace('\n', "\r\n")),
            Ok(expected),
            "Windows line endings read the same"
        );
        assert_eq!(parse(""), Ok(Vec::new()));
        assert_eq!(parse("// only a comment\n\n"), Ok(Vec::new()));
    }

    #[test]
    fn each_error_names_its_line() {
        let cases: &[(&str, usize, &str)] = &[
            ("Q {=a ~b}\n\nQ2 {\n=a\n~b\n", 3, "unclosed `{`"),
            ("Q {=a ~b\nQ2 {=c ~d}", 1, "unclosed `{`"),
            ("// comment\nQ {\n~a\n~%-50%b\n}", 2, "no correct answer"),
            ("Q {\n=a\n~b\n=c\n}", 4, "more than one `=`"),
            ("Q {\n~%50%a\n~%40%b\n~c\n}", 1, "add up to 90%, not 100%"),
            ("Match {\n=cat -> meow\n=dog -> woof\n}", 1, "matching"),
            ("How many? {#5:1}", 1, "numerical"),
            ("Capital? {=Vilnius =vilnius}", 1, "short-answer"),
            ("Write about it. {}", 1, "essay"),
            (
                "Moodle costs {~lots =nothing} to download.",
                1,
                "text after",
            ),
            ("Q {=a ~b}\nQ2 {=c ~d}", 2, "text after"),
            ("::Title Q {=a ~b}", 1, "unclosed title"),
            ("\n\nJust a description.", 3, "no answer block"),
            ("{=a ~b}", 1, "question has no text"),
            ("Q {\n=a\n~%50%b\n}", 3, "partial credit"),
            ("Q {\n~%100%a\n~%33,3%b\n}", 3, "`%33,3%` is not a weight"),
            ("Q {\n~%100%a\n~%150%b\n}", 3, "`%150%` is not a weight"),
            ("Q {\n=a\n~\n}", 3, "answer has no text"),
            ("Q {T#a#b#c}", 1, "at most two feedbacks"),
            ("Q {~%100%a}", 1, "at least two answers"),
            ("Q {hello}", 1, "no answers"),
            (
                &format!("Q {{=a {}}}", "~b ".repeat(MAX_OPTIONS)),
                1,
                "at most 20 answers; this one has 21",
            ),
            ("Q } {=a ~b}", 1, "`}` without an opening `{`"),
            ("Q {\nx =a ~b}", 2, "text before the first answer"),
        ];
        for (input, line, fragment) in cases {
            let errors = match parse(input) {
                Ok(q) => panic!("{input:?} was read as {q:?}"),
                Err(e) => e,
            };
            assert_eq!(errors.len(), 1, "{input:?}: {errors:?}");
            assert_eq!(errors[0].line, *line, "{input:?}: {errors:?}");
            assert!(
                errors[0].message.contains(fragment),
                "{input:?}: {:?} should say {fragment:?}",
                errors[0].message
            );
        }
    }

    #[test]
    fn every_error_of_a_file_is_reported() {
        let file = "::One:: Good {=a ~b}\n\
                    \n\
                    Two {\n\
                    =a\n\
                    ~b\n\
                    \n\
                    Three {~a ~b}\n\
                    \n\
                    Four {}\n\
                    \n\
                    Five {=a ~b} trailing\n";
        let errors = parse(file).expect_err("the file has errors");
        let lines: Vec<usize> = errors.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![3, 7, 9, 11], "{errors:?}");
        assert!(errors[0].message.contains("unclosed"));
        assert!(errors[1].message.contains("no correct answer"));
        assert!(errors[2].message.contains("essay"));
        assert!(errors[3].message.contains("text after"));
        assert!(errors[2].to_string().starts_with("line 9: "));
    }

    #[test]
    fn escaping_round_trips() {
        let q = choice(
            Some("A::B"),
            "1 = 1? {x} ~y #z a:b\\c\nnext",
            GiftKind::Single,
            vec![
                answer("=yes", 100.0, Some("#1 {ok}")),
                answer("%5 no", 0.0, None),
            ],
        );
        let expected = concat!(
            r"::A\:\:B::1 \= 1? \{x\} \~y \#z a\:b\\c\nnext {",
            "\n\t",
            r"=\=yes #\#1 \{ok\}",
            "\n\t",
            r"~%0%%5 no",
            "\n}\n",
        );
        assert_eq!(write(std::slice::from_ref(&q)), expected);

        let questions = vec![
            q,
            choice(
                None,
                "//not a comment: a literal \\n, a backslash at the end\\",
                GiftKind::Multiple,
                vec![
                    answer("[html]<b>kept</b>", 12.5, Some("[markdown] kept too")),
                    answer("a -> b", 87.5, Some("~ and = and } and ::")),
                    answer("%%", -33.33333, None),
                    answer("none", 0.0, Some("\\#")),
                ],
            ),
            choice(
                Some("$CATEGORY: not a category"),
                "$CATEGORY: not one either\n\nsecond paragraph",
                GiftKind::Single,
                vec![answer("T", 100.0, None), answer("F", 0.0, Some("#"))],
            ),
            true_false("[plain]True?", true, None, Some("Right: #1 {yes}")),
            true_false("False?", false, Some("Wrong = ~ # { } :"), None),
            true_false("Both?", false, Some("w\\"), Some("r")),
        ];
        let text = write(&questions);
        assert_eq!(parse(&text), Ok(questions), "{text}");
    }

    fn en(s: &str) -> PerLang<String> {
        in_lang(Lang::En, s.to_string())
    }

    fn opt(correct: bool, text: &str, feedback: &str) -> QuizOption {
        QuizOption {
            correct,
            text: en(text),
            feedback: en(feedback),
        }
    }

    fn question(id: &str, kind: QuestionKind, text: &str, options: Vec<QuizOption>) -> Question {
        Question {
            id: id.to_string(),
            module: "m".to_string(),
            kind,
            tags: vec!["teacher".to_string()],
            difficulty: 1,
            pages: Vec::new(),
            scenario: None,
            text: en(text),
            options,
            general: PerLang::default(),
        }
    }

    #[test]
    fn export_then_import_gives_the_same_questions() {
        let questions = vec![
            question(
                "q1",
                QuestionKind::Single,
                "Which offer is safe?",
                vec![
                    opt(
                        true,
                        "A contract you can read first",
                        "Right: read it {all} before = signing; ask ~ questions #1.",
                    ),
                    opt(false, "Pay a fee first", "No:: never pay #fees {up front}"),
                    opt(false, "Hand over your passport", ""),
                ],
            ),
            question(
                "q2",
                QuestionKind::Multiple,
                "Which are warning signs?\nTick all.",
                vec![
                    opt(true, "They keep your passport", "Yes = control."),
                    opt(false, "A written contract", "No ~ a good sign."),
                    opt(true, "A \"debt\" you must work off", "Yes: debt bondage."),
                    opt(false, "Paid on time", ""),
                    opt(true, "No days off", "Yes {always} a sign #3."),
                ],
            ),
            question(
                "q3",
                QuestionKind::TrueFalse,
                "Trafficking only happens abroad.",
                vec![
                    opt(false, "True", "Wrong: it happens at home = too."),
                    opt(true, "False", "Right #1: {yes}"),
                ],
            ),
            question(
                "q4",
                QuestionKind::TrueFalse,
                "Forced begging is exploitation.",
                vec![
                    opt(true, "True", ""),
                    opt(false, "False", "Not so ~ see page 2."),
                ],
            ),
            question(
                "q5",
                QuestionKind::Single,
                "Where is the file? C:\\temp\\new",
                vec![opt(true, "Here", "::"), opt(false, "There", "}{")],
            ),
        ];

        let gift = from_questions(&questions, Lang::En);
        assert_eq!(gift[0].title.as_deref(), Some("m/q1"));
        let weights: Vec<f64> = gift[1].answers.iter().map(|a| a.weight).collect();
        assert_eq!(weights, vec![33.33333, -50.0, 33.33333, -50.0, 33.33333]);
        assert_eq!(
            gift[0].answers[2].feedback, None,
            "empty feedback is left out"
        );
        assert_eq!(
            gift[2].true_false,
            Some((
                false,
                Some("Wrong: it happens at home = too.".to_string()),
                Some("Right #1: {yes}".to_string())
            ))
        );
        assert_eq!(
            gift[3].true_false,
            Some((true, Some("Not so ~ see page 2.".to_string()), None))
        );

        let text = write(&gift);
        let parsed = parse(&text).unwrap_or_else(|e| panic!("{e:?}\n{text}"));
        assert_eq!(parsed, gift, "{text}");
        assert_eq!(to_questions(&parsed, "m", Lang::En), questions);
    }

    #[test]
    fn a_scenario_goes_before_the_question_in_the_chosen_language() {
        let mut q = question(
            "q9",
            QuestionKind::Scenario,
            "What should she do?",
            vec![opt(true, "Ask", "Yes"), opt(false, "Go", "No")],
        );
        q.scenario = Some(PerLang {
            lt: "Onai 15 metų.".to_string(),
            en: "Ona is 15.".to_string(),
            ru: String::new(),
            uk: String::new(),
        });
        q.text.lt = "Ką ji turėtų daryti?".to_string();
        let gift = from_questions(std::slice::from_ref(&q), Lang::En);
        assert_eq!(gift[0].kind, GiftKind::Single);
        assert_eq!(gift[0].text, "Ona is 15.\n\nWhat should she do?");
        let text = write(&gift);
        assert!(
            text.contains(r"Ona is 15.\n\nWhat should she do? {"),
            "{text}"
        );
        assert_eq!(parse(&text), Ok(gift));

        let lt = from_questions(std::slice::from_ref(&q), Lang::Lt);
        assert_eq!(lt[0].text, "Onai 15 metų.\n\nKą ji turėtų daryti?");
    }

    #[test]
    fn imported_questions_are_in_one_language() {
        let gift = parse("Is it true? {T#No.#Yes.}\n\nPick {~%50%a ~%50%b ~%-100%c}")
            .unwrap_or_else(|e| panic!("{e:?}"));
        let qs = to_questions(&gift, "teacher-1", Lang::Lt);
        assert_eq!(qs[0].key(), "teacher-1/q1");
        assert_eq!(qs[1].id, "q2");
        assert_eq!(qs[0].kind, QuestionKind::TrueFalse);
        assert_eq!(qs[0].options[0].text.lt, "Tiesa");
        assert!(qs[0].options[0].correct && !qs[0].options[1].correct);
        assert_eq!(qs[0].options[0].feedback.lt, "Yes.");
        assert_eq!(qs[0].options[1].feedback.lt, "No.");
        assert_eq!(qs[0].text.en, "", "other languages stay empty");
        assert_eq!(qs[1].kind, QuestionKind::Multiple);
        let correct: Vec<bool> = qs[1].options.iter().map(|o| o.correct).collect();
        assert_eq!(correct, vec![true, true, false]);
    }

    #[test]
    fn general_feedback_is_read_written_and_kept_apart() {
        // As Moodle writes it: after the answers, and in a true/false block after the
        // answer's own feedbacks; `\#` inside it stays a character.
        let text = "::A:: Pick one {\n\t=yes #Right.\n\t~no\n\t####Ask for help \\# 1.\n}\n\n\
                    ::B:: True? {T#Wrong.#Right.####Both see this.}\n\n\
                    ::C:: False? {F####Only this.}";
        let qs = parse(text).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(qs[0].general.as_deref(), Some("Ask for help # 1."));
        assert_eq!(qs[0].answers.len(), 2);
        assert_eq!(qs[0].answers[1].feedback, None);
        assert_eq!(
            qs[1].true_false,
            Some((true, Some("Wrong.".into()), Some("Right.".into())))
        );
        assert_eq!(qs[1].general.as_deref(), Some("Both see this."));
        assert_eq!(qs[2].true_false, Some((false, None, None)));
        assert_eq!(qs[2].general.as_deref(), Some("Only this."));
        assert_eq!(parse(&write(&qs)), Ok(qs.clone()), "round trip");
        // Moodle takes the last `####`: five `#` are an empty feedback, then general.
        let odd = parse("Q {T#Wrong.#####G}").unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(odd[0].general.as_deref(), Some("G"));
        assert_eq!(odd[0].true_false, Some((true, Some("Wrong.".into()), None)));

        let questions = to_questions(&qs, "own-1", Lang::En);
        // Kept apart from the options' own feedback, so it is shown once.
        let fb: Vec<&str> = questions[0]
            .options
            .iter()
            .map(|o| o.feedback.en.as_str())
            .collect();
        assert_eq!(fb, ["Right.", ""]);
        assert_eq!(questions[0].general.en, "Ask for help # 1.");
        assert_eq!(questions[1].general.en, "Both see this.");
        assert_eq!(questions[2].general.lt, "", "one language only");
        // And back: a quiz exported again keeps it.
        let again = from_questions(&questions, Lang::En);
        assert_eq!(again[0].general.as_deref(), Some("Ask for help # 1."));
        assert_eq!(again[2].general.as_deref(), Some("Only this."));
    }
}
