//! Teacher data on a real SQLite database (in memory): the repository, the reports
//! computed from what it loads, and backup and restore.

use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use super::*;
use crate::lang::Lang;
use crate::quiz::{Question, QuestionKind};
use crate::storage::{StorageError, Store};
use crate::teacher::report::*;
use crate::teacher::{session_csv, CsvStyle};

pub(crate) fn verify(pin: &str, hash: &str) -> bool {
    hash == format!("h:{pin}")
}

#[test]
fn answers_share_keys_within_a_session() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let class = t.create_class("7A", 0).unwrap();
    let pupils = t.add_numbered(class, 2).unwrap();
    let keys = ["m:q1".to_string(), "m:q2".to_string()];
    let sid = t
        .start_session(class, "m", 1, &keys, Mode::Codes, 0)
        .unwrap();
    for p in &pupils {
        let rows: Vec<_> = keys
            .iter()
            .map(|k| (k.clone(), BTreeSet::from([1, 2]), false))
            .collect();
        t.record_answers(sid, p.id, &rows).unwrap();
    }
    let answers = t.answers(class).unwrap();
    assert_eq!(answers.len(), 4);
    let q1: Vec<_> = answers
        .iter()
        .filter(|a| &*a.question_key == "m:q1")
        .collect();
    assert_eq!(q1.len(), 2);
    assert!(Rc::ptr_eq(&q1[0].question_key, &q1[1].question_key));
    assert!(answers
        .iter()
        .all(|a| a.chosen.to_set() == BTreeSet::from([1, 2])));
}

#[test]
fn pin_checks_and_waits() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    assert_eq!(t.check_pin("1234", 0, verify).unwrap(), PinCheck::NotSet);
    t.set_pin("h:1234", "h:REC0VERY12").unwrap();
    for i in 0..4 {
        assert_eq!(
            t.check_pin("0000", 100 + i, verify).unwrap(),
            PinCheck::Wrong { wait_seconds: 0 }
        );
    }
    assert_eq!(
        t.check_pin("0000", 110, verify).unwrap(),
        PinCheck::Wrong { wait_seconds: 30 }
    );
    // Even the right PIN waits.
    assert_eq!(
        t.check_pin("1234", 120, verify).unwrap(),
        PinCheck::Wait { seconds: 20 }
    );
    assert_eq!(t.check_pin("1234", 140, verify).unwrap(), PinCheck::Open);
    // The recovery code opens too (asking for a new PIN), and the count starts again.
    assert_eq!(
        t.check_pin("REC0VERY12", 141, verify).unwrap(),
        PinCheck::Recovered
    );
    assert_eq!(
        t.check_pin("0000", 142, verify).unwrap(),
        PinCheck::Wrong { wait_seconds: 0 }
    );
}

pub(crate) fn question(key: &str, correct: usize, tags: &[&str]) -> Question {
    let (module, id) = key.split_once('/').unwrap();
    Question {
        id: id.into(),
        module: module.into(),
        kind: QuestionKind::Single,
        tags: tags.iter().map(|t| t.to_string()).collect(),
        difficulty: 1,
        pages: vec![],
        scenario: None,
        text: Default::default(),
        options: (0..3)
            .map(|i| crate::quiz::QuizOption {
                correct: i == correct,
                text: Default::default(),
                feedback: Default::default(),
            })
            .collect(),
        general: Default::default(),
    }
}

#[test]
fn a_tally_of_ticks_names_the_popular_wrong_option_but_no_percent() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let class = t.create_class("7A", 0).unwrap();
    let mut q = question("m/q3", 0, &["law"]);
    q.kind = QuestionKind::Multiple;
    q.options[1].correct = true;
    let keys = vec![q.key()];
    let sid = t
        .start_session(class, "m", 1, &keys, Mode::Tally, 0)
        .unwrap();
    // Ticks: 3 on A, 2 on B (both right), 4 on C (wrong).
    t.record_tally(sid, "m/q3", &[3, 2, 4]).unwrap();
    let tallies = t.tallies(class).unwrap();
    let qs = BTreeMap::from([(q.key(), &q)]);
    let session = &t.sessions(class).unwrap()[0];
    let r = &question_results(session, &[], &tallies, &qs)[0];
    assert_eq!((r.answered, r.right, r.top_wrong), (0, 0, Some((2, 4))));
    assert!(topic_results(&[], &tallies, &qs).is_empty());
    let per_session = BTreeMap::from([(sid, vec![r.clone()])]);
    assert!(trend(std::slice::from_ref(session), &per_session).is_empty());
}

