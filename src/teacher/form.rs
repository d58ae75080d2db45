//! The question form of a teacher's own quiz as data: what the teacher types, turned
//! into GIFT questions (or the first thing that is wrong), and saved GIFT back into
//! the form.

use crate::gift::{weight, GiftAnswer, GiftKind, GiftQuestion};
use crate::quiz::{join_scenario, split_scenario};

/// What keeps the form's questions from being saved; the number is the question's
/// (from 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormError {
    /// There is no question.
    Empty,
    /// A question has no text.
    NoText(usize),
    /// A choice question has fewer than two options with text.
    TwoOptions(usize),
    /// A one-answer question does not have exactly one right option, or a
    /// several-answer question has none.
    RightOptions(usize),
}

impl FormError {
    /// The same problem, said of question `n` (1-based).
    fn at(self, n: usize) -> FormError {
        match self {
            FormError::Empty => FormError::Empty,
            FormError::NoText(_) => FormError::NoText(n),
            FormError::TwoOptions(_) => FormError::TwoOptions(n),
            FormError::RightOptions(_) => FormError::RightOptions(n),
        }
    }

    /// The question it is about (1-based), if one.
    pub fn question(self) -> Option<usize> {
        match self {
            FormError::Empty => None,
            FormError::NoText(n) | FormError::TwoOptions(n) | FormError::RightOptions(n) => Some(n),
        }
    }
}

/// Every question's first problem, in order, for the form's error summary (empty
/// when the form can be saved).
pub fn form_problems(drafts: &[Draft]) -> Vec<FormError> {
    if drafts.is_empty() {
        return vec![FormError::Empty];
    }
    drafts
        .iter()
        .enumerate()
        .filter_map(|(i, d)| {
            drafts_to_gift(std::slice::from_ref(d))
                .err()
                .map(|e| e.at(i + 1))
        })
        .collect()
}

/// One option being edited.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct DraftOption {
    pub text: String,
    pub correct: bool,
    pub feedback: String,
}

/// One question being edited in the form.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    pub kind: crate::gift::GiftKind,
    /// An optional situation before a one-answer question (a scenario question).
    pub situation: String,
    pub text: String,
    pub options: Vec<DraftOption>,
    /// For true/false: whether the statement is true, and the two feedbacks.
    pub statement_true: bool,
    pub feedback_right: String,
    pub feedback_wrong: String,
    /// Shown after any answer (GIFT's general feedback, `####`).
    pub general: String,
}

impl Draft {
    pub fn new(kind: GiftKind) -> Draft {
        Draft {
            kind,
            situation: String::new(),
            text: String::new(),
            options: vec![DraftOption::default(), DraftOption::default()],
            statement_true: true,
            feedback_right: String::new(),
            feedback_wrong: String::new(),
            general: String::new(),
        }
    }
}

fn some(s: &str) -> Option<String> {
    (!s.trim().is_empty()).then(|| s.trim().to_string())
}

/// The form's questions as GIFT, or what is wrong (with the question's number).
pub fn drafts_to_gift(drafts: &[Draft]) -> Result<Vec<GiftQuestion>, FormError> {
    if drafts.is_empty() {
        return Err(FormError::Empty);
    }
    let mut out = Vec::new();
    for (i, d) in drafts.iter().enumerate() {
        let n = i + 1;
        if d.text.trim().is_empty() {
            return Err(FormError::NoText(n));
        }
        let question = match d.kind {
            GiftKind::TrueFalse => GiftQuestion {
                title: None,
                text: d.text.trim().to_string(),
                kind: GiftKind::TrueFalse,
                answers: Vec::new(),
                true_false: Some((
                    d.statement_true,
                    some(&d.feedback_wrong),
                    some(&d.feedback_right),
                )),
                general: some(&d.general),
            },
            kind => {
                let options: Vec<&DraftOption> = d
                    .options
                    .iter()
                    .filter(|o| !o.text.trim().is_empty())
                    .collect();
                let right = options.iter().filter(|o| o.correct).count();
                if options.len() < 2 {
                    return Err(FormError::TwoOptions(n));
                }
                if (kind == GiftKind::Single && right != 1) || right == 0 {
                    return Err(FormError::RightOptions(n));
                }
                let wrong = options.len() - right;
                let answers = options
                    .iter()
                    .map(|o| GiftAnswer {
                        text: o.text.trim().to_string(),
                        weight: weight(kind, o.correct, right, wrong),
                        feedback: some(&o.feedback),
                    })
                    .collect();
                let text = if kind == GiftKind::Single {
                    join_scenario(&d.situation, &d.text)
                } else {
                    d.text.trim().to_string()
                };
                GiftQuestion {
                    title: None,
                    text,
                    kind,
                    answers,
                    true_false: None,
                    general: some(&d.general),
                }
            }
        };
        out.push(question);
    }
    Ok(out)
}

