//! Quizzes: the question model, checking quiz files, scoring, a seeded shuffle, the
//! "practise my mistakes" boxes (Leitner), and the self-check's outcome.
//!
//! A module's quiz lives beside its lesson (`modules/NN-x/quiz.toml`); the final quiz
//! (`quizzes/final.toml`) names questions of module quizzes. Nothing here knows about
//! Dioxus or storage.

use std::collections::{BTreeMap, BTreeSet};

pub mod resultcode;

use crate::lang::PerLang;
use crate::quiz::resultcode::Slot;

coded! {
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum QuestionKind {
        Single = "single",
        Multiple = "multiple",
        TrueFalse = "true-false",
        Scenario = "scenario",
    }
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct QuizOption {
    pub correct: bool,
    pub text: PerLang<String>,
    pub feedback: PerLang<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Question {
    /// `q1`…, unique in its quiz.
    pub id: String,
    /// The module whose quiz it belongs to.
    pub module: String,
    pub kind: QuestionKind,
    pub tags: Vec<String>,
    pub difficulty: u8,
    /// Lesson pages (0-based) that teach it.
    pub pages: Vec<usize>,
    pub scenario: Option<PerLang<String>>,
    pub text: PerLang<String>,
    pub options: Vec<QuizOption>,
    /// Shown once after any answer, below the options' own feedback (a GIFT quiz's
    /// general feedback; empty for the built-in quizzes).
    pub general: PerLang<String>,
}

impl Question {
    /// `module/qN`: the question's name across quizzes (the final quiz, review boxes).
    pub fn key(&self) -> String {
        format!("{}/{}", self.module, self.id)
    }

    pub fn correct_set(&self) -> BTreeSet<usize> {
        self.options
            .iter()
            .enumerate()
            .filter(|(_, o)| o.correct)
            .map(|(i, _)| i)
            .collect()
    }

    /// Whether the chosen options (indexes into `options`) are right: exactly the
    /// correct set, so a multiple-choice answer must have all and only the right ones.
    pub fn is_right(&self, chosen: &BTreeSet<usize>) -> bool {
        !chosen.is_empty() && *chosen == self.correct_set()
    }

    /// How a result code writes this question's answer.
    pub fn slot(&self) -> Slot {
        let options = self.options.len() as u8;
        match self.kind {
            QuestionKind::Multiple => Slot::Many { options },
            _ => Slot::One { options },
        }
    }
}

/// The topic tags a question may carry; teachers' reports name each in the UI's
/// language (`topic.<tag>` in locales/pupil/app.yml). `teacher` marks teachers' own quizzes.
pub const TOPICS: &[&str] = &[
    "debt",
    "documents",
    "forms",
    "getting-help",
    "grooming",
    "helping-others",
    "images",
    "job-offers",
    "law",
    "online",
    "recruitment",
    "referral",
    "reporting",
    "rights",
    "romance",
    "safety",
    "signs",
    "what-is-trafficking",
    "teacher",
];

/// The highest quiz version: result codes carry the version in 4 bits.
pub const MAX_VERSION: u8 = 15;

/// Whether `version` is one a quiz may have (1 to [`MAX_VERSION`]).
pub fn is_valid_version(version: u8) -> bool {
    (1..=MAX_VERSION).contains(&version)
}

/// A scenario question written as one text (GIFT, a teacher's question form): the
/// situation, a blank line, then the question. An empty situation leaves the question
/// alone.
pub fn join_scenario(situation: &str, question: &str) -> String {
    let (situation, question) = (situation.trim(), question.trim());
    if situation.is_empty() {
        question.to_string()
    } else {
        format!("{situation}\n\n{question}")
    }
}

/// The situation and the question of a text written as [`join_scenario`] writes it;
/// `None` unless both are there.
pub fn split_scenario(text: &str) -> Option<(&str, &str)> {
    let (situation, question) = text.split_once("\n\n")?;
    let (situation, question) = (situation.trim(), question.trim());
    (!situation.is_empty() && !question.is_empty()).then_some((situation, question))
}

/// The most options a question may have (a teacher's GIFT import is checked against
/// it; built-in questions have 2 to 4).
pub const MAX_OPTIONS: usize = 20;

/// A quiz: a module's, or the final one.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Quiz {
    pub id: String,
    pub version: u8,
    /// For a module quiz, its module.
    pub module: Option<String>,
    pub title: Option<PerLang<String>>,
    pub questions: Vec<Question>,
}

impl Quiz {
    pub fn slots(&self) -> Vec<Slot> {
        self.questions.iter().map(Question::slot).collect()
    }
}

// ---- scoring -----------------------------------------------------------------------

/// One answered question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answered {
    pub question: usize,
    pub chosen: BTreeSet<usize>,
    pub right: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Score {
    pub right: usize,
    pub total: usize,
}

impl Score {
    pub fn percent(&self) -> u32 {
        (self.right * 100).checked_div(self.total).unwrap_or(0) as u32
    }
}

pub fn score(answers: &[Answered]) -> Score {
    Score {
        right: answers.iter().filter(|a| a.right).count(),
        total: answers.len(),
    }
}

/// The result code of a finished attempt (the answers in question order, whatever
/// order they were asked in), or `None` if the quiz cannot make one.
pub fn result_code(quiz: &Quiz, answers: &[Answered]) -> Option<String> {
    let mut in_order: Vec<&Answered> = answers.iter().collect();
    in_order.sort_by_key(|a| a.question);
    let code_answers: Vec<resultcode::Answer> = in_order
        .iter()
        .map(|a| a.chosen.iter().map(|&i| i as u8).collect())
        .collect();
    resultcode::encode(&quiz.id, quiz.version, &quiz.slots(), &code_answers).ok()
}

// ---- seeded shuffle ----------------------------------------------------------------

/// A small deterministic generator (SplitMix64): the same seed gives the same order,
/// so tests and a retry's "different order" are both reproducible.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number below `n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
}

