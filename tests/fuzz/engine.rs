//! A fuzz engine on stable Rust (no new crate): seeded mutations of real inputs fed
//! to the parts that read what people and files bring — GIFT text, teacher backups,
//! typed result codes and content files. Each target checks more than "no panic":
//! an accepted backup must restore and open every report; a code made from answers
//! must read back as those answers.
//!
//! Shared by `tests/it/fuzz.rs` (a bounded run in `cargo test`, plus every saved
//! crashing input as a regression test) and `examples/fuzz.rs` (a timed run that
//! prints executions and findings).

#![allow(dead_code)] // each user of the engine takes what it needs

use std::collections::BTreeMap;
use std::path::Path;

use sauga::content::{self, Catalog, ContentFile};
use sauga::dates::Date;
use sauga::lang::Lang;
use sauga::quiz::resultcode::{self, Answer, Slot};
use sauga::quiz::{Question, Quiz};
use sauga::storage::Store;
use sauga::teacher::{session_csv, ClassReport, CsvStyle, Mode};

/// What is fuzzed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Gift,
    Backup,
    Codes,
    Content,
}

impl Target {
    pub const ALL: [Target; 4] = [Target::Gift, Target::Backup, Target::Codes, Target::Content];

    pub fn name(self) -> &'static str {
        match self {
            Target::Gift => "gift",
            Target::Backup => "backup",
            Target::Codes => "codes",
            Target::Content => "content",
        }
    }

    pub fn from_name(name: &str) -> Option<Target> {
        Target::ALL.into_iter().find(|t| t.name() == name)
    }
}

/// xorshift64*: small, seeded, reproducible.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// Pieces that matter to the formats read here.
const TOKENS: &[&str] = &[
    "{",
    "}",
    "=",
    "~",
    "#",
    "####",
    "%",
    "%50%",
    "%-100%",
    "::",
    "\\",
    "\\n",
    "\n",
    "\n\n",
    "\"",
    ",",
    ":",
    "[",
    "]",
    "0",
    "-1",
    "255",
    "65535",
    "4294967295",
    "18446744073709551615",
    "9223372036854775807",
    "1e308",
    "null",
    "true",
    "{T}",
    "{F}",
    "[html]",
    "[markdown]",
    "<b>",
    "&amp;",
    "ž",
    "Ж",
    "\u{0}",
    "\u{FEFF}",
    "\r\n",
    "//",
    "$CATEGORY:",
    "=",
    "[[",
    "]]",
    "title = ",
    "lt = \"\"",
    "+370",
    "tel:",
    "https://",
    "](",
    "**",
    "- [ ] ",
];

/// One input changed in one to four places: characters flipped, dropped, doubled or
/// moved, and tokens of the formats inserted.
pub fn mutate(rng: &mut Rng, input: &str) -> String {
    let mut chars: Vec<char> = input.chars().collect();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(chars.len() + 1);
        match rng.below(7) {
            0 if !chars.is_empty() => {
                let end = (at + 1 + rng.below(16)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            1 => {
                let token: Vec<char> = TOKENS[rng.below(TOKENS.len())].chars().collect();
                chars.splice(at..at, token);
            }
            2 if !chars.is_empty() => {
                let from = rng.below(chars.len());
                let len = (1 + rng.below(32)).min(chars.len() - from);
                let piece: Vec<char> = chars[from..from + len].to_vec();
                chars.splice(at..at, piece);
            }
            3 if at < chars.len() => {
                chars[at] = char::from_u32(rng.below(0x500) as u32).unwrap_or('?');
            }
            4 if at < chars.len() && chars[at].is_ascii_digit() => {
                chars[at] = char::from(b'0' + rng.below(10) as u8);
            }
            5 => {
                let digits: Vec<char> = rng.next().to_string().chars().collect();
                chars.splice(at..at, digits);
            }
            _ if !chars.is_empty() => {
                let from = rng.below(chars.len());
                let to = at.min(chars.len() - 1);
                chars.swap(from, to);
            }
            _ => chars.push(TOKENS[rng.below(TOKENS.len())].chars().next().unwrap()),
        }
    }
    chars.into_iter().collect()
}

/// The inputs mutations start from.
pub struct Corpus {
    pub gift: Vec<String>,
    pub backup: Vec<String>,
    pub codes: Vec<String>,
    pub content: Vec<ContentFile>,
    quiz: Quiz,
    questions: Vec<Question>,
}

fn fixture_dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/good"))
}

