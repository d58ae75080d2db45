//! Backups on a real database: no PIN in them, a round trip that changes nothing, a
//! broken file refused whole, crafted numbers refused with their place, and any file
//! the check accepts restored and read by every report.

use std::collections::BTreeMap;

use crate::lang::Lang;
use crate::quiz::Question;
use crate::storage::teacher::tests::{class_with_two_sessions, question, verify};
use crate::storage::Store;
use crate::teacher::report::ClassReport;
use crate::teacher::{session_csv, CsvStyle, PinCheck, RestoreError};

#[test]
fn no_pin_in_the_backup() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    class_with_two_sessions(&mut t);
    t.set_pin("h:PIN-HASH-1234", "h:RECOVERY-HASH").unwrap();
    assert!(t.has_pin().unwrap());
    let json = t.backup().unwrap();
    assert!(json.contains("sauga-teacher-backup"));
    assert!(
        !json.contains("PIN-HASH-1234") && !json.contains("RECOVERY-HASH"),
        "neither the PIN's hash nor the recovery code's is in the backup"
    );
    // Restoring it keeps the PIN this device has.
    assert_eq!(t.restore(&json).unwrap(), 1);
    assert_eq!(
        t.check_pin("PIN-HASH-1234", 0, verify).unwrap(),
        PinCheck::Open
    );
}

#[test]
fn a_backup_restores_the_same_and_a_broken_one_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let f = class_with_two_sessions(&mut t);
    let answers = t.answers(f.class).unwrap();
    let tallies = t.tallies(f.class).unwrap();
    let json = t.backup().unwrap();
    let broken = json.replacen("\"shared\"", "\"carrier pigeon\"", 1);
    assert_ne!(broken, json);
    let before = (t.classes().unwrap(), t.answers(f.class).unwrap().len());
    assert!(matches!(
        t.restore(&broken),
        Err(RestoreError::Invalid { .. })
    ));
    assert!(matches!(
        t.restore("{ not json"),
        Err(RestoreError::NotJson { line: 1, .. })
    ));
    assert_eq!(
        t.restore("{\"format\": \"sauga-teacher-backup\", \"version\": 9}"),
        Err(RestoreError::TooNew(9))
    );
    assert_eq!(
        (t.classes().unwrap(), t.answers(f.class).unwrap().len()),
        before,
        "nothing changed"
    );
    assert_eq!(t.restore(&json).unwrap(), 1);
    let restored = t.classes().unwrap();
    assert_eq!(restored.len(), 1);
    let new_id = restored[0].id;
    assert_eq!(t.pupils(new_id).unwrap().len(), 5);
    assert_eq!(t.answers(new_id).unwrap().len(), answers.len());
    assert_eq!(t.tallies(new_id).unwrap().len(), tallies.len());
    assert_eq!(
        t.backup().unwrap(),
        json,
        "backup → restore → backup is stable"
    );
}

/// A small deterministic generator for the property test below.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    /// Mostly ordinary values, sometimes the extremes a crafted file would hold.
    fn number(&mut self, usual: u64) -> u64 {
        match self.below(10) {
            0 => [0, 1, u32::MAX as u64, i64::MAX as u64, 1 << 40][self.below(5) as usize],
            _ => self.below(usual),
        }
    }
    fn text(&mut self) -> String {
        match self.below(8) {
            0 => String::new(),
            1 => "a\nb".into(),
            2 => "x".repeat(self.below(300) as usize),
            _ => ["m/q1", "m/q2", "8B", "ŽS", "own-1/q1"][self.below(5) as usize].into(),
        }
    }
}

fn random_backup(g: &mut Gen) -> serde_json::Value {
    use serde_json::json;
    let keys = ["m/q1", "m/q2", "m/q3"];
    let classes: Vec<_> = (0..g.below(3))
        .map(|_| {
            let pupils: Vec<u64> = (0..g.below(6)).map(|_| g.number(8)).collect();
            let sessions: Vec<_> = (0..g.below(4))
                .map(|_| {
                    let questions: Vec<String> = (0..g.below(4))
                        .map(|_| {
                            if g.below(6) == 0 {
                                g.text()
                            } else {
                                keys[g.below(3) as usize].into()
                            }
                        })
                        .collect();
                    let answers: Vec<_> = (0..g.below(8))
                        .map(|_| {
                            json!([
                                pupils.get(g.below(6) as usize).copied().unwrap_or(1),
                                questions.first().cloned().unwrap_or_default(),
                                (0..g.below(3)).map(|_| g.number(4)).collect::<Vec<_>>(),
                                g.below(2) == 0
                            ])
                        })
                        .collect();
                    let tallies: Vec<_> = (0..g.below(5))
                        .map(|_| {
                            json!([
                                questions.get(g.below(3) as usize).cloned().unwrap_or_default(),
                                g.number(4),
                                g.number(30)
                            ])
                        })
                        .collect();
                    json!({
                        "quiz_id": if g.below(8) == 0 { g.text() } else { "m".into() },
                        "quiz_version": g.number(3),
                        "questions": questions,
                        "mode": (["codes", "tally", "shared", "pigeon"][g.below(4) as usize]),
                        "started_at": g.number(2_000_000_000),
                        "answers": answers,
                        "tallies": tallies,
                    })
                })
                .collect();
            json!({
                "name": g.text(),
                "archived": g.below(2) == 0,
                "created_at": g.number(2_000_000_000),
                "pupils": pupils.iter().map(|n| json!({"number": n, "nickname": "P"})).collect::<Vec<_>>(),
                "sessions": sessions,
            })
        })
        .collect();
    let own: Vec<_> = (0..g.below(3))
        .map(|_| {
            json!([
                g.number(5),
                "Mine",
                (["lt", "en", "xx"][g.below(3) as usize]),
                "::Q1:: Pick {=a ~b}",
                g.number(3)
            ])
        })
        .collect();
    json!({"format": "sauga-teacher-backup", "version": 1, "classes": classes, "own_quizzes": own})
}