/// A Fisher–Yates shuffle of `0..n`.
pub fn shuffled(n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        v.swap(i, j);
    }
    v
}

/// The order to ask a quiz in: questions shuffled, and each question's options
/// shuffled (true/false keeps its order). Indexes refer to the quiz as written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Order {
    pub questions: Vec<usize>,
    pub options: Vec<Vec<usize>>,
}

pub fn order(quiz: &Quiz, seed: u64) -> Order {
    let mut rng = Rng::new(seed);
    let questions = shuffled(quiz.questions.len(), &mut rng);
    let options = quiz
        .questions
        .iter()
        .map(|q| {
            if q.kind == QuestionKind::TrueFalse {
                (0..q.options.len()).collect()
            } else {
                shuffled(q.options.len(), &mut rng)
            }
        })
        .collect();
    Order { questions, options }
}

// ---- practise my mistakes (Leitner) ------------------------------------------------

/// Right answers in a row that take a question out of review.
pub const RIGHT_TO_LEAVE: u8 = 2;

/// Questions to practise, by key, with how many times in a row each was answered
/// right since it was last wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Review {
    pub boxes: BTreeMap<String, u8>,
}

impl Review {
    /// A wrong answer puts the question in the first box (again); a right answer to a
    /// question under review moves it up, and out after [`RIGHT_TO_LEAVE`] in a row.
    /// Right answers to questions not under review change nothing.
    pub fn record(&mut self, key: &str, right: bool) {
        if !right {
            self.boxes.insert(key.to_string(), 0);
        } else if let Some(streak) = self.boxes.get_mut(key) {
            *streak += 1;
            if *streak >= RIGHT_TO_LEAVE {
                self.boxes.remove(key);
            }
        }
    }

    /// The next questions to practise: lowest box first, at most `n`.
    pub fn due(&self, n: usize) -> Vec<String> {
        let mut keys: Vec<(&String, &u8)> = self.boxes.iter().collect();
        keys.sort_by_key(|(k, b)| (**b, (*k).clone()));
        keys.into_iter().take(n).map(|(k, _)| k.clone()).collect()
    }
}

