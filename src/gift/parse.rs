//! Reading GIFT text into questions, with every error's line.

use super::*;
use crate::quiz::MAX_OPTIONS;

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
/// A text's format marker (`[html]`, `[markdown]`…), if it has one, and the text after it.
fn strip_format(toks: &[Tok]) -> (Option<String>, &[Tok]) {
    if toks.first().is_some_and(|t| t.is('[')) {
        if let Some(end) = find(toks, 1, ']') {
            let format = text_of(&toks[1..end]);
            if FORMATS.contains(&format.as_str()) {
                return (Some(format), &toks[end + 1..]);
            }
        }
    }
    (None, toks)
}

/// Whether text holds HTML tags (`<p>`, `<br />`, `</a>`…) rather than a lone `<`.
fn looks_like_html(text: &str) -> bool {
    text.match_indices('<').any(|(i, _)| {
        let rest = &text[i + 1..];
        rest.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/' || c == '!')
            && rest.contains('>')
    })
}

/// Text Moodle's editor wrote as HTML, as plain text: breaks and the ends of
/// paragraphs, headings and list items become new lines, list items start with
/// "- ", every other tag is dropped and entities are decoded. It is shown as text,
/// never rendered as markup.
pub(crate) fn html_to_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('>') else {
            out.push('<');
            rest = after;
            continue;
        };
        let inside = after[..close].trim();
        let closing = inside.starts_with('/');
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match name.as_str() {
            "br" => out.push('\n'),
            "li" if !closing => out.push_str("\n- "),
            "li" => {}
            "p" | "div" | "ul" | "ol" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                out.push('\n')
            }
            _ => {}
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    let decoded = html_escape::decode_html_entities(&out).replace('\u{a0}', " ");
    // Lines trimmed, at most one blank line between paragraphs.
    let mut text = String::new();
    let mut blank = 0;
    for line in decoded.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(line);
    }
    text
}

fn text_of(toks: &[Tok]) -> String {
    toks.iter().map(|t| t.ch).collect()
}

/// A text as stored: trimmed, its format marker dropped, and HTML (marked `[html]`,
/// or tags in text without a marker, as Moodle's editor writes it) made plain text.
fn clean_text(toks: &[Tok]) -> String {
    let (format, body) = strip_format(trim(toks));
    let text = text_of(trim(body));
    let html = match format.as_deref() {
        Some("html") => true,
        None | Some("moodle") => looks_like_html(&text),
        _ => false,
    };
    if html {
        html_to_text(&text)
    } else {
        text
    }
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
                GiftProblem::Title,
                "unclosed title: `::` has no closing `::`",
            )]);
        };
        let name = text_of(trim(&rest[2..end]));
        title = (!name.is_empty()).then_some(name);
        rest = &rest[end + 2..];
    }

    let Some(open) = find(rest, 0, '{') else {
        let e = match find(rest, 0, '}') {
            Some(close) => error(
                rest[close].line,
                GiftProblem::Braces,
                "`}` without an opening `{`",
            ),
            None => error(
                start_line,
                GiftProblem::Unsupported,
                "the question has no answer block `{…}` (descriptions are not supported)",
            ),
        };
        return Err(vec![e]);
    };
    let mut errors = Vec::new();
    if let Some(close) = find(&rest[..open], 0, '}') {
        errors.push(error(
            rest[close].line,
            GiftProblem::Braces,
            "`}` without an opening `{`",
        ));
    }
    let open_line = rest[open].line;
    // The block ends at the first `}`; another `{` first means this one is unclosed.
    let close = (open + 1..rest.len())
        .find(|&k| rest[k].is('{') || rest[k].is('}'))
        .filter(|&k| rest[k].is('}'));
    let Some(close) = close else {
        errors.push(error(
            open_line,
            GiftProblem::Braces,
            "unclosed `{`: the answer block has no `}` (a blank line ends a question; \
             write \\{ and \\} for braces in a text)",
        ));
        return Err(errors);
    };
    if let Some(t) = rest[close + 1..].iter().find(|t| !t.is_space()) {
        errors.push(error(
            t.line,
            GiftProblem::Unsupported,
            "text after the closing `}`: missing-word questions are not supported, \
             and questions are separated by a blank line",
        ));
    }

    let text = clean_text(&rest[..open]);
    if text.is_empty() {
        errors.push(error(
            start_line,
            GiftProblem::Missing,
            "the question has no text",
        ));
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
        errors.push(error(
            line,
            GiftProblem::Unsupported,
            "essay questions (`{}`) are not supported",
        ));
        return None;
    };
    if first.is('#') {
        errors.push(error(
            line,
            GiftProblem::Unsupported,
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
                GiftProblem::Feedback,
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
    let (kind, message) = if body.windows(2).any(|w| w[0].is('-') && w[1].is('>')) {
        (
            GiftProblem::Unsupported,
            "matching questions (`->`) are not supported",
        )
    } else if has('=') {
        (
            GiftProblem::Unsupported,
            "short-answer questions (only `=` answers) are not supported",
        )
    } else {
        (
            GiftProblem::Missing,
            "no answers: start each answer with `=` (right) or `~` (wrong), or write T or F",
        )
    };
    errors.push(error(line, kind, message));
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
            GiftProblem::Missing,
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
                errors.push(error(marker.line, GiftProblem::Weight, message));
                (0.0, answer)
            });
            if weight > 0.0 {
                partial_lines.push(marker.line);
            }
            (weight, answer)
        };
        let text = clean_text(answer);
        if text.is_empty() {
            errors.push(error(
                marker.line,
                GiftProblem::Missing,
                "an answer has no text",
            ));
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
            GiftProblem::TooManyAnswers,
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
                GiftProblem::RightAnswers,
                "a single-choice question has more than one `=` answer; for several \
                 right answers give weights without `=`, like ~%50%",
            ));
        }
        for &l in &partial_lines {
            errors.push(error(
                l,
                GiftProblem::RightAnswers,
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
                GiftProblem::RightAnswers,
                "a multiple-answer question needs at least two answers",
            ));
        } else if positive.is_empty() {
            errors.push(error(
                line,
                GiftProblem::RightAnswers,
                "the answer block has no correct answer: mark it with `=`, or give the \
                 right answers positive weights like ~%50%",
            ));
        } else if (sum - 100.0).abs() > 0.01 {
            errors.push(error(
                line,
                GiftProblem::RightAnswers,
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
