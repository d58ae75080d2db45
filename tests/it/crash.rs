//! Killed mid-write: the process is killed (SIGKILL) at random moments while it
//! creates its database for the first time, and while it records answers and
//! sessions. Every next start must open the file, SQLite's integrity check must pass,
//! and every write whose commit had returned must be there.
//!
//! The child is this same test binary, run with `--ignored --exact crash::child` and
//! told what to do through `SAUGA_CRASH_CHILD`; it reports each finished write on
//! standard output.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use sauga::platform::open_db_file;
use sauga::storage::SCHEMA_VERSION;
use sauga::teacher::Mode;

const QUESTIONS: [&str; 3] = ["m/q1", "m/q2", "m/q3"];
const PUPILS: usize = 30;

/// A small deterministic generator for kill delays (no clock-based randomness, so
/// a failure can be run again the same way).
struct Delays(u64);

impl Delays {
    fn next_ms(&mut self, from: u64, to: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        from + (self.0 >> 33) % (to - from)
    }
}

fn spawn(task: &str) -> Child {
    Command::new(std::env::current_exe().unwrap())
        .args([
            "--ignored",
            "--exact",
            "crash::child",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("SAUGA_CRASH_CHILD", task)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap()
}

/// Not a test of its own: what the killed process does (run by the tests below).
#[test]
#[ignore = "run by the crash tests as their child process"]
fn child() {
    let Ok(task) = std::env::var("SAUGA_CRASH_CHILD") else {
        return;
    };
    let (kind, path) = task.split_once(':').unwrap();
    let path = PathBuf::from(path);
    match kind {
        // First starts, one after another, each in a folder of its own.
        "first-start" => {
            for n in 0.. {
                let dir = path.join(format!("start-{n}"));
                std::fs::create_dir_all(&dir).unwrap();
                println!("starting {n}");
                open_db_file(&dir.join("sauga.sqlite3")).unwrap();
            }
        }
        // Answers and sessions, each reported once its commit has returned.
        "answers" => {
            let mut store = open_db_file(&path).unwrap();
            let mut t = store.teacher();
            let class = t.classes().unwrap()[0].id;
            let pupils = t.pupils(class).unwrap();
            let keys: Vec<String> = QUESTIONS.iter().map(|k| k.to_string()).collect();
            let mut session = None;
            for i in 0usize.. {
                if i % 10 == 0 {
                    let s = t
                        .start_session(class, "m", 1, &keys, Mode::Codes, i as i64)
                        .unwrap();
                    println!("session {s}");
                    session = Some(s);
                }
                let pupil = pupils[i % PUPILS].id;
                let rows: Vec<_> = keys
                    .iter()
                    .map(|k| (k.clone(), BTreeSet::from([i % 3]), i % 3 == 0))
                    .collect();
                t.record_answers(session.unwrap(), pupil, &rows).unwrap();
                println!("answer {} {pupil}", session.unwrap());
            }
        }
        other => panic!("unknown child task {other}"),
    }
}

/// Runs the child on `task`, reads its reports for `ms` milliseconds, then kills it.
fn run_and_kill(task: &str, ms: u64) -> Vec<String> {
    let mut child = spawn(task);
    let stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .collect::<Vec<String>>()
    });
    std::thread::sleep(Duration::from_millis(ms));
    child.kill().unwrap();
    child.wait().unwrap();
    reader.join().unwrap()
}

fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    out.sort();
    out
}

#[test]
fn a_first_start_cut_short_never_leaves_an_unopenable_database() {
    let dir = tempfile::tempdir().unwrap();
    let mut delays = Delays(7);
    let started = Instant::now();
    let mut kills = 0;
    let mut cut_short = 0;
    while kills < 100 && started.elapsed() < Duration::from_secs(60) {
        let round = dir.path().join(format!("round-{kills}"));
        std::fs::create_dir_all(&round).unwrap();
        let reports = run_and_kill(
            &format!("first-start:{}", round.display()),
            delays.next_ms(15, 60),
        );
        kills += 1;
        let last = reports.len();
        for start in folders(&round) {
            let path = start.join("sauga.sqlite3");
            if !path.exists() {
                cut_short += 1;
            }
            // The next start opens it (or makes it anew), whatever the kill left.
            let store = open_db_file(&path)
                .unwrap_or_else(|e| panic!("{}: {e} (after {last} starts)", path.display()));
            assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION);
            assert!(store.integrity_ok().unwrap(), "{}", path.display());
        }
    }
    assert!(kills >= 100, "only {kills} kills in a minute");
    assert!(cut_short > 0, "no kill landed during a first start");
}

#[test]
fn answers_whose_commit_returned_survive_kills() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sauga.sqlite3");
    {
        let mut store = open_db_file(&path).unwrap();
        let mut t = store.teacher();
        let class = t.create_class("Crash", 0).unwrap();
        t.add_numbered(class, PUPILS).unwrap();
    }
    let mut delays = Delays(11);
    let mut sessions = BTreeSet::new();
    let mut answers = BTreeSet::new();
    let mut writes = 0;
    let mut kills = 0;
    let started = Instant::now();
    while (kills < 20 || writes < 1_000) && started.elapsed() < Duration::from_secs(90) {
        let reports = run_and_kill(
            &format!("answers:{}", path.display()),
            delays.next_ms(40, 160),
        );
        kills += 1;
        // The test harness prints lines of its own; each report is one whole line.
        for line in &reports {
            let words: Vec<&str> = line.split(' ').collect();
            let number = |i: usize| words[i].parse::<i64>().unwrap();
            match words.as_slice() {
                ["session", _] => {
                    sessions.insert(number(1));
                }
                ["answer", _, _] => {
                    answers.insert((number(1), number(2)));
                }
                _ => continue,
            }
            writes += 1;
        }
        let mut store = open_db_file(&path).unwrap();
        assert!(store.integrity_ok().unwrap(), "after kill {kills}");
        let t = store.teacher();
        let class = t.classes().unwrap()[0].id;
        let kept_sessions: BTreeSet<i64> =
            t.sessions(class).unwrap().iter().map(|s| s.id).collect();
        let kept_answers: BTreeSet<(i64, i64)> = t
            .answers(class)
            .unwrap()
            .iter()
            .map(|a| (a.session_id, a.pupil_id))
            .collect();
        assert!(
            sessions.is_subset(&kept_sessions),
            "a reported session is gone"
        );
        let lost: Vec<_> = answers.difference(&kept_answers).collect();
        assert!(lost.is_empty(), "reported answers are gone: {lost:?}");
    }
    assert!(kills >= 20, "{kills} kills");
    assert!(writes >= 1_000, "{writes} writes");
}