// ---- the self-check ------------------------------------------------------------------

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Outcome {
    Low,
    Some,
    Serious,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CheckOption {
    pub points: u8,
    pub red_flag: bool,
    pub text: PerLang<String>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct CheckQuestion {
    pub id: String,
    pub area: String,
    pub text: PerLang<String>,
    pub options: Vec<CheckOption>,
}

#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct SelfCheck {
    pub some_from: u32,
    pub serious_from: u32,
    pub questions: Vec<CheckQuestion>,
    /// Advice per area.
    pub advice: BTreeMap<String, PerLang<String>>,
    pub outcomes: BTreeMap<String, (PerLang<String>, PerLang<String>)>,
}

impl SelfCheck {
    /// The outcome of a set of answers (one option index per question, in order),
    /// and the areas whose answers gave reason for concern.
    pub fn assess(&self, answers: &[usize]) -> (Outcome, Vec<String>) {
        let mut total = 0u32;
        let mut red = false;
        let mut areas = Vec::new();
        for (q, &a) in self.questions.iter().zip(answers) {
            let Some(o) = q.options.get(a) else { continue };
            total += u32::from(o.points);
            red |= o.red_flag;
            if o.points > 0 && !areas.contains(&q.area) {
                areas.push(q.area.clone());
            }
        }
        let outcome = if red || total >= self.serious_from {
            Outcome::Serious
        } else if total >= self.some_from {
            Outcome::Some
        } else {
            Outcome::Low
        };
        (outcome, areas)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(kind: QuestionKind, correct: &[bool]) -> Question {
        Question {
            id: "q1".into(),
            module: "m".into(),
            kind,
            tags: vec!["t".into()],
            difficulty: 1,
            pages: vec![0],
            scenario: None,
            text: PerLang::default(),
            options: correct
                .iter()
                .map(|&c| QuizOption {
                    correct: c,
                    text: PerLang::default(),
                    feedback: PerLang::default(),
                })
                .collect(),
            general: PerLang::default(),
        }
    }

    #[test]
    fn scoring_each_kind() {
        let single = q(QuestionKind::Single, &[false, true, false]);
        assert!(single.is_right(&BTreeSet::from([1])));
        assert!(!single.is_right(&BTreeSet::from([0])));
        assert!(!single.is_right(&BTreeSet::new()));
        let tf = q(QuestionKind::TrueFalse, &[true, false]);
        assert!(tf.is_right(&BTreeSet::from([0])));
        let multi = q(QuestionKind::Multiple, &[true, false, true, false]);
        assert!(multi.is_right(&BTreeSet::from([0, 2])));
        assert!(!multi.is_right(&BTreeSet::from([0])), "all the right ones");
        assert!(
            !multi.is_right(&BTreeSet::from([0, 1, 2])),
            "and only those"
        );
        let s = score(&[
            Answered {
                question: 0,
                chosen: BTreeSet::from([1]),
                right: true,
            },
            Answered {
                question: 1,
                chosen: BTreeSet::from([0]),
                right: false,
            },
            Answered {
                question: 2,
                chosen: BTreeSet::from([0, 2]),
                right: true,
            },
        ]);
        assert_eq!(s, Score { right: 2, total: 3 });
        assert_eq!(s.percent(), 66);
        assert_eq!(multi.slot(), Slot::Many { options: 4 });
        assert_eq!(single.slot(), Slot::One { options: 3 });
    }

    #[test]
    fn shuffle_is_deterministic_and_a_permutation() {
        let a = shuffled(10, &mut Rng::new(42));
        let b = shuffled(10, &mut Rng::new(42));
        let c = shuffled(10, &mut Rng::new(43));
        assert_eq!(a, b);
        assert_ne!(a, c);
        let mut sorted = a.clone();
        sorted.sort();
        assert_eq!(sorted, (0..10).collect::<Vec<_>>());
        let quiz = Quiz {
            id: "m".into(),
            version: 1,
            module: Some("m".into()),
            title: None,
            questions: vec![
                q(QuestionKind::TrueFalse, &[true, false]),
                q(QuestionKind::Single, &[true, false, false, false]),
            ],
        };
        let o = order(&quiz, 7);
        assert_eq!(o, order(&quiz, 7));
        assert_eq!(o.options[0], vec![0, 1], "true/false keeps its order");
    }

    #[test]
    fn leitner_moves() {
        let mut r = Review::default();
        r.record("m/q1", true);
        assert!(
            r.boxes.is_empty(),
            "right the first time: nothing to practise"
        );
        r.record("m/q1", false);
        r.record("m/q2", false);
        assert_eq!(r.due(5), vec!["m/q1".to_string(), "m/q2".to_string()]);
        r.record("m/q1", true);
        assert_eq!(r.boxes["m/q1"], 1);
        assert_eq!(r.due(1), vec!["m/q2".to_string()], "lowest box first");
        r.record("m/q1", false);
        assert_eq!(r.boxes["m/q1"], 0, "wrong again: back to the start");
        r.record("m/q1", true);
        r.record("m/q1", true);
        assert!(!r.boxes.contains_key("m/q1"), "right twice in a row: done");
        assert_eq!(r.due(5), vec!["m/q2".to_string()]);
    }

    #[test]
    fn self_check_outcomes() {
        let opt = |points, red_flag| CheckOption {
            points,
            red_flag,
            text: PerLang::default(),
        };
        let question = |id: &str, area: &str| CheckQuestion {
            id: id.into(),
            area: area.into(),
            text: PerLang::default(),
            options: vec![opt(0, false), opt(1, false), opt(2, true)],
        };
        let sc = SelfCheck {
            some_from: 2,
            serious_from: 4,
            questions: vec![
                question("a", "job"),
                question("b", "debt"),
                question("c", "job"),
            ],
            advice: BTreeMap::new(),
            outcomes: BTreeMap::new(),
        };
        assert_eq!(sc.assess(&[0, 0, 0]), (Outcome::Low, vec![]));
        assert_eq!(
            sc.assess(&[1, 0, 0]),
            (Outcome::Low, vec!["job".to_string()])
        );
        assert_eq!(
            sc.assess(&[1, 1, 0]),
            (Outcome::Some, vec!["job".to_string(), "debt".to_string()])
        );
        assert_eq!(
            sc.assess(&[0, 2, 0]).0,
            Outcome::Serious,
            "a red flag alone is serious"
        );
    }
}
