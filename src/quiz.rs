//! Quizzes: the question model, checking quiz files, scoring, a seeded shuffle, the
//! "practise my mistakes" boxes (Leitner), and the self-check's outcome.
//!
//! A module's quiz lives beside its lesson (`modules/NN-x/quiz.toml`); the final quiz
//! (`quizzes/final.toml`) names questions of module quizzes. Nothing here knows about
//! Dioxus or storage.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::content::{PerLang, Problem, Severity};
use crate::resultcode::Slot;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QuestionKind {
    Single,
    Multiple,
    TrueFalse,
    Scenario,
}

impl QuestionKind {
    pub fn code(self) -> &'static str {
        match self {
            QuestionKind::Single => "single",
            QuestionKind::Multiple => "multiple",
            QuestionKind::TrueFalse => "true-false",
            QuestionKind::Scenario => "scenario",
        }
    }

    fn from_code(s: &str) -> Option<QuestionKind> {
        [
            QuestionKind::Single,
            QuestionKind::Multiple,
            QuestionKind::TrueFalse,
            QuestionKind::Scenario,
        ]
        .into_iter()
        .find(|k| k.code() == s)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct QuizOption {
    pub correct: bool,
    pub text: PerLang<String>,
    pub feedback: PerLang<String>,
}

#[derive(Clone, Debug, PartialEq)]
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
/// language (`topic.<tag>` in locales/app.yml). `teacher` marks teachers' own quizzes.
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

/// The most options a question may have (a teacher's GIFT import is checked against
/// it; built-in questions have 2 to 4).
pub const MAX_OPTIONS: usize = 20;

/// A quiz: a module's, or the final one.
#[derive(Clone, Debug, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct CheckOption {
    pub points: u8,
    pub red_flag: bool,
    pub text: PerLang<String>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckQuestion {
    pub id: String,
    pub area: String,
    pub text: PerLang<String>,
    pub options: Vec<CheckOption>,
}

#[derive(Clone, Debug, PartialEq)]
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

// ---- loading and checking ------------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuiz {
    version: u8,
    #[serde(default)]
    question: Vec<RawQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: String,
    kind: String,
    #[serde(default)]
    tags: Vec<String>,
    difficulty: u8,
    #[serde(default)]
    pages: Vec<usize>,
    #[serde(default)]
    scenario: Option<BTreeMap<String, String>>,
    text: BTreeMap<String, String>,
    #[serde(default)]
    option: Vec<RawOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    correct: bool,
    text: BTreeMap<String, String>,
    feedback: Option<BTreeMap<String, String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFinal {
    id: String,
    version: u8,
    title: BTreeMap<String, String>,
    questions: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSelfCheck {
    some_from: u32,
    serious_from: u32,
    question: Vec<RawCheckQuestion>,
    advice: Vec<RawAdvice>,
    outcome: BTreeMap<String, RawOutcome>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheckQuestion {
    id: String,
    area: String,
    text: BTreeMap<String, String>,
    option: Vec<RawCheckOption>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCheckOption {
    points: u8,
    #[serde(default)]
    red_flag: bool,
    text: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAdvice {
    area: String,
    text: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOutcome {
    title: BTreeMap<String, String>,
    text: BTreeMap<String, String>,
}

/// Collects problems for one file.
pub(crate) struct Report<'a> {
    pub path: &'a str,
    pub problems: &'a mut Vec<Problem>,
}

impl Report<'_> {
    fn at(&mut self, field: String, message: impl Into<String>) {
        self.problems.push(Problem {
            file: self.path.to_string(),
            line: None,
            field: Some(field),
            message: message.into(),
            severity: Severity::Error,
        });
    }

    fn parse<T: serde::de::DeserializeOwned>(&mut self, text: &str) -> Option<T> {
        crate::content::parse_toml_text(self.path, text)
            .map_err(|p| self.problems.push(p))
            .ok()
    }

    fn per_lang(&mut self, field: &str, map: &BTreeMap<String, String>) -> PerLang<String> {
        crate::content::per_lang_from(map, field, &mut |f, m| self.at(f, m))
    }
}

/// Loads a module's quiz. `pages` is the module's page count (for `pages = [...]`).
pub(crate) fn load_module_quiz(
    r: &mut Report<'_>,
    text: &str,
    module: &str,
    pages: usize,
) -> Option<Quiz> {
    let raw: RawQuiz = r.parse(text)?;
    let before = r.problems.len();
    if !(1..=15).contains(&raw.version) {
        r.at(
            "version".into(),
            "must be 1 to 15 (result codes carry 4 bits of it)",
        );
    }
    let mut ids = BTreeSet::new();
    let mut questions = Vec::new();
    if raw.question.is_empty() {
        r.at("question".into(), "the quiz has no questions");
    }
    for q in raw.question {
        let at = format!("question {}", q.id);
        if !ids.insert(q.id.clone()) {
            r.at(format!("{at}.id"), "is used by another question too");
        }
        let Some(kind) = QuestionKind::from_code(&q.kind) else {
            r.at(
                format!("{at}.kind"),
                format!(
                    "unknown kind `{}` (use single, multiple, true-false or scenario)",
                    q.kind
                ),
            );
            continue;
        };
        let text = r.per_lang(&format!("{at}.text"), &q.text);
        let scenario = match (&q.scenario, kind) {
            (Some(s), QuestionKind::Scenario) => Some(r.per_lang(&format!("{at}.scenario"), s)),
            (None, QuestionKind::Scenario) => {
                r.at(
                    format!("{at}.scenario"),
                    "missing: a scenario question starts with a short situation",
                );
                None
            }
            (Some(_), _) => {
                r.at(
                    format!("{at}.scenario"),
                    "only a scenario question has a situation",
                );
                None
            }
            (None, _) => None,
        };
        if !(1..=3).contains(&q.difficulty) {
            r.at(format!("{at}.difficulty"), "must be 1, 2 or 3");
        }
        if q.tags.is_empty() {
            r.at(format!("{at}.tags"), "name at least one topic tag");
        }
        for tag in q.tags.iter().filter(|t| !TOPICS.contains(&t.as_str())) {
            r.at(
                format!("{at}.tags"),
                format!(
                    "`{tag}` is not a known topic; use one of {} (a new topic also needs \
                     its name in locales/app.yml)",
                    TOPICS.join(", ")
                ),
            );
        }
        for p in &q.pages {
            if *p == 0 || *p > pages {
                r.at(
                    format!("{at}.pages"),
                    format!("page {p} is not a page of the module (1 to {pages})"),
                );
            }
        }
        let mut options = Vec::new();
        for (i, o) in q.option.iter().enumerate() {
            let oat = format!("{at}.option {}", i + 1);
            let text = r.per_lang(&format!("{oat}.text"), &o.text);
            let feedback = match &o.feedback {
                Some(f) => r.per_lang(&format!("{oat}.feedback"), f),
                None => {
                    r.at(
                        format!("{oat}.feedback"),
                        "missing: every option explains why it is right or wrong",
                    );
                    PerLang::default()
                }
            };
            options.push(QuizOption {
                correct: o.correct,
                text,
                feedback,
            });
        }
        let correct = options.iter().filter(|o| o.correct).count();
        let n = options.len();
        match kind {
            QuestionKind::Single | QuestionKind::Scenario if correct != 1 => r.at(
                format!("{at}.option"),
                format!(
                    "a {} question needs exactly one correct option, not {correct}",
                    kind.code()
                ),
            ),
            QuestionKind::TrueFalse if n != 2 || correct != 1 => r.at(
                format!("{at}.option"),
                "a true-false question has two options, one of them correct",
            ),
            QuestionKind::Multiple if correct == 0 => r.at(
                format!("{at}.option"),
                "a multiple-choice question needs at least one correct option",
            ),
            _ => {}
        }
        let max = if kind == QuestionKind::Multiple { 8 } else { 4 };
        if !(2..=max).contains(&n) {
            r.at(
                format!("{at}.option"),
                format!("has {n} options; use 2 to {max}"),
            );
        }
        questions.push(Question {
            id: q.id,
            module: module.to_string(),
            kind,
            tags: q.tags,
            difficulty: q.difficulty,
            pages: q.pages.iter().map(|p| p.saturating_sub(1)).collect(),
            scenario,
            text,
            options,
            general: PerLang::default(),
        });
    }
    if r.problems.len() > before {
        return None;
    }
    let quiz = Quiz {
        id: module.to_string(),
        version: raw.version,
        module: Some(module.to_string()),
        title: None,
        questions,
    };
    if crate::resultcode::code_len(&quiz.slots()) > crate::resultcode::MAX_LEN {
        r.at(
            "question".into(),
            "too many questions for a result code of 16 characters",
        );
        return None;
    }
    Some(quiz)
}

/// The final quiz's id (the app links to it by this name).
pub const FINAL_ID: &str = "final";

/// Loads the final quiz, which names questions of the module quizzes.
pub(crate) fn load_final(r: &mut Report<'_>, text: &str, quizzes: &[Quiz]) -> Option<Quiz> {
    let raw: RawFinal = r.parse(text)?;
    let before = r.problems.len();
    let title = r.per_lang("title", &raw.title);
    if raw.id != FINAL_ID {
        r.at("id".into(), format!("must be `{FINAL_ID}`"));
    }
    if !(1..=15).contains(&raw.version) {
        r.at(
            "version".into(),
            "must be 1 to 15 (result codes carry 4 bits of it)",
        );
    }
    let mut questions = Vec::new();
    let mut seen = BTreeSet::new();
    for key in &raw.questions {
        if !seen.insert(key.clone()) {
            r.at("questions".into(), format!("`{key}` is named twice"));
            continue;
        }
        let found = key.split_once('/').and_then(|(m, q)| {
            quizzes
                .iter()
                .find(|z| z.module.as_deref() == Some(m))
                .and_then(|z| z.questions.iter().find(|x| x.id == q))
        });
        match found {
            Some(q) => questions.push(q.clone()),
            None => r.at(
                "questions".into(),
                format!("`{key}` is not a question of a module quiz"),
            ),
        }
    }
    if r.problems.len() > before {
        return None;
    }
    let quiz = Quiz {
        id: raw.id,
        version: raw.version,
        module: None,
        title: Some(title),
        questions,
    };
    if crate::resultcode::code_len(&quiz.slots()) > crate::resultcode::MAX_LEN {
        r.at(
            "questions".into(),
            "too many questions for a result code of 16 characters",
        );
        return None;
    }
    Some(quiz)
}

pub(crate) fn load_self_check(r: &mut Report<'_>, text: &str) -> Option<SelfCheck> {
    let raw: RawSelfCheck = r.parse(text)?;
    let before = r.problems.len();
    let mut questions = Vec::new();
    let mut ids = BTreeSet::new();
    if raw.question.is_empty() {
        r.at("question".into(), "the self-check has no questions");
    }
    for q in raw.question {
        let at = format!("question {}", q.id);
        if !ids.insert(q.id.clone()) {
            r.at(format!("{at}.id"), "is used by another question too");
        }
        let text = r.per_lang(&format!("{at}.text"), &q.text);
        let mut options = Vec::new();
        for (i, o) in q.option.iter().enumerate() {
            if o.points > 2 {
                r.at(format!("{at}.option {}.points", i + 1), "must be 0, 1 or 2");
            }
            if o.red_flag && o.points == 0 {
                r.at(
                    format!("{at}.option {}.points", i + 1),
                    "a red flag gives points (1 or 2), so its advice shows",
                );
            }
            options.push(CheckOption {
                points: o.points,
                red_flag: o.red_flag,
                text: r.per_lang(&format!("{at}.option {}.text", i + 1), &o.text),
            });
        }
        if !options.iter().any(|o| o.points == 0) {
            r.at(
                format!("{at}.option"),
                "needs an answer that gives no points",
            );
        }
        if !(2..=4).contains(&options.len()) {
            r.at(format!("{at}.option"), "use 2 to 4 options");
        }
        questions.push(CheckQuestion {
            id: q.id,
            area: q.area,
            text,
            options,
        });
    }
    let mut advice = BTreeMap::new();
    for a in raw.advice {
        let text = r.per_lang(&format!("advice {}", a.area), &a.text);
        advice.insert(a.area, text);
    }
    for q in &questions {
        if !advice.contains_key(&q.area) {
            r.at(
                format!("question {}.area", q.id),
                format!("no [[advice]] for area `{}`", q.area),
            );
        }
    }
    let mut outcomes = BTreeMap::new();
    for name in ["low", "some", "serious"] {
        match raw.outcome.get(name) {
            Some(o) => {
                let title = r.per_lang(&format!("outcome.{name}.title"), &o.title);
                let text = r.per_lang(&format!("outcome.{name}.text"), &o.text);
                outcomes.insert(name.to_string(), (title, text));
            }
            None => r.at(format!("outcome.{name}"), "missing"),
        }
    }
    if raw.some_from == 0 || raw.serious_from <= raw.some_from {
        r.at(
            "serious_from".into(),
            "must be above some_from, which must be above 0",
        );
    }
    if r.problems.len() > before {
        return None;
    }
    Some(SelfCheck {
        some_from: raw.some_from,
        serious_from: raw.serious_from,
        questions,
        advice,
        outcomes,
    })
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