pub fn corpus() -> Corpus {
    let catalog = Catalog::embedded();
    let quiz = catalog.quizzes[0].clone();
    let questions: Vec<Question> = catalog
        .quizzes
        .iter()
        .flat_map(|q| q.questions.clone())
        .collect();
    let mut gift: Vec<String> = catalog
        .quizzes
        .iter()
        .take(3)
        .map(|q| sauga::gift::write(&sauga::gift::from_questions(&q.questions, Lang::Lt)))
        .collect();
    gift.push(
        "// a comment\n$CATEGORY: top\n::A:: Is it a sign? {T #Yes.}\n\n\
         ::B:: [markdown]Pick {=right #Good. ~wrong #No. ####Ask for help.}\n\n\
         ::C:: Which? {~%50%one ~%50%two ~%-100%three}\n\n\
         ::D:: Escapes \\{ \\} \\= \\~ \\# \\: \\\\ {=a\\nb ~c}\n"
            .into(),
    );
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    let class = t.create_class("8B", 1).unwrap();
    let pupils = t.add_pupils(class, "AK\nBT\n-\nŽS").unwrap();
    let keys: Vec<String> = quiz.questions.iter().map(|q| q.key()).collect();
    for (n, mode) in [Mode::Codes, Mode::Tally, Mode::Shared]
        .into_iter()
        .enumerate()
    {
        let sid = t
            .start_session(class, &quiz.id, quiz.version, &keys, mode, 100 + n as i64)
            .unwrap();
        if mode == Mode::Tally {
            t.record_tally(sid, &keys[0], &[3, 1, 0]).unwrap();
        } else {
            for p in &pupils {
                let rows: Vec<_> = quiz
                    .questions
                    .iter()
                    .map(|q| {
                        let chosen = [0usize].into_iter().collect();
                        let right = q.is_right(&chosen);
                        (q.key(), chosen, right)
                    })
                    .collect();
                t.record_answers(sid, p.id, &rows).unwrap();
            }
        }
    }
    t.save_own_quiz(None, "Mano", Lang::Lt, &gift[3], 0)
        .unwrap();
    let backup = vec![t.backup().unwrap()];
    let slots = quiz.slots();
    let mut rng = Rng::new(42);
    let codes = (0..8)
        .map(|_| {
            let answers = random_answers(&mut rng, &slots);
            resultcode::encode(&quiz.id, quiz.version, &slots, &answers).unwrap()
        })
        .collect();
    let content = sauga::platform::read_content_dir(fixture_dir()).unwrap();
    Corpus {
        gift,
        backup,
        codes,
        content,
        quiz,
        questions,
    }
}

fn random_answers(rng: &mut Rng, slots: &[Slot]) -> Vec<Answer> {
    slots
        .iter()
        .map(|s| match *s {
            Slot::One { options } => vec![rng.below(options as usize) as u8],
            Slot::Many { options } => (0..options).filter(|_| rng.below(2) == 0).collect(),
        })
        .collect()
}

/// One mutated input of `target`, as text (a content input is the file's path, a
/// new line, then its text; a code round trip is `answers:` and the answers as JSON).
pub fn make_input(target: Target, rng: &mut Rng, c: &Corpus) -> String {
    match target {
        Target::Gift => {
            let seed = &c.gift[rng.below(c.gift.len())];
            mutate(rng, seed)
        }
        Target::Backup => {
            let seed = &c.backup[rng.below(c.backup.len())];
            mutate(rng, seed)
        }
        Target::Codes if rng.below(3) == 0 => {
            let answers = random_answers(rng, &c.quiz.slots());
            format!("answers:{}", serde_json::to_string(&answers).unwrap())
        }
        Target::Codes => {
            let seed = &c.codes[rng.below(c.codes.len())];
            mutate(rng, seed)
        }
        Target::Content => {
            let f = &c.content[rng.below(c.content.len())];
            format!("{}\n{}", f.path, mutate(rng, &f.text))
        }
    }
}

/// Runs one input of `target` (made by [`make_input`], or saved from a failure).
pub fn check(target: Target, input: &str, c: &Corpus) -> Result<(), String> {
    match target {
        Target::Gift => check_gift(input),
        Target::Backup => check_backup_input(input, c),
        Target::Codes => match input.strip_prefix("answers:") {
            Some(json) => {
                let answers: Vec<Answer> = serde_json::from_str(json).map_err(|e| e.to_string())?;
                check_code_round_trip(&answers, c)
            }
            None => check_code(input, c),
        },
        Target::Content => {
            let (path, text) = input.split_once('\n').unwrap_or((input, ""));
            let mut files = c.content.clone();
            match files.iter_mut().find(|f| f.path == path) {
                Some(f) => f.text = text.to_string(),
                None => files.push(ContentFile {
                    path: path.to_string(),
                    text: text.to_string(),
                }),
            }
            check_content(&files)
        }
    }
}

