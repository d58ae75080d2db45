//! Quiz files (`modules/*/quiz.toml`, `quizzes/final.toml`, `selfcheck.toml`) read and
//! checked into the quiz model of [`crate::quiz`]: every problem names its field.

use std::collections::{BTreeMap, BTreeSet};

use serde::Deserialize;

use crate::check::FileReport;
use crate::lang::PerLang;
use crate::quiz::*;

/// A per-language table of a quiz file, every problem reported to `r`.
fn per_lang(
    r: &mut FileReport<'_>,
    field: &str,
    map: &BTreeMap<String, String>,
) -> PerLang<String> {
    super::fields::per_lang_from(map, field, &mut |f, m| r.at(f, m))
}

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

/// Loads a module's quiz. `pages` is the module's page count (for `pages = [...]`).
pub(crate) fn load_module_quiz(
    r: &mut FileReport<'_>,
    text: &str,
    module: &str,
    pages: usize,
) -> Option<Quiz> {
    let raw: RawQuiz = r.parse(text)?;
    let before = r.count();
    if !is_valid_version(raw.version) {
        r.at(
            "version".into(),
            format!("must be 1 to {MAX_VERSION} (result codes carry 4 bits of it)"),
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
        let text = per_lang(r, &format!("{at}.text"), &q.text);
        let scenario = match (&q.scenario, kind) {
            (Some(s), QuestionKind::Scenario) => Some(per_lang(r, &format!("{at}.scenario"), s)),
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
                     its name in locales/pupil/app.yml)",
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
            let text = per_lang(r, &format!("{oat}.text"), &o.text);
            let feedback = match &o.feedback {
                Some(f) => per_lang(r, &format!("{oat}.feedback"), f),
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
    if r.count() > before {
        return None;
    }
    let quiz = Quiz {
        id: module.to_string(),
        version: raw.version,
        module: Some(module.to_string()),
        title: None,
        questions,
    };
    if crate::quiz::resultcode::code_len(&quiz.slots()) > crate::quiz::resultcode::MAX_LEN {
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
pub(crate) fn load_final(r: &mut FileReport<'_>, text: &str, quizzes: &[Quiz]) -> Option<Quiz> {
    let raw: RawFinal = r.parse(text)?;
    let before = r.count();
    let title = per_lang(r, "title", &raw.title);
    if raw.id != FINAL_ID {
        r.at("id".into(), format!("must be `{FINAL_ID}`"));
    }
    if !is_valid_version(raw.version) {
        r.at(
            "version".into(),
            format!("must be 1 to {MAX_VERSION} (result codes carry 4 bits of it)"),
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
    if r.count() > before {
        return None;
    }
    let quiz = Quiz {
        id: raw.id,
        version: raw.version,
        module: None,
        title: Some(title),
        questions,
    };
    if crate::quiz::resultcode::code_len(&quiz.slots()) > crate::quiz::resultcode::MAX_LEN {
        r.at(
            "questions".into(),
            "too many questions for a result code of 16 characters",
        );
        return None;
    }
    Some(quiz)
}

pub(crate) fn load_self_check(r: &mut FileReport<'_>, text: &str) -> Option<SelfCheck> {
    let raw: RawSelfCheck = r.parse(text)?;
    let before = r.count();
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
        let text = per_lang(r, &format!("{at}.text"), &q.text);
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
                text: per_lang(r, &format!("{at}.option {}.text", i + 1), &o.text),
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
        let text = per_lang(r, &format!("advice {}", a.area), &a.text);
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
                let title = per_lang(r, &format!("outcome.{name}.title"), &o.title);
                let text = per_lang(r, &format!("outcome.{name}.text"), &o.text);
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
    if r.count() > before {
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