#[test]
fn any_backup_the_check_accepts_restores_and_opens_every_report() {
    let mut g = Gen(0x5eed_cafe);
    let q = |key: &str| question(key, 0, &["signs"]);
    let (q1, q2, q3) = (q("m/q1"), q("m/q2"), q("m/q3"));
    let questions: BTreeMap<String, &Question> =
        [(q1.key(), &q1), (q2.key(), &q2), (q3.key(), &q3)]
            .into_iter()
            .collect();
    let mut accepted = 0;
    for round in 0..600 {
        let json = random_backup(&mut g).to_string();
        if crate::teacher::check_backup(&json).is_err() {
            continue;
        }
        accepted += 1;
        let mut store = Store::open_in_memory().unwrap();
        let mut t = store.teacher();
        t.restore(&json)
            .unwrap_or_else(|e| panic!("round {round}: accepted but not restored: {e}\n{json}"));
        for class in t.classes().unwrap() {
            let rows = t.class_rows(class.id).unwrap();
            let report = ClassReport::build(
                &rows.sessions,
                &rows.answers,
                &rows.tallies,
                &questions,
                &|tag| tag.to_string(),
            );
            assert_eq!(report.per_session.len(), rows.sessions.len());
            for s in &rows.sessions {
                session_csv(
                    s,
                    &rows.pupils,
                    &rows.answers,
                    &|k| k.to_string(),
                    ["P", "R", "%"],
                    CsvStyle::for_lang(crate::lang::Lang::En),
                )
                .unwrap();
            }
            // Adding a pupil after the restored ones still works.
            t.add_numbered(class.id, 1).unwrap();
        }
        t.save_own_quiz(None, "After", Lang::Lt, "::Q:: ok {=a ~b}", 0)
            .unwrap_or_else(|e| panic!("round {round}: own quiz save fails: {e:?}\n{json}"));
    }
    assert!(
        accepted > 50,
        "only {accepted} random backups were accepted"
    );
}

#[test]
fn crafted_numbers_in_a_backup_are_refused_with_the_place_named() {
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    class_with_two_sessions(&mut t);
    t.save_own_quiz(None, "Mine", Lang::Lt, "::Q:: ok {=a ~b}", 0)
        .unwrap();
    let good: serde_json::Value = serde_json::from_str(&t.backup().unwrap()).unwrap();
    assert!(crate::teacher::check_backup(&good.to_string()).is_ok());
    type Edit = fn(&mut serde_json::Value);
    let cases: [(&str, Edit, &str); 6] = [
        (
            "a tally of 2^40",
            |b| b["classes"][0]["sessions"][1]["tallies"][0][1] = (1u64 << 40).into(),
            "tally",
        ),
        (
            "pupil number u32::MAX",
            |b| b["classes"][0]["pupils"][4]["number"] = u32::MAX.into(),
            "pupil number",
        ),
        (
            "own quiz id i64::MAX",
            |b| b["own_quizzes"][0][0] = i64::MAX.into(),
            "own quiz id",
        ),
        (
            "an empty question key",
            |b| b["classes"][0]["sessions"][0]["questions"][0] = "".into(),
            "question key",
        ),
        (
            "a question key with a new line",
            |b| b["classes"][0]["sessions"][0]["questions"][0] = "m/q1\nm/q9".into(),
            "question key",
        ),
        (
            "an option past the last",
            |b| b["classes"][0]["sessions"][0]["answers"][0][2] = serde_json::json!([99]),
            "option",
        ),
    ];
    for (what, edit, named) in cases {
        let mut b = good.clone();
        edit(&mut b);
        match crate::teacher::check_backup(&b.to_string()) {
            Err(RestoreError::Invalid { message, .. }) => {
                assert!(message.contains(named), "{what}: {message}")
            }
            other => panic!("{what}: {other:?}"),
        }
    }
}
