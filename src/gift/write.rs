//! Writing questions as GIFT text, every special character escaped.

use std::fmt::Write as _;

use super::*;

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