fn set(v: &[usize]) -> BTreeSet<usize> {
    v.iter().copied().collect()
}

/// A class of five (three with nicknames), a shared-device session with two pupils'
/// answers (the second pupil's replaced once) and a tally session.
pub(crate) struct Fixture {
    pub(crate) class: i64,
    pub(crate) pupils: Vec<Pupil>,
    pub(crate) keys: Vec<String>,
    pub(crate) s1: i64,
    pub(crate) s2: i64,
}

pub(crate) fn class_with_two_sessions(t: &mut Teacher<'_>) -> Fixture {
    let class = t.create_class(" 8B ", 1).unwrap();
    let mut pupils = t.add_pupils(class, "AK\nBT\n\nŽS").unwrap();
    pupils.extend(t.add_numbered(class, 2).unwrap());
    let keys = vec!["m/q1".to_string(), "m/q2".to_string()];
    let s1 = t
        .start_session(class, "m", 1, &keys, Mode::Shared, 10)
        .unwrap();
    t.record_answers(
        s1,
        pupils[0].id,
        &[
            ("m/q1".into(), set(&[0]), true),
            ("m/q2".into(), set(&[2]), false),
        ],
    )
    .unwrap();
    for first in [1, 0] {
        t.record_answers(
            s1,
            pupils[1].id,
            &[
                ("m/q1".into(), set(&[first]), first == 0),
                ("m/q2".into(), set(&[2]), false),
            ],
        )
        .unwrap();
    }
    let s2 = t
        .start_session(class, "m", 1, &keys, Mode::Tally, 20)
        .unwrap();
    t.record_tally(s2, "m/q1", &[3, 1, 0]).unwrap();
    t.record_tally(s2, "m/q2", &[0, 2, 2]).unwrap();
    Fixture {
        class,
        pupils,
        keys,
        s1,
        s2,
    }
}

#[test]
fn pupils_are_numbered_with_optional_nicknames() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let class = t.create_class(" 8B ", 1).unwrap();
    let pupils = t.add_pupils(class, "AK\nBT\n\nŽS").unwrap();
    assert_eq!(
        pupils.iter().map(|p| p.label()).collect::<Vec<_>>(),
        ["#1 AK", "#2 BT", "#3 ŽS"]
    );
    let more = t.add_numbered(class, 2).unwrap();
    assert_eq!(
        more.iter().map(|p| p.label()).collect::<Vec<_>>(),
        ["#4", "#5"],
        "a number alone is fine"
    );
    assert_eq!(t.pupils(class).unwrap().len(), 5);
    assert!(t.rename_class(class, "  ").is_err(), "a class keeps a name");
}

#[test]
fn answers_are_recorded_replaced_and_lock_the_questions() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let class = t.create_class("8B", 1).unwrap();
    let pupils = t.add_numbered(class, 2).unwrap();
    let keys = vec!["m/q1".to_string(), "m/q2".to_string()];
    let s1 = t
        .start_session(class, "m", 1, &keys, Mode::Shared, 10)
        .unwrap();
    assert!(t
        .edit_session_questions(s1, &[keys[1].clone(), keys[0].clone()])
        .unwrap());
    assert!(t.edit_session_questions(s1, &keys).unwrap());
    let rows = |first| {
        vec![
            ("m/q1".to_string(), set(&[first]), first == 0),
            ("m/q2".to_string(), set(&[2]), false),
        ]
    };
    assert_eq!(
        t.record_answers(s1, pupils[0].id, &rows(0)).unwrap(),
        Recorded::New
    );
    assert_eq!(
        t.record_answers(s1, pupils[1].id, &rows(1)).unwrap(),
        Recorded::New
    );
    assert_eq!(
        t.record_answers(s1, pupils[1].id, &rows(0)).unwrap(),
        Recorded::Replaced
    );
    assert_eq!(t.answers(class).unwrap().len(), 4, "replaced, not added");
    assert!(
        !t.edit_session_questions(s1, &keys[..1]).unwrap(),
        "no edits once answers exist"
    );
    // Answers only for the session's questions.
    let other = t
        .start_session(class, "m", 1, &keys[..1], Mode::Codes, 30)
        .unwrap();
    assert!(t
        .record_answers(other, pupils[0].id, &[("m/q2".into(), set(&[0]), false)])
        .is_err());
}

