//! Sauga's quiz questions to GIFT questions and back, one language at a time.

use super::*;
use crate::lang::{Lang, PerLang};
use crate::quiz::{join_scenario, Question, QuestionKind, QuizOption};

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
    let situation = q.scenario.as_ref().map(|s| clean(s.get(lang)));
    let text = join_scenario(situation.as_deref().unwrap_or(""), &clean(q.text.get(lang)));
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

    let kind = if q.kind == QuestionKind::Multiple {
        GiftKind::Multiple
    } else {
        GiftKind::Single
    };
    let right = q.options.iter().filter(|o| o.correct).count();
    let wrong = q.options.len() - right;
    let answers = q
        .options
        .iter()
        .map(|o| GiftAnswer {
            text: clean(o.text.get(lang)),
            weight: weight(kind, o.correct, right, wrong),
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