fn check_gift(input: &str) -> Result<(), String> {
    if let Ok(questions) = sauga::gift::parse(input) {
        let _ = sauga::gift::to_questions(&questions, "own-1", Lang::Lt);
        let _ = sauga::teacher::gift_to_drafts(&questions);
        let written = sauga::gift::write(&questions);
        sauga::gift::parse(&written)
            .map_err(|e| format!("what was read does not read back once written: {e:?}"))?;
    }
    Ok(())
}

fn check_backup_input(input: &str, c: &Corpus) -> Result<(), String> {
    if sauga::teacher::check_backup(input).is_err() {
        return Ok(());
    }
    let mut store = Store::open_in_memory().unwrap();
    let mut t = store.teacher();
    t.restore(input)
        .map_err(|e| format!("accepted but not restored: {e}"))?;
    let by_key: BTreeMap<String, &Question> = c.questions.iter().map(|q| (q.key(), q)).collect();
    for class in t.classes().map_err(|e| e.to_string())? {
        let rows = t.class_rows(class.id).map_err(|e| e.to_string())?;
        let report = ClassReport::build(
            &rows.sessions,
            &rows.answers,
            &rows.tallies,
            &by_key,
            &|tag| tag.to_string(),
        );
        if report.per_session.len() != rows.sessions.len() {
            return Err("a session has no report".into());
        }
        for s in &rows.sessions {
            session_csv(
                s,
                &rows.pupils,
                &rows.answers,
                &|k| k.to_string(),
                ["P", "R", "%"],
                CsvStyle::for_lang(sauga::lang::Lang::Lt),
            )
            .map_err(|e| e.to_string())?;
        }
        t.add_numbered(class.id, 1)
            .map_err(|e| format!("a pupil cannot be added after the restore: {e}"))?;
    }
    t.save_own_quiz(None, "After", Lang::Lt, "::Q:: ok {=a ~b}", 0)
        .map_err(|e| format!("an own quiz cannot be saved after the restore: {e:?}"))?;
    Ok(())
}

fn check_code(input: &str, c: &Corpus) -> Result<(), String> {
    let _ = resultcode::decode(input, &c.quiz.id, c.quiz.version, &c.quiz.slots());
    Ok(())
}

fn check_code_round_trip(answers: &[Answer], c: &Corpus) -> Result<(), String> {
    let slots = c.quiz.slots();
    let code = resultcode::encode(&c.quiz.id, c.quiz.version, &slots, answers)
        .map_err(|e| format!("answers a quiz allows do not make a code: {e}"))?;
    let decoded = resultcode::decode(&code, &c.quiz.id, c.quiz.version, &slots)
        .map_err(|e| format!("a code just made does not read: {e}"))?;
    if decoded.answers != answers {
        return Err(format!(
            "read back {:?}, made from {answers:?}",
            decoded.answers
        ));
    }
    Ok(())
}

fn check_content(files: &[ContentFile]) -> Result<(), String> {
    let (catalog, _problems) = content::load(files, Date::parse("2026-11-26").unwrap());
    // Whatever loaded must be usable as the app uses it.
    for m in &catalog.modules {
        let _ = content::reading_levels(&catalog);
        let _ = catalog.picture_of(m).map(|p| p.data_uri());
    }
    Ok(())
}

/// What a run found: how many inputs ran, and each failing input with its reason.
pub struct Findings {
    pub executions: u64,
    pub failures: Vec<(String, String)>,
}

/// Runs `target` from `seed` until `keep_going` says stop (it is asked before each
/// input with the count so far). Panics are caught and count as failures.
pub fn fuzz(
    target: Target,
    seed: u64,
    c: &Corpus,
    keep_going: &mut dyn FnMut(u64) -> bool,
) -> Findings {
    let mut rng = Rng::new(seed);
    let mut findings = Findings {
        executions: 0,
        failures: Vec::new(),
    };
    while keep_going(findings.executions) {
        let tried = make_input(target, &mut rng, c);
        let outcome =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(target, &tried, c)));
        findings.executions += 1;
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(why)) => findings.failures.push((tried, why)),
            Err(panic) => {
                let why = panic
                    .downcast_ref::<String>()
                    .cloned()
                    .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
                    .unwrap_or_else(|| "panic".into());
                findings.failures.push((tried, format!("panicked: {why}")));
            }
        }
    }
    findings
}