#[test]
fn reports_count_answers_and_tallies() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let f = class_with_two_sessions(&mut t);
    let sessions = t.sessions(f.class).unwrap();
    let answers = t.answers(f.class).unwrap();
    let tallies = t.tallies(f.class).unwrap();
    let q1 = question("m/q1", 0, &["signs"]);
    let q2 = question("m/q2", 1, &["signs", "law"]);
    let qs: BTreeMap<String, &Question> =
        [("m/q1".to_string(), &q1), ("m/q2".to_string(), &q2)].into();

    let r1 = question_results(&sessions[0], &answers, &tallies, &qs);
    assert_eq!((r1[0].answered, r1[0].right), (2, 2));
    assert_eq!((r1[1].answered, r1[1].right), (2, 0));
    assert_eq!(r1[1].top_wrong, Some((2, 2)), "both chose option 3");
    let r2 = question_results(&sessions[1], &answers, &tallies, &qs);
    assert_eq!((r2[0].answered, r2[0].right), (4, 3));
    assert_eq!(
        (r2[1].answered, r2[1].right, r2[1].top_wrong),
        (4, 2, Some((2, 2)))
    );

    let scores = pupil_scores(&sessions[0], &answers);
    assert_eq!(scores[&f.pupils[0].id], (1, 2));
    let topics = topic_results(&answers, &BTreeMap::new(), &qs);
    assert_eq!(topics["signs"], (2, 4));
    assert_eq!(topics["law"], (0, 2));
    // With the tallies: q1 (signs) 3 of 4 more, q2 (signs and law) 2 of 4 more.
    let topics = topic_results(&answers, &tallies, &qs);
    assert_eq!(topics["signs"], (7, 12));
    assert_eq!(topics["law"], (2, 6));
    let over_time = pupil_over_time(&sessions, &answers);
    assert_eq!(over_time[&f.pupils[0].id], vec![(f.s1, 50.0)]);
    let grouped = by_session(&answers);
    assert_eq!(
        question_results(&sessions[0], grouped[&f.s1], &tallies, &qs),
        r1,
        "grouped answers give the same"
    );
    let per_session = BTreeMap::from([(f.s1, r1.clone()), (f.s2, r2.clone())]);
    assert_eq!(
        trend(&sessions, &per_session),
        vec![(f.s1, 50.0), (f.s2, 62.5)],
        "a tally session counts in the trend: 5 right of 8"
    );
    let all: Vec<QuestionResult> = r1.iter().chain(&r2).cloned().collect();
    let hard = difficult_questions(&all);
    assert_eq!(hard[0].key, "m/q2");
    assert!((hard[0].percent() - 100.0 / 3.0).abs() < 1e-9);
}

#[test]
fn a_session_as_csv_lists_every_pupil_for_a_lithuanian_spreadsheet() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let f = class_with_two_sessions(&mut t);
    let sessions = t.sessions(f.class).unwrap();
    let answers = t.answers(f.class).unwrap();
    let pupils = t.pupils(f.class).unwrap();
    let csv = session_csv(
        &sessions[0],
        &pupils,
        &answers,
        &|k| format!("klausimas {k}"),
        ["Mokinys", "Teisingai", "%"],
        CsvStyle::for_lang(crate::lang::Lang::Lt),
    )
    .unwrap();
    assert_eq!(&csv[..3], &[0xEF, 0xBB, 0xBF]);
    let text = String::from_utf8(csv[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Mokinys;Q1: klausimas m/q1;Q2: klausimas m/q2;Teisingai;%"
    );
    assert_eq!(lines[1], "#1 AK;1;0;1;50,0");
    assert_eq!(lines[2], "#2 BT;1;0;1;50,0");
    assert_eq!(lines.len(), 1 + pupils.len(), "every pupil of the class");
    for (line, p) in lines[3..].iter().zip(&pupils[2..]) {
        assert_eq!(
            *line,
            format!("{};;;;", p.label()),
            "no answers: empty cells"
        );
    }
}

#[test]
fn own_quizzes_keep_only_valid_gift_and_count_versions() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let gift = "::Q1:: Is it a warning sign? {T}\n\n::Q2:: Pick one {=right ~wrong}\n\n::Q3:: Ona got an offer.\\n\\nWhat should she check? {=The contract ~Nothing}\n";
    let err = t
        .save_own_quiz(None, "Mine", Lang::Lt, "::Q:: broken {=a", 5)
        .unwrap_err();
    assert_eq!(err[0].line, 1);
    assert!(
        t.own_quizzes().unwrap().is_empty(),
        "nothing saved from a broken file"
    );
    let own = t.save_own_quiz(None, "Mine", Lang::Lt, gift, 5).unwrap();
    let q = t.own_quizzes().unwrap()[0].to_quiz().unwrap();
    assert_eq!(q.id, own_quiz_id(own));
    assert_eq!(q.questions.len(), 3);
    assert_eq!(
        q.questions[2].kind,
        QuestionKind::Scenario,
        "a situation first makes a scenario"
    );
    assert_eq!(
        q.questions[2].scenario.as_ref().unwrap().get(Lang::En),
        "Ona got an offer."
    );
    assert_eq!(q.questions[2].text.get(Lang::En), "What should she check?");
    assert_eq!(
        q.questions[1].text.get(Lang::Uk),
        "Pick one",
        "shown in any app language"
    );
    t.save_own_quiz(Some(own), "Mine", Lang::Lt, gift, 6)
        .unwrap();
    assert_eq!(t.own_quizzes().unwrap()[0].version, 2);
    assert!(t.delete_own_quiz(own).unwrap(), "an unused quiz can go");
}

