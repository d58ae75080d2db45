//! Hostile input in the suite: a bounded, seeded fuzz run of every target (GIFT,
//! backups, result codes, content files), and every input a longer run ever found
//! failing, kept in `tests/fixtures/fuzz/TARGET/` as a regression test. Longer runs:
//! `cargo run --release --example fuzz -- TARGET SECONDS` (see the README).

#[path = "../fuzz/engine.rs"]
mod engine;

use engine::{check, corpus, fuzz, Target};

/// Inputs per target in `cargo test` (a few seconds in all).
const EXECUTIONS: u64 = 1_500;

#[test]
fn every_target_survives_a_seeded_run() {
    let c = corpus();
    for target in Target::ALL {
        let found = fuzz(target, 0x5A06A, &c, &mut |n| n < EXECUTIONS);
        assert_eq!(found.executions, EXECUTIONS);
        if let Some((input, why)) = found.failures.first() {
            panic!(
                "{}: {} of {EXECUTIONS} inputs failed; the first: {why}\ninput: {input:?}",
                target.name(),
                found.failures.len()
            );
        }
    }
}

#[test]
fn inputs_that_once_failed_pass_now() {
    let c = corpus();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz");
    let mut replayed = 0;
    for target in Target::ALL {
        let Ok(dir) = std::fs::read_dir(root.join(target.name())) else {
            continue;
        };
        for entry in dir {
            let path = entry.unwrap().path();
            let input = std::fs::read_to_string(&path).unwrap();
            if let Err(why) = check(target, &input, &c) {
                panic!("{}: {why}", path.display());
            }
            replayed += 1;
        }
    }
    // The folder holds what longer runs found; it may be empty while nothing has.
    println!("replayed {replayed} saved inputs");
}
