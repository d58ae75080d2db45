//! The 25 result codes the browser test enters for a class (tests/e2e/fixtures/
//! codes-25.json), made here by the app's own encoder so they can never drift from
//! the quiz: if the quiz changes, this test fails and says how to write them again.

use std::collections::BTreeSet;

use sauga::content::Catalog;
use sauga::quiz::resultcode::{self, Answer};

const QUIZ: &str = "what-is-trafficking";
const PUPILS: usize = 25;

fn fixture() -> String {
    let quiz = Catalog::embedded().quiz(QUIZ).unwrap();
    let mut codes = Vec::new();
    let mut scores = Vec::new();
    for pupil in 0..PUPILS {
        // Each pupil answers differently (a spread of right and wrong), from a small
        // fixed random sequence per pupil.
        let mut x = (pupil as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        let answers: Vec<Answer> = quiz
            .questions
            .iter()
            .map(|q| {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                vec![((x >> 33) % q.options.len() as u64) as u8]
            })
            .collect();
        let right = quiz
            .questions
            .iter()
            .zip(&answers)
            .filter(|(q, a)| {
                q.is_right(&a.iter().map(|&i| usize::from(i)).collect::<BTreeSet<_>>())
            })
            .count();
        codes.push(resultcode::encode(&quiz.id, quiz.version, &quiz.slots(), &answers).unwrap());
        scores.push(right);
    }
    assert_eq!(
        codes.iter().collect::<BTreeSet<_>>().len(),
        PUPILS,
        "every pupil's code differs"
    );
    serde_json::to_string_pretty(&serde_json::json!({
        "quiz": QUIZ,
        "questions": quiz.questions.len(),
        "codes": codes,
        "right": scores,
    }))
    .unwrap()
        + "\n"
}

#[test]
fn the_browser_tests_codes_come_from_the_encoder() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e/fixtures/codes-25.json");
    let want = fixture();
    if std::env::var_os("SAUGA_WRITE_FIXTURES").is_some() {
        std::fs::write(&path, &want).unwrap();
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        have == want,
        "{} is out of date: run `SAUGA_WRITE_FIXTURES=1 cargo test --test it codes_fixture`",
        path.display()
    );
}