#[test]
fn deleting_a_class_deletes_its_answers() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let f = class_with_two_sessions(&mut t);
    assert!(!t.answers(f.class).unwrap().is_empty());
    t.delete_class(f.class).unwrap();
    assert!(t.classes().unwrap().is_empty());
    assert!(
        t.answers(f.class).unwrap().is_empty(),
        "answers went with the class"
    );
    assert!(t.tallies(f.class).unwrap().is_empty());
    let _ = f.keys;
}

#[test]
fn the_recovery_code_opens_as_shown_and_even_during_a_wait() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    t.set_pin("h:1234", "h:EARY3Y5Q7K").unwrap();
    assert_eq!(
        t.check_pin("EAR Y3Y 5Q7 K", 0, verify).unwrap(),
        PinCheck::Recovered,
        "typed in its groups"
    );
    assert_eq!(
        t.check_pin("ear-y3y-5q7-k", 1, verify).unwrap(),
        PinCheck::Recovered,
        "lowercase with dashes"
    );
    for i in 0..6 {
        t.check_pin("0000", 10 + i, verify).unwrap();
    }
    assert!(matches!(
        t.check_pin("1234", 20, verify).unwrap(),
        PinCheck::Wait { .. }
    ));
    assert_eq!(
        t.check_pin("EARY3Y5Q7K", 21, verify).unwrap(),
        PinCheck::Recovered,
        "the recovery code does not wait"
    );
    assert_eq!(t.check_pin("1234", 22, verify).unwrap(), PinCheck::Open);
}

#[test]
fn a_wait_set_while_the_clock_was_wrong_ends_within_the_longest_wait() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    t.set_pin("h:1234", "h:EARY3Y5Q7K").unwrap();
    // The device's clock was years ahead when the wrong PINs were typed.
    let wrong_clock = 4_000_000_000;
    for i in 0..12 {
        t.check_pin("0000", wrong_clock + i, verify).unwrap();
    }
    let now = 1_800_000_000;
    match t.check_pin("1234", now, verify).unwrap() {
        PinCheck::Wait { seconds } => assert!(seconds <= MAX_WAIT, "{seconds}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        t.check_pin("1234", now + MAX_WAIT, verify).unwrap(),
        PinCheck::Open,
        "the lock is over after the longest wait"
    );
}

#[test]
fn oversized_input_is_refused_with_a_reason_and_writes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    assert!(matches!(
        t.create_class(&"x".repeat(50_000_000 / 1_000), 0),
        Err(StorageError::Invalid(Invalid::NameTooLong))
    ));
    let class = t.create_class("7A", 0).unwrap();
    assert!(matches!(
        t.add_pupils(class, &"AK\n".repeat(1_000_000)),
        Err(StorageError::Invalid(Invalid::PasteTooLong))
    ));
    assert!(matches!(
        t.add_pupils(class, &"AK\n".repeat(limits::PUPILS + 1)),
        Err(StorageError::Invalid(Invalid::TooManyPupils))
    ));
    assert!(t.pupils(class).unwrap().is_empty(), "nothing was added");
}

#[test]
fn a_changed_pin_opens_the_old_one_does_not_and_the_recovery_code_stays() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    t.set_pin("h:1234", "h:EARY3Y5Q7K").unwrap();
    t.check_pin("0000", 0, verify).unwrap();
    t.change_pin("h:9876").unwrap();
    assert_eq!(t.check_pin("9876", 1, verify).unwrap(), PinCheck::Open);
    assert!(matches!(
        t.check_pin("1234", 2, verify).unwrap(),
        PinCheck::Wrong { .. }
    ));
    assert_eq!(
        t.check_pin("EARY3Y5Q7K", 3, verify).unwrap(),
        PinCheck::Recovered
    );
}
