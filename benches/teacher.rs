//! Teacher-mode figures (a bench that prints, not a timed test):
//! `cargo bench --bench teacher`.
//!
//! A class of 35 pupils × 50 sessions × 10 questions on a database file (WAL,
//! synchronous=FULL, as the app runs): recording one pupil's answer with its commit,
//! building every report for the class, and exporting a session to CSV.

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use sauga::quiz::{Question, QuestionKind, QuizOption};
use sauga::storage::Store;
use sauga::teacher::{self, ClassReport, Mode};

const PUPILS: usize = 35;
const SESSIONS: usize = 50;
const QUESTIONS: usize = 10;

fn question(i: usize) -> Question {
    Question {
        id: format!("q{i}"),
        module: "bench".into(),
        kind: QuestionKind::Single,
        tags: vec![["signs", "law", "online"][i % 3].to_string()],
        difficulty: 1,
        pages: vec![],
        scenario: None,
        text: Default::default(),
        options: (0..4)
            .map(|o| QuizOption {
                correct: o == i % 4,
                text: Default::default(),
                feedback: Default::default(),
            })
            .collect(),
        general: Default::default(),
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let dir = std::env::temp_dir().join(format!("sauga-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut store = Store::open(&dir.join("bench.sqlite3")).unwrap();
    let questions: Vec<Question> = (0..QUESTIONS).map(question).collect();
    let keys: Vec<String> = questions.iter().map(|q| q.key()).collect();
    let by_key: BTreeMap<String, &Question> = questions.iter().map(|q| (q.key(), q)).collect();

    let mut t = store.teacher();
    let class = t.create_class("Bench", 0).unwrap();
    let pupils = t.add_numbered(class, PUPILS).unwrap();
    let fill = Instant::now();
    let mut sessions = Vec::new();
    for s in 0..SESSIONS {
        let sid = t
            .start_session(class, "bench", 1, &keys, Mode::Codes, s as i64 * 86_400)
            .unwrap();
        sessions.push(sid);
        for (p, pupil) in pupils.iter().enumerate() {
            let rows: Vec<(String, BTreeSet<usize>, bool)> = questions
                .iter()
                .enumerate()
                .map(|(i, q)| {
                    let chosen = (p * 7 + s * 3 + i) % 4;
                    (
                        q.key(),
                        BTreeSet::from([chosen]),
                        q.is_right(&BTreeSet::from([chosen])),
                    )
                })
                .collect();
            t.record_answers(sid, pupil.id, &rows).unwrap();
        }
    }
    println!(
        "filled {} answers ({PUPILS} pupils × {SESSIONS} sessions × {QUESTIONS} questions) in {:.1} s",
        PUPILS * SESSIONS * QUESTIONS,
        fill.elapsed().as_secs_f64()
    );

    // One pupil's answer to one question, with its commit (a transaction of its own).
    let mut times = Vec::new();
    for i in 0..200 {
        let start = Instant::now();
        t.record_answers(
            sessions[0],
            pupils[i % PUPILS].id,
            &[(keys[0].clone(), BTreeSet::from([i % 4]), i % 4 == 0)],
        )
        .unwrap();
        times.push(start.elapsed());
    }
    let answer = median(times);

    // Every report for the class, as the class screen builds them: loading its rows
    // (`Teacher::class_rows`), then `ClassReport::build` (per session, per pupil over
    // time, per topic, the trend and the hardest questions).
    let mut times = Vec::new();
    let mut loads = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let rows = t.class_rows(class).unwrap();
        loads.push(start.elapsed());
        let report = ClassReport::build(
            &rows.sessions,
            &rows.answers,
            &rows.tallies,
            &by_key,
            &|tag| tag.to_string(),
        );
        std::hint::black_box(report);
        times.push(start.elapsed());
    }
    let reports = median(times);
    let load = median(loads);

    // The class to CSV, one file per session.
    let all_sessions = t.sessions(class).unwrap();
    let answers = t.answers(class).unwrap();
    let pupil_list = t.pupils(class).unwrap();
    let mut times = Vec::new();
    for _ in 0..20 {
        let start = Instant::now();
        let grouped = teacher::by_session(&answers);
        let mut bytes = 0;
        for s in &all_sessions {
            let these = grouped.get(&s.id).copied().unwrap_or(&[]);
            bytes += teacher::session_csv(
                s,
                &pupil_list,
                these,
                &|k| k.to_string(),
                ["Pupil", "Right", "%"],
                teacher::CsvStyle::for_lang(sauga::lang::Lang::Lt),
            )
            .unwrap()
            .len();
        }
        std::hint::black_box(bytes);
        times.push(start.elapsed());
    }
    let csv = median(times);

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "record one answer (with commit):     {:8.3} ms   (aim ≤ 2 ms)",
        ms(answer)
    );
    println!(
        "all reports for the class:           {:8.3} ms   (aim ≤ 10 ms)",
        ms(reports)
    );
    println!(
        "  of which loading the class's rows: {:8.3} ms; computing the reports: {:.3} ms",
        ms(load),
        ms(reports) - ms(load)
    );
    println!(
        "the class to CSV (50 sessions):      {:8.3} ms   (aim ≤ 50 ms)",
        ms(csv)
    );
    drop(store);
    let _ = std::fs::remove_dir_all(&dir);
}