/// GIFT questions back in the form, to edit a saved quiz.
pub fn gift_to_drafts(questions: &[GiftQuestion]) -> Vec<Draft> {
    questions
        .iter()
        .map(|q| {
            let mut d = Draft::new(q.kind);
            d.text = q.text.clone();
            d.general = q.general.clone().unwrap_or_default();
            if q.kind == GiftKind::Single {
                if let Some((situation, question)) = split_scenario(&q.text) {
                    d.situation = situation.to_string();
                    d.text = question.to_string();
                }
            }
            if q.kind == GiftKind::TrueFalse {
                let (value, wrong, right) = q.true_false.clone().unwrap_or((true, None, None));
                d.statement_true = value;
                d.feedback_wrong = wrong.unwrap_or_default();
                d.feedback_right = right.unwrap_or_default();
            } else {
                d.options = q
                    .answers
                    .iter()
                    .map(|a| DraftOption {
                        text: a.text.clone(),
                        correct: a.weight > 0.0,
                        feedback: a.feedback.clone().unwrap_or_default(),
                    })
                    .collect();
            }
            d
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn option(text: &str, correct: bool) -> DraftOption {
        DraftOption {
            text: text.into(),
            correct,
            feedback: String::new(),
        }
    }

    #[test]
    fn what_keeps_a_form_from_saving_names_the_question() {
        assert_eq!(drafts_to_gift(&[]), Err(FormError::Empty));
        let mut good = Draft::new(GiftKind::Single);
        good.text = "Pick one".into();
        good.options = vec![option("right", true), option("wrong", false)];
        let blank = Draft::new(GiftKind::Single);
        assert_eq!(
            drafts_to_gift(&[good.clone(), blank]),
            Err(FormError::NoText(2))
        );
        let mut one_option = good.clone();
        one_option.options = vec![option("right", true), option("  ", false)];
        assert_eq!(drafts_to_gift(&[one_option]), Err(FormError::TwoOptions(1)));
        let mut two_right = good.clone();
        two_right.options[1].correct = true;
        assert_eq!(
            drafts_to_gift(&[two_right]),
            Err(FormError::RightOptions(1))
        );
    }

    #[test]
    fn a_form_becomes_gift_and_comes_back() {
        let mut scenario = Draft::new(GiftKind::Single);
        scenario.situation = "Ona got an offer.".into();
        scenario.text = "What should she check?".into();
        scenario.options = vec![option("The contract", true), option("Nothing", false)];
        let mut several = Draft::new(GiftKind::Multiple);
        several.text = "Which are signs?".into();
        several.options = vec![option("A", true), option("B", true), option("C", false)];
        let mut statement = Draft::new(GiftKind::TrueFalse);
        statement.text = "Sky is blue".into();
        statement.feedback_wrong = "Look up".into();
        let gift = drafts_to_gift(&[scenario.clone(), several.clone(), statement.clone()]).unwrap();
        assert_eq!(gift[0].text, "Ona got an offer.\n\nWhat should she check?");
        let weights: Vec<f64> = gift[1].answers.iter().map(|a| a.weight).collect();
        assert_eq!(weights, [50.0, 50.0, -100.0]);
        assert_eq!(
            gift[2].true_false,
            Some((true, Some("Look up".into()), None))
        );
        assert_eq!(
            gift_to_drafts(&gift),
            vec![scenario, several, statement],
            "saved GIFT opens in the form as it was typed"
        );
    }
}

#[cfg(test)]
mod summary_tests {
    use super::*;

    #[test]
    fn the_summary_names_every_question_with_a_problem() {
        assert_eq!(form_problems(&[]), [FormError::Empty]);
        let mut fine = Draft::new(GiftKind::Single);
        fine.text = "Kas gali padėti?".into();
        fine.options[0] = DraftOption {
            text: "Pagalbos linija".into(),
            correct: true,
            feedback: String::new(),
        };
        fine.options[1].text = "Niekas".into();
        let no_text = Draft::new(GiftKind::Single);
        let mut no_right = fine.clone();
        no_right.options[0].correct = false;
        let problems = form_problems(&[fine.clone(), no_text, no_right]);
        assert_eq!(problems, [FormError::NoText(2), FormError::RightOptions(3)]);
        assert_eq!(problems[1].question(), Some(3));
        assert!(form_problems(&[fine]).is_empty());
    }
}
