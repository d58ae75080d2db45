//! Quiz files: the shipped quizzes pass; broken ones are refused with file and
//! question named; result codes of real quizzes round-trip.

use std::fs;
use std::path::{Path, PathBuf};

use sauga::check::Problem;
use sauga::content::{self, Catalog};
use sauga::quiz::resultcode;

use crate::support::load_fixture as fixture_with;

fn quiz_file(root: &Path) -> PathBuf {
    root.join("modules/01-alpha/quiz.toml")
}

fn edit_quiz(root: &Path, from: &str, to: &str) {
    let text = fs::read_to_string(quiz_file(root)).unwrap();
    assert!(text.contains(from), "fixture lacks {from:?}");
    fs::write(quiz_file(root), text.replacen(from, to, 1)).unwrap();
}

fn one<'a>(problems: &'a [Problem], needle: &str) -> &'a Problem {
    let hits: Vec<_> = problems
        .iter()
        .filter(|p| p.to_string().contains(needle))
        .collect();
    assert_eq!(hits.len(), 1, "want one {needle:?} in {problems:#?}");
    hits[0]
}

#[test]
fn the_fixture_quiz_loads() {
    let (_d, catalog, problems) = fixture_with(|_| {});
    assert!(problems.is_empty(), "{problems:#?}");
    let quiz = catalog.quiz_of("alpha").unwrap();
    assert_eq!(quiz.questions.len(), 4);
    assert_eq!(quiz.version, 2);
    assert_eq!(
        quiz.questions[2].pages,
        vec![0, 1],
        "pages are kept 0-based"
    );
    let fin = catalog.final_quiz.as_ref().unwrap();
    assert_eq!(
        fin.questions.iter().map(|q| q.key()).collect::<Vec<_>>(),
        ["alpha/q1", "alpha/q4"]
    );
}

#[test]
fn a_single_choice_question_with_two_right_answers() {
    let (_d, catalog, problems) = fixture_with(|root| {
        edit_quiz(
            root,
            "correct = false\ntext = { lt = \"Ne\"",
            "correct = true\ntext = { lt = \"Ne\"",
        );
    });
    let p = one(&problems, "exactly one correct option, not 2");
    assert_eq!(p.file, "modules/01-alpha/quiz.toml");
    assert!(p.field.as_deref().unwrap().contains("question q1"));
    assert!(catalog.quiz_of("alpha").is_none());
}

#[test]
fn a_multiple_choice_question_without_a_right_answer() {
    let (_d, _, problems) = fixture_with(|root| {
        let text = fs::read_to_string(quiz_file(root)).unwrap();
        let q2 = text.find("id = \"q2\"").unwrap();
        let q3 = text.find("id = \"q3\"").unwrap();
        let fixed = format!(
            "{}{}{}",
            &text[..q2],
            text[q2..q3].replace("correct = true", "correct = false"),
            &text[q3..]
        );
        fs::write(quiz_file(root), fixed).unwrap();
    });
    assert!(one(&problems, "needs at least one correct option")
        .field
        .as_deref()
        .unwrap()
        .contains("q2"));
}

#[test]
fn an_option_without_feedback_and_a_missing_language() {
    let (_d, _, problems) = fixture_with(|root| {
        edit_quiz(root, "feedback = { lt = \"Ne visai.\", en = \"Not quite.\", ru = \"Не совсем.\", uk = \"Не зовсім.\" }\n", "");
        edit_quiz(root, ", uk = \"Обери всі\"", "");
    });
    assert!(one(&problems, "every option explains why")
        .field
        .as_deref()
        .unwrap()
        .contains("question q1.option 2"));
    assert!(one(&problems, "missing language `uk`")
        .field
        .as_deref()
        .unwrap()
        .contains("question q2.text"));
}

#[test]
fn a_scenario_needs_its_situation_and_pages_must_exist() {
    let (_d, _, problems) = fixture_with(|root| {
        edit_quiz(root, "scenario = { lt = \"Ona gavo pasiūlymą.\", en = \"Ona got an offer.\", ru = \"Оне предложили работу.\", uk = \"Оні запропонували роботу.\" }\n", "");
        edit_quiz(root, "pages = [2]", "pages = [9]");
    });
    one(
        &problems,
        "a scenario question starts with a short situation",
    );
    one(&problems, "page 9 is not a page of the module (1 to 2)");
}

#[test]
fn the_final_quiz_names_real_questions() {
    let (_d, catalog, problems) = fixture_with(|root| {
        let path = root.join("quizzes/final.toml");
        let text = fs::read_to_string(&path)
            .unwrap()
            .replace("alpha/q4", "alpha/q9");
        fs::write(path, text).unwrap();
    });
    let p = one(&problems, "`alpha/q9` is not a question of a module quiz");
    assert_eq!(p.file, "quizzes/final.toml");
    assert!(catalog.final_quiz.is_none());
}

#[test]
fn shipped_quizzes_pass_and_their_codes_round_trip() {
    let catalog = Catalog::embedded();
    let (_, problems) = content::load(&content::embedded_files(), crate::support::today());
    let errors: Vec<_> = problems.iter().filter(|p| p.is_error()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
    for quiz in catalog.quizzes.iter().chain(catalog.final_quiz.iter()) {
        let slots = quiz.slots();
        // Everyone answers the first option of every question (and all options of multiple choice).
        let answers: Vec<resultcode::Answer> = quiz
            .questions
            .iter()
            .map(|q| match q.kind {
                sauga::quiz::QuestionKind::Multiple => (0..q.options.len() as u8).collect(),
                _ => vec![0],
            })
            .collect();
        let code = resultcode::encode(&quiz.id, quiz.version, &slots, &answers).unwrap();
        assert!(code.len() <= resultcode::MAX_LEN, "{}: {code}", quiz.id);
        assert_eq!(
            resultcode::decode(&code, &quiz.id, quiz.version, &slots)
                .unwrap()
                .answers,
            answers
        );
    }
}

#[test]
fn the_self_check_loads_with_all_three_outcomes() {
    let Some(check) = &Catalog::embedded().self_check else {
        panic!("content/selfcheck.toml is missing or broken");
    };
    assert!((10..=15).contains(&check.questions.len()));
    for outcome in ["low", "some", "serious"] {
        assert!(check.outcomes.contains_key(outcome));
    }
    let none: Vec<usize> = check
        .questions
        .iter()
        .map(|q| q.options.iter().position(|o| o.points == 0).unwrap())
        .collect();
    assert_eq!(check.assess(&none).0, sauga::quiz::Outcome::Low);
    let worst: Vec<usize> = check
        .questions
        .iter()
        .map(|q| {
            (0..q.options.len())
                .max_by_key(|&i| q.options[i].points)
                .unwrap()
        })
        .collect();
    assert_eq!(check.assess(&worst).0, sauga::quiz::Outcome::Serious);
}

#[test]
fn english_left_in_a_translated_quiz_text_is_refused() {
    let (_d, _, problems) = fixture_with(|root| {
        edit_quiz(
            root,
            "ru = \"Не совсем.\"",
            "ru = \"This is not the right answer, you can try again.\"",
        );
    });
    let p = one(&problems, "English words left in the text");
    assert!(p.field.as_deref().unwrap().ends_with("feedback.ru"), "{p}");
}

#[test]
fn a_topic_tag_must_be_one_the_reports_can_name() {
    let (_d, _, problems) =
        fixture_with(|root| edit_quiz(root, "tags = [\"signs\"]", "tags = [\"sings\"]"));
    let p = one(&problems, "`sings` is not a known topic");
    assert!(p.field.as_deref().unwrap().contains("q1.tags"), "{p}");
}
